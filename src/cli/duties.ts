import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { z } from 'zod';
import { labelOf } from '../shared/cases/codes';
import { DeliveryMethod, InstitutionType, UserNotApplicableReason, TASK_STATUSES } from '../shared/duties/codes';
import type { DutyTask, InstalledRuleSet } from '../shared/duties/schemas';
import { ErrorCode } from '../shared/errors';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import {
  activeRuleSet,
  activeRuleSetInfo,
  addInstitution,
  completeTask,
  complianceReport,
  exportRuleSet,
  importInstitutions,
  importRuleSet,
  INSTITUTION_FILE_MAX_BYTES,
  installExampleRuleSet,
  listCaseTasks,
  listInstitutions,
  listRuleSets,
  localDateTime,
  markNotApplicable,
  myDashboard,
  recomputeAll,
  RULE_SET_LIMITS,
  trustRuleSigner,
  VILNIUS,
  workload,
} from '../core/duties';
import { reportCsv, reportWorkbook, recipientLabel } from '../core/duties/reportFile';
import { writeFileAtomic } from '../core/fs/atomic';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { FilePath, oneFileArg, readBounded, readSecret } from './io';
import { errorText, tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

/**
 * `sauga duties`: the institution registry, the information-duty rules, the tasks they make,
 * the dashboard and the compliance report. Access is enforced in core; the CLI only parses
 * options and prints. A refused rule set file is a failed check (exit 1).
 */

export const DUTIES_OPTIONS = {
  name: { type: 'string' },
  type: { type: 'string' },
  municipality: { type: 'string' },
  contact: { type: 'string' },
  case: { type: 'string' },
  at: { type: 'string' },
  what: { type: 'string' },
  recipient: { type: 'string' },
  method: { type: 'string' },
  reason: { type: 'string' },
  note: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  days: { type: 'string' },
  version: { type: 'string' },
  issuer: { type: 'string' },
} as const;

export type DutiesContext = CommandContext & { args?: readonly string[] };

const Unlock = { vault: FilePath, user: UserName, 'passphrase-file': FilePath };
const Count = z
  .string()
  .regex(/^\d{1,4}$/u)
  .transform(Number);

async function withSession<T>(
  ctx: DutiesContext,
  o: { vault: string; user: string; 'passphrase-file': string },
  fn: (s: VaultSession) => T | Promise<T>,
): Promise<T> {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return await fn(session);
  } finally {
    session.lock();
  }
}

function readOneFile(ctx: DutiesContext, maxBytes: number, tooBig: ErrorCode): { path: string; bytes: Buffer } {
  const path = oneFileArg(ctx.args, 'file');
  return { path, bytes: readBounded(path, maxBytes, tooBig, 'file') };
}

function refuseExisting(path: string): void {
  if (existsSync(path)) throw new AppError(ErrorCode.OutputExists, 'the output file exists');
}

const CHECK_FAILURES = new Set<ErrorCode>([ErrorCode.DutyRuleSetRejected, ErrorCode.DutyRuleSetVersionOld]);

async function asCheck(ctx: DutiesContext, fn: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || !CHECK_FAILURES.has(e.code)) throw e;
    return {
      exitCode: 1,
      json: { error: { code: e.code, message: e.message } },
      text: [tr(ctx.lang, 'dutRefused', { reason: errorText(ctx.lang, e.code), code: e.code, detail: e.message })],
    };
  }
}

const when = (iso: string): string => localDateTime(iso, VILNIUS);

function ruleSetLine(ctx: DutiesContext, r: InstalledRuleSet): string {
  return tr(ctx.lang, r.example ? 'dutRuleSetExample' : 'dutRuleSet', {
    version: r.version,
    title: r.title[ctx.lang],
    source: r.source,
    issuer: r.issuer,
    rules: r.ruleCount,
    installed: r.installedAt.slice(0, 10),
  });
}

function taskLine(ctx: DutiesContext, t: DutyTask): string {
  const status = t.overdue ? 'overdue' : t.state;
  const recipient = t.plan.recipient.kind === 'VICTIM' ? 'VICTIM' : t.plan.recipient.type;
  return tr(ctx.lang, 'dutTask', {
    code: t.caseCode,
    status: labelOf(TASK_STATUSES, status, ctx.lang),
    title: t.plan.title[ctx.lang],
    recipient: recipientLabel(recipient, ctx.lang),
    due: when(t.dueAt),
    consent: tr(ctx.lang, t.plan.consent === 'MISSING' ? 'dutConsentMissing' : 'dutConsentOk'),
    id: t.id,
  });
}

export const dutiesCommands: Record<string, (ctx: DutiesContext) => Promise<CommandResult>> = {
  async institutions(ctx) {
    const o = parseOptions(z.object({ ...Unlock, type: InstitutionType.optional() }), ctx.options);
    return withSession(ctx, o, (s) => {
      const list = listInstitutions(s.db, o.type ? { type: o.type } : {});
      return {
        exitCode: 0,
        json: { institutions: list },
        text:
          list.length > 0
            ? list.map((i) =>
                tr(ctx.lang, 'dutInstitution', {
                  name: i.name,
                  type: recipientLabel(i.type, ctx.lang),
                  municipality: i.municipality ?? '—',
                  contact: i.contact ?? '—',
                  id: i.id,
                }),
              )
            : [tr(ctx.lang, 'dutNoInstitutions')],
      };
    });
  },

  async 'institution-add'(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        name: z.string().max(400),
        type: InstitutionType,
        municipality: z.string().max(400).optional(),
        contact: z.string().max(1000).optional(),
      }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const i = addInstitution(s, {
        name: o.name,
        type: o.type,
        municipality: o.municipality ?? null,
        contact: o.contact ?? null,
      });
      return { exitCode: 0, json: { institution: i }, text: [tr(ctx.lang, 'dutInstitutionAdded', { id: i.id })] };
    });
  },

  async 'institutions-import'(ctx) {
    const o = parseOptions(z.object({ ...Unlock, format: z.enum(['json', 'csv']).optional() }), ctx.options);
    const file = readOneFile(ctx, INSTITUTION_FILE_MAX_BYTES, ErrorCode.InvalidInput);
    const format = o.format ?? (extname(file.path).toLowerCase() === '.csv' ? 'csv' : 'json');
    return withSession(ctx, o, (s) => {
      const r = importInstitutions(s, file.bytes, format);
      return { exitCode: 0, json: { ...r }, text: [tr(ctx.lang, 'dutInstitutionsImported', { ...r })] };
    });
  },

  async rules(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    return withSession(ctx, o, (s) => {
      const active = activeRuleSetInfo(s.db);
      const doc = activeRuleSet(s.db)?.document;
      return {
        exitCode: 0,
        json: { active, history: listRuleSets(s.db), rules: doc?.rules ?? [] },
        text: active
          ? [
              ruleSetLine(ctx, active),
              ...(doc?.rules ?? []).map((r) =>
                tr(ctx.lang, 'dutRule', {
                  id: r.id,
                  title: r.title[ctx.lang],
                  deadline: `${r.deadline.amount} ${r.deadline.unit}`,
                }),
              ),
            ]
          : [tr(ctx.lang, 'dutNoRuleSet')],
      };
    });
  },

  async 'rules-example'(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    return withSession(ctx, o, (s) => {
      const r = installExampleRuleSet(s);
      return {
        exitCode: 0,
        json: { ...r },
        text: [ruleSetLine(ctx, r.installed), tr(ctx.lang, 'dutReplanned', { cases: r.cases, changed: r.changed })],
      };
    });
  },

  async 'rules-import'(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    const file = readOneFile(ctx, RULE_SET_LIMITS.file, ErrorCode.DutyRuleSetRejected);
    return asCheck(ctx, () =>
      withSession(ctx, o, (s) => {
        const r = importRuleSet(s, file.bytes);
        return {
          exitCode: 0,
          json: { ...r },
          text: [ruleSetLine(ctx, r.installed), tr(ctx.lang, 'dutReplanned', { cases: r.cases, changed: r.changed })],
        };
      }),
    );
  },

  async 'rules-export'(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        out: FilePath,
        version: Count.optional(),
        issuer: z.string().max(200).optional(),
      }),
      ctx.options,
    );
    refuseExisting(o.out);
    return withSession(ctx, o, (s) => {
      const bytes = exportRuleSet(s, {
        ...(o.version !== undefined ? { version: o.version } : {}),
        ...(o.issuer ? { issuer: o.issuer } : {}),
      });
      writeFileAtomic(o.out, bytes);
      return { exitCode: 0, json: { file: o.out }, text: [tr(ctx.lang, 'dutRulesExported', { file: o.out })] };
    });
  },

  async 'trust-signer'(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, org: z.string().max(400), 'public-key': z.string().min(1).max(500) }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const k = trustRuleSigner(s, o.org, o['public-key']);
      return {
        exitCode: 0,
        json: { signer: { ...k, publicKey: k.publicKey.toString('base64') } },
        text: [tr(ctx.lang, 'dutSignerTrusted', { keyId: k.keyId, org: k.organisation, fingerprint: k.fingerprint })],
      };
    });
  },

  async tasks(ctx) {
    const o = parseOptions(z.object({ ...Unlock, case: z.uuid() }), ctx.options);
    return withSession(ctx, o, (s) => {
      const tasks = listCaseTasks(s, o.case);
      return {
        exitCode: 0,
        json: { tasks },
        text: tasks.length > 0 ? tasks.map((t) => taskLine(ctx, t)) : [tr(ctx.lang, 'dutNoTasks')],
      };
    });
  },

  async done(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        id: z.uuid(),
        at: z.string().max(40),
        what: z.string().min(1).max(5000),
        recipient: z.string().max(400).optional(),
        institution: z.uuid().optional(),
        method: DeliveryMethod.optional(),
      }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const t = completeTask(s, o.id, {
        at: o.at,
        what: o.what,
        to: o.recipient ?? null,
        institutionId: o.institution ?? null,
        method: o.method ?? null,
      });
      return { exitCode: 0, json: { task: t }, text: [taskLine(ctx, t)] };
    });
  },

  async 'not-applicable'(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, id: z.uuid(), reason: UserNotApplicableReason, note: z.string().max(500).optional() }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const t = markNotApplicable(s, o.id, { reason: o.reason, note: o.note ?? null });
      return { exitCode: 0, json: { task: t }, text: [taskLine(ctx, t)] };
    });
  },

  async dashboard(ctx) {
    const o = parseOptions(z.object({ ...Unlock, days: Count.optional() }), ctx.options);
    return withSession(ctx, o, (s) => {
      const q = o.days !== undefined ? { dueWithinDays: o.days, reflectionWithinDays: o.days } : {};
      const d = myDashboard(s, q);
      const text = [
        tr(ctx.lang, 'dutDashboard', { overdue: d.overdue, due: d.dueSoon, days: d.dueWithinDays }),
        ...d.tasks.map((t) => taskLine(ctx, t)),
        ...d.reflections.map((r) =>
          tr(ctx.lang, 'dutReflection', { code: r.caseCode, end: r.end ?? '—', days: r.daysLeft ?? '—' }),
        ),
        ...d.withoutRights.map((r) => tr(ctx.lang, 'dutNoRights', { code: r.caseCode, days: r.daysOpen })),
      ];
      if (s.hasRole('supervisor'))
        text.push(
          ...workload(s, q).map((w) =>
            tr(ctx.lang, 'dutWorker', {
              name: w.worker.name,
              overdue: w.overdue,
              due: w.dueSoon,
              reflections: w.reflectionsEnding,
              rights: w.withoutRights,
            }),
          ),
        );
      return { exitCode: 0, json: { dashboard: d }, text };
    });
  },

  async report(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, from: z.iso.date(), to: z.iso.date(), out: FilePath.optional() }),
      ctx.options,
    );
    if (o.out) refuseExisting(o.out);
    return withSession(ctx, o, async (s) => {
      const r = complianceReport(s, { from: o.from, to: o.to });
      if (o.out) writeFileAtomic(o.out, o.out.toLowerCase().endsWith('.csv') ? reportCsv(r) : await reportWorkbook(r));
      const t = r.totals;
      return {
        exitCode: 0,
        json: { report: r },
        text: [
          tr(ctx.lang, 'dutReport', { from: r.from, to: r.to, ...t }),
          ...(r.ruleSet?.example ? [tr(ctx.lang, 'dutReportExample')] : []),
          ...r.byRecipient.map((x) =>
            tr(ctx.lang, 'dutReportRow', { name: recipientLabel(x.recipient, ctx.lang), ...x.counts }),
          ),
          ...r.byRule.map((x) =>
            tr(ctx.lang, 'dutReportRow', { name: `${x.ruleId} ${x.title[ctx.lang]}`, ...x.counts }),
          ),
          ...(o.out ? [tr(ctx.lang, 'dutReportWritten', { file: o.out })] : []),
        ],
      };
    });
  },

  async recompute(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    return withSession(ctx, o, (s) => {
      if (!s.hasRole('administrator') && !s.hasRole('supervisor'))
        throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator re-plans every case');
      const r = recomputeAll(s);
      return { exitCode: 0, json: { ...r }, text: [tr(ctx.lang, 'dutReplanned', r)] };
    });
  },
};

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { IsoDate } from '../shared/cases/schemas';
import { ErrorCode } from '../shared/errors';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import {
  getPolicy,
  HoldReason,
  planPurge,
  purge,
  recordWithdrawalHandling,
  releaseHold,
  ReleaseReason,
  RetentionCaseType,
  RetentionYears,
  setHold,
  setPolicy,
  withdrawalPlan,
  type PurgeReport,
  type WithdrawalPlan,
} from '../core/retention';
import { caseIdByRef } from '../core/cases/access';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

export const RETENTION_OPTIONS = {
  years: { type: 'string' },
  clear: { type: 'boolean' },
  today: { type: 'string' },
  confirm: { type: 'string' },
  'confirm-file': { type: 'string' },
  informed: { type: 'string' },
  'keep-drafts': { type: 'boolean' },
} as const;

const Path = z.string().min(1).max(4096);
const Unlock = { vault: Path, user: UserName, 'passphrase-file': Path };
const Note = z.string().min(1).max(2000).optional();
const CaseRef = z.string().min(1).max(64);

async function asUser<T>(ctx: CommandContext, o: z.infer<z.ZodObject<typeof Unlock>>, fn: (s: VaultSession) => T) {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return fn(session);
  } finally {
    session.lock();
  }
}

const todayOf = (given: string | undefined): string => given ?? new Date().toISOString().slice(0, 10);

/** Codes from --confirm (comma-separated) or --confirm-file (any whitespace or commas). */
function confirmedCodes(o: { confirm?: string | undefined; 'confirm-file'?: string | undefined }): string[] {
  let raw = o.confirm ?? '';
  if (o['confirm-file']) {
    try {
      raw += `\n${readFileSync(o['confirm-file'], 'utf8')}`;
    } catch {
      throw new AppError(ErrorCode.FileUnreadable, 'cannot read the confirmation file');
    }
  }
  const codes = raw.split(/[\s,]+/u).filter(Boolean);
  if (codes.length === 0) throw new AppError(ErrorCode.InvalidInput, '--confirm is required');
  return codes;
}

const mib = (b: number): string => (b / 1024 / 1024).toFixed(1);

export function purgeReportText(lang: CommandContext['lang'], r: PurgeReport): string[] {
  return [
    tr(lang, 'retPurged', {
      cases: r.cases,
      attachments: r.attachments,
      mib: mib(r.attachmentBytes),
      rows: r.rows,
      seconds: (r.seconds.delete + r.seconds.compact).toFixed(1),
    }),
    tr(lang, 'retPurgedFile', { before: mib(r.fileBytesBefore), after: mib(r.fileBytesAfter) }),
    ...(r.compacted ? [] : [tr(lang, 'retNotCompacted')]),
    tr(lang, 'retBackupsWarning'),
  ];
}

export function withdrawalText(lang: CommandContext['lang'], p: WithdrawalPlan): string[] {
  const none = tr(lang, 'retWdNone');
  const list = (xs: readonly string[]): string => (xs.length > 0 ? xs.join(', ') : none);
  return [
    tr(lang, 'retWdHead', {
      code: p.caseCode,
      recipient: p.consent.recipient,
      purpose: p.consent.purpose,
      withdrawn: p.consent.withdrawnOn ?? tr(lang, 'retWdNotWithdrawn'),
    }),
    tr(lang, 'retWdRestrict', { categories: list(p.restrict.categories) }),
    tr(lang, 'retWdDrafts', { n: p.restrict.unsentSummaries.length, referrals: p.restrict.pendingReferrals.length }),
    ...(p.restrict.statistics ? [tr(lang, 'retWdStatistics')] : []),
    ...(p.erasureReview ? [tr(lang, 'retWdErasure')] : []),
    tr(lang, 'retWdNotify', { n: p.notify.length, open: p.notify.filter((n) => !n.informed).length }),
    ...p.notify.map((n) => `  ${n.disclosureId} ${n.institution} ${n.sentAt}${n.informed ? ' ✓' : ''}`),
    tr(lang, 'retWdKeep', { items: p.keep.map((k) => `${k.what} (${k.reason})`).join(', ') }),
    ...p.handled.map((h) =>
      tr(lang, 'retWdHandled', { at: h.at, by: h.by, drafts: h.draftsCancelled, informed: h.informed }),
    ),
  ];
}

const WithdrawalOptions = z.object({ ...Unlock, case: CaseRef, consent: z.uuid() });

/** `sauga retention withdrawal plan|record`: what a consent's withdrawal requires, and how it was handled. */
async function withdrawal(ctx: CommandContext & { args?: readonly string[] }): Promise<CommandResult> {
  const [action, ...extra] = ctx.args ?? [];
  if ((action !== 'plan' && action !== 'record') || extra.length > 0)
    throw new AppError(ErrorCode.InvalidInput, 'say withdrawal plan or withdrawal record');
  if (action === 'plan') {
    const o = parseOptions(WithdrawalOptions, ctx.options);
    const plan = await asUser(ctx, o, (s) =>
      withdrawalPlan(s, caseIdByRef(s, o.case, 'consent.withdrawal_plan_viewed'), o.consent),
    );
    return { exitCode: 0, json: { plan }, text: withdrawalText(ctx.lang, plan) };
  }
  const o = parseOptions(
    WithdrawalOptions.extend({
      informed: z.string().max(40_000).optional(),
      'keep-drafts': z.literal('true').optional(),
      note: Note,
    }),
    ctx.options,
  );
  const informed = (o.informed ?? '').split(/[\s,]+/u).filter(Boolean);
  const plan = await asUser(ctx, o, (s) =>
    recordWithdrawalHandling(s, caseIdByRef(s, o.case, 'consent.withdrawal_handled'), o.consent, {
      cancelDrafts: o['keep-drafts'] !== 'true',
      informedDisclosures: informed,
      ...(o.note ? { note: o.note } : {}),
    }),
  );
  return { exitCode: 0, json: { plan }, text: [tr(ctx.lang, 'retWdRecorded'), ...withdrawalText(ctx.lang, plan)] };
}

export const retentionCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /** Show the policy; with --type and --years (or --clear), set or remove one rule first. */
  async policy(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        type: RetentionCaseType.optional(),
        years: RetentionYears.optional(),
        clear: z.literal('true').optional(),
      }),
      ctx.options,
    );
    if ((o.years !== undefined || o.clear) && !o.type) throw new AppError(ErrorCode.InvalidInput, '--type is required');
    if (o.type && o.years === undefined && !o.clear) throw new AppError(ErrorCode.InvalidInput, '--years is required');
    const rules = await asUser(ctx, o, (s) =>
      o.type ? setPolicy(s, { caseType: o.type, years: o.clear ? null : (o.years ?? null) }) : getPolicy(s),
    );
    return {
      exitCode: 0,
      json: { policy: rules },
      text: [
        tr(ctx.lang, 'retPolicyHeader'),
        ...rules.map((r) =>
          r.years === null
            ? tr(ctx.lang, 'retPolicyKeep', { type: r.caseType })
            : tr(ctx.lang, 'retPolicyRule', { type: r.caseType, years: r.years }),
        ),
      ],
    };
  },

  async hold(ctx) {
    const o = parseOptions(z.object({ ...Unlock, case: CaseRef, reason: HoldReason, note: Note }), ctx.options);
    const h = await asUser(ctx, o, (s) =>
      setHold(s, o.case, { reason: o.reason, ...(o.note ? { note: o.note } : {}) }),
    );
    return {
      exitCode: 0,
      json: { hold: h },
      text: [tr(ctx.lang, 'retHoldSet', { code: h.caseCode, reason: h.reason })],
    };
  },

  async release(ctx) {
    const o = parseOptions(z.object({ ...Unlock, case: CaseRef, reason: ReleaseReason, note: Note }), ctx.options);
    const h = await asUser(ctx, o, (s) =>
      releaseHold(s, o.case, { reason: o.reason, ...(o.note ? { note: o.note } : {}) }),
    );
    return { exitCode: 0, json: { hold: h }, text: [tr(ctx.lang, 'retHoldReleased', { code: h.caseCode })] };
  },

  /** The cases due on --today (default: today): counts and codes only. */
  async plan(ctx) {
    const o = parseOptions(z.object({ ...Unlock, today: IsoDate.optional() }), ctx.options);
    const plan = await asUser(ctx, o, (s) => planPurge(s, todayOf(o.today)));
    const byType = Object.entries(plan.due.byType)
      .filter(([, k]) => k > 0)
      .map(([t, k]) => `${t} ${k}`)
      .join(', ');
    return {
      exitCode: 0,
      json: { plan },
      text: [
        tr(ctx.lang, 'retPlan', {
          today: plan.today,
          n: plan.due.count,
          attachments: plan.due.attachments,
          mib: mib(plan.due.attachmentBytes),
          held: plan.held,
        }),
        ...(byType ? [`  ${byType}`] : []),
        ...(plan.policy.length === 0 ? [tr(ctx.lang, 'retNoPolicy')] : []),
        ...plan.due.caseCodes.map((c) => `  ${c}`),
        ...(plan.due.count > 0 ? [tr(ctx.lang, 'retPlanNext', { today: plan.today })] : []),
      ],
    };
  },

  /** Delete the confirmed due cases for good, then rewrite the file; progress on stderr. */
  async purge(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        today: IsoDate,
        confirm: z.string().max(10_000_000).optional(),
        'confirm-file': Path.optional(),
      }),
      ctx.options,
    );
    const confirm = confirmedCodes(o);
    const report = await asUser(ctx, o, (s) =>
      purge(s, { today: o.today, confirm }, (p) => {
        if (!ctx.json && (p.phase !== 'delete' || p.done === 0))
          ctx.io.stderr(`${tr(ctx.lang, 'retProgress', { phase: p.phase })}\n`);
      }),
    );
    return { exitCode: 0, json: { report }, text: purgeReportText(ctx.lang, report) };
  },

  withdrawal,
};

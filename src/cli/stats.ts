import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { AppError } from '../core/errors';
import { writeFileAtomic } from '../core/fs/atomic';
import {
  aggregateReturns,
  nationalCsv,
  nationalHtml,
  parseTrustedKeys,
  ReceivedFile,
  verifyStatsPackage,
  type ReceivedPackage,
  type TrustedKey,
  type VerifiedPackage,
} from '../core/stats/package';
import { LIMITS } from '../core/stats/package/verify';
import { Period, periodCode } from '../shared/stats/model';
import { UserName } from '../shared/vault';
import { SAUGA_VERSION } from '../shared/version';
import { StatsService } from '../core/stats/service';
import { unlockVault } from '../core/vault/vault';
import { readSecret } from './io';
import { anchorFileOf } from './audit';
import { recordAnchorQuietly } from '../core/audit/anchor';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

/** `stats export` for a supervisor of an NGO; `verify` and `aggregate` for the recipient role (ministry). */

export type StatsContext = CommandContext & { args?: readonly string[] };

const FilePath = z.string().min(1).max(4096);
/** `2026`, `2026-Q1` or `2026-03`, as SDMX writes periods. */
const PeriodArg = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/u)
  .transform((s): Period => {
    const year = Number(s.slice(0, 4));
    if (s.length === 4) return { kind: 'year', year };
    if (s[5] === 'Q') return { kind: 'quarter', year, quarter: Number(s.slice(6)) };
    return { kind: 'month', year, month: Number(s.slice(5)) };
  })
  .pipe(Period);
const MAX_LIST_FILE = 16 * 1024 * 1024;

function readBounded(path: string, max: number, what: string): Buffer {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new AppError(ErrorCode.FileUnreadable, `cannot read the ${what}`);
  }
  // The size guard comes before reading, so a huge file is never loaded.
  if (size > max) throw new AppError(ErrorCode.StatsPackageRejected, `the ${what} is over ${max} bytes`);
  try {
    return readFileSync(path);
  } catch {
    throw new AppError(ErrorCode.FileUnreadable, `cannot read the ${what}`);
  }
}

function readJson(path: string, what: string, code: ErrorCode): unknown {
  try {
    return JSON.parse(readBounded(path, MAX_LIST_FILE, what).toString('utf8')) as unknown;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(code, `the ${what} is not JSON`);
  }
}

function trustedKeys(path: string): TrustedKey[] {
  const r = parseTrustedKeys(readJson(path, 'trusted keys file', ErrorCode.StatsTrustedKeysInvalid));
  if (!r.ok) throw new AppError(ErrorCode.StatsTrustedKeysInvalid, r.detail);
  return r.value;
}

function received(path: string | undefined): ReceivedPackage[] {
  if (path === undefined) return [];
  const r = ReceivedFile.safeParse(readJson(path, 'received list', ErrorCode.InvalidInput));
  if (!r.success) throw new AppError(ErrorCode.InvalidInput, 'the received list is not a list of received packages');
  return r.data;
}

const packageArgs = (ctx: StatsContext, max: number): string[] => {
  const args = z
    .array(FilePath)
    .min(1)
    .max(max)
    .safeParse(ctx.args ?? []);
  if (!args.success) throw new AppError(ErrorCode.InvalidInput, `give between 1 and ${max} package files`);
  return args.data;
};

type Verdict = { path: string; result: ReturnType<typeof verifyStatsPackage> };

/** Verifies each file against the lists and against the others given with it. */
function verifyAll(paths: readonly string[], keys: TrustedKey[], prior: ReceivedPackage[]): Verdict[] {
  const seen = [...prior];
  return paths.map((path) => {
    const result = verifyStatsPackage(readBounded(path, LIMITS.package, 'package'), {
      trustedKeys: keys,
      received: prior,
    });
    if (result.ok && seen.some((r) => r.packageId === result.manifest.packageId))
      return { path, result: { ok: false, reason: 'replay', detail: 'the same package was given twice' } as const };
    if (result.ok) seen.push(result.received);
    return { path, result };
  });
}

function verdictLine(ctx: StatsContext, v: Verdict): string {
  if (v.result.ok) {
    const m = v.result.manifest;
    return tr(ctx.lang, 'statsVerified', {
      file: v.path,
      org: v.result.signedBy.organisation,
      period: m.period.code,
      seq: m.sequence,
      keyId: v.result.signedBy.keyId,
    });
  }
  return tr(ctx.lang, 'statsRejected', { file: v.path, reason: v.result.reason, detail: v.result.detail });
}

const verdictJson = (v: Verdict): Record<string, unknown> =>
  v.result.ok
    ? {
        file: v.path,
        ok: true,
        organisation: v.result.signedBy.organisation,
        keyId: v.result.signedBy.keyId,
        manifest: v.result.manifest,
        received: v.result.received,
      }
    : { file: v.path, ok: false, reason: v.result.reason, detail: v.result.detail };

export const statsCommands: Record<string, (ctx: StatsContext) => Promise<CommandResult>> = {
  /**
   * The same export as the app's: the tables of the period, protected and audited together
   * with every return published before; refused (exit 1) when the audit fails.
   */
  async export(ctx) {
    const o = parseOptions(
      z.object({
        vault: FilePath,
        user: UserName,
        'passphrase-file': FilePath,
        period: PeriodArg,
        out: FilePath,
        k: z.coerce.number().int().min(3).max(50).default(5),
        consent: z.enum(['all', 'consented']).default('all'),
        anchors: FilePath.optional(),
      }),
      ctx.options,
    );
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      if (!session.hasRole('supervisor'))
        throw new AppError(ErrorCode.Forbidden, 'only a supervisor can export a statistics return');
      const stats = new StatsService(session, SAUGA_VERSION);
      const input = { period: o.period, params: { k: o.k, consentedOnly: o.consent === 'consented' } };
      const { preview, exported } = await stats.previewAndExport(input, o.out);
      // The head the ministry now holds is also kept outside the vault, for the rollback check.
      recordAnchorQuietly(anchorFileOf(o, ctx.io), session.vaultId, session.db, 'statsExport', session.now());
      const count = (status: string) => preview.cells.filter((c) => c.status === status).length;
      const withheld = tr(ctx.lang, 'statsSuppressed', {
        primary: count('primary'),
        secondary: count('secondary'),
        k: o.k,
      });
      return {
        exitCode: 0,
        json: { ...exported, file: o.out },
        text: [
          tr(ctx.lang, 'statsExported', {
            seq: exported.sequence,
            period: periodCode(exported.period),
            file: o.out,
            sha256: exported.sha256,
          }),
          withheld,
        ],
      };
    } finally {
      session.lock();
    }
  },

  /** Checks one package; exit 1 names the reason it was refused. Writes nothing. */
  async verify(ctx) {
    const o = parseOptions(z.object({ 'trusted-keys': FilePath, received: FilePath.optional() }), ctx.options);
    const [path] = packageArgs(ctx, 1) as [string];
    const [v] = verifyAll([path], trustedKeys(o['trusted-keys']), received(o.received)) as [Verdict];
    return { exitCode: v.result.ok ? 0 : 1, json: verdictJson(v), text: [verdictLine(ctx, v)] };
  },

  /**
   * Verifies every package, then adds them up into national tables, re-protects them, and
   * writes national.csv, national.html, national.json and received.json into --out. If any
   * package is refused, nothing is written.
   */
  async aggregate(ctx) {
    const o = parseOptions(
      z.object({ 'trusted-keys': FilePath, received: FilePath.optional(), out: FilePath }),
      ctx.options,
    );
    const paths = packageArgs(ctx, 1000);
    const prior = received(o.received);
    const verdicts = verifyAll(paths, trustedKeys(o['trusted-keys']), prior);
    const bad = verdicts.filter((v) => !v.result.ok);
    if (bad.length > 0) {
      return {
        exitCode: 1,
        json: { packages: verdicts.map(verdictJson) },
        text: [...verdicts.map((v) => verdictLine(ctx, v)), tr(ctx.lang, 'statsNothingWritten')],
      };
    }
    const ok = verdicts.map((v) => v.result as VerifiedPackage);
    const national = await aggregateReturns(ok);
    if (!national.audit.ok) {
      return {
        exitCode: 1,
        json: { audit: national.audit },
        text: [tr(ctx.lang, 'statsNationalAuditFailed'), tr(ctx.lang, 'statsNothingWritten')],
      };
    }
    const files = {
      'national.csv': nationalCsv(national),
      'national.html': nationalHtml(national),
      'national.json': `${JSON.stringify(national, null, 2)}\n`,
      'received.json': `${JSON.stringify([...prior, ...ok.map((r) => r.received)], null, 2)}\n`,
    };
    try {
      mkdirSync(o.out, { recursive: true });
      for (const [name, content] of Object.entries(files)) writeFileAtomic(join(o.out, name), content);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(ErrorCode.FileUnreadable, 'cannot write into the output folder', { cause: e });
    }
    const incomplete = national.cells.filter((c) => c.status === 'incomplete').length;
    const suppressed = national.cells.filter((c) => c.status === 'primary' || c.status === 'secondary').length;
    return {
      exitCode: 0,
      json: { out: o.out, period: national.period.code, sources: national.sources, incomplete, suppressed },
      text: [
        ...verdicts.map((v) => verdictLine(ctx, v)),
        tr(ctx.lang, 'statsAggregated', {
          n: ok.length,
          period: national.period.code,
          dir: o.out,
          incomplete,
          suppressed,
        }),
        tr(ctx.lang, 'statsCountedTwice'),
      ],
    };
  },
};

import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { Role } from '../shared/roles';
import { OrgName, UserName, type Language } from '../shared/vault';
import { AppError } from '../core/errors';
import { checkVault } from '../core/vault/check';
import { addUser, createVault, recoverWithWords, rewrapPassphrase, unlockVault, vaultInfo } from '../core/vault/vault';
import { readSecret, type CliIo } from './io';
import { tr } from './i18n';

export interface CommandContext {
  io: CliIo;
  lang: Language;
  json: boolean;
  options: Record<string, string | undefined>;
}

export interface CommandResult {
  exitCode: 0 | 1;
  json: Record<string, unknown>;
  text: string[];
}

const VaultDir = z.string().min(1).max(4096);
const SecretPath = z.string().min(1).max(4096);

export function parseOptions<T extends z.ZodType>(schema: T, options: Record<string, string | undefined>): z.output<T> {
  const r = schema.safeParse(options);
  if (!r.success) {
    const issue = r.error.issues[0];
    const flag = issue?.path[0] !== undefined ? `--${String(issue.path[0])}` : 'arguments';
    const what = issue?.code === 'invalid_type' && issue.input === undefined ? 'is required' : 'is not valid';
    throw new AppError(ErrorCode.InvalidInput, `${flag} ${what}`);
  }
  return r.data;
}

const withVault = <S extends z.ZodRawShape>(shape: S) => z.object({ vault: VaultDir, ...shape });

const Roles = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(Role).min(1).max(3));

function secretsDiffer(a: string, b: string): void {
  if (a === '-' && b === '-')
    throw new AppError(ErrorCode.InvalidInput, 'only one secret can come from standard input');
}

export const vaultCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  async init(ctx) {
    const o = parseOptions(withVault({ org: OrgName, user: UserName, 'passphrase-file': SecretPath }), ctx.options);
    const passphrase = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    const { session, recoveryWords } = await createVault({
      dir: o.vault,
      orgName: o.org,
      userName: o.user,
      passphrase,
    });
    const vaultId = session.vaultId;
    session.lock();
    const numbered = recoveryWords.map((w, i) => `${String(i + 1).padStart(2, ' ')}. ${w}`);
    const rows: string[] = [];
    for (let i = 0; i < 24; i += 4)
      rows.push(
        numbered
          .slice(i, i + 4)
          .map((c) => c.padEnd(18))
          .join(''),
      );
    return {
      exitCode: 0,
      json: { vault: o.vault, vaultId, recoveryWords },
      text: [tr(ctx.lang, 'created', { dir: o.vault }), '', tr(ctx.lang, 'recoveryHeader'), '', ...rows],
    };
  },

  async info(ctx) {
    const o = parseOptions(withVault({}), ctx.options);
    const info = vaultInfo(o.vault);
    return {
      exitCode: 0,
      json: { ...info },
      text: [
        tr(ctx.lang, 'infoVault', { id: info.vaultId, format: info.formatVersion, created: info.createdAt }),
        tr(ctx.lang, 'infoDb', {
          bytes: info.databaseBytes,
          enc: tr(ctx.lang, info.databaseLooksEncrypted ? 'encrypted' : 'notEncrypted'),
        }),
        ...info.slots.map((s) =>
          tr(ctx.lang, 'infoSlot', {
            kind: s.kind,
            user: s.user ?? '-',
            roles: s.roles?.join(',') ?? '-',
            m: s.kdf.memoryKiB,
            t: s.kdf.iterations,
            p: s.kdf.parallelism,
          }),
        ),
      ],
    };
  },

  async check(ctx) {
    const o = parseOptions(withVault({ user: UserName, 'passphrase-file': SecretPath }), ctx.options);
    const passphrase = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    let session;
    try {
      session = await unlockVault(o.vault, o.user, passphrase);
    } catch (e) {
      // A vault that cannot be read is a failed check, not bad input.
      if (e instanceof AppError && (e.code === ErrorCode.VaultDamaged || e.code === ErrorCode.VaultReplaced)) {
        return {
          exitCode: 1,
          json: { ok: false, error: { code: e.code, message: e.message } },
          text: [tr(ctx.lang, 'checkFailed'), e.message],
        };
      }
      throw e;
    }
    try {
      const report = checkVault(session);
      const text = report.ok
        ? [tr(ctx.lang, 'checkOk', { n: report.audit.ok ? report.audit.entries : 0, schema: report.schemaVersion })]
        : [
            tr(ctx.lang, 'checkFailed'),
            tr(ctx.lang, 'integrity', { detail: report.integrity.slice(0, 5).join('; ') }),
            ...(!report.audit.ok && 'firstBadSeq' in report.audit
              ? [tr(ctx.lang, 'auditBad', { seq: report.audit.firstBadSeq, reason: report.audit.reason })]
              : []),
          ];
      return { exitCode: report.ok ? 0 : 1, json: { ...report }, text };
    } finally {
      session.lock();
    }
  },

  async passwd(ctx) {
    const o = parseOptions(
      withVault({ user: UserName, 'passphrase-file': SecretPath, 'new-passphrase-file': SecretPath }),
      ctx.options,
    );
    secretsDiffer(o['passphrase-file'], o['new-passphrase-file']);
    const current = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    const next = readSecret(o['new-passphrase-file'], ctx.io, 'new passphrase');
    await rewrapPassphrase(o.vault, o.user, current, next);
    return { exitCode: 0, json: { user: o.user }, text: [tr(ctx.lang, 'passwdDone', { user: o.user })] };
  },

  async 'add-user'(ctx) {
    const o = parseOptions(
      withVault({
        user: UserName,
        'passphrase-file': SecretPath,
        'new-user': UserName,
        roles: Roles,
        'new-passphrase-file': SecretPath,
      }),
      ctx.options,
    );
    secretsDiffer(o['passphrase-file'], o['new-passphrase-file']);
    const passphrase = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    const newPassphrase = readSecret(o['new-passphrase-file'], ctx.io, 'new passphrase');
    const session = await unlockVault(o.vault, o.user, passphrase);
    try {
      await addUser(session, { userName: o['new-user'], roles: o.roles, passphrase: newPassphrase });
    } finally {
      session.lock();
    }
    return {
      exitCode: 0,
      json: { user: o['new-user'], roles: o.roles },
      text: [tr(ctx.lang, 'userAdded', { user: o['new-user'], roles: o.roles.join(', ') })],
    };
  },

  async recover(ctx) {
    const o = parseOptions(
      withVault({ user: UserName, 'words-file': SecretPath, 'new-passphrase-file': SecretPath }),
      ctx.options,
    );
    secretsDiffer(o['words-file'], o['new-passphrase-file']);
    const words = readSecret(o['words-file'], ctx.io, 'recovery words')
      .split(/[\s,]+/u)
      .map((w) => w.replace(/^\d+\.$/u, ''))
      .filter(Boolean);
    const next = readSecret(o['new-passphrase-file'], ctx.io, 'new passphrase');
    const session = await recoverWithWords(o.vault, words, o.user, next);
    session.lock();
    return { exitCode: 0, json: { user: o.user }, text: [tr(ctx.lang, 'recovered', { user: o.user })] };
  },
};

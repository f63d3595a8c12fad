import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import {
  backupStatus,
  createBackup,
  restoreBackup,
  setBackupIntervalDays,
  verifyBackup,
  type BackupSecret,
} from '../core/backup';
import { unlockVault } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

const Path = z.string().min(1).max(4096);

/** The options `sauga backup` adds to the CLI's parser (src/cli/index.ts OPTIONS). */
export const BACKUP_OPTIONS = {
  to: { type: 'string' },
  'recovery-words-file': { type: 'string' },
  days: { type: 'string' },
} as const;

const Unlock = { vault: Path, user: UserName, 'passphrase-file': Path };
const CreateOptions = z.object({ ...Unlock, out: Path });
const StatusOptions = z.object({ ...Unlock, days: z.coerce.number().int().min(1).max(365).optional() });
/** Either the recovery sheet or a user and passphrase; verify also takes neither. */
const SecretOptions = z.object({
  'recovery-words-file': Path.optional(),
  user: UserName.optional(),
  'passphrase-file': Path.optional(),
});
const RestoreOptions = SecretOptions.extend({ to: Path });

function oneFile(ctx: CommandContext & { args?: readonly string[] }): string {
  const files = ctx.args ?? [];
  if (files.length !== 1 || !files[0]) throw new AppError(ErrorCode.InvalidInput, 'name exactly one backup file');
  return files[0];
}

/** Recovery words are read like `vault recover` reads them: numbers and commas ignored. */
function readWords(path: string, ctx: CommandContext): string[] {
  return readSecret(path, ctx.io, 'recovery words')
    .split(/[\s,]+/u)
    .map((w) => w.replace(/^\d+\.$/u, ''))
    .filter(Boolean);
}

function secretFrom(
  o: z.infer<typeof SecretOptions>,
  ctx: CommandContext,
  required: boolean,
): BackupSecret | undefined {
  const words = o['recovery-words-file'];
  const pass = o['passphrase-file'];
  if (words && (o.user || pass))
    throw new AppError(ErrorCode.InvalidInput, 'give either --recovery-words-file or --user with --passphrase-file');
  if (words) return { recoveryWords: readWords(words, ctx) };
  if (o.user && pass) return { userName: o.user, passphrase: readSecret(pass, ctx.io, 'passphrase') };
  if (o.user || pass) throw new AppError(ErrorCode.InvalidInput, '--user and --passphrase-file go together');
  if (required)
    throw new AppError(ErrorCode.InvalidInput, '--recovery-words-file or --user with --passphrase-file is required');
  return undefined;
}

const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

export const backupCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  async create(ctx) {
    const o = parseOptions(CreateOptions, ctx.options);
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      const started = performance.now();
      const r = await createBackup(session, o.out);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      return {
        exitCode: 0,
        json: { ...r, seconds: Number(seconds) },
        text: [
          tr(ctx.lang, 'backupCreated', { file: r.file, mib: mib(r.bytes), cases: r.cases, seconds }),
          tr(ctx.lang, 'backupKeep'),
        ],
      };
    } finally {
      session.lock();
    }
  },

  async verify(ctx) {
    const file = oneFile(ctx);
    const o = parseOptions(SecretOptions, ctx.options);
    const v = await verifyBackup(file, secretFrom(o, ctx, false));
    const text = [
      tr(ctx.lang, 'backupVerifiedHead', {
        file,
        created: v.createdAt,
        id: v.backupId,
        mib: mib(v.databaseBytes),
      }),
      v.contents
        ? tr(ctx.lang, 'backupVerifiedFull', {
            org: v.contents.orgName,
            cases: v.contents.cases,
            entries: v.contents.auditEntries,
            by: v.contents.createdBy,
          })
        : tr(ctx.lang, 'backupVerifiedHashes'),
    ];
    return { exitCode: 0, json: { file, ...v }, text };
  },

  async restore(ctx) {
    const file = oneFile(ctx);
    const o = parseOptions(RestoreOptions, ctx.options);
    const secret = secretFrom(o, ctx, true) as BackupSecret;
    const r = await restoreBackup(file, o.to, secret);
    return {
      exitCode: 0,
      json: { ...r },
      text: [
        tr(ctx.lang, 'backupRestored', { dir: r.dir, created: r.backupCreatedAt }),
        tr(ctx.lang, 'backupRestoredHolds', { org: r.orgName, cases: r.cases, entries: r.auditEntries }),
      ],
    };
  },

  /** When the last backup was made, whether one is due; with --days, sets the policy. */
  async status(ctx) {
    const o = parseOptions(StatusOptions, ctx.options);
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      if (o.days !== undefined) setBackupIntervalDays(session, o.days);
      const s = backupStatus(session);
      const text = [
        s.lastBackupAt
          ? tr(ctx.lang, 'backupLast', { at: s.lastBackupAt, days: s.intervalDays })
          : tr(ctx.lang, 'backupNever', { days: s.intervalDays }),
        ...(s.due ? [tr(ctx.lang, 'backupDue')] : []),
        ...(s.restoredFrom
          ? [
              tr(ctx.lang, 'backupRestoredFrom', {
                created: s.restoredFrom.backupCreatedAt,
                at: s.restoredFrom.restoredAt,
              }),
            ]
          : []),
      ];
      return { exitCode: 0, json: { ...s }, text };
    } finally {
      session.lock();
    }
  },
};

import { z } from 'zod';
import { RecipientCategory } from '../shared/cases/codes';
import { ErrorCode } from '../shared/errors';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import {
  addDirectorySigner,
  addRecipient,
  DIRECTORY_LIMITS,
  importDirectory,
  installedDirectory,
  listRecipients,
  verifyRecipient,
  type DirectoryEntry,
} from '../core/keys/directory';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { FilePath, oneFileArg, readBounded, readSecret } from './io';
import { errorText, tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

/**
 * `sauga directory`: the NGO's institution key directory. Listing is open to every user of the
 * vault; changes are for supervisors and administrators, enforced in core. A refused
 * verification or directory file is a failed check (exit 1); malformed options are exit 2.
 */

export type DirectoryContext = CommandContext & { args?: readonly string[] };

const Unlock = { vault: FilePath, user: UserName, 'passphrase-file': FilePath };

async function withSession<T>(
  ctx: DirectoryContext,
  o: { vault: string; user: string; 'passphrase-file': string },
  fn: (s: VaultSession) => T,
): Promise<T> {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return fn(session);
  } finally {
    session.lock();
  }
}

/** Keys leave as base64 only here, at the edge; core keeps them in Buffers. */
const entryJson = (e: DirectoryEntry): Record<string, unknown> => ({
  ...e,
  ed25519PublicKey: e.ed25519PublicKey.toString('base64'),
});

function stateText(ctx: DirectoryContext, e: DirectoryEntry): string {
  if (e.withdrawnAt !== null) return tr(ctx.lang, 'dirStateWithdrawn');
  if (e.state === 'verified') return tr(ctx.lang, 'dirStateVerified');
  return tr(ctx.lang, e.keyChanged ? 'dirStateKeyChanged' : 'dirStateUnverified');
}

const entryLine = (ctx: DirectoryContext, e: DirectoryEntry): string =>
  tr(ctx.lang, 'dirEntry', {
    institution: e.institution,
    category: e.category,
    person: e.person ? `, ${e.person}` : '',
    state: stateText(ctx, e),
    fingerprint: e.fingerprint,
    from: e.validFrom.slice(0, 10),
    to: e.validTo?.slice(0, 10) ?? '…',
    id: e.id,
  });

const CHECK_FAILURES = new Set<ErrorCode>([
  ErrorCode.DirectoryFingerprintMismatch,
  ErrorCode.DirectoryFileRejected,
  ErrorCode.DirectoryVersionOld,
]);

/** A refusal the user asked us to check for is reported with exit 1, not as bad input. */
async function asCheck(ctx: DirectoryContext, fn: () => Promise<CommandResult>): Promise<CommandResult> {
  try {
    return await fn();
  } catch (e) {
    if (!(e instanceof AppError) || !CHECK_FAILURES.has(e.code)) throw e;
    return {
      exitCode: 1,
      json: { error: { code: e.code, message: e.message } },
      text: [tr(ctx.lang, 'dirRefused', { reason: errorText(ctx.lang, e.code), code: e.code, detail: e.message })],
    };
  }
}

function readDirectoryFile(ctx: DirectoryContext): Buffer {
  return readBounded(
    oneFileArg(ctx.args, 'directory file'),
    DIRECTORY_LIMITS.file,
    ErrorCode.DirectoryFileRejected,
    'directory file',
  );
}

export const directoryCommands: Record<string, (ctx: DirectoryContext) => Promise<CommandResult>> = {
  async list(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    return withSession(ctx, o, (s) => {
      const entries = listRecipients(s.db);
      const installed = installedDirectory(s.db);
      return {
        exitCode: 0,
        json: { installed, entries: entries.map(entryJson) },
        text: [
          installed
            ? tr(ctx.lang, 'dirInstalled', {
                version: installed.version,
                issuer: installed.issuer,
                issued: installed.issuedAt.slice(0, 10),
              })
            : tr(ctx.lang, 'dirNoneInstalled'),
          ...(entries.length > 0 ? entries.map((e) => entryLine(ctx, e)) : [tr(ctx.lang, 'dirEmpty')]),
        ],
      };
    });
  },

  async add(ctx) {
    const o = parseOptions(
      z.object({
        ...Unlock,
        institution: z.string().max(400),
        category: RecipientCategory,
        person: z.string().max(400).optional(),
        'age-recipient': z.string().max(100),
        'ed25519-key': z.string().max(100),
        'valid-from': z.string().max(40),
        'valid-to': z.string().max(40).optional(),
      }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const e = addRecipient(s, {
        institution: o.institution,
        category: o.category,
        person: o.person ?? null,
        ageRecipient: o['age-recipient'],
        ed25519PublicKey: o['ed25519-key'],
        validFrom: o['valid-from'],
        validTo: o['valid-to'] ?? null,
      });
      return {
        exitCode: 0,
        json: { entry: entryJson(e) },
        text: [entryLine(ctx, e), tr(ctx.lang, 'dirAdded', { id: e.id })],
      };
    });
  },

  async verify(ctx) {
    const o = parseOptions(z.object({ ...Unlock, id: z.uuid(), fingerprint: z.string().min(1).max(200) }), ctx.options);
    return asCheck(ctx, () =>
      withSession(ctx, o, (s) => {
        const e = verifyRecipient(s, o.id, o.fingerprint);
        return {
          exitCode: 0,
          json: { entry: entryJson(e) },
          text: [tr(ctx.lang, 'dirVerified', { id: e.id, institution: e.institution })],
        };
      }),
    );
  },

  async import(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    const bytes = readDirectoryFile(ctx);
    return asCheck(ctx, () =>
      withSession(ctx, o, (s) => {
        const r = importDirectory(s, bytes);
        return {
          exitCode: 0,
          json: { ...r },
          text: [
            tr(ctx.lang, 'dirImported', {
              version: r.version,
              issuer: r.issuer,
              added: r.added.length,
              updated: r.updated.length,
              changed: r.keyChanged.length,
              withdrawn: r.withdrawn.length,
              unchanged: r.unchanged,
            }),
            ...(r.keyChanged.length > 0 ? [tr(ctx.lang, 'dirChangedKeys', { ids: r.keyChanged.join(', ') })] : []),
          ],
        };
      }),
    );
  },

  async 'trust-signer'(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, org: z.string().max(400), 'public-key': z.string().min(1).max(500) }),
      ctx.options,
    );
    return withSession(ctx, o, (s) => {
      const k = addDirectorySigner(s, o.org, o['public-key']);
      return {
        exitCode: 0,
        json: { signer: { ...k, publicKey: k.publicKey.toString('base64') } },
        text: [tr(ctx.lang, 'dirSignerTrusted', { keyId: k.keyId, org: k.organisation, fingerprint: k.fingerprint })],
      };
    });
  },
};

import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { OrgName, UserName } from '../shared/vault';
import { AppError, fsErrorCode } from '../core/errors';
import {
  exportIdentity,
  initRecipientKeys,
  InstallationCategory,
  isRecipientVault,
  recipientDirectoryEntry,
  recipientPublicInfo,
  type RecipientPublicInfo,
} from '../core/keys/recipient';
import { ensureSigningKey, signingKeyInfo } from '../core/stats/package';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import type { Language } from '../shared/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

const Path = z.string().min(1).max(4096);

const ExportPublicOptions = z.object({
  vault: Path,
  user: UserName,
  'passphrase-file': Path,
  format: z.enum(['minisign', 'json']).default('minisign'),
});

const InitOptions = z.object({
  vault: Path,
  user: UserName,
  'passphrase-file': Path,
  institution: OrgName,
  category: InstallationCategory,
});

const ExportIdentityOptions = z.object({
  vault: Path,
  user: UserName,
  'passphrase-file': Path,
  'identity-passphrase-file': Path,
  out: Path,
});

/** The options `sauga keys` adds to the CLI's parser (src/cli/index.ts OPTIONS). */
export const KEYS_OPTIONS = {
  institution: { type: 'string' },
  category: { type: 'string' },
  'identity-passphrase-file': { type: 'string' },
} as const;

async function withSession<T>(
  ctx: CommandContext,
  vault: string,
  user: string,
  passphraseFile: string,
  fn: (s: VaultSession) => Promise<T>,
): Promise<T> {
  const session = await unlockVault(vault, user, readSecret(passphraseFile, ctx.io, 'passphrase'));
  try {
    return await fn(session);
  } finally {
    session.lock();
  }
}

function recipientLines(lang: Language, info: RecipientPublicInfo): string[] {
  return [
    tr(lang, 'keysRecipientOf', { institution: info.institution, category: info.category }),
    tr(lang, 'keysAgeRecipient', { recipient: info.ageRecipient }),
    tr(lang, 'keysEd25519', { key: info.ed25519PublicKey }),
    tr(lang, 'keyFingerprint', { fingerprint: info.fingerprint }),
    tr(lang, 'keysRecipientCompare'),
  ];
}

/**
 * Creates the file or fails: an identity file is never written over anything. Done before the
 * export, so that a bad --out is refused before the audit records an export.
 */
function createNewPrivateFile(path: string): number {
  try {
    return openSync(path, 'wx', 0o600);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new AppError(ErrorCode.OutputExists, 'the output file already exists');
    throw new AppError(code === 'ENOENT' ? ErrorCode.FileUnreadable : fsErrorCode(e), 'cannot create the output file');
  }
}

function writeAllAndSync(fd: number, bytes: Uint8Array): void {
  try {
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (e) {
    throw new AppError(fsErrorCode(e), 'cannot write the output file', { cause: e });
  }
}

export const keysCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /**
   * Prints the organisation's public signing key for the ministry to pin, with the fingerprint
   * to read aloud or compare on paper. Creates the key on first use. The secret never leaves.
   * In a recipient installation it prints the recipient keys for the NGOs' directories instead,
   * and the statistics key only if one already exists: a prosecutor signs no returns.
   */
  async 'export-public'(ctx) {
    const o = parseOptions(ExportPublicOptions, ctx.options);
    return withSession(ctx, o.vault, o.user, o['passphrase-file'], async (session) => {
      // Signing is a supervisor's act (statistics returns); an administrator manages keys.
      if (!session.hasRole('supervisor') && !session.hasRole('administrator'))
        throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator can export the signing key');
      if (isRecipientVault(session)) return exportRecipientPublic(ctx, session, o.format);
      const key = ensureSigningKey(session);
      session.audit({ action: 'stats.signing_key_exported', subject: 'organisation', detail: { keyId: key.keyId } });
      const text =
        o.format === 'json' && !ctx.json
          ? [JSON.stringify(key, null, 2)]
          : [
              key.minisignPublicKey,
              '',
              tr(ctx.lang, 'keyFingerprint', { fingerprint: key.fingerprint }),
              tr(ctx.lang, 'keyCompare', { org: key.organisation, keyId: key.keyId }),
            ];
      return { exitCode: 0, json: { ...key }, text };
    });
  },

  /** Makes the vault a recipient installation: its own age identity and Ed25519 key. */
  async init(ctx) {
    const o = parseOptions(InitOptions, ctx.options);
    return withSession(ctx, o.vault, o.user, o['passphrase-file'], async (session) => {
      const info = await initRecipientKeys(session, { institution: o.institution, category: o.category });
      return {
        exitCode: 0,
        json: { ...info },
        text: [tr(ctx.lang, 'keysInitDone'), '', ...recipientLines(ctx.lang, info)],
      };
    });
  },

  /**
   * Writes the age identity, sealed with its own passphrase, for use with the standard age tool.
   * The two passphrases must differ: the file leaves the vault and is guarded by scrypt alone,
   * so cracking it must not also give away the vault passphrase.
   */
  async 'export-identity'(ctx) {
    const o = parseOptions(ExportIdentityOptions, ctx.options);
    if (o['passphrase-file'] === '-' && o['identity-passphrase-file'] === '-')
      throw new AppError(ErrorCode.InvalidInput, 'only one secret can come from standard input');
    const vaultPassphrase = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    const identityPassphrase = readSecret(o['identity-passphrase-file'], ctx.io, 'identity passphrase');
    if (identityPassphrase.normalize('NFC') === vaultPassphrase.normalize('NFC'))
      throw new AppError(ErrorCode.InvalidInput, 'the identity passphrase must differ from the vault passphrase');
    const fd = createNewPrivateFile(o.out);
    let written = false;
    try {
      const session = await unlockVault(o.vault, o.user, vaultPassphrase);
      try {
        const info = recipientPublicInfo(session);
        writeAllAndSync(fd, await exportIdentity(session, { passphrase: identityPassphrase }));
        written = true;
        return {
          exitCode: 0,
          json: { file: o.out, ageRecipient: info.ageRecipient, fingerprint: info.fingerprint },
          text: [
            tr(ctx.lang, 'keysIdentityExported', { institution: info.institution, file: o.out }),
            tr(ctx.lang, 'keysIdentityUse', { file: o.out }),
          ],
        };
      } finally {
        session.lock();
      }
    } finally {
      closeSync(fd);
      if (!written) rmSync(o.out, { force: true });
    }
  },
};

function exportRecipientPublic(ctx: CommandContext, session: VaultSession, format: 'minisign' | 'json'): CommandResult {
  const info = recipientPublicInfo(session);
  const entry = recipientDirectoryEntry(session);
  const statsKey = signingKeyInfo(session);
  session.audit({
    action: 'recipient.public_keys_exported',
    subject: 'installation',
    detail: { fingerprint: info.fingerprint, format },
  });
  const statsLines = statsKey
    ? [
        '',
        statsKey.minisignPublicKey,
        tr(ctx.lang, 'keyFingerprint', { fingerprint: statsKey.fingerprint }),
        tr(ctx.lang, 'keyCompare', { org: statsKey.organisation, keyId: statsKey.keyId }),
      ]
    : [];
  return {
    exitCode: 0,
    json: { ...(statsKey ?? {}), recipient: { ...info, directoryEntry: entry } },
    text:
      format === 'json' && !ctx.json
        ? [JSON.stringify(entry, null, 2)]
        : [...recipientLines(ctx.lang, info), ...statsLines],
  };
}

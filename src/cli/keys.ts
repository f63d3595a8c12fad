import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import { ensureSigningKey } from '../core/stats/package';
import { unlockVault } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

const ExportPublicOptions = z.object({
  vault: z.string().min(1).max(4096),
  user: UserName,
  'passphrase-file': z.string().min(1).max(4096),
  format: z.enum(['minisign', 'json']).default('minisign'),
});

export const keysCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /**
   * Prints the organisation's public signing key for the ministry to pin, with the fingerprint
   * to read aloud or compare on paper. Creates the key on first use. The secret never leaves.
   */
  async 'export-public'(ctx) {
    const o = parseOptions(ExportPublicOptions, ctx.options);
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      // Signing is a supervisor's act (statistics returns); an administrator manages keys.
      if (!session.hasRole('supervisor') && !session.hasRole('administrator'))
        throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator can export the signing key');
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
    } finally {
      session.lock();
    }
  },
};

import { z } from 'zod';
import { UserName } from '../shared/vault';
import { verifyAudit } from '../core/audit/chain';
import { unlockVault } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

export const auditCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /** Walks the whole chain; exit 1 names the first entry that does not follow. */
  async verify(ctx) {
    const o = parseOptions(
      z.object({ vault: z.string().min(1), user: UserName, 'passphrase-file': z.string().min(1) }),
      ctx.options,
    );
    const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
    try {
      const v = verifyAudit(session.db, session.auditKeyForVerification());
      if (v.ok) {
        return {
          exitCode: 0,
          json: { ...v },
          text: [tr(ctx.lang, 'auditOk', { n: v.entries, head: v.head.mac.slice(0, 16) })],
        };
      }
      return {
        exitCode: 1,
        json: { ...v },
        text: [tr(ctx.lang, 'auditBad', { seq: v.firstBadSeq, reason: v.reason })],
      };
    } finally {
      session.lock();
    }
  },
};

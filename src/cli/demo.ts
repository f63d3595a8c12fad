import { z } from 'zod';
import { UserName } from '../shared/vault';
import {
  createDemoVault,
  DEMO_SUPERVISOR,
  generateDemoCases,
  MAX_DEMO_CASES,
  NotDemoVault,
  type DemoVault,
} from '../core/demo';
import { unlockVault, vaultExists, type VaultSession } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

const DemoOptions = z.object({
  vault: z.string().min(1).max(4096),
  'passphrase-file': z.string().min(1).max(4096),
  cases: z
    .string()
    .regex(/^\d{1,7}$/u)
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_DEMO_CASES)),
  user: UserName.optional(),
  seed: z.string().min(1).max(100).optional(),
});

/** Enough chunks for a progress line every ten per cent, few enough to stay fast. */
const chunkFor = (cases: number): number => Math.max(1, Math.min(500, Math.ceil(cases / 20)));

export const demoCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /**
   * `sauga demo`: a demo vault with synthetic cases. Into an existing folder it writes only if
   * the vault there was made by `sauga demo` and holds nothing but demo cases.
   */
  async ''(ctx) {
    const o = parseOptions(DemoOptions, ctx.options);
    const passphrase = readSecret(o['passphrase-file'], ctx.io, 'passphrase');
    const userName = o.user ?? DEMO_SUPERVISOR;
    let created: DemoVault | undefined;
    let session: VaultSession;
    if (vaultExists(o.vault)) session = await unlockVault(o.vault, userName, passphrase);
    else {
      created = await createDemoVault({ dir: o.vault, passphrase, userName });
      session = created.session;
    }
    let nextStep = 10;
    let result;
    try {
      result = generateDemoCases(session, {
        cases: o.cases,
        ...(o.seed ? { seed: o.seed } : {}),
        chunkSize: chunkFor(o.cases),
        onProgress: (done, total) => {
          const pct = Math.floor((done * 100) / total);
          if (pct < nextStep && done < total) return;
          nextStep = Math.floor(pct / 10) * 10 + 10;
          ctx.io.stderr(`${tr(ctx.lang, 'demoProgress', { pct, done, total })}\n`);
        },
      });
    } catch (e) {
      if (e instanceof NotDemoVault) {
        ctx.io.stderr(`${tr(ctx.lang, e.reason === 'unmarked' ? 'demoNotDemo' : 'demoRealCases', { dir: o.vault })}\n`);
      }
      throw e;
    } finally {
      session.lock();
    }
    const seconds = (result.elapsedMs / 1000).toFixed(1);
    const added = tr(ctx.lang, 'demoAdded', {
      n: result.created,
      first: result.firstCode ?? '-',
      last: result.lastCode ?? '-',
      total: result.totalCases,
      seconds,
    });
    const text = created
      ? [
          tr(ctx.lang, 'demoCreated', { dir: o.vault }),
          added,
          tr(ctx.lang, 'demoUsers', {
            user: userName,
            workers: created.users
              .filter((u) => u.roles.includes('caseworker'))
              .map((u) => u.name)
              .join(', '),
            admin: created.users[0]?.name ?? '-',
            file: o['passphrase-file'],
          }),
          tr(ctx.lang, 'demoRecovery', { words: created.recoveryWords.join(' ') }),
        ]
      : [added];
    return {
      exitCode: 0,
      json: {
        vault: o.vault,
        createdVault: created !== undefined,
        user: userName,
        ...(created ? { users: created.users, recoveryWords: created.recoveryWords } : {}),
        cases: result.created,
        totalCases: result.totalCases,
        seed: result.seed,
        firstCode: result.firstCode,
        lastCode: result.lastCode,
        elapsedMs: result.elapsedMs,
      },
      text,
    };
  },
};

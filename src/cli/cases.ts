import { z } from 'zod';
import { CaseStatus } from '../shared/cases/codes';
import { UserName } from '../shared/vault';
import { caseIdByRef } from '../core/cases/access';
import { CaseService } from '../core/cases/service';
import { unlockVault, type VaultSession } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

export const CASES_OPTIONS = {
  search: { type: 'string' },
  status: { type: 'string' },
  offset: { type: 'string' },
  limit: { type: 'string' },
  case: { type: 'string' },
  'reveal-identity': { type: 'boolean' },
} as const;

const Signed = {
  vault: z.string().min(1).max(4096),
  user: UserName,
  'passphrase-file': z.string().min(1).max(4096),
};
const Count = (max: number) => z.coerce.number().int().min(0).max(max);

/** The same service, access rules and audit entries as the app's IPC channels. */
async function asUser<T>(
  ctx: CommandContext,
  o: z.infer<z.ZodObject<typeof Signed>>,
  fn: (s: VaultSession) => T,
): Promise<T> {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return fn(session);
  } finally {
    session.lock();
  }
}

export const casesCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  /** The cases this user may see (a caseworker: their own), newest first; a search is logged. */
  async list(ctx) {
    const o = parseOptions(
      z.object({
        ...Signed,
        search: z.string().max(200).optional(),
        status: CaseStatus.optional(),
        offset: Count(1_000_000).optional(),
        limit: Count(500).pipe(z.number().min(1)).optional(),
      }),
      ctx.options,
    );
    const page = await asUser(ctx, o, (s) =>
      new CaseService(s).listCases({
        ...(o.search ? { search: o.search } : {}),
        ...(o.status ? { filter: { status: [o.status] } } : {}),
        page: { offset: o.offset ?? 0, limit: o.limit ?? 50 },
        withTotal: true,
      }),
    );
    const rows = page.rows.map(
      (r) =>
        `${r.code.padEnd(12)} ${r.status.padEnd(10)} ${(r.victimStatus ?? '–').padEnd(12)} ${r.openedOn}  ${r.owner?.name ?? '–'}`,
    );
    return {
      exitCode: 0,
      json: { ...page },
      text: [tr(ctx.lang, 'casesListed', { n: page.rows.length, total: page.total ?? '?' }), ...rows],
    };
  },

  /** One case by code; the identity section only with --reveal-identity, an audited reveal. */
  async show(ctx) {
    const o = parseOptions(
      z.object({ ...Signed, case: z.string().min(1).max(64), 'reveal-identity': z.literal('true').optional() }),
      ctx.options,
    );
    const view = await asUser(ctx, o, (s) =>
      new CaseService(s).getCase(caseIdByRef(s, o.case, 'case.viewed'), {
        revealIdentity: o['reveal-identity'] === 'true',
      }),
    );
    const text = [
      tr(ctx.lang, 'caseShown', { code: view.code, status: view.status, opened: view.openedOn }),
      ...Object.entries(view.sections).map(([name, data]) => `  ${name}: ${JSON.stringify(data)}`),
    ];
    if (!o['reveal-identity']) text.push(tr(ctx.lang, 'caseIdentityHidden'));
    return { exitCode: 0, json: { ...view }, text };
  },
};

import { z } from 'zod';
import { ErrorCode } from '../shared/errors';
import { Role } from '../shared/roles';
import { UserName } from '../shared/vault';
import { AppError } from '../core/errors';
import { addUser, changeRole, listUsers, removeUser, unlockVault, type VaultSession } from '../core/vault/vault';
import { readSecret } from './io';
import { tr } from './i18n';
import { parseOptions, type CommandContext, type CommandResult } from './vault';

export const USERS_OPTIONS = {
  name: { type: 'string' },
} as const;

const Path = z.string().min(1).max(4096);
const Unlock = { vault: Path, user: UserName, 'passphrase-file': Path };

const Roles = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean),
  )
  .pipe(z.array(Role).min(1).max(3));

async function asAdmin<T>(
  ctx: CommandContext,
  o: z.infer<z.ZodObject<typeof Unlock>>,
  fn: (s: VaultSession) => Promise<T> | T,
): Promise<T> {
  const session = await unlockVault(o.vault, o.user, readSecret(o['passphrase-file'], ctx.io, 'passphrase'));
  try {
    return await fn(session);
  } finally {
    session.lock();
  }
}

/** `sauga users list|add|remove|role`: an administrator manages the people who may open the vault. */
export const usersCommands: Record<string, (ctx: CommandContext) => Promise<CommandResult>> = {
  async list(ctx) {
    const o = parseOptions(z.object(Unlock), ctx.options);
    const users = await asAdmin(ctx, o, (s) => listUsers(s));
    return {
      exitCode: 0,
      json: { users },
      text: users.map((u) =>
        tr(ctx.lang, u.removedAt ? 'usersLineRemoved' : u.needsLogin ? 'usersLineOld' : 'usersLine', {
          user: u.name,
          roles: u.roles.join(', '),
          removed: u.removedAt ?? '',
        }),
      ),
    };
  },

  async add(ctx) {
    const o = parseOptions(
      z.object({ ...Unlock, name: UserName, roles: Roles, 'new-passphrase-file': Path }),
      ctx.options,
    );
    if (o['passphrase-file'] === '-' && o['new-passphrase-file'] === '-')
      throw new AppError(ErrorCode.InvalidInput, 'only one secret can come from standard input');
    const passphrase = readSecret(o['new-passphrase-file'], ctx.io, 'new passphrase');
    await asAdmin(ctx, o, (s) => addUser(s, { userName: o.name, roles: o.roles, passphrase }));
    return {
      exitCode: 0,
      json: { user: o.name, roles: o.roles },
      text: [tr(ctx.lang, 'userAdded', { user: o.name, roles: o.roles.join(', ') })],
    };
  },

  async remove(ctx) {
    const o = parseOptions(z.object({ ...Unlock, name: UserName }), ctx.options);
    const started = Date.now();
    await asAdmin(ctx, o, (s) => removeUser(s, o.name));
    const ms = Date.now() - started;
    return {
      exitCode: 0,
      json: { user: o.name, removed: true, rekeyed: true, ms },
      text: [tr(ctx.lang, 'userRemoved', { user: o.name })],
    };
  },

  async role(ctx) {
    const o = parseOptions(z.object({ ...Unlock, name: UserName, roles: Roles }), ctx.options);
    await asAdmin(ctx, o, (s) => changeRole(s, o.name, o.roles));
    return {
      exitCode: 0,
      json: { user: o.name, roles: o.roles },
      text: [tr(ctx.lang, 'userRoleChanged', { user: o.name, roles: o.roles.join(', ') })],
    };
  },
};

import { z } from 'zod';
import { Role } from '../roles';
import { UserName } from '../vault';
import type { Access, ChannelSpec } from './contract';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelSpec<I, O> => ({
  input,
  output,
  access,
});
const Empty = z.strictObject({});
const Ok = z.strictObject({ ok: z.literal(true) });
/** People management is the administrators' (domain.md); core checks it again. */
const administrator: Access = { kind: 'roles', roles: ['administrator'] };

export const UserView = z.strictObject({
  name: z.string(),
  roles: z.array(Role),
  createdAt: z.string(),
  removedAt: z.string().nullable(),
  /** An old-format key slot: this user must log in once before anyone can be removed. */
  needsLogin: z.boolean(),
});
export type UserView = z.infer<typeof UserView>;

/** Users: adding stays `vault.addUser`; these list, remove (rekey) and change roles. */
export const usersContract = {
  'users.list': spec(Empty, z.array(UserView).max(1000), administrator),
  /** Rekeys the whole database: takes seconds on a large vault. */
  'users.remove': spec(z.strictObject({ userName: UserName }), Ok, administrator),
  'users.changeRole': spec(
    z.strictObject({ userName: UserName, roles: z.array(Role).min(1).max(3) }),
    Ok,
    administrator,
  ),
} as const;

import type { AppCore } from '../../core/app';
import { changeRole, listUsers, removeUser } from '../../core/vault/vault';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';
import type { usersContract } from '../../shared/ipc/users';

type UsersChannel = keyof typeof usersContract;
type Handler<C extends UsersChannel> = (
  input: ChannelParsedInput<C>,
  core: AppCore,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

const ok = { ok: true } as const;

/** Users: spread into the handler table. Core checks the administrator role itself. */
export const usersHandlers: { [C in UsersChannel]: Handler<C> } = {
  'users.list': (_, core) => listUsers(core.requireSession()),
  'users.remove': (input, core) => {
    removeUser(core.requireSession(), input.userName);
    return ok;
  },
  'users.changeRole': (input, core) => {
    changeRole(core.requireSession(), input.userName, input.roles);
    return ok;
  },
};

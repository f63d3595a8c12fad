import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import type { Channel } from '../../shared/ipc/contract';
import type { UserView } from '../../shared/ipc/users';
import { openIpcHarness, type Answer, type IpcHarness } from './testkit';

/**
 * Users through the real handler table: only an administrator lists, removes (rekey) and
 * changes roles; everyone else is refused and nothing changes.
 */
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
};

let h: IpcHarness<keyof typeof USERS>;
const call = <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> => h.call<T>(channel, input);

beforeAll(async () => {
  h = await openIpcHarness(USERS);
});
afterAll(() => h.close());

describe('users channels', () => {
  it('refuse a caseworker and a supervisor', async () => {
    for (const who of ['ona', 'vida'] as const) {
      await h.as(who);
      expect((await call('users.list', {})).error?.code).toBe(ErrorCode.Forbidden);
      expect((await call('users.remove', { userName: 'Ona' })).error?.code).toBe(ErrorCode.Forbidden);
      expect((await call('users.changeRole', { userName: 'Ona', roles: ['administrator'] })).error?.code).toBe(
        ErrorCode.Forbidden,
      );
    }
  });

  it('let an administrator change a role and remove a user, who then cannot unlock', async () => {
    await h.as('admin');
    expect((await call('users.changeRole', { userName: 'Vida', roles: ['supervisor', 'caseworker'] })).ok).toBe(true);
    expect((await call('users.remove', { userName: 'Ona' })).ok).toBe(true);
    const list = await call<UserView[]>('users.list', {});
    expect(list.value?.find((u) => u.name === 'Ona')?.removedAt).not.toBeNull();
    expect(list.value?.find((u) => u.name === 'Vida')?.roles).toEqual(['supervisor', 'caseworker']);
    await expect(h.as('ona')).rejects.toBeDefined();
    await h.as('vida');
    expect(h.core.requireSession().user.roles).toEqual(['supervisor', 'caseworker']);
  });
});

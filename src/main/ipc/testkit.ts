import { join } from 'node:path';
import { expect } from 'vitest';
import { AppCore } from '../../core/app';
import { ADMIN, ORG, tempDir } from '../../core/testing/fixtures';
import type { Role } from '../../shared/roles';
import type { Channel } from '../../shared/ipc/contract';
import { createIpcInvoker } from './handlers';

export type Answer<T> = { ok: boolean; value?: T; error?: { code: string } };
export interface TestUser {
  userName: string;
  roles: readonly Role[];
  passphrase: string;
}

export interface IpcHarness<U extends string> {
  dir: string;
  core: AppCore;
  /** What the stubbed dialogs were asked for, and what they answer (undefined: closed). */
  dialogs: { save: string[]; open: string[]; savePath?: string; openPath?: string };
  call: <T = unknown>(channel: Channel, input: unknown) => Promise<Answer<T>>;
  /** Locks, then unlocks as that user (or the vault's administrator). */
  as: (user: U | 'admin') => Promise<void>;
  close: () => void;
}

/**
 * For access tests: a new vault made and used only through the real handler table (origin
 * check, input schemas, session and role checks), with these users added, the administrator
 * signed in, and the file dialogs stubbed.
 */
export async function openIpcHarness<U extends string>(
  users: Record<U, TestUser>,
  o: { now?: Date } = {},
): Promise<IpcHarness<U>> {
  const { dir, cleanup } = tempDir();
  const dialogs: IpcHarness<U>['dialogs'] = { save: [], open: [] };
  const core = new AppCore({
    vaultDir: join(dir, 'vault'),
    configFile: join(dir, 'config.json'),
    version: 'test',
    ...(o.now ? { now: () => o.now as Date } : {}),
    chooseSavePath: async (name) => {
      dialogs.save.push(name);
      return dialogs.savePath;
    },
    chooseOpenPath: async (kind) => {
      dialogs.open.push(kind);
      return dialogs.openPath;
    },
  });
  const invoke = createIpcInvoker(core, { allowedOrigins: ['app://sauga'] });
  const call = async <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> =>
    (await invoke(channel, input, { senderUrl: 'app://sauga/index.html' })) as Answer<T>;
  const as = async (user: U | 'admin'): Promise<void> => {
    await call('vault.lock', {});
    const u = user === 'admin' ? { userName: ADMIN.name, passphrase: ADMIN.passphrase } : users[user];
    expect((await call('vault.unlock', { userName: u.userName, passphrase: u.passphrase })).ok).toBe(true);
  };

  const begun = await call<{ words: string[]; confirmPositions: number[] }>('vault.beginCreate', {
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  const { words, confirmPositions } = begun.value as { words: string[]; confirmPositions: number[] };
  expect((await call('vault.finishCreate', { confirmWords: confirmPositions.map((p) => words[p]) })).ok).toBe(true);
  for (const u of Object.values<TestUser>(users))
    expect((await call('vault.addUser', { ...u, roles: [...u.roles] })).ok).toBe(true);
  return {
    dir,
    core,
    dialogs,
    call,
    as,
    close: () => {
      core.lock();
      cleanup();
    },
  };
}

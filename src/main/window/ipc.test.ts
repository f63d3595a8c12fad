import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/ipc/contract';
import { registerIpc } from './ipc';

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function stubIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, fn: Handler) => {
        if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
        handlers.set(channel, fn);
      }),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
      on: vi.fn(),
    },
  };
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel and nothing else', () => {
    const { ipcMain, handlers } = stubIpcMain();
    registerIpc(ipcMain, vi.fn(), channels);
    expect([...handlers.keys()].sort()).toEqual([...channels].sort());
    expect(ipcMain.handle).toHaveBeenCalledTimes(channels.length);
    expect(ipcMain.on).not.toHaveBeenCalled();
  });

  it('passes the channel, the first argument only, and the sender frame URL', async () => {
    const { ipcMain, handlers } = stubIpcMain();
    const invoke = vi.fn(async () => ({ ok: true, value: 1 }));
    registerIpc(ipcMain, invoke, channels);
    const event = { senderFrame: { url: 'app://sauga/index.html' } };
    await expect(handlers.get('vault.unlock')?.(event, { userName: 'a' }, 'extra')).resolves.toEqual({
      ok: true,
      value: 1,
    });
    expect(invoke).toHaveBeenCalledWith('vault.unlock', { userName: 'a' }, { senderUrl: 'app://sauga/index.html' });
  });

  it('passes an undefined sender URL when the frame is gone, so the invoker refuses it', async () => {
    const { ipcMain, handlers } = stubIpcMain();
    const invoke = vi.fn(async () => undefined);
    registerIpc(ipcMain, invoke, channels);
    await handlers.get('vault.status')?.({ senderFrame: null }, {});
    expect(invoke).toHaveBeenCalledWith('vault.status', {}, { senderUrl: undefined });
  });

  it('removes every handler it added', () => {
    const { ipcMain, handlers } = stubIpcMain();
    registerIpc(ipcMain, vi.fn(), channels)();
    expect(handlers.size).toBe(0);
  });
});

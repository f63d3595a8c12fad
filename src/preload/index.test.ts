import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channels } from '../shared/ipc/contract';

const h = vi.hoisted(() => ({ exposed: new Map<string, unknown>() }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: vi.fn((key: string, value: unknown) => h.exposed.set(key, value)) },
  ipcRenderer: {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    send: vi.fn(),
    on: vi.fn(),
  },
}));

type Api = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

beforeAll(async () => {
  await import('./index');
});

describe('preload', () => {
  it('exposes only window.sauga', () => {
    expect([...h.exposed.keys()]).toEqual(['sauga']);
  });

  it('exposes one function per contract channel and nothing else', () => {
    const api = h.exposed.get('sauga') as Api;
    const exposed = Object.entries(api).flatMap(([area, methods]) =>
      Object.entries(methods).map(([method, fn]) => {
        expect(typeof fn).toBe('function');
        return `${area}.${method}`;
      }),
    );
    expect(exposed.sort()).toEqual([...channels].sort());
    const flat = JSON.stringify(Object.keys(api)) + JSON.stringify(Object.values(api).map((m) => Object.keys(m)));
    expect(flat).not.toMatch(/ipcRenderer|invoke|send|require|process/);
  });

  it('each function invokes its own channel with its input', async () => {
    const electron = await import('electron');
    const api = h.exposed.get('sauga') as Api;
    await expect(api.vault?.unlock?.({ userName: 'a', passphrase: 'b' })).resolves.toEqual({
      ok: true,
      value: { channel: 'vault.unlock', input: { userName: 'a', passphrase: 'b' } },
    });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('vault.unlock', { userName: 'a', passphrase: 'b' });
    expect(electron.ipcRenderer.send).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
  });
});

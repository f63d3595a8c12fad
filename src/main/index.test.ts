import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../shared/ipc/contract';

// The composition root against a stubbed electron module: proves the wiring, in order, with
// the real core and the real IPC invoker behind it.

type Listener = (...args: unknown[]) => unknown;

const h = vi.hoisted(() => {
  const state = {
    gotLock: true,
    withNative: true,
    userData: '',
    appListeners: new Map<string, Listener[]>(),
    powerListeners: new Map<string, Listener>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as Array<{
      options: { webPreferences?: Record<string, unknown> };
      webContents: { reload: ReturnType<typeof vi.fn> };
    }>,
    order: [] as string[],
  };
  return { state };
});

vi.mock('electron', () => {
  const { state } = h;
  const sessionStub = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setBluetoothPairingHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setProxy: vi.fn(async () => undefined),
    on: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  class BrowserWindow {
    readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn(), reload: vi.fn() };
    readonly setContentProtection = vi.fn();
    readonly once = vi.fn();
    readonly on = vi.fn();
    readonly show = vi.fn();
    readonly isDestroyed = vi.fn(() => false);
    readonly loadURL = vi.fn(async () => undefined);
    constructor(readonly options: Record<string, unknown>) {
      state.order.push('window');
      state.windows.push(this as never);
    }
  }
  return {
    app: {
      enableSandbox: vi.fn(() => state.order.push('enableSandbox')),
      requestSingleInstanceLock: vi.fn(() => state.gotLock),
      quit: vi.fn(),
      exit: vi.fn(),
      on: vi.fn((name: string, fn: Listener) => {
        state.appListeners.set(name, [...(state.appListeners.get(name) ?? []), fn]);
      }),
      whenReady: vi.fn(async () => {
        state.order.push('ready');
      }),
      getPath: vi.fn(() => state.userData),
      getAppPath: vi.fn(() => state.userData),
      getVersion: vi.fn(() => '9.9.9'),
      isPackaged: true,
    },
    BrowserWindow,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    ipcMain: {
      handle: vi.fn((channel: string, fn: Listener) => state.ipcHandlers.set(channel, fn)),
      removeHandler: vi.fn(),
    },
    powerMonitor: {
      on: vi.fn((name: string, fn: Listener) => state.powerListeners.set(name, fn)),
      removeListener: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.order.push('registerSchemes')),
      handle: vi.fn(() => state.order.push('protocol.handle')),
    },
    session: { defaultSession: sessionStub },
    dialog: { showErrorBox: vi.fn() },
  };
});

async function boot() {
  if (h.state.withNative) {
    mkdirSync(join(h.state.userData, 'native'), { recursive: true });
    writeFileSync(join(h.state.userData, 'native', 'better_sqlite3.node'), '');
  }
  const electron = await import('electron');
  await import('./index');
  // Let whenReady().then(start) and start's awaits settle.
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
  return electron as unknown as {
    app: Record<string, ReturnType<typeof vi.fn>>;
    protocol: Record<string, ReturnType<typeof vi.fn>>;
    ipcMain: Record<string, ReturnType<typeof vi.fn>>;
    session: {
      defaultSession: Record<string, ReturnType<typeof vi.fn>> & {
        webRequest: Record<string, ReturnType<typeof vi.fn>>;
      };
    };
  };
}

// index.ts adds process-wide handlers; take them off again so tests do not pile them up.
const processEvents = ['uncaughtException', 'unhandledRejection'];
const listenersOf = (e: string) => process.listeners(e as 'uncaughtException') as unknown[];
let listenersBefore: Map<string, unknown[]>;

beforeEach(() => {
  listenersBefore = new Map(processEvents.map((e) => [e, listenersOf(e)]));
  vi.resetModules();
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  h.state.userData = mkdtempSync(join(tmpdir(), 'sauga-main-'));
  // Electron defines this in the main process; plain Node does not.
  Object.assign(process, { resourcesPath: h.state.userData });
  h.state.appListeners.clear();
  h.state.powerListeners.clear();
  h.state.ipcHandlers.clear();
  h.state.windows.length = 0;
  h.state.order.length = 0;
  h.state.gotLock = true;
  h.state.withNative = true;
  vi.clearAllMocks();
});

afterEach(() => {
  for (const e of processEvents) {
    for (const l of listenersOf(e))
      if (!listenersBefore.get(e)?.includes(l)) process.removeListener(e as 'uncaughtException', l as never);
  }
  vi.useRealTimers();
  rmSync(h.state.userData, { recursive: true, force: true });
});

describe('main composition root', () => {
  it('sandboxes and registers app:// before ready, then serves, hardens and opens the window', async () => {
    const { app, protocol, session } = await boot();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    const order = h.state.order;
    expect(order.indexOf('enableSandbox')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('registerSchemes')).toBeLessThan(order.indexOf('ready'));
    expect(order.indexOf('ready')).toBeLessThan(order.indexOf('protocol.handle'));
    expect(order.indexOf('protocol.handle')).toBeLessThan(order.indexOf('window'));
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
    expect(h.state.appListeners.has('web-contents-created')).toBe(true);
    expect(h.state.appListeners.has('second-instance')).toBe(true);
    expect(h.state.appListeners.has('will-quit')).toBe(true);
  });

  it('asks before a window with unsaved changes closes', async () => {
    await boot();
    const on = (h.state.windows[0] as unknown as { webContents: { on: ReturnType<typeof vi.fn> } }).webContents.on;
    expect(on).toHaveBeenCalledWith('will-prevent-unload', expect.any(Function));
  });

  it("replaces Electron's default menu, whose Help items open external links", async () => {
    const electron = (await boot()) as unknown as { Menu: Record<string, ReturnType<typeof vi.fn>> };
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('opens one sandboxed window with the built preload, devtools off when packaged', async () => {
    await boot();
    expect(h.state.windows).toHaveLength(1);
    const prefs = h.state.windows[0]?.options.webPreferences;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(String(prefs?.preload)).toMatch(/preload[\\/]index\.js$/);
  });

  it('registers one IPC handler per channel over the real invoker, which checks the origin', async () => {
    await boot();
    expect([...h.state.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    const status = h.state.ipcHandlers.get('vault.status');
    await expect(status?.({ senderFrame: { url: 'app://sauga/index.html' } }, {})).resolves.toEqual({
      ok: true,
      value: { state: 'none' },
    });
    await expect(status?.({ senderFrame: { url: 'https://evil.example/' } }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FOREIGN_ORIGIN' },
    });
    await expect(status?.({ senderFrame: null }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FOREIGN_ORIGIN' },
    });
  });

  it('handles uncaught errors itself, so no dialog shows a message or stack', async () => {
    await boot();
    expect(listenersOf('uncaughtException').length).toBeGreaterThan(
      listenersBefore.get('uncaughtException')?.length ?? 0,
    );
  });

  it('locks on suspend and screen lock', async () => {
    await boot();
    expect(h.state.powerListeners.has('suspend')).toBe(true);
    expect(h.state.powerListeners.has('lock-screen')).toBe(true);
    expect(() => h.state.powerListeners.get('suspend')?.()).not.toThrow();
  });

  it('a packaged build without the Electron-ABI SQLite binding says so and exits', async () => {
    h.state.withNative = false;
    const electron = (await boot()) as unknown as {
      app: Record<string, ReturnType<typeof vi.fn>>;
      dialog: Record<string, ReturnType<typeof vi.fn>>;
    };
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Sauga', expect.stringContaining('better_sqlite3.node'));
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(h.state.windows).toHaveLength(0);
    expect(h.state.ipcHandlers.size).toBe(0);
  });

  it('a second instance quits and opens nothing', async () => {
    h.state.gotLock = false;
    const { app, protocol } = await boot();
    expect(app.quit).toHaveBeenCalled();
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(h.state.windows).toHaveLength(0);
  });
});

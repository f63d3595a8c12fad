import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMainWindow } from './mainWindow';

class StubWindow {
  static last: StubWindow | undefined;
  readonly once = vi.fn((_: 'ready-to-show', fn: () => void) => {
    this.readyToShow = fn;
  });
  readyToShow: (() => void) | undefined;
  readonly setContentProtection = vi.fn();
  readonly show = vi.fn();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
  constructor(readonly options: BrowserWindowConstructorOptions) {
    StubWindow.last = this;
  }
}

describe('createMainWindow', () => {
  it('builds a hardened, content-protected window loaded from app:// only', async () => {
    const { window, loaded } = createMainWindow(StubWindow as never, {
      preloadPath: '/p.js',
      isPackaged: true,
    }) as unknown as {
      window: StubWindow;
      loaded: Promise<void>;
    };
    await loaded;
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/p.js',
    });
    expect(window.setContentProtection).toHaveBeenCalledWith(true);
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://sauga/index.html');
    expect(window.webContents.setWindowOpenHandler).toHaveBeenCalled();
    expect(window.webContents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(window.show).not.toHaveBeenCalled();
    window.readyToShow?.();
    expect(window.show).toHaveBeenCalled();
  });
});

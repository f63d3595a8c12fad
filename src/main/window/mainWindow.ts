import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from './appUrl';
import { guardWebContents, type GuardableWebContents } from './navigation';
import { mainWindowOptions, type WindowOptionsInput } from './webPreferences';

export interface CreatableWindow {
  setContentProtection(enable: boolean): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
  webContents: GuardableWebContents;
}

export type WindowConstructor<W extends CreatableWindow = BrowserWindow> = new (
  options: BrowserWindowConstructorOptions,
) => W;

/** Builds the one window: hardened preferences, guarded contents, loaded from app:// only. */
export function createMainWindow<W extends CreatableWindow>(
  Window: WindowConstructor<W>,
  input: WindowOptionsInput,
): { window: W; loaded: Promise<void> } {
  const win = new Window(mainWindowOptions(input));
  // Keeps case files out of screenshots, screen sharing and recording (Windows, macOS).
  win.setContentProtection(true);
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  return { window: win, loaded: win.loadURL(APP_ENTRY_URL) };
}

import type { PowerMonitor } from 'electron';

export interface LockableCore {
  lock(): unknown;
  lockIfIdle(): boolean;
  status(): { state: string };
}

export interface ReloadableWindow {
  isDestroyed(): boolean;
  webContents: { reload(): void };
}

export interface AutoLockOptions {
  /** How often the idle timer looks; the idle limit itself is the admin's setting in core. */
  intervalMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
  /** Told about a failing lock; the window is reloaded anyway, to be safe. */
  onError?: (error: unknown) => void;
}

const POWER_EVENTS = ['suspend', 'lock-screen'] as const;

/**
 * Locks on suspend, on screen lock and when idle, then reloads the window so no case data
 * stays in the renderer's memory or on screen: the fresh page asks main and gets the lock
 * screen.
 */
export function wireAutoLock(
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'>,
  core: LockableCore,
  getWindow: () => ReloadableWindow | undefined,
  options: AutoLockOptions = {},
): () => void {
  const reload = () => {
    const win = getWindow();
    if (win && !win.isDestroyed()) win.webContents.reload();
  };
  // A throw here would surface as an uncaught exception in main; when in doubt, assume the
  // vault was open and reload, which is always safe.
  const attempt = <T>(fn: () => T, onFailure: T): T => {
    try {
      return fn();
    } catch (e) {
      options.onError?.(e);
      return onFailure;
    }
  };
  const lockNow = () => {
    // Reload only if something was open, so a half-typed unlock form is not wiped for nothing;
    // lockIfIdle first, because status() would otherwise lock an idle session unnoticed.
    const wasUnlocked =
      attempt(() => core.lockIfIdle(), true) || attempt(() => core.status().state === 'unlocked', true);
    const locked = attempt(() => (core.lock(), true), false);
    if (wasUnlocked || !locked) reload();
  };
  for (const name of POWER_EVENTS) powerMonitor.on(name as 'suspend', lockNow);

  const set = options.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const clear = options.clearInterval ?? ((h) => clearInterval(h as NodeJS.Timeout));
  const timer = set(() => {
    if (attempt(() => core.lockIfIdle(), true)) reload();
  }, options.intervalMs ?? 15_000);

  return () => {
    for (const name of POWER_EVENTS) powerMonitor.removeListener(name as 'suspend', lockNow);
    clear(timer);
  };
}

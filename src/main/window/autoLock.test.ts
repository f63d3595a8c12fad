import { describe, expect, it, vi } from 'vitest';
import { wireAutoLock, type LockableCore } from './autoLock';

function stubPowerMonitor() {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    powerMonitor: {
      on: vi.fn((name: string, fn: () => void) => listeners.set(name, fn)),
      removeListener: vi.fn((name: string) => listeners.delete(name)),
    },
  };
}

function stubCore(state: 'unlocked' | 'locked', idle = false) {
  let current = state;
  const core = {
    lock: vi.fn(() => {
      current = 'locked';
    }),
    lockIfIdle: vi.fn(() => {
      if (idle && current === 'unlocked') {
        current = 'locked';
        return true;
      }
      return false;
    }),
    status: vi.fn(() => ({ state: current })),
  } satisfies LockableCore;
  return core;
}

const stubWindow = () => ({ isDestroyed: vi.fn(() => false), webContents: { reload: vi.fn() } });

function manualTimer() {
  let tick: (() => void) | undefined;
  return {
    tick: () => tick?.(),
    setInterval: vi.fn((fn: () => void) => {
      tick = fn;
      return 7;
    }),
    clearInterval: vi.fn(),
  };
}

describe('wireAutoLock', () => {
  it.each(['suspend', 'lock-screen'])('%s locks the vault and reloads the window', (name) => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const core = stubCore('unlocked');
    const win = stubWindow();
    wireAutoLock(powerMonitor as never, core, () => win, manualTimer());
    listeners.get(name)?.();
    expect(core.lock).toHaveBeenCalled();
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('locks but does not reload when nothing was unlocked', () => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const core = stubCore('locked');
    const win = stubWindow();
    wireAutoLock(powerMonitor as never, core, () => win, manualTimer());
    listeners.get('suspend')?.();
    expect(core.lock).toHaveBeenCalled();
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it('reloads on suspend even when the session had just gone idle', () => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const core = stubCore('unlocked', true);
    const win = stubWindow();
    wireAutoLock(powerMonitor as never, core, () => win, manualTimer());
    listeners.get('suspend')?.();
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('the idle timer reloads only when core says it locked', () => {
    const timer = manualTimer();
    const core = stubCore('unlocked');
    const win = stubWindow();
    wireAutoLock(stubPowerMonitor().powerMonitor as never, core, () => win, { ...timer, intervalMs: 1000 });
    expect(timer.setInterval).toHaveBeenCalledWith(expect.any(Function), 1000);
    timer.tick();
    expect(core.lockIfIdle).toHaveBeenCalledTimes(1);
    expect(win.webContents.reload).not.toHaveBeenCalled();
    core.lockIfIdle.mockReturnValueOnce(true);
    timer.tick();
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('uses a real interval by default', () => {
    vi.useFakeTimers();
    try {
      const core = stubCore('unlocked');
      const win = stubWindow();
      const stop = wireAutoLock(stubPowerMonitor().powerMonitor as never, core, () => win);
      vi.advanceTimersByTime(60_000);
      expect(core.lockIfIdle.mock.calls.length).toBeGreaterThanOrEqual(3);
      stop();
      const calls = core.lockIfIdle.mock.calls.length;
      vi.advanceTimersByTime(60_000);
      expect(core.lockIfIdle.mock.calls.length).toBe(calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it('survives a closed or destroyed window', () => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const destroyed = { isDestroyed: () => true, webContents: { reload: vi.fn() } };
    wireAutoLock(powerMonitor as never, stubCore('unlocked'), () => destroyed, manualTimer());
    listeners.get('suspend')?.();
    expect(destroyed.webContents.reload).not.toHaveBeenCalled();
    wireAutoLock(powerMonitor as never, stubCore('unlocked'), () => undefined, manualTimer());
    expect(() => listeners.get('lock-screen')?.()).not.toThrow();
  });

  it('still reloads, and reports, when locking throws', () => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const core = stubCore('unlocked');
    core.lock.mockImplementation(() => {
      throw new Error('audit write failed');
    });
    core.lockIfIdle.mockImplementation(() => {
      throw new Error('boom');
    });
    const win = stubWindow();
    const onError = vi.fn();
    const timer = manualTimer();
    wireAutoLock(powerMonitor as never, core, () => win, { ...timer, onError });
    expect(() => listeners.get('suspend')?.()).not.toThrow();
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    expect(() => timer.tick()).not.toThrow();
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalled();
  });

  it('stops listening and clears the timer when disposed', () => {
    const { powerMonitor, listeners } = stubPowerMonitor();
    const timer = manualTimer();
    wireAutoLock(powerMonitor as never, stubCore('unlocked'), () => undefined, timer)();
    expect(listeners.size).toBe(0);
    expect(timer.clearInterval).toHaveBeenCalledWith(7);
  });
});

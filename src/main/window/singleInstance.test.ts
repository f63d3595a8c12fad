import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './singleInstance';

type Listener = () => void;

function stubApp(gotLock: boolean) {
  const listeners = new Map<string, Listener>();
  return {
    listeners,
    app: {
      requestSingleInstanceLock: vi.fn(() => gotLock),
      quit: vi.fn(),
      on: vi.fn((name: string, fn: Listener) => listeners.set(name, fn)),
    },
  };
}

const stubWindow = (minimized: boolean) => ({
  isMinimized: vi.fn(() => minimized),
  restore: vi.fn(),
  show: vi.fn(),
  focus: vi.fn(),
});

describe('claimSingleInstance', () => {
  it('quits a second process', () => {
    const { app } = stubApp(false);
    expect(claimSingleInstance(app as never, () => undefined)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.on).not.toHaveBeenCalled();
  });

  it('keeps the first process and brings its window forward when a second one starts', () => {
    const { app, listeners } = stubApp(true);
    const win = stubWindow(true);
    expect(claimSingleInstance(app as never, () => win)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    listeners.get('second-instance')?.();
    expect(win.restore).toHaveBeenCalled();
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('does nothing on a second instance before the window exists', () => {
    const { app, listeners } = stubApp(true);
    claimSingleInstance(app as never, () => undefined);
    expect(() => listeners.get('second-instance')?.()).not.toThrow();
  });
});

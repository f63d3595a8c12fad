import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { latestAnchor } from '../../core/audit/anchor';
import { openIpcHarness, type IpcHarness } from '../ipc/testkit';
import { wireAutoLock } from './autoLock';

/**
 * The auto-lock wiring over the real core and handler table: Electron's powerMonitor and the
 * interval are stubs, the vault is real. Each trigger must close the core session, and after
 * it a handler call must refuse with LOCKED.
 */

function stubPowerMonitor() {
  const listeners = new Map<string, () => void>();
  return {
    emit: (name: string) => listeners.get(name)?.(),
    powerMonitor: {
      on: (name: string, fn: () => void) => listeners.set(name, fn),
      removeListener: (name: string) => listeners.delete(name),
    },
  };
}

function manualTimer() {
  let tick: (() => void) | undefined;
  return {
    tick: () => tick?.(),
    setInterval: (fn: () => void) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => undefined,
  };
}

let h: IpcHarness<never>;
/** The core's clock, moved by the tests; the harness reads it on every call. */
const clock = new Date('2026-03-02T09:00:00Z');
let power: ReturnType<typeof stubPowerMonitor>;
let timer: ReturnType<typeof manualTimer>;
let reload: ReturnType<typeof vi.fn<() => void>>;
let stop: () => void;

const minutes = (n: number) => clock.setTime(clock.getTime() + n * 60_000);
const refusesLocked = async () => {
  const r = await h.call('audit.verify', {});
  expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.Locked } });
};

beforeEach(async () => {
  h = await openIpcHarness({}, { now: clock });
  power = stubPowerMonitor();
  timer = manualTimer();
  reload = vi.fn<() => void>();
  stop = wireAutoLock(
    power.powerMonitor as never,
    h.core,
    () => ({ isDestroyed: () => false, webContents: { reload } }),
    {
      setInterval: timer.setInterval,
      clearInterval: timer.clearInterval,
    },
  );
  expect((await h.call('audit.verify', {})).ok).toBe(true);
});
afterEach(() => {
  stop();
  h.close();
});

describe('auto-lock over a real vault', () => {
  it.each(['suspend', 'lock-screen'])('%s locks the core session; then a handler call refuses', async (event) => {
    power.emit(event);
    expect(h.core.status().state).toBe('locked');
    expect(reload).toHaveBeenCalledTimes(1);
    await refusesLocked();
    // The lock also recorded the chain head outside the vault.
    expect(latestAnchor(h.core.anchorFile(), vaultId())?.event).toBe('lock');
  });

  it('the idle timer locks after the administrator’s limit, not before, and activity restarts it', async () => {
    expect((await h.call('settings.setIdleLock', { minutes: 5 })).ok).toBe(true);
    minutes(4);
    timer.tick();
    expect(reload).not.toHaveBeenCalled();
    // Any call is activity: four more minutes are again inside the limit.
    expect((await h.call('vault.activity', {})).ok).toBe(true);
    minutes(4);
    timer.tick();
    expect(h.core.status().state).toBe('unlocked');
    minutes(2);
    timer.tick();
    expect(reload).toHaveBeenCalledTimes(1);
    expect(h.core.status().state).toBe('locked');
    await refusesLocked();
  });

  it('an idle limit of 0 turns the idle lock off; suspend still locks', async () => {
    expect((await h.call('settings.setIdleLock', { minutes: 0 })).ok).toBe(true);
    minutes(600);
    timer.tick();
    expect(h.core.status().state).toBe('unlocked');
    expect(reload).not.toHaveBeenCalled();
    power.emit('suspend');
    await refusesLocked();
  });

  it('the default idle limit is 10 minutes', async () => {
    expect(h.core.idleLockMinutes()).toBe(10);
    minutes(9);
    timer.tick();
    expect(h.core.status().state).toBe('unlocked');
    minutes(2);
    timer.tick();
    expect(h.core.status().state).toBe('locked');
    await refusesLocked();
  });
});

/** The vault id, from the slot file (readable without a secret). */
function vaultId(): string {
  return (JSON.parse(readFileSync(join(h.core.config.vaultDir, 'keyslots.json'), 'utf8')) as { vaultId: string })
    .vaultId;
}

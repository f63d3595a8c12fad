import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../core/app';
import { ADMIN, ORG, tempDir } from '../../core/testing/fixtures';
import { ErrorCode, ErrorCodeSchema } from '../../shared/errors';
import { channels, contract } from '../../shared/ipc/contract';
import { createIpcInvoker, originOf } from './handlers';

const APP = 'app://sauga/index.html';
let cleanup: () => void;
let core: AppCore;
let clock = Date.parse('2026-11-29T10:00:00Z');
let internalErrors: string[] = [];
let invoke: ReturnType<typeof createIpcInvoker>;

async function createAndUnlock(): Promise<void> {
  const begun = await invoke(
    'vault.beginCreate',
    { orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase },
    { senderUrl: APP },
  );
  if (!begun.ok) throw new Error(begun.error.code);
  const { words, confirmPositions } = begun.value as { words: string[]; confirmPositions: number[] };
  const done = await invoke(
    'vault.finishCreate',
    { confirmWords: confirmPositions.map((p) => words[p]) },
    { senderUrl: APP },
  );
  if (!done.ok) throw new Error(done.error.code);
}

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  core = new AppCore({
    vaultDir: join(dir, 'vault'),
    configFile: join(dir, 'config.json'),
    version: 'test',
    now: () => new Date(clock),
  });
  invoke = createIpcInvoker(core, {
    allowedOrigins: ['app://sauga'],
    onInternalError: (channel) => internalErrors.push(channel),
  });
});
afterAll(() => {
  core.lock();
  cleanup();
});

describe('origin check', () => {
  it.each([
    ['https://evil.example/x'],
    ['app://evil/index.html'],
    ['file:///etc/passwd'],
    ['http://sauga.localhost/'],
    [''],
    [undefined],
    ['not a url'],
  ])('refuses a call from %s before anything else', async (senderUrl) => {
    const r = await invoke('vault.status', {}, { senderUrl });
    expect(r).toEqual({ ok: false, error: { code: ErrorCode.ForeignOrigin, message: expect.any(String) } });
  });

  it('reads origins of custom schemes by scheme and host', () => {
    expect(originOf('app://sauga/a/b?c')).toBe('app://sauga');
    expect(originOf('app://sauga.evil/')).toBe('app://sauga.evil');
  });
});

describe('channels', () => {
  it('unknown and inherited channel names are refused', async () => {
    for (const ch of ['vault.destroy', '__proto__', 'constructor', 'toString']) {
      expect(await invoke(ch, {}, { senderUrl: APP })).toMatchObject({
        ok: false,
        error: { code: ErrorCode.UnknownChannel },
      });
    }
  });

  it('extra fields are refused by the strict schemas', async () => {
    const r = await invoke('vault.status', { sneaky: true }, { senderUrl: APP });
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidInput } });
  });

  it('calls needing a session say LOCKED while the vault is locked', async () => {
    expect(await invoke('vault.activity', {}, { senderUrl: APP })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Locked },
    });
    expect(await invoke('settings.setIdleLock', { minutes: 5 }, { senderUrl: APP })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Locked },
    });
  });
});

describe('a vault through the handler table', () => {
  it('creates, locks, refuses a wrong passphrase, unlocks, and enforces roles', async () => {
    expect(await invoke('vault.status', {}, { senderUrl: APP })).toEqual({ ok: true, value: { state: 'none' } });
    await createAndUnlock();
    const status = await invoke('vault.status', {}, { senderUrl: APP });
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'unlocked', orgName: ORG, user: { name: ADMIN.name }, demo: false },
    });

    expect(
      await invoke(
        'vault.addUser',
        { userName: 'Jonas', roles: ['caseworker'], passphrase: 'Žalias kalnas prie upės 97' },
        { senderUrl: APP },
      ),
    ).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(await invoke('vault.lock', {}, { senderUrl: APP })).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(
      await invoke('vault.unlock', { userName: ADMIN.name, passphrase: 'wrong wrong wrong' }, { senderUrl: APP }),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.WrongPassphrase },
    });
    expect(
      await invoke('vault.unlock', { userName: 'Jonas', passphrase: 'Žalias kalnas prie upės 97' }, { senderUrl: APP }),
    ).toMatchObject({
      ok: true,
      value: { state: 'unlocked', user: { name: 'Jonas', roles: ['caseworker'] } },
    });
    // A caseworker cannot add users or change vault settings: enforced here, not in the UI.
    expect(
      await invoke(
        'vault.addUser',
        { userName: 'Eve', roles: ['administrator'], passphrase: 'another good passphrase 1' },
        { senderUrl: APP },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    expect(await invoke('settings.setIdleLock', { minutes: 0 }, { senderUrl: APP })).toMatchObject({
      ok: false,
      error: { code: ErrorCode.Forbidden },
    });
    await invoke('vault.lock', {}, { senderUrl: APP });
  });

  it('records failed unlocks in the audit log at the next unlock', async () => {
    await invoke('vault.unlock', { userName: ADMIN.name, passphrase: 'wrong wrong wrong' }, { senderUrl: APP });
    await invoke('vault.unlock', { userName: 'Nobody', passphrase: 'wrong wrong wrong' }, { senderUrl: APP });
    await invoke('vault.unlock', { userName: ADMIN.name, passphrase: ADMIN.passphrase }, { senderUrl: APP });
    const rows = core
      .requireSession()
      .db.prepare(`SELECT action, detail FROM audit_log ORDER BY seq DESC LIMIT 2`)
      .all();
    expect(rows).toEqual([
      { action: 'session.unlocked', detail: '{}' },
      { action: 'session.failed_unlocks', detail: '{"count":2}' },
    ]);
  });

  it('an idle session locks itself and every channel then refuses', async () => {
    expect(core.status().state).toBe('unlocked');
    await invoke('settings.setIdleLock', { minutes: 5 }, { senderUrl: APP });
    clock += 4 * 60_000;
    expect(await invoke('vault.activity', {}, { senderUrl: APP })).toEqual({ ok: true, value: { ok: true } });
    clock += 6 * 60_000;
    expect(core.lockIfIdle()).toBe(true);
    for (const ch of channels.filter((c) => contract[c].access.kind !== 'public')) {
      const r = await invoke(ch, {}, { senderUrl: APP });
      expect(r.ok).toBe(false);
      if (!r.ok) expect([ErrorCode.Locked, ErrorCode.InvalidInput]).toContain(r.error.code);
    }
  });
});

describe('random payloads on every channel', () => {
  it('never crash a handler and always get a typed result', async () => {
    await invoke('vault.unlock', { userName: ADMIN.name, passphrase: ADMIN.passphrase }, { senderUrl: APP });
    internalErrors = [];
    // Channels that would end the session or rewrite keys are fuzzed while locked below.
    const safe = channels.filter(
      (c) =>
        ![
          'vault.lock',
          'vault.changePassphrase',
          'vault.addUser',
          'vault.unlock',
          'vault.unlockWithRecovery',
          'vault.finishCreate',
          'vault.beginCreate',
          'app.setLanguage',
        ].includes(c),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...channels),
        fc.anything({ withObjectString: true, withNullPrototype: true }),
        async (ch, payload) => {
          const useChannel = safe.includes(ch) ? ch : 'vault.status';
          const r = await invoke(useChannel, payload, { senderUrl: APP });
          expect(typeof r.ok).toBe('boolean');
          if (!r.ok) {
            expect(ErrorCodeSchema.safeParse(r.error.code).success).toBe(true);
            expect(typeof r.error.message).toBe('string');
          }
        },
      ),
      { numRuns: 300 },
    );
    core.lock();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...channels), fc.anything({ withObjectString: true }), async (ch, payload) => {
        const r = await invoke(ch, payload, { senderUrl: APP });
        if (!r.ok) expect(ErrorCodeSchema.safeParse(r.error.code).success).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(internalErrors).toEqual([]);
  });

  it('shaped but hostile inputs get validation errors, not crashes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ userName: fc.string({ maxLength: 300 }), passphrase: fc.string({ maxLength: 2000 }) }),
        async (input) => {
          const r = await invoke('vault.unlock', input, { senderUrl: APP });
          expect(r.ok).toBe(false);
          if (!r.ok)
            expect([ErrorCode.InvalidInput, ErrorCode.UnknownUser, ErrorCode.WrongPassphrase]).toContain(r.error.code);
        },
      ),
      { numRuns: 25 },
    );
    expect(internalErrors).toEqual([]);
  });
});

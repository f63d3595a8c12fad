import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../core/app';
import { ADMIN, ORG, tempDir } from '../../core/testing/fixtures';
import { CLOSURE_REASONS } from '../../shared/cases/codes';
import { ErrorCode, ErrorCodeSchema } from '../../shared/errors';
import { channels, contract, type Channel } from '../../shared/ipc/contract';
import { createIpcInvoker } from './handlers';

/**
 * Need-to-know through the real handler table: a caseworker reaches another worker's case by
 * no channel, an administrator reaches no case content, and every refusal is in the audit log.
 */
const APP = 'app://sauga/index.html';
const ctx = { senderUrl: APP };
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const REASON = CLOSURE_REASONS[0].code;
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  jonas: { userName: 'Jonas', roles: ['caseworker'] as const, passphrase: 'raudonas tiltas per upę 1999' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
};

let cleanup: () => void;
let core: AppCore;
let invoke: ReturnType<typeof createIpcInvoker>;
let caseId: string;
let attachmentId: string;
let itemId: string;
let version: number;
const exported: string[] = [];

async function call<T = unknown>(
  channel: Channel,
  input: unknown,
): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  return (await invoke(channel, input, ctx)) as { ok: boolean; value?: T; error?: { code: string } };
}

async function as(user: keyof typeof USERS | 'admin'): Promise<void> {
  await call('vault.lock', {});
  const u = user === 'admin' ? { userName: ADMIN.name, passphrase: ADMIN.passphrase } : USERS[user];
  const r = await call('vault.unlock', { userName: u.userName, passphrase: u.passphrase });
  expect(r.ok).toBe(true);
}

function auditRows(subject: string): { action: string; actor: string }[] {
  return core
    .requireSession()
    .db.prepare('SELECT action, actor FROM audit_log WHERE subject = ? ORDER BY seq')
    .all(subject) as { action: string; actor: string }[];
}

/** A valid input for each channel that names a case, aimed at the case under test. */
function attempts(): [Channel, unknown][] {
  return [
    ['cases.get', { caseId }],
    ['cases.get', { caseId, revealIdentity: true }],
    [
      'cases.updateSection',
      { caseId, update: { section: 'management', data: { openedOn: '2026-11-02' }, expectedVersion: version } },
    ],
    ['cases.addItem', { caseId, item: { kind: 'notes', data: { date: '2026-11-01', text: 'x' } } }],
    [
      'cases.updateItem',
      { caseId, itemId, item: { kind: 'notes', data: { date: '2026-11-01', text: 'y' } }, expectedVersion: version },
    ],
    ['cases.removeItem', { caseId, kind: 'notes', itemId, expectedVersion: version }],
    ['cases.history', { caseId, query: {} }],
    ['cases.viewLog', { caseId }],
    ['cases.assignments', { caseId }],
    ['cases.setStatus', { caseId, status: 'FOLLOW_UP', expectedVersion: version }],
    ['cases.requestClosure', { caseId, closure: { reason: REASON, closedOn: '2026-11-20' }, expectedVersion: version }],
    ['cases.addAttachment', { caseId, attachment: { fileName: 'a.png' }, contentBase64: PNG.toString('base64') }],
    ['cases.readAttachment', { caseId, attachmentId }],
    ['cases.exportAttachment', { caseId, attachmentId }],
    ['cases.removeAttachment', { caseId, attachmentId, expectedVersion: version }],
  ];
}

beforeAll(async () => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  core = new AppCore({
    vaultDir: join(dir, 'vault'),
    configFile: join(dir, 'config.json'),
    version: 'test',
    chooseSavePath: async (name) => {
      const p = join(dir, `exported-${exported.length}-${name}`);
      exported.push(p);
      return p;
    },
  });
  invoke = createIpcInvoker(core, { allowedOrigins: ['app://sauga'] });
  const begun = await call<{ words: string[]; confirmPositions: number[] }>('vault.beginCreate', {
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  const { words, confirmPositions } = begun.value as { words: string[]; confirmPositions: number[] };
  expect((await call('vault.finishCreate', { confirmWords: confirmPositions.map((p) => words[p]) })).ok).toBe(true);
  for (const u of Object.values(USERS)) {
    expect(
      (await call('vault.addUser', { userName: u.userName, roles: [...u.roles], passphrase: u.passphrase })).ok,
    ).toBe(true);
  }
  await as('ona');
  const created = await call<{ id: string; version: number }>('cases.create', {
    openedOn: '2026-11-02',
    identity: { givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė' },
  });
  expect(created).toMatchObject({ ok: true });
  caseId = created.value!.id;
  const note = await call<{ id: string; version: number }>('cases.addItem', {
    caseId,
    item: { kind: 'notes', data: { date: '2026-11-03', text: 'Pirmas susitikimas' } },
  });
  itemId = note.value!.id;
  const att = await call<{ id: string; version: number }>('cases.addAttachment', {
    caseId,
    attachment: { fileName: 'scan.png' },
    contentBase64: PNG.toString('base64'),
  });
  expect(att).toMatchObject({ ok: true });
  attachmentId = att.value!.id;
  version = att.value!.version;
});

afterAll(() => {
  core.lock();
  cleanup();
});

describe('need-to-know over IPC', () => {
  it('the assigned caseworker reaches her case by every channel', async () => {
    await as('ona');
    for (const [channel, input] of attempts().slice(0, 2)) expect((await call(channel, input)).ok).toBe(true);
    const list = await call<{ rows: { id: string }[] }>('cases.list', { search: 'zerune' });
    expect(list.value?.rows.map((r) => r.id)).toEqual([caseId]);
    expect(await call('cases.exportAttachment', { caseId, attachmentId })).toMatchObject({
      ok: true,
      value: { saved: true },
    });
  });

  it('another caseworker reaches it by no channel, and each attempt is audited', async () => {
    await as('jonas');
    const before = auditRows(caseId).filter((r) => r.action === 'case.access_denied').length;
    const tried = attempts();
    for (const [channel, input] of tried) {
      const r = await call(channel, input);
      expect({ channel, r }).toMatchObject({ channel, r: { ok: false, error: { code: ErrorCode.Forbidden } } });
    }
    const list = await call<{ rows: unknown[]; total: number | null }>('cases.list', { search: 'zerune' });
    expect(list.value?.rows).toEqual([]);
    const dup = await call<Record<string, unknown>>('cases.checkDuplicates', {
      givenNames: 'Žėrūnė',
      familyNames: 'Kazlauskaitė',
    });
    expect(JSON.stringify(dup.value)).not.toContain(caseId);
    const denied = auditRows(caseId).filter((r) => r.action === 'case.access_denied');
    expect(denied.length - before).toBe(tried.length);
    expect(denied.every((r) => r.actor === 'Jonas')).toBe(true);
    expect(exported).toHaveLength(1);
  });

  it('an administrator who is not a supervisor sees no case content on any case channel', async () => {
    await as('admin');
    const caseChannels = channels.filter((c) => c.startsWith('cases.'));
    for (const channel of caseChannels) {
      const match = [
        ...attempts(),
        ['cases.list', {}],
        ['cases.create', { openedOn: '2026-11-02' }],
        ['cases.workers', {}],
        ['cases.checkDuplicates', {}],
      ].find(([c]) => c === channel) ?? [channel, { caseId, userId: caseId, fromUserId: caseId, toUserId: caseId }];
      const r = await call(channel, match[1]);
      expect({ channel, ok: r.ok }).toEqual({ channel, ok: false });
      expect([ErrorCode.Forbidden, ErrorCode.InvalidInput]).toContain(r.error?.code);
    }
  });

  it('a supervisor sees the case and may assign it', async () => {
    await as('vida');
    expect((await call('cases.get', { caseId })).ok).toBe(true);
    const workers = await call<{ id: string; name: string }[]>('cases.workers', {});
    const jonas = workers.value?.find((w) => w.name === 'Jonas');
    expect(jonas).toBeDefined();
    expect((await call('cases.assign', { caseId, userId: jonas!.id })).ok).toBe(true);
    await as('jonas');
    expect((await call('cases.get', { caseId })).ok).toBe(true);
  });

  it('caseworkers cannot use supervisor channels', async () => {
    await as('ona');
    const r = await call('cases.close', { caseId, expectedVersion: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: ErrorCode.Forbidden } });
  });

  it('statistics are for supervisors: caseworkers and administrators are refused and nothing is written', async () => {
    const period = { kind: 'year', year: 2026 };
    const inputs: [Channel, unknown][] = [
      ['stats.preview', { period }],
      ['stats.export', { period }],
      ['stats.history', {}],
      ['stats.signingKey', {}],
    ];
    const saved = exported.length;
    for (const who of ['ona', 'admin'] as const) {
      await as(who);
      for (const [channel, input] of inputs) {
        expect({ who, channel, r: await call(channel, input) }).toMatchObject({
          who,
          channel,
          r: { ok: false, error: { code: ErrorCode.Forbidden } },
        });
      }
    }
    expect(exported.length).toBe(saved);
    const keys = core.requireSession().db.prepare('SELECT count(*) AS n FROM stats_signing_keys').get() as {
      n: number;
    };
    expect(keys.n).toBe(0);
    await as('vida');
    expect(await call('stats.history', {})).toMatchObject({ ok: true, value: [] });
  });
});

describe('random payloads on the case channels', () => {
  it('never crash a handler and always get a typed result', async () => {
    await as('vida');
    const internal: string[] = [];
    const fuzzInvoke = createIpcInvoker(core, {
      allowedOrigins: ['app://sauga'],
      onInternalError: (c) => internal.push(c),
    });
    const caseChannels = channels.filter((c) => c.startsWith('cases.') && contract[c].access.kind !== 'public');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...caseChannels),
        fc.oneof(
          fc.anything({ withObjectString: true }),
          fc.record({
            caseId: fc.oneof(fc.uuid(), fc.string()),
            query: fc.anything(),
            item: fc.anything(),
            update: fc.anything(),
          }),
        ),
        async (channel, payload) => {
          const r = await fuzzInvoke(channel, payload, ctx);
          if (!r.ok) expect(ErrorCodeSchema.safeParse(r.error.code).success).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
    expect(internal).toEqual([]);
  });
});

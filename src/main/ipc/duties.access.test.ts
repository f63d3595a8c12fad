import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { channels, contract, type Channel } from '../../shared/ipc/contract';
import { ensureSigningKey } from '../../core/stats/package';
import { openIpcHarness, type Answer, type IpcHarness } from './testkit';

/**
 * Information duties through the real handler table: a task is reached only through its
 * case's need-to-know, the rules and the institution registry are an administrator's, the
 * compliance report is for supervisors and administrators, and a closed dialog does nothing.
 */
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  jonas: { userName: 'Jonas', roles: ['caseworker'] as const, passphrase: 'raudonas tiltas per upę 1999' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
};
/** A Tuesday, so the example's working-day deadlines fall later this week. */
const NOW = new Date('2026-11-10T09:00:00.000Z');

let caseId: string;
let policeId: string;

let h: IpcHarness<keyof typeof USERS>;
const call = <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> => h.call<T>(channel, input);
const as = (user: keyof typeof USERS | 'admin'): Promise<void> => h.as(user);

interface Task {
  id: string;
  ruleId: string;
  state: string;
  dueAt: string;
  record: { kind: string; to?: string } | null;
}
const tasks = async (): Promise<Task[]> => (await call<Task[]>('duties.caseTasks', { caseId })).value ?? [];
const policeTask = async (): Promise<Task> => (await tasks()).find((t) => t.ruleId === 'EX.POLICE') as Task;

beforeAll(async () => {
  h = await openIpcHarness(USERS, { now: NOW });

  expect((await call('rules.installExample', {})).ok).toBe(true);
  const police = await call<{ id: string }>('institutions.add', {
    name: 'Vilniaus apskrities VPK',
    type: 'POLICE',
    municipality: 'Vilniaus m.',
  });
  policeId = police.value!.id;

  await as('ona');
  const created = await call<{ id: string }>('cases.create', {
    openedOn: '2026-11-09',
    status: { victimStatus: 'PRESUMED', decidedOn: '2026-11-10' },
  });
  caseId = created.value!.id;
});

afterAll(() => h.close());

describe('information-duty channels over IPC', () => {
  it('are never public', () => {
    const ours = channels.filter((c) => /^(duties|institutions|rules)\./u.test(c));
    expect(ours).toHaveLength(20);
    for (const c of ours) expect({ c, kind: contract[c].access.kind }).not.toEqual({ c, kind: 'public' });
  });

  it('plan tasks for the assigned caseworker when the person is marked a presumed victim', async () => {
    await as('ona');
    const police = await policeTask();
    expect(police.state).toBe('open');
    expect(Date.parse(police.dueAt)).toBeGreaterThan(NOW.getTime());
    const rights = await call<{ rights: { informedCount: number }; reflection: { state: string } }>(
      'duties.caseRights',
      { caseId },
    );
    expect(rights.value?.rights.informedCount).toBe(0);
    expect(rights.value?.reflection.state).toBe('not_started');
  });

  it('refuse a caseworker the tasks of a case not assigned to them, and log the attempt', async () => {
    await as('ona');
    const task = await policeTask();
    await as('jonas');
    const completion = { at: '2026-11-10', institutionId: policeId, what: 'Pranešta' };
    expect((await call('duties.complete', { taskId: task.id, completion })).error?.code).toBe(ErrorCode.Forbidden);
    expect(
      (await call('duties.notApplicable', { taskId: task.id, reason: { reason: 'NOT_RELEVANT' } })).error?.code,
    ).toBe(ErrorCode.Forbidden);
    expect((await call('duties.caseTasks', { caseId })).error?.code).toBe(ErrorCode.Forbidden);
    expect((await call('duties.caseRights', { caseId })).error?.code).toBe(ErrorCode.Forbidden);
    const mine = await call<{ dashboard: { tasks: unknown[] } }>('duties.dashboard', { scope: 'mine' });
    expect(mine.value?.dashboard.tasks).toEqual([]);
    const denials = h.core
      .requireSession()
      .db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.access_denied' AND subject = ?`)
      .get(caseId) as { n: number };
    expect(denials.n).toBeGreaterThanOrEqual(4);
    await as('ona');
    expect((await policeTask()).state).toBe('open');
  });

  it('refuse duty work to an administrator alone, and the organisation view to a caseworker', async () => {
    await as('admin');
    expect((await call('duties.dashboard', { scope: 'mine' })).error?.code).toBe(ErrorCode.Forbidden);
    expect((await call('duties.caseTasks', { caseId })).error?.code).toBe(ErrorCode.Forbidden);
    await as('ona');
    expect((await call('duties.dashboard', { scope: 'organisation' })).error?.code).toBe(ErrorCode.Forbidden);
  });

  it('record a completion with the institution from the registry, once', async () => {
    await as('ona');
    const task = await policeTask();
    const done = await call<Task>('duties.complete', {
      taskId: task.id,
      completion: { at: '2026-11-10', institutionId: policeId, what: 'Pranešta apie tikėtiną auką', method: 'PHONE' },
    });
    expect(done.value?.state).toBe('done');
    expect(done.value?.record?.to).toBe('Vilniaus apskrities VPK');
    const again = await call('duties.complete', { taskId: task.id, completion: { at: '2026-11-10', what: 'x' } });
    expect(again.error?.code).toBe(ErrorCode.DutyTaskClosed);
  });

  it('reject unknown fields in a completion before core sees it', async () => {
    await as('ona');
    const task = (await tasks()).find((t) => t.state === 'open') as Task;
    const r = await call('duties.complete', { taskId: task.id, completion: { at: '2026-11-10', what: 'x', extra: 1 } });
    expect(r.error?.code).toBe(ErrorCode.InvalidInput);
  });

  it('show a supervisor the organisation per worker', async () => {
    await as('vida');
    const r = await call<{ workers: { worker: { name: string }; dueSoon: number }[]; dashboard: { tasks: unknown[] } }>(
      'duties.dashboard',
      { scope: 'organisation', dueWithinDays: 30 },
    );
    expect(r.ok).toBe(true);
    expect(r.value?.dashboard.tasks.length).toBeGreaterThan(0);
    expect(r.value?.workers.find((w) => w.worker.name === 'Ona')?.dueSoon).toBeGreaterThan(0);
  });

  it('give the compliance report to supervisors and administrators only, as counts', async () => {
    await as('ona');
    expect((await call('duties.report', { from: '2026-11-01', to: '2026-11-30' })).error?.code).toBe(
      ErrorCode.Forbidden,
    );
    await as('vida');
    const r = await call<{ totals: { metInTime: number; total: number } }>('duties.report', {
      from: '2026-11-01',
      to: '2026-11-30',
    });
    expect(r.value?.totals.metInTime).toBe(1);
    await as('admin');
    expect((await call('duties.report', { from: '2026-11-01', to: '2026-11-30' })).ok).toBe(true);

    h.dialogs.savePath = undefined;
    const cancelled = await call<{ saved: boolean }>('duties.exportReport', {
      query: { from: '2026-11-01', to: '2026-11-30' },
      format: 'csv',
    });
    expect(cancelled.value).toEqual({ saved: false });
    h.dialogs.savePath = join(h.dir, 'report.csv');
    const saved = await call<{ saved: boolean }>('duties.exportReport', {
      query: { from: '2026-11-01', to: '2026-11-30' },
      format: 'csv',
    });
    expect(saved.value).toEqual({ saved: true });
    expect(h.dialogs.save.at(-1)).toBe('sauga-duties-2026-11-01_2026-11-30.csv');
    const csv = readFileSync(h.dialogs.savePath, 'utf8');
    expect(csv).toContain('EX.POLICE');
    // Counts only: the case code never leaves in the report.
    await as('ona');
    const code = (await call<{ code: string }>('cases.get', { caseId })).value!.code;
    expect(csv).not.toContain(code);
  });

  it('keep the rules and the registry an administrator’s', async () => {
    const adminOnly: [Channel, unknown][] = [
      ['rules.list', {}],
      ['rules.installExample', {}],
      ['rules.import', {}],
      ['rules.export', {}],
      ['institutions.add', { name: 'Kauno VPK', type: 'POLICE' }],
      ['institutions.edit', { id: policeId, institution: { name: 'X', type: 'POLICE' } }],
      ['institutions.remove', { id: policeId }],
      ['institutions.import', {}],
      ['rules.signers', {}],
      ['rules.trustSigner', { organisation: 'Ministerija', minisignPublicKey: 'RWQ' }],
    ];
    const active = await call<{ document: unknown }>('rules.active', {});
    for (const user of ['ona', 'vida'] as const) {
      await as(user);
      const opened = h.dialogs.open.length;
      const saves = h.dialogs.save.length;
      for (const [channel, input] of adminOnly)
        expect({ channel, code: (await call(channel, input)).error?.code }).toEqual({
          channel,
          code: ErrorCode.Forbidden,
        });
      expect((await call('rules.save', { document: active.value?.document })).error?.code).toBeDefined();
      expect(h.dialogs.open.length).toBe(opened);
      expect(h.dialogs.save.length).toBe(saves);
      // Reading the registry and the active rules is for everyone who works with them.
      expect((await call('institutions.list', {})).ok).toBe(true);
      expect((await call('rules.active', {})).ok).toBe(true);
    }
  });

  it('let the administrator save a local rule set, and refuse an imported file from an unknown signer', async () => {
    await as('admin');
    const active = await call<{ document: { version: number; example: boolean } }>('rules.active', {});
    const doc = { ...active.value!.document, version: 2, example: false };
    const saved = await call<{ installed: { version: number; source: string } }>('rules.save', { document: doc });
    expect(saved.value?.installed).toMatchObject({ version: 2, source: 'local' });
    const list = await call<unknown[]>('rules.list', {});
    expect(list.value).toHaveLength(2);

    h.dialogs.savePath = join(h.dir, 'rules.zip');
    expect((await call('rules.export', { version: 3 })).value).toEqual({ saved: true });
    expect(existsSync(h.dialogs.savePath)).toBe(true);
    // A closed dialog reads and changes nothing.
    h.dialogs.openPath = undefined;
    expect((await call('rules.import', {})).value).toEqual({ imported: false });
    expect(h.dialogs.open.at(-1)).toBe('ruleSet');
    // Signed by this vault's own key, which nobody told it to trust for rules.
    h.dialogs.openPath = h.dialogs.savePath;
    expect((await call('rules.import', {})).error?.code).toBe(ErrorCode.DutyRuleSetRejected);
    expect((await call<unknown[]>('rules.list', {})).value).toHaveLength(2);

    // Once the administrator trusts the key (pasted as `sauga keys export-public` prints it), it imports.
    expect((await call<unknown[]>('rules.signers', {})).value).toEqual([]);
    const key = ensureSigningKey(h.core.requireSession());
    const pasted = `${key.minisignPublicKey}\n\nFingerprint: ${key.fingerprint}\n`;
    const trusted = await call<{ keyId: string; fingerprint: string }>('rules.trustSigner', {
      organisation: 'Ministerija',
      minisignPublicKey: pasted,
    });
    expect(trusted.value).toMatchObject({ keyId: key.keyId, fingerprint: key.fingerprint });
    expect((await call<unknown[]>('rules.signers', {})).value).toHaveLength(1);
    const imported = await call<{ imported: boolean; change: { installed: { version: number } } }>('rules.import', {});
    expect(imported.value).toMatchObject({ imported: true, change: { installed: { version: 3 } } });
    expect((await call<unknown[]>('rules.list', {})).value).toHaveLength(3);
    h.dialogs.openPath = undefined;
  });
});

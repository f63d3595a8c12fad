import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppCore } from '../../core/app';
import { HOLD_REASONS, RELEASE_REASONS, RETENTION_CASE_TYPES } from '../../core/retention';
import { ErrorCode } from '../../shared/errors';
import * as shared from '../../shared/governance/schemas';
import type { Channel } from '../../shared/ipc/contract';
import { governanceContract } from '../../shared/ipc/governance';
import { createIpcInvoker } from './handlers';
import { openIpcHarness, type Answer, type IpcHarness } from './testkit';

/**
 * Backups and retention through the real handler table: backups are an administrator's, the
 * policy too (supervisors may read it), holds, plan and purge a supervisor's, a withdrawal
 * whoever may see the case; a caseworker is refused everything else, and nothing is written.
 */
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  jonas: { userName: 'Jonas', roles: ['caseworker'] as const, passphrase: 'raudonas tiltas per upę 1999' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
};
const NOW = new Date('2026-11-10T09:00:00Z');
const NEW_PASSPHRASE = 'naujas kompiuteris po gaisro 2027';

let h: IpcHarness<keyof typeof USERS>;
const call = <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> => h.call<T>(channel, input);
const as = (user: keyof typeof USERS | 'admin'): Promise<void> => h.as(user);
let dueCode: string;
let dueId: string;
let caseId: string;
let consentId: string;

const auditCount = (): number =>
  (h.core.requireSession().db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

async function closedCase(closedOn: string): Promise<{ id: string; code: string }> {
  await as('ona');
  const c = await call<{ id: string; code: string }>('cases.create', {
    openedOn: '2010-01-01',
    status: { victimStatus: 'NOT_VICTIM' },
  });
  await as('vida');
  const closed = await call('cases.close', {
    caseId: c.value!.id,
    closure: { reason: 'GOALS_ACHIEVED', closedOn },
    expectedVersion: 1,
  });
  expect(closed.ok).toBe(true);
  return c.value!;
}

beforeAll(async () => {
  h = await openIpcHarness(USERS, { now: NOW });
  ({ id: dueId, code: dueCode } = await closedCase('2015-01-01'));
  await as('ona');
  const c = await call<{ id: string }>('cases.create', { openedOn: '2026-11-01' });
  caseId = c.value!.id;
  const consent = await call<{ id: string }>('cases.addItem', {
    caseId,
    item: {
      kind: 'consents',
      data: {
        giver: 'PERSON',
        recipient: 'PROSECUTOR',
        purpose: 'CRIMINAL_PROCEEDINGS',
        dataCategories: ['IDENTITY_BASIC'],
        givenOn: '2026-11-02',
      },
    },
  });
  consentId = consent.value!.id;
}, 120_000);

afterAll(() => h.close());

describe('governance channels', () => {
  it('list the same codes as core', () => {
    expect(shared.RETENTION_CASE_TYPES).toEqual(RETENTION_CASE_TYPES);
    expect(shared.HOLD_REASONS).toEqual(HOLD_REASONS);
    expect(shared.RELEASE_REASONS).toEqual(RELEASE_REASONS);
  });

  it('refuse a caseworker every backup and retention channel, writing nothing', async () => {
    await as('ona');
    const before = auditCount();
    const inputs: Partial<Record<keyof typeof governanceContract, unknown>> = {
      'backup.setPolicy': { intervalDays: 7, keepLast: null },
      'backup.verify': {},
      'retention.setPolicy': { caseType: 'NOT_VICTIM', years: 1 },
      'retention.hold': { caseRef: caseId, reason: 'OTHER' },
      'retention.release': { caseRef: caseId, reason: 'OTHER' },
      'retention.plan': {},
      'retention.purge': { confirm: [dueCode] },
    };
    const roleBound = (Object.keys(governanceContract) as (keyof typeof governanceContract)[]).filter(
      (c) => governanceContract[c].access.kind === 'roles' && !/withdrawal/iu.test(c),
    );
    expect(roleBound).toHaveLength(11);
    h.dialogs.savePath = join(h.dir, 'refused.sauga');
    for (const channel of roleBound) {
      const r = await call(channel, inputs[channel] ?? {});
      expect(r.error?.code, channel).toBe(ErrorCode.Forbidden);
    }
    expect(h.dialogs.save).toEqual([]);
    expect(existsSync(join(h.dir, 'refused.sauga'))).toBe(false);
    expect(auditCount()).toBe(before);
    // The restore channels are public, but only where no vault exists yet.
    expect((await call('backup.chooseRestore', {})).error?.code).toBe(ErrorCode.VaultExists);
    expect(h.dialogs.open).toEqual([]);
  });

  it('let a caseworker see a withdrawal plan of their own case only', async () => {
    await as('jonas');
    expect((await call('retention.withdrawalPlan', { caseId, consentId })).error?.code).toBe(ErrorCode.Forbidden);
    await as('ona');
    const plan = await call<{ caseCode: string; keep: { what: string }[] }>('retention.withdrawalPlan', {
      caseId,
      consentId,
    });
    expect(plan.value?.keep.map((k) => k.what)).toEqual(['CONSENT_RECORD', 'AUDIT_LOG']);
    const early = await call('retention.recordWithdrawal', {
      caseId,
      consentId,
      cancelDrafts: true,
      informedDisclosures: [],
    });
    expect(early.error?.code).toBe(ErrorCode.ConsentNotWithdrawn);
  });

  it('keep backups an administrator’s: a supervisor is refused and sees no reminder', async () => {
    await as('vida');
    h.dialogs.savePath = join(h.dir, 'by-supervisor.sauga');
    for (const [channel, input] of [
      ['backup.status', {}],
      ['backup.create', {}],
      ['backup.verify', {}],
      ['backup.setPolicy', { intervalDays: 7, keepLast: null }],
    ] as const)
      expect((await call(channel, input)).error?.code, channel).toBe(ErrorCode.Forbidden);
    expect(existsSync(join(h.dir, 'by-supervisor.sauga'))).toBe(false);
    expect((await call<{ backupDue?: boolean }>('vault.status', {})).value?.backupDue).toBeUndefined();
  });

  it('make, list, check and rotate backups for an administrator', async () => {
    await as('admin');
    const status0 = await call<{ due: boolean; last: unknown }>('backup.status', {});
    expect(status0.value).toMatchObject({ due: true, last: null, keepLast: null });
    expect((await call<{ backupDue?: boolean }>('vault.status', {})).value?.backupDue).toBe(true);

    h.dialogs.savePath = undefined;
    expect((await call('backup.create', {})).value).toEqual({ saved: false });
    h.dialogs.savePath = join(h.dir, 'b1.sauga');
    const made = await call<{ saved: true; backup: { file: string; cases: number; bytes: number } }>(
      'backup.create',
      {},
    );
    expect(made.value?.backup).toMatchObject({ file: h.dialogs.savePath, cases: 2 });
    expect(h.dialogs.save.at(-1)).toMatch(/^Paramos-centras-Viltis-2026-11-10-09-00\.sauga$/u);
    const status1 = await call<{ due: boolean; last: { bytes: number } }>('backup.status', {});
    expect(status1.value?.due).toBe(false);
    expect(status1.value?.last.bytes).toBe(made.value?.backup.bytes);
    expect((await call<{ backupDue?: boolean }>('vault.status', {})).value?.backupDue).toBe(false);

    h.dialogs.openPath = h.dialogs.savePath;
    const quick = await call<{ verdict: { authenticated: boolean; sameVault: boolean } }>('backup.verify', {});
    expect(quick.value?.verdict).toMatchObject({ authenticated: false, sameVault: true });
    const full = await call<{ verdict: { authenticated: boolean; cases: number } }>('backup.verify', {
      passphrase: 'correct horse battery staple',
    });
    expect(full.value?.verdict).toMatchObject({ authenticated: true, cases: 2 });
    const wrong = await call('backup.verify', { passphrase: 'not the passphrase at all' });
    expect(wrong.error?.code).toBe(ErrorCode.WrongPassphrase);
    expect(
      (await call<{ lastVerify: { authenticated: boolean } }>('backup.status', {})).value?.lastVerify,
    ).toMatchObject({ authenticated: true, cases: 2 });

    expect((await call('backup.setPolicy', { intervalDays: 3, keepLast: 1 })).value).toMatchObject({
      intervalDays: 3,
      keepLast: 1,
    });
    h.dialogs.savePath = join(h.dir, 'b2.sauga');
    const second = await call<{ removed: number }>('backup.create', {});
    expect(second.value?.removed).toBe(1);
    expect(readdirSync(h.dir).filter((f) => f.endsWith('.sauga'))).toEqual(['b2.sauga']);
  });

  it('keep the policy an administrator’s and holds, plan and purge a supervisor’s', async () => {
    await as('vida');
    expect((await call('retention.setPolicy', { caseType: 'NOT_VICTIM', years: 5 })).error?.code).toBe(
      ErrorCode.Forbidden,
    );
    await as('admin');
    const policy = await call<{ caseType: string; years: number | null }[]>('retention.setPolicy', {
      caseType: 'NOT_VICTIM',
      years: 5,
    });
    expect(policy.value?.find((r) => r.caseType === 'NOT_VICTIM')?.years).toBe(5);
    for (const channel of ['retention.plan', 'retention.holds'] as const)
      expect((await call(channel, {})).error?.code, channel).toBe(ErrorCode.Forbidden);
    expect((await call('retention.purge', { confirm: [dueCode] })).error?.code).toBe(ErrorCode.Forbidden);

    await as('vida');
    expect((await call<unknown[]>('retention.policy', {})).value).toHaveLength(6);
    expect((await call('retention.plan', { asOf: '2020-01-01' })).error?.code).toBe(ErrorCode.InvalidInput);
    expect((await call('retention.hold', { caseRef: dueCode, reason: 'CIVIL_PROCEEDINGS' })).ok).toBe(true);
    const heldPlan = await call<{ due: { count: number }; held: number }>('retention.plan', {});
    expect(heldPlan.value).toMatchObject({ due: { count: 0 }, held: 1 });
    expect((await call('retention.purge', { confirm: [dueCode] })).error?.code).toBe(ErrorCode.RetentionNotDue);
    expect((await call<unknown[]>('retention.holds', {})).value).toHaveLength(1);
    expect((await call('retention.release', { caseRef: dueId, reason: 'PROCEEDINGS_ENDED' })).ok).toBe(true);
    const plan = await call<{ today: string; due: { count: number; caseCodes: string[] } }>('retention.plan', {});
    expect(plan.value).toMatchObject({ today: '2026-11-10', due: { count: 1, caseCodes: [dueCode] } });
    const report = await call<{ cases: number; compacted: boolean }>('retention.purge', { confirm: [dueCode] });
    expect(report.value).toMatchObject({ cases: 1, compacted: true });
    expect((await call('cases.get', { caseId: dueId })).ok).toBe(false);
  });
});

describe('restore on a new machine', () => {
  it('picks a backup, restores it with the recovery words and a new passphrase, and says what it holds', async () => {
    const made = h.dir;
    // A separate installation with its own vault, so the words are known to the test.
    const mk = (sub: string): AppCore =>
      new AppCore({
        vaultDir: join(made, sub, 'vault'),
        configFile: join(made, sub, 'config.json'),
        version: 'test',
        chooseSavePath: async () => join(made, `${sub}.sauga`),
        chooseOpenPath: async () => join(made, 'old.sauga'),
      });
    mkdirSync(join(made, 'old'));
    mkdirSync(join(made, 'new'));
    const oldCore = mk('old');
    const oldCall = createIpcInvoker(oldCore, { allowedOrigins: ['app://sauga'] });
    const ctx = { senderUrl: 'app://sauga/index.html' };
    const begun = (await oldCall(
      'vault.beginCreate',
      { orgName: 'Viltis', userName: 'Rasa', passphrase: 'senas kompiuteris dingo naktį 2026' },
      ctx,
    )) as Answer<{ words: string[]; confirmPositions: number[] }>;
    const { words, confirmPositions } = begun.value!;
    expect((await oldCall('vault.finishCreate', { confirmWords: confirmPositions.map((p) => words[p]) }, ctx)).ok).toBe(
      true,
    );
    expect((await oldCall('backup.create', {}, ctx)).ok).toBe(true);
    oldCore.lock();

    const fresh = mk('new');
    const call2 = createIpcInvoker(fresh, { allowedOrigins: ['app://sauga'] });
    const choice = (await call2('backup.chooseRestore', {}, ctx)) as Answer<{ users: string[] }>;
    expect(choice.value).toMatchObject({ chosen: true, users: ['Rasa'] });
    const wrongWords = [...words].reverse();
    const bad = (await call2(
      'backup.restore',
      { words: wrongWords, userName: 'Rasa', newPassphrase: NEW_PASSPHRASE },
      ctx,
    )) as Answer<unknown>;
    expect(bad.error?.code).toBe(ErrorCode.RecoveryWordsInvalid);
    expect(existsSync(join(made, 'new', 'vault'))).toBe(false);
    const done = (await call2(
      'backup.restore',
      { words, userName: 'Rasa', newPassphrase: NEW_PASSPHRASE },
      ctx,
    )) as Answer<{
      status: { state: string };
      report: { cases: number; orgName: string; backupCreatedAt: string };
    }>;
    expect(done.value?.status.state).toBe('unlocked');
    expect(done.value?.report).toMatchObject({ cases: 0, orgName: 'Viltis' });
    fresh.lock();
    expect((await fresh.unlock('Rasa', NEW_PASSPHRASE)).state).toBe('unlocked');
    fresh.lock();
  }, 120_000);
});

import Database from 'better-sqlite3-multiple-ciphers';
import { randomUUID } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { isPlaintextSqlite } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import type { SessionUser, VaultSession } from '../vault/vault';
import {
  CASE_TABLES,
  getPolicy,
  planPurge,
  purge,
  recordWithdrawalHandling,
  referencingTables,
  releaseHold,
  setHold,
  setPolicy,
  withdrawalPlan,
} from './index';

// ASCII so the decrypted file can be scanned byte for byte; unlikely to occur by chance.
const CANARY = 'Qzvxkanary';
const TODAY = '2026-03-01';

let v: CaseVault;
let boss: SessionUser;
let bossS: VaultSession;
let cw: CaseService;
let sup: CaseService;

beforeEach(async () => {
  v = await openCaseVault(() => new Date(`${TODAY}T10:00:00.000Z`));
  const worker = v.addUser('Rūta Caseworker', ['caseworker']);
  boss = v.addUser('Vida Supervisor', ['supervisor']);
  bossS = v.as(boss);
  cw = new CaseService(v.as(worker));
  sup = new CaseService(bossS);
});
afterEach(() => v.close());

const expectCode = (fn: () => unknown, code: string): void => {
  try {
    fn();
  } catch (e) {
    expect((e as { code?: string }).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
};

/** A closed case; with `canary`, the string is in its name, a note, and an attachment's name and bytes. */
function closedCase(o: { closedOn: string; victim?: string; dob?: string; canary?: boolean }): {
  id: string;
  code: string;
} {
  const { id, code } = cw.createCase({
    openedOn: '2014-01-01',
    identity: {
      givenNames: o.canary ? `Ona ${CANARY}` : 'Ona',
      familyNames: 'Testaitė',
      ...(o.dob ? { dateOfBirth: o.dob } : {}),
    },
    status: o.victim ? { victimStatus: o.victim } : {},
  });
  let version = 1;
  if (o.canary) {
    version = cw.addItem(id, 'notes', { date: '2014-02-01', text: `Met ${CANARY} at the shelter.` }).version;
    const pdf = Buffer.from(`%PDF-1.7\n% ${CANARY} scan of a document\n`, 'latin1');
    version = cw.addAttachment(id, { fileName: `${CANARY}.pdf` }, pdf).version;
  }
  sup.closeCase(id, { reason: 'GOALS_ACHIEVED', closedOn: o.closedOn }, version);
  return { id, code };
}

/** The vault's database decrypted into a plain SQLite copy (as bench/cases.ts does), as bytes. */
function decryptedBytes(): Buffer {
  const db = v.admin.db;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const plain = join(v.dir, `plain-${randomUUID()}.db`);
  copyFileSync(v.admin.paths.db, plain);
  const key = v.admin.withDek((dek) => Buffer.from(`x'${dek.toString('hex')}'`, 'latin1'));
  const copy = new Database(plain);
  try {
    copy.pragma(`cipher = 'sqlcipher'`);
    copy.pragma('legacy = 4');
    copy.key(key);
    copy.pragma('journal_mode = DELETE');
    copy.rekey(Buffer.alloc(0));
  } finally {
    copy.close();
    key.fill(0);
  }
  expect(isPlaintextSqlite(plain)).toBe(true);
  return readFileSync(plain);
}

const rowsOfCase = (n: number): Record<string, number> =>
  Object.fromEntries(
    [...CASE_TABLES.map((t) => [t, 'case_n']), ['cases', 'n']].map(([t, col]) => [
      t,
      (v.admin.db.prepare(`SELECT count(*) AS k FROM "${t}" WHERE "${col}" = ?`).get(n) as { k: number }).k,
    ]),
  );

describe('schema', () => {
  it('is at version 14 and every table referencing a case is purged in a fixed order', () => {
    expect(LATEST_SCHEMA_VERSION).toBe(14);
    const refs = referencingTables(v.admin.db).map((r) => r.table);
    expect([...refs].sort()).toEqual([...CASE_TABLES].sort());
  });
});

describe('policy and holds', () => {
  it('only an administrator sets the policy; supervisors read it; caseworkers neither', () => {
    setPolicy(v.admin, { caseType: 'IDENTIFIED', years: 10 });
    expect(getPolicy(bossS).find((p) => p.caseType === 'IDENTIFIED')?.years).toBe(10);
    expectCode(() => setPolicy(bossS, { caseType: 'MINOR', years: 5 }), ErrorCode.Forbidden);
    expectCode(() => getPolicy(v.as(v.addUser('Jonas', ['caseworker']))), ErrorCode.Forbidden);
    setPolicy(v.admin, { caseType: 'IDENTIFIED', years: null });
    expect(getPolicy(v.admin).every((p) => p.years === null)).toBe(true);
    expect(v.auditActions('retention').map((a) => a.action)).toContain('retention.policy_set');
  });

  it('a supervisor sets and releases a hold with a reason; the note never reaches the audit log', () => {
    const c = closedCase({ closedOn: '2015-01-10', victim: 'IDENTIFIED' });
    const hold = setHold(bossS, c.code, { reason: 'CRIMINAL_PROCEEDINGS', note: `pre-trial ${CANARY}` });
    expect(hold).toMatchObject({ caseCode: c.code, reason: 'CRIMINAL_PROCEEDINGS', releasedAt: null });
    expectCode(() => setHold(bossS, c.code, { reason: 'OTHER' }), ErrorCode.LegalHoldActive);
    expectCode(() => setHold(v.admin, c.code, { reason: 'OTHER' }), ErrorCode.Forbidden);
    expect(releaseHold(bossS, c.code, { reason: 'PROCEEDINGS_ENDED' }).releasedBy).toBe(boss.name);
    expectCode(() => releaseHold(bossS, c.code, { reason: 'OTHER' }), ErrorCode.LegalHoldMissing);
    const audit = v.auditActions(c.id).filter((a) => a.action.startsWith('retention.'));
    expect(audit.map((a) => a.action)).toEqual(['retention.hold_set', 'retention.hold_released']);
    expect(JSON.stringify(v.auditActions())).not.toContain(CANARY);
  });
});

describe('purge', () => {
  it('plans by type and closure, skips holds, and removes every trace of a purged case from the file', () => {
    setPolicy(v.admin, { caseType: 'IDENTIFIED', years: 10 });
    setPolicy(v.admin, { caseType: 'MINOR', years: 10 });
    const gone = closedCase({ closedOn: '2015-01-10', victim: 'IDENTIFIED', canary: true });
    const held = closedCase({ closedOn: '2015-01-10', victim: 'IDENTIFIED' });
    const recent = closedCase({ closedOn: '2020-01-10', victim: 'IDENTIFIED' });
    const noRule = closedCase({ closedOn: '2014-06-01', victim: 'PRESUMED' });
    // A minor at closure: the clock starts at the 18th birthday (2019-05-01), not at closure (2015).
    const minor = closedCase({ closedOn: '2015-01-10', victim: 'PRESUMED', dob: '2001-05-01' });
    const open = cw.createCase({ openedOn: '2010-01-01', status: { victimStatus: 'IDENTIFIED' } });
    setHold(bossS, held.code, { reason: 'COMPENSATION_CLAIM' });

    const plan = planPurge(bossS, TODAY);
    expect(plan.due.caseCodes).toEqual([gone.code]);
    expect(plan.due).toMatchObject({ count: 1, attachments: 1 });
    expect(plan.due.byType.IDENTIFIED).toBe(1);
    expect(plan.held).toBe(1);
    expect(planPurge(bossS, '2029-04-30').due.caseCodes).toEqual([gone.code]);
    expect(planPurge(bossS, '2029-05-01').due.caseCodes).toEqual([gone.code, minor.code]);
    expectCode(() => planPurge(v.admin, TODAY), ErrorCode.Forbidden);
    for (const c of [recent, noRule, open]) expect(plan.due.caseCodes).not.toContain(c.code);

    const n = (v.admin.db.prepare('SELECT n FROM cases WHERE id = ?').get(gone.id) as { n: number }).n;
    // The test can fail: the canary is in the decrypted file and the search index before.
    expect(decryptedBytes().includes(CANARY)).toBe(true);
    expect(sup.listCases({ search: CANARY, page: { offset: 0, limit: 10 } }).rows).toHaveLength(1);
    expect(Object.values(rowsOfCase(n)).some((k) => k > 0)).toBe(true);

    // A code that is not due refuses the whole purge.
    expectCode(() => purge(bossS, { today: TODAY, confirm: [gone.code, held.code] }), ErrorCode.RetentionNotDue);
    expect(rowsOfCase(n).cases).toBe(1);

    const phases: string[] = [];
    const report = purge(bossS, { today: TODAY, confirm: [gone.code] }, (p) => phases.push(p.phase));
    expect(report).toMatchObject({ cases: 1, attachments: 1, compacted: true });
    expect(report.attachmentBytes).toBeGreaterThan(0);
    expect(report.rows).toBeGreaterThan(5);
    expect(new Set(phases)).toEqual(new Set(['delete', 'checkpoint', 'vacuum', 'done']));

    expect(Object.values(rowsOfCase(n)).every((k) => k === 0)).toBe(true);
    expect(sup.listCases({ search: CANARY, page: { offset: 0, limit: 10 } }).rows).toHaveLength(0);
    const fts = v.admin.db.prepare('SELECT count(*) AS k FROM case_fts WHERE rowid = ?').get(n) as { k: number };
    expect(fts.k).toBe(0);
    const bytes = decryptedBytes();
    expect(bytes.includes(CANARY)).toBe(false);
    expect(bytes.includes(CANARY.toLowerCase())).toBe(false);

    // The others are untouched; the audit entry carries counts, never a code.
    expect(planPurge(bossS, TODAY).held).toBe(1);
    expect(sup.getCase(held.id).code).toBe(held.code);
    const entry = v.auditActions('vault').find((a) => a.action === 'retention.purged');
    expect(entry?.detail).toEqual({ cases: 1, attachments: 1, bytes: report.attachmentBytes });
    expect(JSON.stringify(v.auditActions())).not.toContain(gone.code);
    expect(v.auditIntact()).toBe(true);
    expect(v.admin.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is for supervisors only, and needs at least one confirmed code', () => {
    expectCode(() => purge(v.admin, { today: TODAY, confirm: ['2026-00001'] }), ErrorCode.Forbidden);
    expectCode(() => purge(bossS, { today: TODAY, confirm: [] }), ErrorCode.InvalidInput);
  });
});

describe('consent withdrawal', () => {
  it('lists what to restrict, whom to tell and what to keep, and records the handling', () => {
    const { id } = cw.createCase({ openedOn: '2026-01-01' });
    let version = 1;
    const add = (data: Record<string, unknown>): string => {
      const r = cw.addItem(id, 'consents', data as never);
      version = r.version;
      return r.id;
    };
    const base = { giver: 'PERSON', recipient: 'PROSECUTOR', purpose: 'CRIMINAL_PROCEEDINGS', givenOn: '2026-01-05' };
    const consentId = add({ ...base, dataCategories: ['IDENTITY_BASIC', 'EXPLOITATION'] });
    add({ ...base, dataCategories: ['IDENTITY_BASIC'] });
    const db = v.admin.db;
    const n = (db.prepare('SELECT n FROM cases WHERE id = ?').get(id) as { n: number }).n;
    const draft = (status: string): string => {
      const d = randomUUID();
      db.prepare(
        `INSERT INTO summary_drafts (id, case_n, status, recipient, purpose, consent_id, composed, created_at, created_by, created_by_id)
         VALUES (?, ?, ?, '{}', 'CRIMINAL_PROCEEDINGS', ?, '{}', 'x', 'x', 'x')`,
      ).run(d, n, status, consentId);
      return d;
    };
    const pending = draft('pending_approval');
    const sent = draft('sent');
    const disclosureId = randomUUID();
    db.prepare(
      `INSERT INTO case_disclosures (id, case_n, draft_id, package_id, sha256, institution, recipient, fingerprint, purpose,
         categories, fields, consent_id, consent, sent_at, sent_by)
       VALUES (?, ?, ?, ?, ?, 'Prokuratūra', 'PROSECUTOR', 'f', 'CRIMINAL_PROCEEDINGS', '[]', '[]', ?, ?, '2026-02-01T00:00:00Z', 'x')`,
    ).run(
      disclosureId,
      n,
      sent,
      randomUUID(),
      'a'.repeat(64),
      consentId,
      JSON.stringify({ id: consentId, ...base, createdAt: 'x', createdBy: 'x', updatedAt: 'x', updatedBy: 'x' }),
    );

    const plan = withdrawalPlan(bossS, id, consentId);
    expect(plan.restrict.categories).toEqual(['EXPLOITATION']);
    expect(plan.restrict.stillCovered).toEqual(['IDENTITY_BASIC']);
    expect(plan.restrict.unsentSummaries).toEqual([{ draftId: pending, status: 'pending_approval' }]);
    expect(plan.notify).toEqual([expect.objectContaining({ disclosureId, informed: false })]);
    expect(plan.keep.map((k) => k.what)).toEqual(['CONSENT_RECORD', 'AUDIT_LOG', 'DISCLOSURE_LOG']);
    expect(plan.erasureReview).toBe(false);

    expectCode(() => recordWithdrawalHandling(bossS, id, consentId, {}), ErrorCode.ConsentNotWithdrawn);
    cw.updateItem(
      id,
      'consents',
      consentId,
      { ...base, dataCategories: ['IDENTITY_BASIC', 'EXPLOITATION'], withdrawnOn: '2026-02-20' } as never,
      version,
    );
    expectCode(
      () => recordWithdrawalHandling(bossS, id, consentId, { informedDisclosures: [randomUUID()] }),
      ErrorCode.InvalidInput,
    );
    const after = recordWithdrawalHandling(bossS, id, consentId, {
      informedDisclosures: [disclosureId],
      note: `Phoned the prosecutor about ${CANARY}`,
    });
    expect(after.restrict.unsentSummaries).toEqual([]);
    expect(after.notify[0]?.informed).toBe(true);
    expect(after.handled).toEqual([expect.objectContaining({ draftsCancelled: 1, informed: 1, by: boss.name })]);
    expect(
      (db.prepare('SELECT status FROM summary_drafts WHERE id = ?').get(pending) as { status: string }).status,
    ).toBe('cancelled');
    const entry = v.auditActions(id).find((a) => a.action === 'consent.withdrawal_handled');
    expect(entry?.detail).toMatchObject({ consentId, draftsCancelled: 1, informed: 1, outstanding: 0 });
    expect(JSON.stringify(v.auditActions())).not.toContain(CANARY);
  });
});

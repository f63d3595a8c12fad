import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { encodePublicKeyLine, generateRawKeyPair, KEY_ID_BYTES } from '../stats/package/minisign';
import { rawSigner } from '../stats/package/signingKey';
import type { SessionUser, VaultSession } from '../vault/vault';
import { exportRuleSet, importRuleSet, installExampleRuleSet } from './admin';
import { VILNIUS, zonedInstant } from './calendar';
import { complianceReport, myDashboard, workload } from './dashboard';
import { EXAMPLE_RULE_SET } from './example';
import { addInstitution, importInstitutions, listInstitutions, removeInstitution } from './institutions';
import { reflectionStatus, rightsChecklist } from './rights';
import { activeRuleSetInfo, trustRuleSigner, verifyRuleSetFile, writeRuleSetFile } from './rules';
import { completeTask, listCaseTasks, markNotApplicable, recomputeCase } from './tasks';

let v: CaseVault;
let clock = zonedInstant('2026-03-02', '10:00:00.000', VILNIUS);
let worker: SessionUser;
let other: SessionUser;
let boss: SessionUser;
let cwSession: VaultSession;
let cw: CaseService;

const signer = () => {
  const pair = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
  return { signer: rawSigner(pair.secretKey, pair.keyId), line: encodePublicKeyLine(pair) };
};
const ministry = signer();

const caseN = (id: string): number =>
  (v.admin.db.prepare('SELECT n FROM cases WHERE id = ?').get(id) as { n: number }).n;

beforeAll(async () => {
  v = await openCaseVault(() => clock);
  worker = v.addUser('Rūta Caseworker', ['caseworker']);
  other = v.addUser('Jonas Caseworker', ['caseworker']);
  boss = v.addUser('Vida Supervisor', ['supervisor']);
  cwSession = v.as(worker);
  cw = new CaseService(cwSession);
});
afterAll(() => v.close());

describe('institution registry', () => {
  it('adds, lists and removes; imports JSON and CSV, all or nothing, administrators only', () => {
    const police = addInstitution(v.admin, {
      name: 'Vilniaus apskrities VPK',
      type: 'POLICE',
      municipality: 'Vilnius',
    });
    expect(() =>
      addInstitution(v.admin, { name: 'Vilniaus apskrities VPK', type: 'POLICE', municipality: 'Vilnius' }),
    ).toThrow(expect.objectContaining({ code: ErrorCode.InvalidInput }));
    expect(() => addInstitution(cwSession, { name: 'X', type: 'POLICE' })).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    const csv = [
      'name,type,municipality,contact',
      '"Migracijos departamentas, Vilniaus skyrius",MIGRATION,Vilnius,"tel. +370 5 000 0000"',
      'Vilniaus m. VTAS,CHILD_RIGHTS,Vilnius,',
      'Vilniaus apskrities VPK,POLICE,Vilnius,"112, budėtojas"',
    ].join('\r\n');
    expect(importInstitutions(v.admin, Buffer.from(csv), 'csv')).toEqual({ added: 2, updated: 1, unchanged: 0 });
    expect(() => importInstitutions(v.admin, Buffer.from('name,type\nA,NOT_A_TYPE\n'), 'csv')).toThrow(/lines: 2/u);
    const json = JSON.stringify({ institutions: [{ name: 'Vilniaus m. savivaldybė', type: 'MUNICIPALITY' }] });
    expect(importInstitutions(v.admin, Buffer.from(json), 'json').added).toBe(1);
    expect(listInstitutions(v.admin.db).map((i) => i.type)).toEqual([
      'CHILD_RIGHTS',
      'MIGRATION',
      'MUNICIPALITY',
      'POLICE',
    ]);
    expect(listInstitutions(v.admin.db, { type: 'POLICE' })[0]?.contact).toBe('112, budėtojas');
    removeInstitution(v.admin, police.id);
    expect(listInstitutions(v.admin.db, { type: 'POLICE' })).toEqual([]);
    expect(v.auditActions().map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'duties.institution_added',
        'duties.institutions_imported',
        'duties.institution_removed',
      ]),
    );
  });
});

describe('rule sets, tasks, dashboard and report over a vault', () => {
  let caseId: string;

  it('plans nothing before a rule set is installed, then the example plans the case', () => {
    const c = cw.createCase({
      openedOn: '2026-03-02',
      identity: { citizenships: ['UA'], dateOfBirth: '1996' },
      status: { victimStatus: 'PRESUMED', decidedOn: '2026-03-02' },
    });
    caseId = c.id;
    expect(recomputeCase(cwSession, caseN(c.id)).added).toBe(0);
    expect(() => installExampleRuleSet(cwSession)).toThrow(expect.objectContaining({ code: ErrorCode.Forbidden }));
    const r = installExampleRuleSet(v.admin);
    expect(r.installed).toMatchObject({ source: 'example', example: true, version: 1, active: true });
    const tasks = listCaseTasks(cwSession, c.id);
    expect(tasks.map((t) => t.ruleId).sort()).toEqual([
      'EX.MIGRATION',
      'EX.MUNICIPALITY',
      'EX.POLICE',
      'EX.REFLECTION',
      'EX.REVIEW',
      'EX.RIGHTS',
    ]);
    const again = recomputeCase(cwSession, caseN(c.id));
    expect(again).toMatchObject({ added: 0, replanned: 0, closedBySystem: 0, doneFromRecord: 0 });
  });

  it('records a completion once, with what was sent, to whom and when; a caseworker of another case cannot', () => {
    const police = listCaseTasks(cwSession, caseId).find((t) => t.ruleId === 'EX.POLICE');
    expect(police?.state).toBe('open');
    expect(() => completeTask(v.as(other), police?.id, { at: '2026-03-03', to: 'Policija', what: 'x' })).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    expect(() => completeTask(cwSession, police?.id, { at: '2026-03-30', to: 'Policija', what: 'x' })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidInput }),
    );
    expect(() => completeTask(cwSession, police?.id, { at: '2026-03-02', what: 'x' })).toThrow(
      expect.objectContaining({ code: ErrorCode.InvalidInput }),
    );
    const inst = listInstitutions(v.admin.db, { type: 'CHILD_RIGHTS' })[0];
    const done = completeTask(cwSession, police?.id, {
      at: '2026-03-02T09:30:00+02:00',
      institutionId: inst?.id,
      to: 'budėtojas',
      what: 'Pranešta apie tikėtiną auką',
      method: 'PHONE',
    });
    expect(done.state).toBe('done');
    expect(done.record).toMatchObject({ kind: 'done', to: 'Vilniaus m. VTAS, budėtojas', recordedBy: worker.name });
    expect(() => completeTask(cwSession, police?.id, { at: '2026-03-02', to: 'x', what: 'y' })).toThrow(
      expect.objectContaining({ code: ErrorCode.DutyTaskClosed }),
    );
    const municipality = listCaseTasks(cwSession, caseId).find((t) => t.ruleId === 'EX.MUNICIPALITY');
    expect(markNotApplicable(cwSession, municipality?.id, { reason: 'NO_CONSENT' }).state).toBe('not_applicable');
    expect(() => markNotApplicable(cwSession, municipality?.id, { reason: 'SYSTEM_RULE_REMOVED' })).toThrow();
    expect(v.auditActions(caseId).map((a) => a.action)).toEqual(
      expect.arrayContaining(['duties.recomputed', 'duties.task_done', 'duties.task_not_applicable']),
    );
  });

  it('marks victim duties done from the case record, and keeps every completion through later changes', () => {
    const view = cw.getCase(caseId);
    const items = Object.fromEntries(
      ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'J', 'K'].map((k) => [
        k,
        { informedOn: '2026-03-03', language: 'uk', informedBy: 'Rūta' },
      ]),
    );
    clock = zonedInstant('2026-03-03', '15:00:00.000', VILNIUS);
    const ver = cw.updateSection(caseId, 'rights', { items }, view.version).version;
    cw.updateSection(caseId, 'status', { ...view.sections.status, reflectionStart: '2026-03-03' }, ver);
    recomputeCase(cwSession, caseN(caseId));
    const tasks = listCaseTasks(cwSession, caseId);
    expect(tasks.find((t) => t.ruleId === 'EX.RIGHTS')?.record).toMatchObject({
      kind: 'done',
      fromCaseRecord: true,
      recordedBy: 'Rūta',
    });
    expect(tasks.find((t) => t.ruleId === 'EX.REFLECTION')?.state).toBe('done');
    const checklist = rightsChecklist(cw.getCase(caseId));
    expect(checklist).toMatchObject({ informedCount: 10, missing: ['G'], firstInformedOn: '2026-03-03' });
    const refl = reflectionStatus(cw.getCase(caseId), '2026-03-28');
    expect(refl).toMatchObject({ end: '2026-04-02', minimumEnd: '2026-04-02', daysLeft: 5, state: 'ending_soon' });
  });

  it('shows due and overdue work on the dashboard, per worker for a supervisor', () => {
    clock = zonedInstant('2026-03-10', '09:00:00.000', VILNIUS);
    const d = myDashboard(cwSession, { dueWithinDays: 7, reflectionWithinDays: 30 });
    expect(d.tasks.map((t) => t.ruleId)).toEqual(['EX.MIGRATION']);
    expect(d.overdue).toBe(1);
    expect(d.reflections.map((r) => r.caseId)).toEqual([caseId]);
    expect(myDashboard(v.as(other)).tasks).toEqual([]);
    const rows = workload(v.as(boss));
    expect(rows.find((r) => r.worker.name === worker.name)).toMatchObject({ overdue: 1, reflectionsEnding: 0 });
    expect(() => workload(cwSession)).toThrow(expect.objectContaining({ code: ErrorCode.Forbidden }));
    const fresh = cw.createCase({ openedOn: '2026-03-01' });
    expect(myDashboard(cwSession, { rightsAfterDays: 3 }).withoutRights.map((r) => r.caseId)).toContain(fresh.id);
  });

  it('adds up the compliance report, counts only', () => {
    const r = complianceReport(v.as(boss), { from: '2026-03-01', to: '2026-03-31' });
    expect(r.ruleSet).toMatchObject({ version: 1, example: true });
    const total = r.totals;
    expect(total.metInTime + total.late + total.missed + total.pending + total.notApplicable).toBe(total.total);
    expect(r.byRule.find((x) => x.ruleId === 'EX.POLICE')?.counts).toMatchObject({ metInTime: 1, total: 1 });
    expect(r.byRule.find((x) => x.ruleId === 'EX.MIGRATION')?.counts).toMatchObject({ missed: 1 });
    expect(r.byRule.find((x) => x.ruleId === 'EX.MUNICIPALITY')?.counts).toMatchObject({ notApplicable: 1 });
    expect(r.byRecipient.reduce((n, x) => n + x.counts.total, 0)).toBe(total.total);
    expect(JSON.stringify(r)).not.toContain(caseId);
    expect(() => complianceReport(cwSession, { from: '2026-03-01', to: '2026-03-31' })).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
  });

  it('imports a signed rule set: re-plans open tasks, leaves completed ones; refuses old, unknown and tampered', () => {
    const before = listCaseTasks(cwSession, caseId);
    const doc = {
      ...EXAMPLE_RULE_SET,
      version: 2,
      example: false,
      issuer: 'Ministerija',
      rules: EXAMPLE_RULE_SET.rules
        .filter((r) => r.id !== 'EX.MIGRATION')
        .map((r) => (r.id === 'EX.POLICE' ? { ...r, deadline: { amount: 1, unit: 'days' as const } } : r)),
    };
    const file = writeRuleSetFile(doc, ministry.signer);
    expect(() => importRuleSet(v.admin, file)).toThrow(
      expect.objectContaining({ code: ErrorCode.DutyRuleSetRejected }),
    );
    trustRuleSigner(v.admin, 'Socialinės apsaugos ir darbo ministerija', ministry.line);
    const r = importRuleSet(v.admin, file);
    expect(r.installed).toMatchObject({ version: 2, source: 'signed', example: false });
    const after = listCaseTasks(cwSession, caseId);
    for (const t of before.filter((x) => x.state !== 'open'))
      expect(after.find((x) => x.id === t.id)).toEqual({ ...t, overdue: false });
    expect(after.find((t) => t.ruleId === 'EX.MIGRATION')?.record).toMatchObject({
      kind: 'not_applicable',
      reason: 'SYSTEM_RULE_REMOVED',
    });
    expect(() => importRuleSet(v.admin, file)).toThrow(
      expect.objectContaining({ code: ErrorCode.DutyRuleSetVersionOld }),
    );
    expect(() => importRuleSet(v.admin, writeRuleSetFile({ ...doc, version: 1 }, ministry.signer))).toThrow(
      expect.objectContaining({ code: ErrorCode.DutyRuleSetVersionOld }),
    );
    expect(() => installExampleRuleSet(v.admin)).toThrow(expect.objectContaining({ code: ErrorCode.InvalidInput }));
    expect(activeRuleSetInfo(v.admin.db)?.version).toBe(2);
  });

  it('property: any single changed byte of a signed rule set file is refused', () => {
    const file = writeRuleSetFile({ ...EXAMPLE_RULE_SET, version: 50, example: false }, ministry.signer);
    expect(verifyRuleSetFile(v.admin.db, file).document.version).toBe(50);
    fc.assert(
      fc.property(fc.nat({ max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Uint8Array.from(file);
        bad[at] = (bad[at] as number) ^ xor;
        expect(() => verifyRuleSetFile(v.admin.db, bad)).toThrow(
          expect.objectContaining({ code: ErrorCode.DutyRuleSetRejected }),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('exports the active rule set signed with the vault key, for another installation to import', () => {
    const bytes = exportRuleSet(v.admin, { version: 3, issuer: 'Ministerija' });
    expect(() => exportRuleSet(cwSession)).toThrow(expect.objectContaining({ code: ErrorCode.Forbidden }));
    // Not trusted here: the vault's own organisation key was never pinned as a rule signer.
    expect(() => verifyRuleSetFile(v.admin.db, bytes)).toThrow(
      expect.objectContaining({ code: ErrorCode.DutyRuleSetRejected }),
    );
  });
  it('plans on every case change made through the case service, in the same transaction, without duplicates', () => {
    const c = cw.createCase({
      openedOn: '2026-03-02',
      identity: { citizenships: ['UA'], dateOfBirth: '1990' },
      status: { victimStatus: 'PRESUMED', decidedOn: '2026-03-02' },
    });
    const planned = listCaseTasks(cwSession, c.id);
    expect(planned.length).toBeGreaterThan(0);
    const before = new Set(planned.map((t) => t.id));

    const v2 = cw.updateSection(c.id, 'justice', { cooperation: 'COOPERATING' }, c.version).version;
    const after = listCaseTasks(cwSession, c.id);
    expect(new Set(after.map((t) => `${t.ruleId}/${t.id}`)).size).toBe(after.length);
    expect(after.filter((t) => !before.has(t.id)).map((t) => t.ruleId)).toContain('EX.PROSECUTOR');

    // A refused (stale) save changes neither the case nor its tasks.
    expect(() => cw.updateSection(c.id, 'justice', { cooperation: 'NOT_COOPERATING' }, c.version)).toThrow(
      expect.objectContaining({ code: ErrorCode.StaleVersion }),
    );
    expect(listCaseTasks(cwSession, c.id)).toEqual(after);
    expect(recomputeCase(cwSession, caseN(c.id))).toMatchObject({ added: 0, replanned: 0 });
    expect(v2).toBe(c.version + 1);
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import type { SessionUser } from '../vault/vault';
import { assertCanSee } from './access';
import { CaseErrorCode } from './errors';
import { CaseService } from './service';
import { openCaseVault, type CaseVault } from './testkit';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png body')]);

let v: CaseVault;
let ana: SessionUser;
let ben: SessionUser;
let svc: { ana: CaseService; ben: CaseService; sup: CaseService; admin: CaseService; adminSup: CaseService };
let caseOfAna: { id: string; code: string };
let ids: { service: string; attachment: string; version: number };

beforeAll(async () => {
  v = await openCaseVault();
  ana = v.addUser('Ana Caseworker', ['caseworker']);
  ben = v.addUser('Ben Caseworker', ['caseworker']);
  const sup = v.addUser('Sigita Supervisor', ['supervisor']);
  const adminSup = v.addUser('Adomas Admin-Supervisor', ['administrator', 'supervisor']);
  svc = {
    ana: new CaseService(v.as(ana)),
    ben: new CaseService(v.as(ben)),
    sup: new CaseService(v.as(sup)),
    admin: new CaseService(v.admin),
    adminSup: new CaseService(v.as(adminSup)),
  };
  caseOfAna = svc.ana.createCase({
    openedOn: '2026-01-02',
    identity: { givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė', dateOfBirth: '1999' },
  });
  const s = svc.ana.addItem(caseOfAna.id, 'services', { type: 'MEDICAL', status: 'PROVIDED', date: '2026-01-03' });
  const a = svc.ana.addAttachment(caseOfAna.id, { fileName: 'scan.png' }, PNG);
  ids = { service: s.id, attachment: a.id, version: a.version };
});
afterAll(() => v.close());

/** Every function of the service that reaches one case, as the attempt it is audited under. */
const caseFunctions = (): [string, (s: CaseService, id: string) => unknown][] => [
  ['case.viewed', (s, id) => s.getCase(id)],
  ['case.identity_revealed', (s, id) => s.getCase(id, { revealIdentity: true })],
  ['case.identity_revealed', (s, id) => s.revealIdentity(id)],
  ['case.section_updated', (s, id) => s.updateSection(id, 'status', { victimStatus: 'NOT_VICTIM' }, ids.version)],
  ['case.item_added', (s, id) => s.addItem(id, 'notes', { date: '2026-01-05', text: 'x' })],
  [
    'case.item_updated',
    (s, id) =>
      s.updateItem(id, 'services', ids.service, { type: 'LEGAL', status: 'PROVIDED', date: '2026-01-03' }, ids.version),
  ],
  ['case.item_removed', (s, id) => s.removeItem(id, 'services', ids.service, ids.version)],
  ['case.status_changed', (s, id) => s.setStatus(id, 'FOLLOW_UP', ids.version)],
  ['case.closure_requested', (s, id) => s.requestClosure(id, { reason: 'OTHER', closedOn: '2026-02-01' }, ids.version)],
  ['case.closed', (s, id) => s.closeCase(id, { reason: 'OTHER', closedOn: '2026-02-01' }, ids.version)],
  ['case.assigned', (s, id) => s.assignCase(id, ben.id)],
  ['case.unassigned', (s, id) => s.unassignCase(id, ana.id)],
  ['case.reassigned', (s, id) => s.reassignCase(id, ana.id, ben.id)],
  ['case.assignments_viewed', (s, id) => s.getAssignments(id)],
  ['case.history_viewed', (s, id) => s.getHistory(id)],
  ['case.history_viewed', (s, id) => s.getHistory(id, { revealIdentity: true })],
  ['case.view_log_viewed', (s, id) => s.getViewLog(id)],
  ['case.attachment_added', (s, id) => s.addAttachment(id, { fileName: 'x.png' }, PNG)],
  [
    'case.attachment_added',
    (s, id) => {
      const p = join(v.dir, `in-${randomUUID()}.png`);
      writeFileSync(p, PNG);
      return s.addAttachmentFromFile(id, p);
    },
  ],
  ['case.attachment_viewed', (s, id) => s.readAttachment(id, ids.attachment)],
  ['case.attachment_exported', (s, id) => s.exportAttachment(id, ids.attachment, join(v.dir, 'leak.png'))],
  ['case.attachment_removed', (s, id) => s.removeAttachment(id, ids.attachment, ids.version)],
];

const stateOf = (id: string): unknown => ({
  row: v.admin.db.prepare('SELECT * FROM cases WHERE id = ?').get(id),
  history: v.admin.db.prepare('SELECT count(*) AS k FROM case_changes').get(),
  items: v.admin.db.prepare('SELECT count(*) AS k FROM case_services').get(),
  attachments: v.admin.db.prepare('SELECT count(*) AS k FROM case_attachments').get(),
  assignments: v.admin.db.prepare('SELECT count(*) AS k FROM case_assignments').get(),
});

describe('a caseworker cannot reach a case assigned to someone else, by any function', () => {
  it.each(caseFunctions().map(([attempt, fn], i) => [i, attempt, fn] as const))(
    '#%i %s is refused and audited',
    (_i, attempt, fn) => {
      const before = stateOf(caseOfAna.id);
      const auditBefore = v.auditActions().length;
      let error: unknown;
      try {
        fn(svc.ben, caseOfAna.id);
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: ErrorCode.Forbidden });
      expect((error as Error).message).not.toMatch(/Žėrūnė|Kazlausk|scan/);
      expect(stateOf(caseOfAna.id)).toEqual(before);
      const after = v.auditActions().slice(auditBefore);
      expect(after).toEqual([
        { action: 'case.access_denied', subject: caseOfAna.id, actor: ben.name, detail: { attempt } },
      ]);
      expect(existsSync(join(v.dir, 'leak.png'))).toBe(false);
      expect(v.auditIntact()).toBe(true);
    },
  );

  it('does not tell a caseworker whether an unknown case id exists', () => {
    expect(() => svc.ben.getCase(randomUUID())).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
    expect(() => svc.sup.getCase(randomUUID())).toThrowError(expect.objectContaining({ code: CaseErrorCode.NotFound }));
  });

  it('never lists or finds the case for another caseworker', () => {
    expect(svc.ben.listCases({}).rows).toEqual([]);
    expect(svc.ben.listCases({ search: 'zerune' })).toMatchObject({ rows: [], total: 0 });
    expect(svc.ben.listCases({ search: caseOfAna.code }).rows).toEqual([]);
    expect(svc.ben.listCases({ filter: { assignedTo: ana.id } }).rows).toEqual([]);
    expect(svc.ana.listCases({ search: 'zerune' }).rows.map((r) => r.id)).toEqual([caseOfAna.id]);
  });

  it('assertCanSee, for other modules, refuses and audits the same way', () => {
    expect(() => assertCanSee(v.as(ben), caseOfAna.id, 'consent.disclose')).toThrowError(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    expect(v.auditActions(caseOfAna.id).at(-1)).toMatchObject({
      action: 'case.access_denied',
      detail: { attempt: 'consent.disclose' },
    });
    expect(assertCanSee(v.as(ana), caseOfAna.id, 'consent.disclose').code).toBe(caseOfAna.code);
  });
});

describe('supervisors see every case', () => {
  it.each(caseFunctions().map(([attempt, fn], i) => [i, attempt, fn] as const))(
    '#%i %s is allowed',
    (_i, attempt, fn) => {
      const c = svc.ana.createCase({ openedOn: '2026-01-02', identity: { givenNames: 'Ona' } });
      const s = svc.ana.addItem(c.id, 'services', { type: 'MEDICAL', status: 'PROVIDED', date: '2026-01-03' });
      const a = svc.ana.addAttachment(c.id, { fileName: 'scan.png' }, PNG);
      ids = { service: s.id, attachment: a.id, version: a.version };
      const auditBefore = v.auditActions().length;
      expect(() => fn(svc.sup, c.id)).not.toThrow();
      expect(
        v
          .auditActions()
          .slice(auditBefore)
          .map((e) => e.action),
      ).toEqual([attempt]);
    },
  );

  it('lists all cases', () => {
    expect(svc.sup.listCases({ search: caseOfAna.code }).rows.map((r) => r.id)).toEqual([caseOfAna.id]);
    expect(svc.adminSup.getCase(caseOfAna.id).code).toBe(caseOfAna.code);
  });
});

describe('an administrator who is not a supervisor sees no case content', () => {
  it.each(caseFunctions().map(([attempt, fn], i) => [i, attempt, fn] as const))(
    '#%i %s is refused and audited',
    (_i, attempt, fn) => {
      const auditBefore = v.auditActions().length;
      expect(() => fn(svc.admin, caseOfAna.id)).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
      expect(v.auditActions().slice(auditBefore)).toEqual([
        { action: 'case.access_denied', subject: caseOfAna.id, actor: v.admin.user.name, detail: { attempt } },
      ]);
    },
  );

  it('cannot list, search, create, check duplicates or list workers', () => {
    const calls: [string, () => unknown][] = [
      ['case.listed', () => svc.admin.listCases({})],
      ['case.listed', () => svc.admin.listCases({ search: 'zerune' })],
      ['case.created', () => svc.admin.createCase({ openedOn: '2026-01-01' })],
      [
        'case.duplicate_check',
        () => svc.admin.checkDuplicates({ givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė', dateOfBirth: '1999' }),
      ],
      ['case.workers_listed', () => svc.admin.listWorkers()],
    ];
    for (const [attempt, call] of calls) {
      const auditBefore = v.auditActions().length;
      expect(call).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
      expect(v.auditActions().slice(auditBefore)).toMatchObject([
        { action: 'case.access_denied', detail: { attempt } },
      ]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AssignmentRecord,
  CaseListResult,
  CaseView,
  DuplicateWarning,
  HistoryPage,
  ViewLogEntry,
  Worker,
} from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import type { SessionUser } from '../vault/vault';
import { CaseErrorCode } from './errors';
import { CaseService } from './service';
import { openCaseVault, type CaseVault } from './testkit';

let v: CaseVault;
let worker: SessionUser;
let boss: SessionUser;
let cw: CaseService;
let sup: CaseService;

beforeAll(async () => {
  v = await openCaseVault();
  worker = v.addUser('Rūta Caseworker', ['caseworker']);
  boss = v.addUser('Vida Supervisor', ['supervisor']);
  cw = new CaseService(v.as(worker));
  sup = new CaseService(v.as(boss));
});
afterAll(() => v.close());

const identity = {
  givenNames: 'Žėrūnė',
  familyNames: 'Kazlauskaitė',
  aliases: ['Žera'],
  dateOfBirth: '~1998',
  sex: 'F' as const,
  citizenships: ['LT'],
};

describe('create and read', () => {
  it('creates a case with a pseudonymous code, owned by and assigned to its creator', () => {
    const c = cw.createCase({ openedOn: '2026-03-02', identity, status: { victimStatus: 'PRESUMED' } });
    expect(c.code).toMatch(/^2026-\d{5}$/);
    expect(c.code).not.toMatch(/zer|kaz/i);
    expect(c.version).toBe(1);
    const view = cw.getCase(c.id);
    expect(view.owner?.name).toBe(worker.name);
    expect(view.assignees.map((a) => a.name)).toEqual([worker.name]);
    expect(view.status).toBe('OPEN');
    expect(view.sections.status.victimStatus).toBe('PRESUMED');
    expect(view.sections.management.openedOn).toBe('2026-03-02');
  });

  it('shows the identity only on an explicit reveal, and records each view and reveal', () => {
    const c = cw.createCase({ openedOn: '2026-03-02', identity });
    const hidden = cw.getCase(c.id);
    expect(hidden.identityRevealed).toBe(false);
    expect(hidden.sections.identity).toBeNull();
    expect(JSON.stringify(hidden)).not.toContain('Žėrūnė');
    expect(cw.getCase(c.id, { revealIdentity: true }).sections.identity?.givenNames).toBe('Žėrūnė');
    expect(cw.revealIdentity(c.id).familyNames).toBe('Kazlauskaitė');
    const actions = v.auditActions(c.id).map((a) => a.action);
    expect(actions).toEqual(['case.created', 'case.viewed', 'case.identity_revealed', 'case.identity_revealed']);
    expect(v.auditIntact()).toBe(true);
  });

  it('numbers codes per opening year', () => {
    const a = cw.createCase({ openedOn: '2019-05-01' });
    const b = cw.createCase({ openedOn: '2019-06-01' });
    expect(a.code).toBe('2019-00001');
    expect(b.code).toBe('2019-00002');
  });

  it('refuses invalid input with INVALID_INPUT and keys, never values, in the message', () => {
    expect(() => cw.createCase({ openedOn: '2026-02-30' })).toThrowError(
      expect.objectContaining({
        code: ErrorCode.InvalidInput,
        message: expect.stringContaining('validation.dateInvalid'),
      }),
    );
    try {
      cw.createCase({ openedOn: '2026-01-01', identity: { givenNames: 'Slaptas Vardas'.repeat(20) } });
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toContain('validation.tooLong');
      expect((e as Error).message).not.toContain('Slaptas');
    }
    expect(() => cw.createCase({ openedOn: '2026-01-01', extra: 1 })).toThrowError(
      expect.objectContaining({ code: ErrorCode.InvalidInput }),
    );
  });
});

describe('sections, versions and history', () => {
  it('saves a section, bumps the version and records old and new per field', () => {
    const c = cw.createCase({ openedOn: '2026-01-10', identity });
    const r = cw.updateSection(c.id, 'identity', { ...identity, familyNames: 'Petraitienė', phone: '+37060000000' }, 1);
    expect(r.version).toBe(2);
    const h = cw.getHistory(c.id, { revealIdentity: true });
    const family = h.entries.find((e) => e.section === 'identity' && e.field === 'familyNames' && e.old !== null);
    expect(family).toMatchObject({ old: 'Kazlauskaitė', new: 'Petraitienė', actor: worker.name, redacted: false });
    expect(h.entries.find((e) => e.field === 'phone')).toMatchObject({ old: null, new: '+37060000000' });
  });

  it('hides identity values in the history unless revealed', () => {
    const c = cw.createCase({ openedOn: '2026-01-10', identity });
    cw.updateSection(c.id, 'identity', { ...identity, familyNames: 'Jonaitė' }, 1);
    const h = cw.getHistory(c.id);
    const family = h.entries.filter((e) => e.field === 'familyNames');
    expect(family.length).toBeGreaterThan(0);
    for (const e of family) expect(e).toMatchObject({ old: null, new: null, redacted: true });
    expect(JSON.stringify(h)).not.toContain('Jonaitė');
  });

  it('refuses a stale save and overwrites nothing', () => {
    const c = cw.createCase({ openedOn: '2026-01-10', status: { victimStatus: 'AT_RISK' } });
    sup.updateSection(c.id, 'status', { victimStatus: 'IDENTIFIED', decidedBy: 'POLICE' }, 1);
    const before = v.admin.db.prepare('SELECT count(*) AS k FROM case_changes').get();
    expect(() => cw.updateSection(c.id, 'status', { victimStatus: 'NOT_VICTIM' }, 1)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.StaleVersion }),
    );
    const view = cw.getCase(c.id);
    expect(view.sections.status).toEqual({ victimStatus: 'IDENTIFIED', decidedBy: 'POLICE' });
    expect(view.version).toBe(2);
    expect(v.admin.db.prepare('SELECT count(*) AS k FROM case_changes').get()).toEqual(before);
  });

  it('treats cleared fields as empty and a save without changes as no change', () => {
    const c = cw.createCase({ openedOn: '2026-01-10' });
    const r1 = cw.updateSection(c.id, 'justice', { complaintFiled: true, pretrialNumber: '' }, 1);
    expect(cw.getCase(c.id).sections.justice).toEqual({ complaintFiled: true });
    const r2 = cw.updateSection(c.id, 'justice', { complaintFiled: true, pretrialNumber: null, note: '' }, r1.version);
    expect(r2.version).toBe(r1.version);
  });

  it('keeps the list columns in step with the sections', () => {
    const c = cw.createCase({ openedOn: '2026-01-10' });
    let ver = cw.updateSection(c.id, 'experience', { exploitationForms: ['BEGGING', 'SEXUAL'] }, 1).version;
    ver = cw.updateSection(c.id, 'identity', { sex: 'M', estimatedAge: 30 }, ver).version;
    ver = cw.updateSection(c.id, 'status', { victimStatus: 'IDENTIFIED' }, ver).version;
    const row = cw.listCases({ search: c.code }).rows[0];
    expect(row).toMatchObject({ sex: 'M', birthYear: 1996, victimStatus: 'IDENTIFIED', version: ver });
    expect(row?.exploitationForms.sort()).toEqual(['BEGGING', 'SEXUAL']);
    expect(
      v.admin.db
        .prepare('SELECT form FROM case_exploitation e JOIN cases c ON c.n = e.case_n WHERE c.id = ? ORDER BY form')
        .all(c.id),
    ).toEqual([{ form: 'BEGGING' }, { form: 'SEXUAL' }]);
  });
});

describe('repeated items', () => {
  it('adds, updates and removes services with history and version checks', () => {
    const c = cw.createCase({ openedOn: '2026-02-01' });
    const s = cw.addItem(c.id, 'services', {
      type: 'PSYCHOLOGICAL',
      status: 'PROVIDED',
      date: '2026-02-03',
      provider: 'Centras',
    });
    expect(s.version).toBe(2);
    const u = cw.updateItem(
      c.id,
      'services',
      s.id,
      { type: 'PSYCHOLOGICAL', status: 'DECLINED', date: '2026-02-03' },
      2,
    );
    expect(() =>
      cw.updateItem(c.id, 'services', s.id, { type: 'MEDICAL', status: 'DECLINED', date: '2026-02-03' }, 2),
    ).toThrowError(expect.objectContaining({ code: CaseErrorCode.StaleVersion }));
    const view = cw.getCase(c.id);
    expect(view.items.services).toHaveLength(1);
    expect(view.items.services[0]).toMatchObject({ id: s.id, status: 'DECLINED', createdBy: worker.name });
    expect(view.items.services[0]?.provider).toBeUndefined();
    const h = cw.getHistory(c.id).entries.filter((e) => e.section === 'services');
    expect(h.find((e) => e.field === 'status' && e.old === 'PROVIDED')).toMatchObject({
      new: 'DECLINED',
      itemId: s.id,
    });
    cw.removeItem(c.id, 'services', s.id, u.version);
    expect(cw.getCase(c.id).items.services).toEqual([]);
  });

  it('links a referral to a consent of the same case only, and keeps a used consent', () => {
    const c = cw.createCase({ openedOn: '2026-02-01' });
    const other = cw.createCase({ openedOn: '2026-02-01' });
    const consent = cw.addItem(c.id, 'consents', {
      giver: 'PERSON',
      recipient: 'PROSECUTOR',
      purpose: 'CRIMINAL_PROCEEDINGS',
      givenOn: '2026-02-02',
      formVersion: 'v1',
    });
    const foreign = cw.addItem(other.id, 'consents', {
      giver: 'PERSON',
      recipient: 'POLICE',
      purpose: 'REFERRAL',
      givenOn: '2026-02-02',
    });
    const referral = {
      direction: 'OUT',
      kind: 'NOTIFICATION',
      recipient: 'PROSECUTOR',
      date: '2026-02-03',
      status: 'SENT',
    } as const;
    expect(() => cw.addItem(c.id, 'referrals', { ...referral, consentId: foreign.id })).toThrowError(
      expect.objectContaining({ code: ErrorCode.InvalidInput }),
    );
    const r = cw.addItem(c.id, 'referrals', { ...referral, consentId: consent.id });
    expect(() => cw.removeItem(c.id, 'consents', consent.id, r.version)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.ItemInUse }),
    );
    expect(() => cw.removeItem(c.id, 'consents', foreign.id, r.version)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.NotFound }),
    );
  });

  it('accepts every item kind', () => {
    const c = cw.createCase({ openedOn: '2026-02-01' });
    cw.addItem(c.id, 'assessments', {
      type: 'RISK',
      date: '2026-02-02',
      riskLevel: 'HIGH',
      nextReviewOn: '2026-03-01',
    });
    cw.addItem(c.id, 'notes', { date: '2026-02-02', text: 'Pirmas susitikimas.\nAptarta sauga.' });
    cw.addItem(c.id, 'cjEvents', { type: 'STATEMENT', date: '~2026-02', authority: 'Policija' });
    const items = cw.getCase(c.id).items;
    expect([items.assessments.length, items.notes.length, items.cjEvents.length]).toEqual([1, 1, 1]);
  });
});

describe('status, closure and assignment', () => {
  it('a caseworker requests closure, a supervisor approves; closed cases take no edits until reopened', () => {
    const c = cw.createCase({ openedOn: '2026-01-05' });
    let ver = cw.setStatus(c.id, 'FOLLOW_UP', 1).version;
    ver = cw.requestClosure(c.id, { reason: 'GOALS_ACHIEVED', closedOn: '2026-04-01' }, ver).version;
    expect(() => cw.closeCase(c.id, undefined, ver)).toThrowError(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
    ver = sup.closeCase(c.id, undefined, ver).version;
    const view = cw.getCase(c.id);
    expect(view).toMatchObject({
      status: 'CLOSED',
      closedOn: '2026-04-01',
      closureReason: 'GOALS_ACHIEVED',
      closureRequest: null,
    });
    expect(() => cw.addItem(c.id, 'notes', { date: '2026-04-02', text: 'x' })).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.CaseClosed }),
    );
    expect(() => cw.setStatus(c.id, 'OPEN', ver)).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
    ver = sup.setStatus(c.id, 'OPEN', ver).version;
    expect(cw.getCase(c.id)).toMatchObject({ status: 'OPEN', closedOn: null, version: ver });
    const fields = cw
      .getHistory(c.id)
      .entries.filter((e) => e.section === 'management')
      .map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['status', 'closedOn', 'closureReason', 'closureRequest.reason']));
  });

  it('refuses a closing date before the opening date', () => {
    const c = cw.createCase({ openedOn: '2026-01-05' });
    expect(() => sup.closeCase(c.id, { reason: 'OTHER', closedOn: '2025-12-31' }, 1)).toThrowError(
      expect.objectContaining({ code: ErrorCode.InvalidInput }),
    );
  });

  it('a supervisor assigns, reassigns and unassigns with history', () => {
    const other = v.addUser('Tomas Caseworker', ['caseworker']);
    const tomas = new CaseService(v.as(other));
    const c = cw.createCase({ openedOn: '2026-01-05' });
    expect(() => tomas.getCase(c.id)).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
    sup.reassignCase(c.id, worker.id, other.id);
    expect(tomas.getCase(c.id).owner?.name).toBe(other.name);
    expect(() => cw.getCase(c.id)).toThrowError(expect.objectContaining({ code: ErrorCode.Forbidden }));
    sup.assignCase(c.id, worker.id);
    expect(
      cw
        .getCase(c.id)
        .assignees.map((a) => a.name)
        .sort(),
    ).toEqual([other.name, worker.name].sort());
    sup.unassignCase(c.id, other.id);
    expect(cw.getCase(c.id).owner).toBeNull();
    const history = sup.getAssignments(c.id);
    expect(history.map((h) => [h.user.name, h.unassignedAt !== null])).toEqual([
      [worker.name, true],
      [other.name, true],
      [worker.name, false],
    ]);
    expect(() => sup.assignCase(c.id, v.admin.user.id)).toThrowError(
      expect.objectContaining({ code: CaseErrorCode.NotFound }),
    );
    expect(sup.listWorkers().map((w) => w.name)).toEqual(expect.arrayContaining([worker.name, boss.name, other.name]));
    expect(sup.listWorkers().map((w) => w.name)).not.toContain(v.admin.user.name);
  });

  it('a supervisor may open a case for a caseworker; a caseworker only for themselves', () => {
    const c = sup.createCase({ openedOn: '2026-01-05', ownerId: worker.id });
    expect(cw.getCase(c.id).owner?.id).toBe(worker.id);
    expect(() => cw.createCase({ openedOn: '2026-01-05', ownerId: boss.id })).toThrowError(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
  });
});

describe('duplicate warning', () => {
  it('warns a caseworker with a count only, and gives a supervisor the codes', () => {
    const other = v.addUser('Asta Caseworker', ['caseworker']);
    const asta = new CaseService(v.as(other));
    const first = asta.createCase({
      openedOn: '2026-01-05',
      identity: { givenNames: 'Ona', familyNames: 'Žemaitienė', dateOfBirth: '1990-04-02' },
    });
    const probe = { givenNames: 'ONA', familyNames: 'Zemaitiene', dateOfBirth: '1990' };
    const forWorker = cw.checkDuplicates(probe);
    expect(forWorker).toEqual({ possibleDuplicate: true, count: 1, codes: null });
    expect(JSON.stringify(forWorker)).not.toContain(first.code);
    expect(sup.checkDuplicates(probe)).toEqual({ possibleDuplicate: true, count: 1, codes: [first.code] });
    expect(cw.checkDuplicates({ ...probe, dateOfBirth: '1991' }).possibleDuplicate).toBe(false);
    expect(cw.checkDuplicates({ ...probe, dateOfBirth: '~1991' }).possibleDuplicate).toBe(true);
    const created = cw.createCase({
      openedOn: '2026-02-01',
      identity: { familyNames: 'Žemaitienė', givenNames: 'Ona', estimatedAge: 36 },
    });
    expect(created.duplicate).toEqual({ possibleDuplicate: true, count: 1, codes: null });
    expect(sup.checkDuplicates({ ...probe, excludeCaseId: first.id }).codes).toEqual([created.code]);
    expect(v.auditActions('cases').filter((a) => a.action === 'case.duplicate_check').length).toBeGreaterThanOrEqual(4);
  });
});

describe('a case with every section filled', () => {
  it('round-trips every section and item, and every output matches its shared schema', () => {
    const full = {
      identity: {
        givenNames: 'Žėrūnė',
        familyNames: 'Kazlauskaitė',
        aliases: ['Žera', 'Rūta K.'],
        dateOfBirth: '~1998-05',
        estimatedAge: 27,
        estimatedAgeOn: '2026-01-10',
        sex: 'F',
        gender: 'WOMAN',
        citizenships: ['LT', 'UA'],
        languages: ['lt', 'uk', 'ru'],
        interpreterNeeded: false,
        documents: [
          {
            type: 'PASSPORT',
            number: 'LT1234567',
            issuingCountry: 'LT',
            expiresOn: '2030-01-01',
            withheldByExploiter: true,
          },
        ],
        phone: '+370 600 00000',
        email: 'ruta@example.invalid',
        address: 'Vilnius',
        safeContact: 'Skambinti tik po 18 val.',
        children: [{ name: 'Matas', dateOfBirth: '2019', sex: 'M', withPerson: true }],
      },
      status: {
        victimStatus: 'IDENTIFIED',
        decidedBy: 'POLICE',
        decidedByName: 'Vilniaus AVPK',
        decidedOn: '2026-01-20',
        firstIdentifier: 'BORDER_GUARD',
        firstContactOn: '2026-01-10',
        reflectionStart: '2026-01-10',
        reflectionEnd: '2026-02-20',
        reflectionOutcome: 'COOPERATING',
        residencePermit: 'NOT_APPLICABLE',
      },
      experience: {
        exploitationForms: ['FORCED_LABOUR', 'CRIMINAL_ACTIVITIES'],
        labourSectors: ['A', 'I'],
        meansOfControl: ['DEBT_BONDAGE', 'WITHHOLDS_DOCUMENTS'],
        recruitmentMethods: ['JOB_OFFER', 'INTERNET'],
        recruiterRelationship: 'ACQUAINTANCE',
        traffickingType: 'TRANSNATIONAL',
        exploitationFrom: '~2025-06',
        exploitationTo: '2025-12',
        events: [
          { kind: 'RECRUITMENT', country: 'LT', place: 'Kaunas', from: '2025-05' },
          { kind: 'EXPLOITATION', country: 'NO', from: '2025-06', to: '2025-12', description: 'Darbas ūkyje.' },
        ],
        summary: 'Santrauka.',
      },
      dataProtection: {
        consentGiver: 'PERSON',
        legalBases: ['ART6_1_A', 'ART9_2_A'],
        privacyNoticeGivenOn: '2026-01-10',
        withhold: [{ recipient: 'FAMILY', what: 'Gyvenamoji vieta' }],
      },
      assistance: {
        supportPlan: 'Planas.',
        planAgreedOn: '2026-01-15',
        planReviewOn: '2026-03-15',
        needsSummary: 'Poreikiai.',
      },
      rights: {
        items: {
          A: { informedOn: '2026-01-10', language: 'lt', informedBy: 'Rūta', method: 'BOTH' },
          K: { informedOn: '2026-01-12', method: 'ORAL' },
        },
      },
      referral: {
        incomingFrom: 'BORDER_GUARD',
        incomingInstitution: 'VSAT',
        incomingOn: '2026-01-10',
        incomingReference: 'R-1',
      },
      justice: {
        complaintFiled: true,
        complaintOn: '2026-01-21',
        cooperation: 'COOPERATING',
        pretrialNumber: '01-1-00001-26',
        injuredParty: true,
        compensationClaimed: true,
        compensationClaimedEur: 12000.5,
      },
      management: { openedOn: '2026-01-10', flags: ['HIGH_RISK'], nextReviewOn: '2026-02-10', note: 'Pastaba.' },
    } as const;
    const c = cw.createCase({ openedOn: '2026-01-10' });
    let version = c.version;
    for (const [section, data] of Object.entries(full)) {
      version = cw.updateSection(c.id, section as keyof typeof full, data as never, version).version;
    }
    const consent = cw.addItem(c.id, 'consents', {
      giver: 'PERSON',
      recipient: 'PROSECUTOR',
      purpose: 'CRIMINAL_PROCEEDINGS',
      formVersion: '2026-01',
      givenOn: '2026-01-10',
      expiresOn: '2027-01-10',
    });
    cw.addItem(c.id, 'referrals', {
      direction: 'OUT',
      kind: 'REFERRAL',
      recipient: 'PROSECUTOR',
      date: '2026-01-22',
      status: 'ACKNOWLEDGED',
      consentId: consent.id,
      shared: 'Bylos santrauka',
    });
    cw.addItem(c.id, 'services', {
      type: 'ACCOMMODATION',
      status: 'PROVIDED',
      date: '2026-01-10',
      endDate: '2026-03-01',
    });
    cw.addItem(c.id, 'assessments', { type: 'NEEDS', date: '2026-01-11', summary: 'Vertinimas.' });
    cw.addItem(c.id, 'notes', { date: '2026-01-12', text: 'Pastaba apie susitikimą.' });
    cw.addItem(c.id, 'cjEvents', { type: 'STATEMENT', date: '2026-01-21', authority: 'Policija' });
    cw.addAttachment(c.id, { fileName: 'sutikimas.pdf' }, Buffer.from('%PDF-1.4\n'));

    const view = CaseView.parse(cw.getCase(c.id, { revealIdentity: true }));
    for (const [section, data] of Object.entries(full))
      expect(view.sections[section as keyof typeof full]).toEqual(data);
    expect(Object.values(view.items).map((l) => l.length)).toEqual([1, 1, 1, 1, 1, 1]);
    CaseView.parse(cw.getCase(c.id));
    const list = CaseListResult.parse(cw.listCases({ search: 'zerune' }));
    expect(list.rows.map((r) => r.id)).toContain(c.id);
    HistoryPage.parse(cw.getHistory(c.id, { revealIdentity: true, page: { offset: 0, limit: 200 } }));
    z.array(AssignmentRecord).parse(cw.getAssignments(c.id));
    z.array(ViewLogEntry).parse(cw.getViewLog(c.id));
    DuplicateWarning.parse(
      cw.checkDuplicates({ givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė', dateOfBirth: '1998' }),
    );
    z.array(Worker).parse(sup.listWorkers());
  });
});

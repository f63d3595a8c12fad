import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATA_CATEGORIES, type DataCategory } from '../../shared/cases/codes';
import type { ItemKind } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { type CaseService } from '../cases/service';
import type { CaseVault } from '../cases/testkit';
import { AppError } from '../errors';
import type { SessionUser, VaultSession } from '../vault/vault';
import {
  approve,
  composeSummary,
  createDraft,
  override,
  requestApproval,
  setSummariesRequireApproval,
  summariesRequireApproval,
  type ComposedSummary,
} from './compose';
import { allFieldKeys, NEVER_DISCLOSED } from './consent';
import { CaseSummary } from './package/schema';
import { openSummaryVault, prosecutorRequest } from './testkit';

let v: CaseVault;
let worker: SessionUser;
let stranger: SessionUser;
let boss: SessionUser;
let boss2: SessionUser;
let cwS: VaultSession;
let cw: CaseService;

beforeAll(async () => {
  ({ v, worker, stranger, boss, boss2, cwS, cw } = await openSummaryVault());
});
afterAll(() => v.close());

// ---------------------------------------------------------------------------------------------
// A case with every field filled; each free-text field holds a marker naming its field key.

const markers = new Map<string, string>();
let markerSeq = 0;
const M = (field: string): string => {
  markerSeq += 1;
  const m = `Mrk${markerSeq}q`;
  markers.set(m, field);
  return m;
};

function fullCase(): { caseId: string; markerOf: Map<string, string> } {
  markers.clear();
  const identity = {
    givenNames: M('identity.givenNames'),
    familyNames: M('identity.familyNames'),
    aliases: [M('identity.aliases')],
    dateOfBirth: '1990-05-05',
    estimatedAge: 35,
    estimatedAgeOn: '2026-01-02',
    sex: 'F' as const,
    gender: 'WOMAN' as const,
    citizenships: ['UA'],
    languages: ['uk'],
    interpreterNeeded: true,
    documents: [{ type: 'PASSPORT' as const, number: M('identity.documents'), withheldByExploiter: true }],
    phone: M('identity.phone'),
    email: M('identity.email'),
    address: M('identity.address'),
    safeContact: M('identity.safeContact'),
    children: [{ name: M('identity.children'), dateOfBirth: '2015', sex: 'M' as const, withPerson: true }],
  };
  const status = {
    victimStatus: 'PRESUMED' as const,
    decidedBy: 'POLICE' as const,
    decidedByName: M('status.decidedByName'),
    decidedOn: '2026-01-05',
    firstIdentifier: 'POLICE' as const,
    firstIdentifierDetail: M('status.firstIdentifierDetail'),
    firstContactOn: '2026-01-03',
    reflectionStart: '2026-01-05',
    reflectionEnd: '2026-02-20',
    reflectionOutcome: 'ONGOING' as const,
    residencePermit: 'NONE' as const,
    residencePermitUntil: '2026-12-31',
  };
  const c = cw.createCase({ openedOn: '2026-01-02', identity, status });
  let version = c.version;
  const section = (name: Parameters<CaseService['updateSection']>[1], data: object): void => {
    version = cw.updateSection(c.id, name, data as never, version).version;
  };
  section('experience', {
    exploitationForms: ['FORCED_LABOUR'],
    sexualExploitationTypes: ['PROSTITUTION'],
    labourSectors: ['A'],
    meansOfControl: ['PHYSICAL_THREATS'],
    recruitmentMethods: ['JOB_OFFER'],
    recruiterRelationship: 'INTIMATE_PARTNER',
    traffickingType: 'TRANSNATIONAL',
    exploitationFrom: '2025-03',
    exploitationTo: '2025-11',
    events: [
      { kind: 'RECRUITMENT', country: 'PL', place: M('experience.events'), description: M('experience.events') },
    ],
    summary: M('experience.summary'),
  });
  section('dataProtection', {
    consentGiver: 'GUARDIAN',
    guardianName: M('dataProtection.guardianName'),
    legalBases: ['ART6_1_A'],
    privacyNoticeGivenOn: '2026-01-02',
    // A rule for family members: it does not bind a prosecutor, and its text never travels.
    withhold: [{ recipient: 'FAMILY', what: M('dataProtection.withhold'), dataCategories: ['IDENTITY_CONTACT'] }],
    note: M('dataProtection.note'),
  });
  section('assistance', {
    supportPlan: M('assistance.supportPlan'),
    planAgreedOn: '2026-01-10',
    planReviewOn: '2026-04-10',
    needsSummary: M('assistance.needsSummary'),
  });
  section('rights', {
    items: { A: { informedOn: '2026-01-03', informedBy: M('rights.items'), note: M('rights.items') } },
    note: M('rights.note'),
  });
  section('referral', {
    incomingFrom: 'POLICE',
    incomingInstitution: M('referral.incomingInstitution'),
    incomingOn: '2026-01-02',
    incomingReference: M('referral.incomingReference'),
    incomingReason: M('referral.incomingReason'),
  });
  section('justice', {
    complaintFiled: true,
    complaintOn: '2026-01-06',
    cooperation: 'COOPERATING',
    pretrialNumber: M('justice.pretrialNumber'),
    investigatingAuthority: M('justice.investigatingAuthority'),
    prosecutorCaseNumber: M('justice.prosecutorCaseNumber'),
    prosecutorOffice: M('justice.prosecutorOffice'),
    court: M('justice.court'),
    courtCaseNumber: M('justice.courtCaseNumber'),
    injuredParty: true,
    verdict: M('justice.verdict'),
    compensationClaimed: true,
    compensationClaimedEur: 1234,
    compensationAwardedEur: 1000,
    compensationPaidEur: 10,
    note: M('justice.note'),
  });
  section('management', {
    openedOn: '2026-01-02',
    flags: ['MINOR'],
    nextReviewOn: '2026-06-01',
    note: M('management.note'),
  });
  const item = (kind: ItemKind, data: object): string => {
    const r = cw.addItem(c.id, kind, data as never);
    version = r.version;
    return r.id;
  };
  item('services', {
    type: 'CRISIS_INTERVENTION',
    status: 'PROVIDED',
    date: '2026-01-04',
    endDate: '2026-01-05',
    provider: M('services.provider'),
    note: M('services.note'),
  });
  item('assessments', {
    type: 'HEALTH',
    date: '2026-01-07',
    by: M('assessments.by'),
    riskLevel: 'LOW',
    summary: M('assessments.summary'),
    nextReviewOn: '2026-05-01',
  });
  item('notes', { date: '2026-01-08', text: M('notes.text') });
  item('cjEvents', {
    type: 'COMPLAINT_FILED',
    date: '2026-01-06',
    authority: M('cjEvents.authority'),
    reference: M('cjEvents.reference'),
    note: M('cjEvents.note'),
  });
  const policeConsent = item('consents', {
    giver: 'GUARDIAN',
    guardianName: M('consents.guardianName'),
    recipient: 'POLICE',
    purpose: 'IDENTIFICATION',
    scope: M('consents.scope'),
    dataCategories: ['STATUS'],
    formVersion: M('consents.formVersion'),
    givenOn: '2026-01-02',
    expiresOn: '2027-01-01',
    withdrawnOn: '2026-02-01',
    withdrawalNote: M('consents.withdrawalNote'),
  });
  item('referrals', {
    direction: 'OUT',
    kind: 'NOTIFICATION',
    recipient: 'POLICE',
    institution: M('referrals.institution'),
    date: '2026-01-09',
    status: 'SENT',
    shared: M('referrals.shared'),
    consentId: policeConsent,
    reference: M('referrals.reference'),
    note: M('referrals.note'),
  });
  return { caseId: c.id, markerOf: new Map(markers) };
}

function addConsent(caseId: string, categories: DataCategory[] | null, over: object = {}): string {
  return cw.addItem(caseId, 'consents', {
    giver: 'PERSON',
    recipient: 'PROSECUTOR',
    purpose: 'CRIMINAL_PROCEEDINGS',
    scope: 'Bylos santrauka prokurorui',
    ...(categories ? { dataCategories: categories } : {}),
    givenOn: '2026-02-01',
    ...over,
  } as never).id;
}

const request = prosecutorRequest;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

/** Everything composing hands out: the data, the package content, the consent copy, the omissions. */
const outward = (c: ComposedSummary): string => JSON.stringify(c);

// The fields that decide whether an item of each kind can go at all.
const ITEM_PRIMARY: Record<ItemKind, DataCategory> = {
  services: 'ASSISTANCE',
  referrals: 'REFERRALS',
  consents: 'DATA_PROTECTION',
  assessments: 'HEALTH',
  notes: 'NOTES',
  cjEvents: 'CRIMINAL_JUSTICE',
};

function expectedIn(field: string, included: ReadonlySet<string>): boolean {
  const [group] = field.split('.') as [string];
  const category = allFieldKeys().find((f) => f.field === field)?.category;
  if (!category || category === NEVER_DISCLOSED || !included.has(category)) return false;
  const primary = ITEM_PRIMARY[group as ItemKind] as DataCategory | undefined;
  return primary === undefined || included.has(primary);
}

// ---------------------------------------------------------------------------------------------

describe('composing under consent', () => {
  let caseId: string;
  let markerOf: Map<string, string>;
  beforeAll(() => {
    ({ caseId, markerOf } = fullCase());
  });

  it('puts a field in the summary if and only if its category is consented (random category sets)', () => {
    const codes = DATA_CATEGORIES.map((e) => e.code);
    fc.assert(
      fc.property(fc.subarray(codes, { minLength: 1 }), (cats) => {
        const consentId = addConsent(caseId, cats);
        const c = composeSummary(cwS, caseId, request({ consentId }));
        const included = new Set<string>(cats);
        const text = outward(c);
        for (const [marker, field] of markerOf) {
          expect(text.includes(marker), `${field} with ${cats.join(',')}`).toBe(expectedIn(field, included));
        }
        const filled = allFieldKeys().filter((f) => f.field !== 'consents.dataCategories');
        for (const { field } of filled) {
          if (field.startsWith('consents.')) continue;
          expect(c.fields.includes(field), `${field} with ${cats.join(',')}`).toBe(expectedIn(field, included));
        }
        expect(c.categories).toEqual(codes.filter((x) => included.has(x)));
        expect(c.consent?.id).toBe(consentId);
        expect(CaseSummary.safeParse(c.summary).success).toBe(true);
        for (const o of c.omitted.fields) expect(o.field).toMatch(/^[a-zA-Z]+\.[a-zA-Z]+$/u);
      }),
      { numRuns: 12, seed: 5 },
    );
  });

  it('with every category consented, every field goes except the withholding rules', () => {
    expect(markerOf.size).toBeGreaterThan(40);
    const consentId = addConsent(
      caseId,
      DATA_CATEGORIES.map((e) => e.code),
    );
    const text = outward(composeSummary(cwS, caseId, request({ consentId })));
    for (const [marker, field] of markerOf)
      expect(text.includes(marker), field).toBe(field !== 'dataProtection.withhold');
  });

  it('lists what was left out and why, by field name, never by value', () => {
    const consentId = addConsent(caseId, ['STATUS', 'EXPLOITATION']);
    const c = composeSummary(cwS, caseId, request({ consentId }));
    expect(c.omitted.categories).toContainEqual({ category: 'FAMILY', reason: 'OTHER_PEOPLE' });
    expect(c.omitted.categories).toContainEqual({ category: 'HEALTH', reason: 'NOT_CONSENTED' });
    expect(c.omitted.fields).toContainEqual({
      field: 'services.provider',
      category: 'ASSISTANCE',
      reason: 'NOT_CONSENTED',
    });
    expect(c.omitted.fields).toContainEqual({
      field: 'dataProtection.withhold',
      category: NEVER_DISCLOSED,
      reason: 'NEVER_DISCLOSED',
    });
    expect(Object.keys(c.data.sections).sort()).toEqual(['experience', 'status']);
    expect(c.data.items).toEqual({});
    expect(c.summary?.sections.map((s) => s.key)).toEqual(['status', 'experience']);
  });

  it('reveals the identity only when an identity category goes, and logs the reveal', () => {
    const noIdentity = addConsent(caseId, ['STATUS']);
    const before = v.auditActions(caseId).filter((a) => a.action === 'case.identity_revealed').length;
    composeSummary(cwS, caseId, request({ consentId: noIdentity }));
    expect(v.auditActions(caseId).filter((a) => a.action === 'case.identity_revealed')).toHaveLength(before);
    const withIdentity = addConsent(caseId, ['IDENTITY_BASIC']);
    const c = composeSummary(cwS, caseId, request({ consentId: withIdentity }));
    expect(c.data.sections.identity?.givenNames).toBeDefined();
    expect(c.data.sections.identity?.children).toBeUndefined();
    expect(v.auditActions(caseId).filter((a) => a.action === 'case.identity_revealed')).toHaveLength(before + 1);
  });

  it('leaves other people out unless FAMILY is consented, also from the consent copy in the package', () => {
    const guardianConsent = addConsent(caseId, ['IDENTITY_BASIC'], {
      giver: 'GUARDIAN',
      guardianName: 'Petras Globėjas',
    });
    const without = composeSummary(cwS, caseId, request({ consentId: guardianConsent }));
    expect(JSON.stringify(without.summary)).not.toContain('Petras Globėjas');
    expect(without.consent?.guardianName).toBe('Petras Globėjas');
    const familyConsent = addConsent(caseId, ['IDENTITY_BASIC', 'FAMILY'], {
      giver: 'GUARDIAN',
      guardianName: 'Petras Globėjas',
    });
    const withFamily = composeSummary(cwS, caseId, request({ consentId: familyConsent }));
    expect(withFamily.data.sections.identity?.children).toHaveLength(1);
    expect(JSON.stringify(withFamily.summary)).toContain('Petras Globėjas');
  });

  it('narrows to the categories asked for', () => {
    const consentId = addConsent(caseId, ['STATUS', 'EXPLOITATION']);
    const c = composeSummary(cwS, caseId, request({ consentId, categories: ['STATUS'] }));
    expect(c.categories).toEqual(['STATUS']);
    expect(c.omitted.categories).toContainEqual({ category: 'EXPLOITATION', reason: 'NOT_REQUESTED' });
  });
});

describe('what blocks composing', () => {
  let caseId: string;
  beforeAll(() => {
    caseId = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
  });

  it.each([
    ['no consent', null, {}, {}, ErrorCode.ConsentMissing],
    ['a withdrawn consent', ['STATUS'], { withdrawnOn: '2026-02-15' }, {}, ErrorCode.ConsentWithdrawn],
    ['an expired consent', ['STATUS'], { expiresOn: '2026-02-28' }, {}, ErrorCode.ConsentExpired],
    ['a consent for another purpose', ['STATUS'], { purpose: 'ASSISTANCE' }, {}, ErrorCode.ConsentWrongPurpose],
    ['a consent for another recipient', ['STATUS'], { recipient: 'POLICE' }, {}, ErrorCode.ConsentWrongRecipient],
    ['a consent naming no categories', null, {}, {}, ErrorCode.ConsentNoCategories],
  ] as const)('%s', (_why, cats, over, _req, code) => {
    const c = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
    if (_why !== 'no consent') addConsent(c, cats ? [...cats] : null, over);
    expect(codeOf(() => composeSummary(cwS, c, request()))).toBe(code);
  });

  it('a named consent that is withdrawn or expired blocks, even when another is in force', () => {
    const withdrawn = addConsent(caseId, ['STATUS'], { withdrawnOn: '2026-02-10' });
    const expired = addConsent(caseId, ['STATUS'], { expiresOn: '2026-02-10' });
    addConsent(caseId, ['STATUS']);
    expect(codeOf(() => composeSummary(cwS, caseId, request({ consentId: withdrawn })))).toBe(
      ErrorCode.ConsentWithdrawn,
    );
    expect(codeOf(() => composeSummary(cwS, caseId, request({ consentId: expired })))).toBe(ErrorCode.ConsentExpired);
    expect(composeSummary(cwS, caseId, request()).categories).toEqual(['STATUS']);
  });

  it('a caseworker not assigned to the case cannot compose, and the attempt is logged', () => {
    expect(codeOf(() => composeSummary(v.as(stranger), caseId, request()))).toBe(ErrorCode.Forbidden);
    expect(v.auditActions(caseId)).toContainEqual(
      expect.objectContaining({ action: 'case.access_denied', actor: stranger.name }),
    );
    expect(v.auditIntact()).toBe(true);
  });

  it('refuses a malformed request before reading the case', () => {
    expect(codeOf(() => composeSummary(cwS, caseId, request({ today: '1 March' })))).toBe(ErrorCode.InvalidInput);
    expect(
      codeOf(() =>
        composeSummary(cwS, caseId, {
          ...request(),
          recipient: { institution: 'X', category: 'PROSECUTOR', fingerprint: 'not a fingerprint!' },
        }),
      ),
    ).toBe(ErrorCode.InvalidInput);
  });
});

describe('withholding', () => {
  it('leaves out what the case says to withhold from this kind of recipient, even when consented', () => {
    const { caseId, markerOf } = fullCase();
    const view = cw.getCase(caseId);
    cw.updateSection(
      caseId,
      'dataProtection',
      {
        ...view.sections.dataProtection,
        withhold: [
          ...(view.sections.dataProtection.withhold ?? []),
          { recipient: 'PROSECUTOR', what: 'Sveikatos duomenys', dataCategories: ['HEALTH'] },
        ],
      },
      view.version,
    );
    const consentId = addConsent(caseId, ['HEALTH', 'STATUS']);
    const c = composeSummary(cwS, caseId, request({ consentId }));
    expect(c.categories).toEqual(['STATUS']);
    expect(c.omitted.categories).toContainEqual({ category: 'HEALTH', reason: 'WITHHELD' });
    const text = outward(c);
    const health = new Set(allFieldKeys().flatMap((f) => (f.category === 'HEALTH' ? [f.field] : [])));
    const healthMarkers = [...markerOf].filter(([, field]) => health.has(field));
    expect(healthMarkers.length).toBeGreaterThanOrEqual(3);
    for (const [marker] of healthMarkers) expect(text).not.toContain(marker);
    expect(text).not.toContain('Sveikatos duomenys');
  });

  it('a rule written only in words stops composing for that recipient', () => {
    const caseId = cw.createCase({ openedOn: '2026-01-02' }).id;
    const view = cw.getCase(caseId);
    cw.updateSection(
      caseId,
      'dataProtection',
      { withhold: [{ recipient: 'PROSECUTOR', what: 'Apie vaikus' }] },
      view.version,
    );
    addConsent(caseId, ['STATUS']);
    expect(codeOf(() => composeSummary(cwS, caseId, request()))).toBe(ErrorCode.SummaryWithholdingUnclear);
    addConsent(caseId, ['STATUS'], { recipient: 'COURT' });
    const court = request({ recipient: { ...request().recipient, category: 'COURT' } });
    expect(composeSummary(cwS, caseId, court).categories).toEqual(['STATUS']);
  });
});

describe('approval and override', () => {
  let caseId: string;
  beforeAll(() => {
    caseId = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
    addConsent(caseId, ['STATUS']);
  });

  it('the organisation setting is off until a supervisor or administrator turns it on, logged', () => {
    expect(summariesRequireApproval(cwS)).toBe(false);
    expect(codeOf(() => setSummariesRequireApproval(cwS, true))).toBe(ErrorCode.Forbidden);
    setSummariesRequireApproval(v.admin, true);
    expect(summariesRequireApproval(cwS)).toBe(true);
    expect(v.auditActions('vault').map((a) => a.action)).toContain('settings.summary_approval_changed');
  });

  it('a draft goes for approval and a supervisor other than its author approves it', () => {
    const d = createDraft(cwS, caseId, request());
    expect(d.status).toBe('draft');
    expect(requestApproval(cwS, d.draftId).status).toBe('pending_approval');
    expect(codeOf(() => approve(cwS, d.draftId))).toBe(ErrorCode.Forbidden);
    const approved = approve(v.as(boss), d.draftId);
    expect(approved.status).toBe('approved');
    expect(approved.approvedBy).toBe(boss.name);
    expect(codeOf(() => approve(v.as(boss2), d.draftId))).toBe(ErrorCode.SummaryDraftState);
    const own = createDraft(v.as(boss), caseId, request());
    expect(codeOf(() => approve(v.as(boss), own.draftId))).toBe(ErrorCode.Forbidden);
    expect(v.auditActions(caseId).map((a) => a.action)).toEqual(
      expect.arrayContaining(['summary.draft_created', 'summary.approval_requested', 'summary.approved']),
    );
  });

  it('a caseworker not assigned to the case cannot see or move a draft', () => {
    const d = createDraft(cwS, caseId, request());
    expect(codeOf(() => requestApproval(v.as(stranger), d.draftId))).toBe(ErrorCode.Forbidden);
  });

  it('without consent, only an override with a legal basis and a second, different supervisor', () => {
    const c = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
    expect(codeOf(() => createDraft(cwS, c, request()))).toBe(ErrorCode.ConsentMissing);
    expect(codeOf(() => createDraft(cwS, c, request({ withoutConsent: true })))).toBe(ErrorCode.InvalidInput);
    const d = createDraft(cwS, c, request({ withoutConsent: true, categories: ['STATUS'] }));
    expect(d.status).toBe('needs_override');
    expect(d.composed.summary).toBeNull();
    expect(codeOf(() => approve(v.as(boss), d.draftId))).toBe(ErrorCode.SummaryDraftState);
    const b1 = v.as(boss);
    expect(codeOf(() => override(b1, d.draftId, { legalBasis: '', secondApprover: v.as(boss2) }))).toBe(
      ErrorCode.InvalidInput,
    );
    expect(codeOf(() => override(b1, d.draftId, { legalBasis: 'ART6_1_C', secondApprover: v.as(boss) }))).toBe(
      ErrorCode.SummaryOverrideInvalid,
    );
    expect(codeOf(() => override(b1, d.draftId, { legalBasis: 'ART6_1_C', secondApprover: v.as(worker) }))).toBe(
      ErrorCode.SummaryOverrideInvalid,
    );
    expect(codeOf(() => override(cwS, d.draftId, { legalBasis: 'ART6_1_C', secondApprover: v.as(boss2) }))).toBe(
      ErrorCode.Forbidden,
    );
    const done = override(b1, d.draftId, { legalBasis: 'ART6_1_C', secondApprover: v.as(boss2) });
    expect(done).toMatchObject({
      status: 'approved',
      approvedBy: boss.name,
      secondApprover: boss2.name,
      legalBasis: 'ART6_1_C',
    });
    const log = v.auditActions(c);
    expect(log).toContainEqual(expect.objectContaining({ action: 'summary.override_confirmed', actor: boss2.name }));
    expect(log).toContainEqual(
      expect.objectContaining({
        action: 'summary.override_approved',
        actor: boss.name,
        detail: expect.objectContaining({ legalBasis: 'ART6_1_C', secondApprover: boss2.name }),
      }),
    );
    expect(v.auditIntact()).toBe(true);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataCategory } from '../../shared/cases/codes';
import type { ConsentItem } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { type CaseService } from '../cases/service';
import type { CaseVault } from '../cases/testkit';
import { AppError } from '../errors';
import type { SessionUser, VaultSession } from '../vault/vault';
import { approve, createDraft, override, setSummariesRequireApproval } from './compose';
import {
  disclosuresAffectedByWithdrawal,
  disclosuresOf,
  listDisclosures,
  recordDisclosure,
  withdrawalImpact,
} from './disclosures';
import { FINGERPRINT, openSummaryVault, prosecutorRequest, TODAY } from './testkit';

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

const request = prosecutorRequest;

const consentData = (categories: DataCategory[], over: object = {}) =>
  ({
    giver: 'PERSON',
    recipient: 'PROSECUTOR',
    purpose: 'CRIMINAL_PROCEEDINGS',
    dataCategories: categories,
    givenOn: '2026-02-01',
    ...over,
  }) as const;

function newCase(categories: DataCategory[] = ['STATUS', 'EXPLOITATION']): { caseId: string; consentId: string } {
  const caseId = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
  const consentId = cw.addItem(caseId, 'consents', consentData(categories) as never).id;
  return { caseId, consentId };
}

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

const caseN = (caseId: string): number =>
  (v.admin.db.prepare('SELECT n FROM cases WHERE id = ?').get(caseId) as { n: number }).n;

describe('the disclosure log', () => {
  it('records what went to whom, when, by whom and under which consent, frozen', () => {
    const { caseId, consentId } = newCase();
    const d = createDraft(cwS, caseId, request());
    const packageId = d.composed.summary?.id as string;
    const entry = recordDisclosure(cwS, { draftId: d.draftId, packageId, sha256: sha('pkg') });
    expect(entry).toMatchObject({
      caseId,
      draftId: d.draftId,
      packageId,
      sha256: sha('pkg'),
      recipient: { institution: 'Vilniaus apygardos prokuratūra', category: 'PROSECUTOR', fingerprint: FINGERPRINT },
      purpose: 'CRIMINAL_PROCEEDINGS',
      categories: ['STATUS', 'EXPLOITATION'],
      fields: ['status.victimStatus'],
      consentId,
      legalBasis: null,
      sentBy: worker.name,
    });
    expect(entry.consent?.dataCategories).toEqual(['STATUS', 'EXPLOITATION']);
    expect(disclosuresOf(v.admin.db, caseN(caseId))).toEqual([entry]);
    expect(listDisclosures(cwS, caseId)).toEqual([entry]);
    expect(v.auditActions(caseId).map((a) => a.action)).toEqual(
      expect.arrayContaining(['summary.draft_created', 'summary.disclosed', 'case.disclosures_viewed']),
    );
    expect(codeOf(() => recordDisclosure(cwS, { draftId: d.draftId, packageId, sha256: sha('pkg') }))).toBe(
      ErrorCode.SummaryDraftState,
    );
  });

  it('takes only the package made from the draft', () => {
    const { caseId } = newCase();
    const d = createDraft(cwS, caseId, request());
    expect(codeOf(() => recordDisclosure(cwS, { draftId: d.draftId, packageId: randomUUID(), sha256: sha('x') }))).toBe(
      ErrorCode.InvalidInput,
    );
    expect(codeOf(() => recordDisclosure(cwS, { draftId: d.draftId, packageId: 'x', sha256: 'y' } as never))).toBe(
      ErrorCode.InvalidInput,
    );
  });

  it('waits for a supervisor when the organisation requires approval', () => {
    const { caseId } = newCase();
    setSummariesRequireApproval(v.as(boss), true);
    try {
      const d = createDraft(cwS, caseId, request());
      const input = { draftId: d.draftId, packageId: d.composed.summary?.id as string, sha256: sha('a') };
      expect(codeOf(() => recordDisclosure(cwS, input))).toBe(ErrorCode.SummaryApprovalRequired);
      approve(v.as(boss), d.draftId);
      expect(recordDisclosure(cwS, input).approvedBy).toBe(boss.name);
    } finally {
      setSummariesRequireApproval(v.as(boss), false);
    }
  });

  it('stops when the consent was withdrawn or narrowed after the preview', () => {
    const { caseId, consentId } = newCase();
    const d1 = createDraft(cwS, caseId, request());
    const d2 = createDraft(cwS, caseId, request());
    const view = cw.getCase(caseId);
    const record = view.items.consents[0] as ConsentItem;
    cw.updateItem(caseId, 'consents', consentId, { ...consentData(['STATUS']), givenOn: record.givenOn }, view.version);
    expect(
      codeOf(() =>
        recordDisclosure(cwS, { draftId: d1.draftId, packageId: d1.composed.summary?.id as string, sha256: sha('1') }),
      ),
    ).toBe(ErrorCode.SummaryConsentChanged);
    const v2 = cw.getCase(caseId);
    cw.updateItem(
      caseId,
      'consents',
      consentId,
      consentData(['STATUS', 'EXPLOITATION'], { withdrawnOn: TODAY }),
      v2.version,
    );
    expect(
      codeOf(() =>
        recordDisclosure(cwS, { draftId: d2.draftId, packageId: d2.composed.summary?.id as string, sha256: sha('2') }),
      ),
    ).toBe(ErrorCode.ConsentWithdrawn);
    expect(disclosuresOf(v.admin.db, caseN(caseId))).toEqual([]);
  });

  it('a caseworker not assigned to the case can neither record nor read its disclosures', () => {
    const { caseId } = newCase();
    const d = createDraft(cwS, caseId, request());
    const other = v.as(stranger);
    const input = { draftId: d.draftId, packageId: d.composed.summary?.id as string, sha256: sha('s') };
    expect(codeOf(() => recordDisclosure(other, input))).toBe(ErrorCode.Forbidden);
    expect(codeOf(() => listDisclosures(other, caseId))).toBe(ErrorCode.Forbidden);
    expect(
      v.auditActions(caseId).filter((a) => a.action === 'case.access_denied' && a.actor === stranger.name),
    ).toHaveLength(2);
    expect(v.auditIntact()).toBe(true);
  });
});

describe('overrides in the log', () => {
  it('an override draft goes only after the override, and is logged with its legal basis and approvers', () => {
    const caseId = cw.createCase({ openedOn: '2026-01-02', status: { victimStatus: 'PRESUMED' } }).id;
    const d = createDraft(cwS, caseId, request({ withoutConsent: true, categories: ['STATUS'] }));
    const packageId = randomUUID();
    expect(codeOf(() => recordDisclosure(cwS, { draftId: d.draftId, packageId, sha256: sha('o') }))).toBe(
      ErrorCode.SummaryOverrideInvalid,
    );
    override(v.as(boss), d.draftId, { legalBasis: 'BK 163 str. (nusikalstama veika)', secondApprover: v.as(boss2) });
    const entry = recordDisclosure(cwS, { draftId: d.draftId, packageId, sha256: sha('o') });
    expect(entry).toMatchObject({
      consentId: null,
      consent: null,
      legalBasis: 'BK 163 str. (nusikalstama veika)',
      approvedBy: boss.name,
      secondApprover: boss2.name,
    });
    const again = createDraft(cwS, caseId, request({ withoutConsent: true, categories: ['STATUS'] }));
    override(v.as(boss2), again.draftId, { legalBasis: 'ART6_1_C', secondApprover: v.as(boss) });
    expect(codeOf(() => recordDisclosure(cwS, { draftId: again.draftId, packageId, sha256: sha('o') }))).toBe(
      ErrorCode.DisclosureDuplicate,
    );
  });
});

describe('withdrawing a consent', () => {
  it('shows which disclosures relied on it; the log keeps the consent as it was', () => {
    const { caseId, consentId } = newCase();
    const sent = [0, 1].map(() => {
      const d = createDraft(cwS, caseId, request());
      return recordDisclosure(cwS, {
        draftId: d.draftId,
        packageId: d.composed.summary?.id as string,
        sha256: sha(d.draftId),
      });
    });
    const otherCase = newCase();
    const d = createDraft(cwS, otherCase.caseId, request());
    recordDisclosure(cwS, { draftId: d.draftId, packageId: d.composed.summary?.id as string, sha256: sha('other') });

    const view = cw.getCase(caseId);
    cw.updateItem(
      caseId,
      'consents',
      consentId,
      consentData(['STATUS', 'EXPLOITATION'], { withdrawnOn: TODAY }),
      view.version,
    );

    const affected = disclosuresAffectedByWithdrawal(v.admin.db, consentId);
    expect(affected.map((a) => a.id).sort()).toEqual(sent.map((s) => s.id).sort());
    for (const a of affected) expect(a.consent?.withdrawnOn ?? null).toBeNull();
    expect(
      withdrawalImpact(cwS, caseId, consentId)
        .map((a) => a.id)
        .sort(),
    ).toEqual(sent.map((s) => s.id).sort());
    expect(codeOf(() => withdrawalImpact(cwS, caseId, otherCase.consentId))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => withdrawalImpact(v.as(stranger), caseId, consentId))).toBe(ErrorCode.Forbidden);
    expect(v.auditActions(caseId).map((a) => a.action)).toContain('case.withdrawal_impact_viewed');
  });
});

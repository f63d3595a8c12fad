import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConsentPurpose, DataCategory, RecipientCategory } from '../../shared/cases/codes';
import { CaseId, ConsentItem, ItemId, type CaseView } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { assertCanSee, locateCase, recordDenial } from '../cases/access';
import { AccessDenied, parseInput } from '../cases/errors';
import { readItem } from '../cases/store';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';
import { isSendable, readDraft, summariesRequireApproval, type SummaryDraft } from './compose';
import { assertConsent } from './consent';

export const Disclosure = z.strictObject({
  id: z.uuid(),
  caseId: CaseId,
  draftId: z.uuid(),
  packageId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  recipient: z.strictObject({ institution: z.string(), category: RecipientCategory, fingerprint: z.string() }),
  purpose: ConsentPurpose,
  categories: z.array(DataCategory),
  fields: z.array(z.string()),
  /** The consent relied on, as it stood when the summary was composed; null under an override. */
  consentId: ItemId.nullable(),
  consent: ConsentItem.nullable(),
  legalBasis: z.string().nullable(),
  approvedBy: z.string().nullable(),
  secondApprover: z.string().nullable(),
  sentAt: z.string(),
  sentBy: z.string(),
});
export type Disclosure = z.infer<typeof Disclosure>;

export const DisclosureInput = z.strictObject({
  draftId: z.uuid(),
  packageId: z.uuid(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
});
export type DisclosureInput = z.infer<typeof DisclosureInput>;

interface Row {
  id: string;
  case_id: string;
  draft_id: string;
  package_id: string;
  sha256: string;
  institution: string;
  recipient: string;
  fingerprint: string;
  purpose: string;
  categories: string;
  fields: string;
  consent_id: string | null;
  consent: string | null;
  legal_basis: string | null;
  approved_by: string | null;
  second_approver: string | null;
  sent_at: string;
  sent_by: string;
}

const SELECT = `SELECT d.*, c.id AS case_id FROM case_disclosures d JOIN cases c ON c.n = d.case_n`;

const toDisclosure = (r: Row): Disclosure =>
  Disclosure.parse({
    id: r.id,
    caseId: r.case_id,
    draftId: r.draft_id,
    packageId: r.package_id,
    sha256: r.sha256,
    recipient: { institution: r.institution, category: r.recipient, fingerprint: r.fingerprint },
    purpose: r.purpose,
    categories: JSON.parse(r.categories) as unknown,
    fields: JSON.parse(r.fields) as unknown,
    consentId: r.consent_id,
    consent: r.consent === null ? null : (JSON.parse(r.consent) as unknown),
    legalBasis: r.legal_basis,
    approvedBy: r.approved_by,
    secondApprover: r.second_approver,
    sentAt: r.sent_at,
    sentBy: r.sent_by,
  });

/**
 * The consent as it stands now must still authorise what the draft carries: in force, for
 * this recipient and purpose, and covering every category sent. A consent withdrawn or
 * narrowed between preview and sending stops the sending.
 */
function recheckConsent(db: Db, caseN: number, draft: SummaryDraft, today: string): void {
  const frozen = draft.composed.consent;
  if (!frozen) return;
  const now = readItem(db, 'consents', frozen.id, caseN);
  if (!now) throw new AppError(ErrorCode.SummaryConsentChanged, 'the consent record is gone');
  const { id, createdAt, createdBy, updatedAt, updatedBy } = frozen;
  const current = ConsentItem.parse({ ...now, id, createdAt, createdBy, updatedAt, updatedBy });
  const view = { items: { consents: [current] } } as unknown as Pick<CaseView, 'items'>;
  assertConsent(view, {
    recipient: draft.composed.recipient.category,
    purpose: draft.composed.purpose,
    today,
    consentId: current.id,
  });
  const allowed = new Set(current.dataCategories ?? []);
  if (!draft.composed.categories.every((c) => allowed.has(c)))
    throw new AppError(ErrorCode.SummaryConsentChanged, 'the consent no longer covers what the draft carries');
}

/**
 * Record that a draft went out as a package: to whom, when, by whom, which categories and
 * fields, under which consent (frozen) or override. The draft must be sendable under the
 * organisation's rule, and a consent is checked once more at this moment.
 */
export function recordDisclosure(session: VaultSession, input: DisclosureInput): Disclosure {
  const i = parseInput(DisclosureInput, input);
  const draft = readDraft(session.db, i.draftId);
  if (!draft) throw new AppError(ErrorCode.NotFound, 'no such summary draft');
  const caseId = draft.composed.caseId;
  if (draft.composed.summary && draft.composed.summary.id !== i.packageId)
    throw new AppError(ErrorCode.InvalidInput, 'invalid input (packageId: validation.invalid)');
  const id = randomUUID();
  try {
    session.write(
      {
        action: 'summary.disclosed',
        subject: caseId,
        detail: {
          disclosureId: id,
          draftId: draft.id,
          packageId: i.packageId,
          recipient: draft.composed.recipient.category,
          purpose: draft.composed.purpose,
          consentId: draft.composed.consent?.id ?? null,
          override: draft.composed.basis === 'override',
        },
      },
      (db) => {
        const c = locateCase(session, db, caseId);
        const d = readDraft(db, draft.id);
        if (!d || d.status === 'sent' || d.status === 'cancelled' || d.status === 'needs_override') {
          if (d?.status === 'needs_override')
            throw new AppError(ErrorCode.SummaryOverrideInvalid, 'the override has not been recorded');
          throw new AppError(ErrorCode.SummaryDraftState, 'the draft cannot be sent');
        }
        if (!isSendable(d, summariesRequireApproval(session)))
          throw new AppError(ErrorCode.SummaryApprovalRequired, 'a supervisor must approve the summary first');
        if (stmt(db, 'SELECT 1 FROM case_disclosures WHERE package_id = ?').get(i.packageId))
          throw new AppError(ErrorCode.DisclosureDuplicate, 'package already recorded');
        // The later of the composer's day and the clock's: an expiry must not be missed by a time zone.
        const clock = session.now().toISOString().slice(0, 10);
        recheckConsent(db, c.n, d, clock > d.composed.today ? clock : d.composed.today);
        const k = d.composed;
        stmt(
          db,
          `INSERT INTO case_disclosures (id, case_n, draft_id, package_id, sha256, institution, recipient, fingerprint, purpose,
             categories, fields, consent_id, consent, legal_basis, approved_by, second_approver, sent_at, sent_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          c.n,
          d.id,
          i.packageId,
          i.sha256,
          k.recipient.institution,
          k.recipient.category,
          k.recipient.fingerprint,
          k.purpose,
          JSON.stringify(k.categories),
          JSON.stringify(k.fields),
          k.consent?.id ?? null,
          k.consent ? JSON.stringify(k.consent) : null,
          d.legalBasis,
          d.approvedBy,
          d.secondApprover,
          session.now().toISOString(),
          session.user.name,
        );
        stmt(db, `UPDATE summary_drafts SET status = 'sent' WHERE id = ?`).run(d.id);
      },
    );
  } catch (e) {
    if (e instanceof AccessDenied) recordDenial(session, caseId, 'summary.disclosed');
    throw e;
  }
  return toDisclosure(stmt(session.db, `${SELECT} WHERE d.id = ?`).get(id) as Row);
}

/** The disclosure log of one case, oldest first. No access check: for callers that made one. */
export function disclosuresOf(db: Db, caseN: number): Disclosure[] {
  return (stmt(db, `${SELECT} WHERE d.case_n = ? ORDER BY d.sent_at, d.id`).all(caseN) as Row[]).map(toDisclosure);
}

/** The disclosures made under a consent: what its withdrawal affects. No access check. */
export function disclosuresAffectedByWithdrawal(db: Db, consentId: string): Disclosure[] {
  const id = parseInput(ItemId, consentId);
  return (stmt(db, `${SELECT} WHERE d.consent_id = ? ORDER BY d.sent_at, d.id`).all(id) as Row[]).map(toDisclosure);
}

/** The case screen's disclosure log: need-to-know checked, the view logged. */
export function listDisclosures(session: VaultSession, caseId: unknown): Disclosure[] {
  const c = assertCanSee(session, caseId, 'case.disclosures_viewed');
  return session.write({ action: 'case.disclosures_viewed', subject: c.id }, (db) => disclosuresOf(db, c.n));
}

/**
 * For the case screen when a consent is withdrawn (or about to be): the disclosures made under
 * it, so the user can tell those recipients. The consent must belong to this case.
 */
export function withdrawalImpact(session: VaultSession, caseId: unknown, consentId: unknown): Disclosure[] {
  const c = assertCanSee(session, caseId, 'case.withdrawal_impact_viewed');
  const id = parseInput(ItemId, consentId);
  return session.write({ action: 'case.withdrawal_impact_viewed', subject: c.id, detail: { consentId: id } }, (db) => {
    if (!readItem(db, 'consents', id, c.n)) throw new AppError(ErrorCode.NotFound, 'no such consent in this case');
    return disclosuresAffectedByWithdrawal(db, id);
  });
}

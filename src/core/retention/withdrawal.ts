import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DataCategory } from '../../shared/cases/codes';
import { ConsentItem, ItemId } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { assertCanSee, locateCase, recordDenial } from '../cases/access';
import { AccessDenied, parseInput } from '../cases/errors';
import { readItems, readSection, type CaseRef } from '../cases/store';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import { disclosuresAffectedByWithdrawal } from '../summary/disclosures';
import { inForce } from '../summary/consent';
import type { VaultSession } from '../vault/vault';

/**
 * What the law makes us keep after a withdrawal, with the reason. A withdrawal works for the
 * future only (GDPR art. 7(3)): what was lawfully shared before stays lawful, and the
 * organisation must still be able to show what it relied on and when the person withdrew.
 */
export const KEEP_REASONS = {
  /** Art. 7(1): proof that consent was given, in which version, and when it was withdrawn. */
  CONSENT_RECORD: 'GDPR_7_1_PROOF_OF_CONSENT',
  /** Art. 5(2) and 30: what went to whom and on what authority, with the consent as frozen then. */
  DISCLOSURE_LOG: 'GDPR_5_2_ACCOUNTABILITY',
  /** The hash-chained audit log cannot lose entries without breaking (security.md). */
  AUDIT_LOG: 'AUDIT_CHAIN_INTEGRITY',
  /** Referrals and notifications already sent are records of the NRM information duties. */
  SENT_REFERRALS: 'NRM_DUTY_RECORD',
} as const;
export type KeepItem = keyof typeof KEEP_REASONS;

const CONSENT_BASES = new Set(['ART6_1_A']);

export interface WithdrawalPlan {
  caseCode: string;
  consent: { id: string; recipient: string; purpose: string; givenOn: string; withdrawnOn: string | null };
  restrict: {
    /** Covered by this consent and by no other in force for the same recipient and purpose: never send again. */
    categories: DataCategory[];
    /** Also covered by another consent in force for the same recipient and purpose: unaffected. */
    stillCovered: DataCategory[];
    /** Drafts composed under this consent and not sent: must be cancelled. */
    unsentSummaries: { draftId: string; status: string }[];
    /** Outgoing referrals citing this consent and not yet sent: must not go out. */
    pendingReferrals: string[];
    /** A statistics consent: the case leaves returns made with "consented only". */
    statistics: boolean;
  };
  /**
   * The organisation's own processing rested on consent alone (no other legal basis recorded
   * in the data-protection section) and this consent was to the organisation itself: erasure
   * of what only it covered may be due (art. 17(1)(b)). A person decides; nothing is deleted here.
   */
  erasureReview: boolean;
  /** Recipients who got data under this consent and must be told (art. 17(2), 19). */
  notify: { disclosureId: string; institution: string; recipient: string; sentAt: string; informed: boolean }[];
  keep: { what: KeepItem; reason: string }[];
  handled: { at: string; by: string; draftsCancelled: number; informed: number }[];
}

interface HandlingActions {
  draftsCancelled: number;
  informedDisclosures: string[];
  categoriesRestricted: string[];
  statisticsExcluded: boolean;
}

function buildPlan(db: Db, c: CaseRef, consentId: string, today: string): WithdrawalPlan {
  const consents = readItems(db, 'consents', c.n).map((x) => ConsentItem.parse(x));
  const consent = consents.find((x) => x.id === consentId);
  if (!consent) throw new AppError(ErrorCode.NotFound, 'no such consent in this case');
  const others = consents.filter(
    (x) =>
      x.id !== consent.id && x.recipient === consent.recipient && x.purpose === consent.purpose && inForce(x, today),
  );
  const otherCats = new Set(others.flatMap((x) => x.dataCategories ?? []));
  const cats = consent.dataCategories ?? [];
  const drafts = stmt(
    db,
    `SELECT id, status FROM summary_drafts WHERE case_n = ? AND consent_id = ? AND status NOT IN ('sent', 'cancelled')
     ORDER BY created_at, id`,
  ).all(c.n, consent.id) as { id: string; status: string }[];
  const referrals = stmt(
    db,
    `SELECT id FROM case_referrals WHERE case_n = ? AND consent_id = ? AND direction = 'OUT' AND status = 'PENDING'
     ORDER BY date, id`,
  ).all(c.n, consent.id) as { id: string }[];
  const sentReferrals = stmt(
    db,
    `SELECT 1 FROM case_referrals WHERE case_n = ? AND consent_id = ? AND direction = 'OUT' AND status <> 'PENDING' LIMIT 1`,
  ).get(c.n, consent.id);
  const handled = (
    stmt(
      db,
      'SELECT handled_at, handled_by, actions FROM consent_withdrawals WHERE case_n = ? AND consent_id = ? ORDER BY handled_at, id',
    ).all(c.n, consent.id) as { handled_at: string; handled_by: string; actions: string }[]
  ).map((r) => ({ at: r.handled_at, by: r.handled_by, actions: JSON.parse(r.actions) as HandlingActions }));
  const informed = new Set(handled.flatMap((h) => h.actions.informedDisclosures));
  const disclosures = disclosuresAffectedByWithdrawal(db, consent.id).filter((d) => d.caseId === c.id);
  const bases = (readSection(db, c.n, 'dataProtection').legalBases as string[] | undefined) ?? [];
  const keep: KeepItem[] = ['CONSENT_RECORD', 'AUDIT_LOG'];
  if (disclosures.length > 0) keep.push('DISCLOSURE_LOG');
  if (sentReferrals) keep.push('SENT_REFERRALS');
  return {
    caseCode: c.code,
    consent: {
      id: consent.id,
      recipient: consent.recipient,
      purpose: consent.purpose,
      givenOn: consent.givenOn,
      withdrawnOn: consent.withdrawnOn ?? null,
    },
    restrict: {
      categories: cats.filter((k) => !otherCats.has(k)),
      stillCovered: cats.filter((k) => otherCats.has(k)),
      unsentSummaries: drafts.map((d) => ({ draftId: d.id, status: d.status })),
      pendingReferrals: referrals.map((r) => r.id),
      statistics: consent.purpose === 'STATISTICS',
    },
    erasureReview: consent.recipient === 'OWN_ORGANISATION' && bases.every((b) => CONSENT_BASES.has(b)),
    notify: disclosures.map((d) => ({
      disclosureId: d.id,
      institution: d.recipient.institution,
      recipient: d.recipient.category,
      sentAt: d.sentAt,
      informed: informed.has(d.id),
    })),
    keep: keep.map((what) => ({ what, reason: KEEP_REASONS[what] })),
    handled: handled.map((h) => ({
      at: h.at,
      by: h.by,
      draftsCancelled: h.actions.draftsCancelled,
      informed: h.actions.informedDisclosures.length,
    })),
  };
}

const today = (s: VaultSession): string => s.now().toISOString().slice(0, 10);

/**
 * What a consent's withdrawal requires in this case: what to restrict (and whether erasure
 * must be considered), whom to tell, and what must be kept by law. Need-to-know checked; the
 * view is audited. Works before the withdrawal is recorded too, to show what it would mean.
 */
export function withdrawalPlan(session: VaultSession, caseId: unknown, consentId: unknown): WithdrawalPlan {
  const c = assertCanSee(session, caseId, 'consent.withdrawal_plan_viewed');
  const id = parseInput(ItemId, consentId);
  return session.write({ action: 'consent.withdrawal_plan_viewed', subject: c.id, detail: { consentId: id } }, (db) =>
    buildPlan(db, c, id, today(session)),
  );
}

export const WithdrawalHandling = z.strictObject({
  /** Cancel every unsent summary draft made under the consent (the default, and the safe choice). */
  cancelDrafts: z.boolean().default(true),
  /** Disclosures whose recipient has now been told of the withdrawal. */
  informedDisclosures: z.array(z.uuid()).max(1000).default([]),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type WithdrawalHandling = z.input<typeof WithdrawalHandling>;

/**
 * Record how a withdrawal was handled, in one transaction with what it does itself (cancelling
 * the unsent drafts), so the record and the state never disagree. Only for a consent whose
 * withdrawal is recorded. The audit entry carries counts and ids; the note stays with the case.
 */
export function recordWithdrawalHandling(
  session: VaultSession,
  caseId: unknown,
  consentId: unknown,
  handling: WithdrawalHandling,
): WithdrawalPlan {
  const ref = assertCanSee(session, caseId, 'consent.withdrawal_handled');
  const id = parseInput(ItemId, consentId);
  const h = parseInput(WithdrawalHandling, handling);
  const day = today(session);
  const pre = session.db.transaction(() => buildPlan(session.db, ref, id, day))();
  if (!pre.consent.withdrawnOn) throw new AppError(ErrorCode.ConsentNotWithdrawn, 'the consent is not withdrawn');
  const known = new Set(pre.notify.map((n) => n.disclosureId));
  if (!h.informedDisclosures.every((d) => known.has(d)))
    throw new AppError(ErrorCode.InvalidInput, 'invalid input (informedDisclosures: validation.invalid)');
  const drafts = h.cancelDrafts ? pre.restrict.unsentSummaries.length : 0;
  const outstanding = pre.notify.filter((n) => !n.informed && !h.informedDisclosures.includes(n.disclosureId)).length;
  try {
    return session.write(
      {
        action: 'consent.withdrawal_handled',
        subject: ref.id,
        detail: {
          consentId: id,
          draftsCancelled: drafts,
          informed: h.informedDisclosures.length,
          outstanding,
          categoriesRestricted: pre.restrict.categories.length,
        },
      },
      (db) => {
        const c = locateCase(session, db, ref.id);
        const plan = buildPlan(db, c, id, day);
        if (h.cancelDrafts)
          for (const d of plan.restrict.unsentSummaries)
            stmt(db, `UPDATE summary_drafts SET status = 'cancelled' WHERE id = ? AND case_n = ?`).run(d.draftId, c.n);
        const actions: HandlingActions = {
          draftsCancelled: h.cancelDrafts ? plan.restrict.unsentSummaries.length : 0,
          informedDisclosures: h.informedDisclosures,
          categoriesRestricted: plan.restrict.categories,
          statisticsExcluded: plan.restrict.statistics,
        };
        stmt(
          db,
          `INSERT INTO consent_withdrawals (id, case_n, consent_id, handled_at, handled_by, actions, note)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          randomUUID(),
          c.n,
          id,
          session.now().toISOString(),
          session.user.name,
          JSON.stringify(actions),
          h.note ?? null,
        );
        return buildPlan(db, c, id, day);
      },
    );
  } catch (e) {
    if (e instanceof AccessDenied) recordDenial(session, ref.id, 'consent.withdrawal_handled');
    throw e;
  }
}

import { z } from 'zod';
import { IsoDate } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { caseIdByRef } from '../cases/access';
import { parseInput } from '../cases/errors';
import { findCase } from '../cases/store';
import { stmt } from '../db/statements';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';

/**
 * The retention key of a case. A person who was a minor when the case closed is MINOR whatever
 * their status: limitation periods for claims of a child victim (compensation, civil claims,
 * a late criminal complaint) run from majority, so their clock starts at the 18th birthday,
 * not at closure. Everyone else is keyed by victim status, because that is what decides how
 * likely the file is still needed: an identified victim's file backs proceedings and
 * compensation for years; a "not a victim" file is kept only as long as data minimisation
 * allows. UNKNOWN is a case closed with no status recorded. Both inputs are typed columns of
 * `cases` (victim_status, birth_date), so a plan over 100,000 cases is one indexed query.
 */
export const RETENTION_CASE_TYPES = ['MINOR', 'IDENTIFIED', 'PRESUMED', 'AT_RISK', 'NOT_VICTIM', 'UNKNOWN'] as const;
export const RetentionCaseType = z.enum(RETENTION_CASE_TYPES);
export type RetentionCaseType = z.infer<typeof RetentionCaseType>;

export const RetentionYears = z.coerce.number().int().min(1).max(100);

/** The case type and the day its retention clock starts, as SQL over `cases c`. */
export const CASE_TYPE_SQL = `CASE
  WHEN c.birth_date IS NOT NULL AND date(c.birth_date, '+18 years') > c.closed_at THEN 'MINOR'
  WHEN c.victim_status IN ('IDENTIFIED', 'PRESUMED', 'AT_RISK', 'NOT_VICTIM') THEN c.victim_status
  ELSE 'UNKNOWN'
END`;
export const CLOCK_START_SQL = `CASE
  WHEN c.birth_date IS NOT NULL AND date(c.birth_date, '+18 years') > c.closed_at THEN date(c.birth_date, '+18 years')
  ELSE c.closed_at
END`;

export interface RetentionRule {
  caseType: RetentionCaseType;
  /** Null: no rule, cases of this type are kept until a rule is set. */
  years: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

const canSeePolicy = (s: VaultSession): boolean => s.hasRole('administrator') || s.hasRole('supervisor');

function forbid(s: VaultSession, action: string, why: string): never {
  s.audit({ action: 'retention.access_denied', subject: 'retention', detail: { attempt: action } });
  throw new AppError(ErrorCode.Forbidden, why);
}

export function readPolicy(db: Db): RetentionRule[] {
  const rows = stmt(db, 'SELECT case_type, years, updated_at, updated_by FROM retention_policy').all() as {
    case_type: string;
    years: number;
    updated_at: string;
    updated_by: string;
  }[];
  const byType = new Map(rows.map((r) => [r.case_type, r]));
  return RETENTION_CASE_TYPES.map((t) => {
    const r = byType.get(t);
    return { caseType: t, years: r?.years ?? null, updatedAt: r?.updated_at ?? null, updatedBy: r?.updated_by ?? null };
  });
}

/** The policy as it stands; administrators manage it, supervisors plan purges with it. */
export function getPolicy(session: VaultSession): RetentionRule[] {
  if (!canSeePolicy(session)) forbid(session, 'retention.policy_viewed', 'only an administrator or supervisor');
  return readPolicy(session.db);
}

export const PolicyChange = z.strictObject({
  caseType: RetentionCaseType,
  /** Null removes the rule: cases of this type are then kept until a rule is set again. */
  years: RetentionYears.nullable(),
});
export type PolicyChange = z.input<typeof PolicyChange>;

/** Set or clear the rule of one case type (administrator, as domain.md assigns retention). */
export function setPolicy(session: VaultSession, change: PolicyChange): RetentionRule[] {
  if (!session.hasRole('administrator')) forbid(session, 'retention.policy_set', 'only an administrator');
  const c = parseInput(PolicyChange, change);
  return session.write(
    { action: 'retention.policy_set', subject: 'retention', detail: { caseType: c.caseType, years: c.years } },
    (db) => {
      if (c.years === null) stmt(db, 'DELETE FROM retention_policy WHERE case_type = ?').run(c.caseType);
      else
        stmt(
          db,
          `INSERT INTO retention_policy (case_type, years, updated_at, updated_by) VALUES (?, ?, ?, ?)
           ON CONFLICT (case_type) DO UPDATE SET years = excluded.years, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by`,
        ).run(c.caseType, c.years, session.now().toISOString(), session.user.name);
      return readPolicy(db);
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Legal holds

export const HOLD_REASONS = [
  'CRIMINAL_PROCEEDINGS',
  'CIVIL_PROCEEDINGS',
  'COMPENSATION_CLAIM',
  'INSPECTION_OR_AUDIT',
  'DATA_SUBJECT_REQUEST',
  'OTHER',
] as const;
export const HoldReason = z.enum(HOLD_REASONS);
export const RELEASE_REASONS = ['PROCEEDINGS_ENDED', 'NO_LONGER_NEEDED', 'SET_IN_ERROR', 'OTHER'] as const;
export const ReleaseReason = z.enum(RELEASE_REASONS);

const Note = z.string().trim().min(1).max(2000);

export const HoldInput = z.strictObject({ reason: HoldReason, note: Note.optional() });
export type HoldInput = z.input<typeof HoldInput>;
export const ReleaseInput = z.strictObject({ reason: ReleaseReason, note: Note.optional() });
export type ReleaseInput = z.input<typeof ReleaseInput>;

export interface LegalHold {
  caseCode: string;
  reason: z.infer<typeof HoldReason>;
  setAt: string;
  setBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseReason: z.infer<typeof ReleaseReason> | null;
}

interface HoldRow {
  code: string;
  reason: LegalHold['reason'];
  set_at: string;
  set_by: string;
  released_at: string | null;
  released_by: string | null;
  release_reason: LegalHold['releaseReason'];
}
const toHold = (r: HoldRow): LegalHold => ({
  caseCode: r.code,
  reason: r.reason,
  setAt: r.set_at,
  setBy: r.set_by,
  releasedAt: r.released_at,
  releasedBy: r.released_by,
  releaseReason: r.release_reason,
});
const HOLD_SELECT = `SELECT c.code, h.reason, h.set_at, h.set_by, h.released_at, h.released_by, h.release_reason
  FROM case_legal_holds h JOIN cases c ON c.n = h.case_n`;

function requireSupervisor(session: VaultSession, action: string): void {
  if (!session.hasRole('supervisor')) forbid(session, action, 'only a supervisor');
}

/**
 * Put a case (by code or id) on legal hold: it is never purged while the hold stands, whatever
 * the policy says. The note stays with the case; the audit entry carries the reason code only.
 */
export function setHold(session: VaultSession, caseRef: unknown, input: HoldInput): LegalHold {
  requireSupervisor(session, 'retention.hold_set');
  const i = parseInput(HoldInput, input);
  const id = caseIdByRef(session, caseRef, 'retention.hold_set');
  return session.write({ action: 'retention.hold_set', subject: id, detail: { reason: i.reason } }, (db) => {
    const c = findCase(db, id);
    if (!c) throw new AppError(ErrorCode.NotFound, 'no such case');
    if (stmt(db, 'SELECT 1 FROM case_legal_holds WHERE case_n = ? AND released_at IS NULL').get(c.n))
      throw new AppError(ErrorCode.LegalHoldActive, 'the case is already on hold');
    const r = stmt(
      db,
      'INSERT INTO case_legal_holds (case_n, reason, note, set_at, set_by) VALUES (?, ?, ?, ?, ?)',
    ).run(c.n, i.reason, i.note ?? null, session.now().toISOString(), session.user.name);
    return toHold(stmt(db, `${HOLD_SELECT} WHERE h.id = ?`).get(r.lastInsertRowid) as HoldRow);
  });
}

/** End the hold in force; the released row stays as the record of why the case was kept. */
export function releaseHold(session: VaultSession, caseRef: unknown, input: ReleaseInput): LegalHold {
  requireSupervisor(session, 'retention.hold_released');
  const i = parseInput(ReleaseInput, input);
  const id = caseIdByRef(session, caseRef, 'retention.hold_released');
  return session.write({ action: 'retention.hold_released', subject: id, detail: { reason: i.reason } }, (db) => {
    const c = findCase(db, id);
    if (!c) throw new AppError(ErrorCode.NotFound, 'no such case');
    const row = stmt(db, 'SELECT id FROM case_legal_holds WHERE case_n = ? AND released_at IS NULL').get(c.n) as
      { id: number } | undefined;
    if (!row) throw new AppError(ErrorCode.LegalHoldMissing, 'the case is not on hold');
    stmt(
      db,
      `UPDATE case_legal_holds SET released_at = ?, released_by = ?, release_reason = ?, release_note = ? WHERE id = ?`,
    ).run(session.now().toISOString(), session.user.name, i.reason, i.note ?? null, row.id);
    return toHold(stmt(db, `${HOLD_SELECT} WHERE h.id = ?`).get(row.id) as HoldRow);
  });
}

/** The holds in force, by case code (supervisor). */
export function listHolds(session: VaultSession): LegalHold[] {
  requireSupervisor(session, 'retention.holds_viewed');
  return (stmt(session.db, `${HOLD_SELECT} WHERE h.released_at IS NULL ORDER BY c.code`).all() as HoldRow[]).map(
    toHold,
  );
}

export const Today = IsoDate;

import { z } from 'zod';
import { CaseId } from '../../shared/cases/schemas';
import type { Db } from '../db/connection';
import type { VaultSession } from '../vault/vault';
import { AccessDenied, caseError, CaseErrorCode, parseInput } from './errors';
import { findCase, isAssigned, type CaseRef } from './store';

/**
 * Need to know, enforced here and nowhere else: a supervisor sees every case; a caseworker
 * sees the cases assigned to them now; an administrator sees no case content unless also a
 * supervisor or caseworker. Every case function of core goes through locateCase (one case)
 * or the assignment join of the list; the UI only mirrors it.
 */
export const seesAllCases = (session: VaultSession): boolean => session.hasRole('supervisor');

export const worksWithCases = (session: VaultSession): boolean =>
  session.hasRole('supervisor') || session.hasRole('caseworker');

/**
 * The case, if this user may see it; inside a transaction. A caseworker gets "not permitted"
 * for a case that does not exist too, so ids cannot be probed for existence.
 */
export function locateCase(session: VaultSession, db: Db, id: string): CaseRef {
  if (!worksWithCases(session)) throw new AccessDenied();
  const c = findCase(db, id);
  if (seesAllCases(session)) {
    if (!c) throw caseError(CaseErrorCode.NotFound, 'no such case');
    return c;
  }
  if (!c || !isAssigned(db, session.user.id, c.n)) throw new AccessDenied();
  return c;
}

/** The denied attempt goes into the audit chain in its own transaction (the attempt's rolled back). */
export function recordDenial(session: VaultSession, subject: string, attempt: string): void {
  session.audit({ action: 'case.access_denied', subject, detail: { attempt } });
}

/**
 * For other core modules (consent, protocol, packages): the case if this user may see it,
 * else Forbidden, with the denial audited. Call it inside no transaction of your own, or
 * use locateCase there and recordDenial after the rollback.
 */
export function assertCanSee(session: VaultSession, caseId: unknown, attempt: string): CaseRef {
  const id = parseInput(CaseId, caseId);
  try {
    return locateCase(session, session.db, id);
  } catch (e) {
    if (e instanceof AccessDenied) recordDenial(session, id, attempt);
    throw e;
  }
}

/** A case code (`2026-00042`) or a case id, as the CLI and files name cases. */
export const CaseRefInput = z.union([CaseId, z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/u)]);

/**
 * The id of the case a code or id names, if this user may see it; else, like locateCase, a
 * caseworker gets "not permitted" for a code that does not exist too (audited as `attempt`).
 */
export function caseIdByRef(session: VaultSession, rawRef: unknown, attempt: string): CaseId {
  const ref = parseInput(CaseRefInput, rawRef);
  const byId = CaseId.safeParse(ref);
  const row = byId.success
    ? { id: byId.data }
    : (session.db.prepare('SELECT id FROM cases WHERE code = ?').get(ref) as { id: string } | undefined);
  if (!row) {
    if (!worksWithCases(session) || !seesAllCases(session)) {
      recordDenial(session, 'unknown-case', attempt);
      throw new AccessDenied();
    }
    throw caseError(CaseErrorCode.NotFound, 'no case with that code');
  }
  return assertCanSee(session, row.id, attempt).id as CaseId;
}

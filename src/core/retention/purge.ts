import { statSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { parseInput } from '../cases/errors';
import type { Db } from '../db/connection';
import { rethrowDamage } from '../db/connection';
import { stmt } from '../db/statements';
import { AppError, isAppError } from '../errors';
import type { VaultSession } from '../vault/vault';
import {
  CASE_TYPE_SQL,
  CLOCK_START_SQL,
  readPolicy,
  RETENTION_CASE_TYPES,
  Today,
  type RetentionCaseType,
} from './policy';

/**
 * Every table holding rows of a case, children before parents (case_disclosures points at
 * summary_drafts). A table added later with a foreign key to cases(n) is found at purge time
 * (referencingTables) and emptied too, so a new migration cannot leave a purged case behind;
 * the test pins this list against the schema so the order stays deliberate.
 */
export const CASE_TABLES = [
  'import_batch_cases',
  'case_disclosures',
  'summary_drafts',
  'duty_tasks',
  'duty_events',
  'consent_withdrawals',
  'case_legal_holds',
  'case_changes',
  'case_attachments',
  'case_notes',
  'case_cj_events',
  'case_assessments',
  'case_consents',
  'case_referrals',
  'case_services',
  'case_assignments',
  'case_exploitation',
  'case_sections',
] as const;

/** Tables with a foreign key to cases, and the column that holds the case's n. */
export function referencingTables(db: Db): { table: string; column: string }[] {
  return db
    .prepare(
      `SELECT m.name AS "table", f."from" AS "column"
       FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
       WHERE m.type = 'table' AND f."table" = 'cases' ORDER BY m.name`,
    )
    .all() as { table: string; column: string }[];
}

interface DueRow {
  n: number;
  code: string;
  case_type: RetentionCaseType;
  held: 0 | 1;
}

/** Closed cases whose retention ran out on or before `today`, held ones included (flagged). */
function dueCases(db: Db, today: string): DueRow[] {
  return stmt(
    db,
    `SELECT x.n, x.code, x.case_type, x.held FROM (
       SELECT c.n, c.code, ${CASE_TYPE_SQL} AS case_type, ${CLOCK_START_SQL} AS clock,
              EXISTS (SELECT 1 FROM case_legal_holds h WHERE h.case_n = c.n AND h.released_at IS NULL) AS held
       FROM cases c WHERE c.status = 'CLOSED' AND c.closed_at IS NOT NULL
     ) x JOIN retention_policy p ON p.case_type = x.case_type
     WHERE date(x.clock, '+' || p.years || ' years') <= ?
     ORDER BY x.code`,
  ).all(today) as DueRow[];
}

function attachmentTotals(db: Db, ns: readonly number[]): { attachments: number; bytes: number } {
  const r = stmt(
    db,
    `SELECT count(*) AS attachments, coalesce(sum(size), 0) AS bytes FROM case_attachments
     WHERE case_n IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(ns)) as { attachments: number; bytes: number };
  return r;
}

export interface PurgePlan {
  today: string;
  /** The rules in force; types without one are never due. */
  policy: { caseType: RetentionCaseType; years: number }[];
  due: {
    count: number;
    caseCodes: string[];
    byType: Record<RetentionCaseType, number>;
    attachments: number;
    attachmentBytes: number;
  };
  /** Due under the policy but kept by a legal hold. */
  held: number;
}

function requireSupervisor(session: VaultSession, action: string): void {
  if (session.hasRole('supervisor')) return;
  session.audit({ action: 'retention.access_denied', subject: 'retention', detail: { attempt: action } });
  throw new AppError(ErrorCode.Forbidden, 'only a supervisor');
}

function buildPlan(db: Db, today: string): PurgePlan & { ns: number[] } {
  const rows = dueCases(db, today);
  const due = rows.filter((r) => r.held === 0);
  const byType = Object.fromEntries(RETENTION_CASE_TYPES.map((t) => [t, 0])) as Record<RetentionCaseType, number>;
  for (const r of due) byType[r.case_type]++;
  const ns = due.map((r) => r.n);
  const totals = attachmentTotals(db, ns);
  return {
    today,
    policy: readPolicy(db).flatMap((p) => (p.years === null ? [] : [{ caseType: p.caseType, years: p.years }])),
    due: {
      count: due.length,
      caseCodes: due.map((r) => r.code),
      byType,
      attachments: totals.attachments,
      attachmentBytes: totals.bytes,
    },
    held: rows.length - due.length,
    ns,
  };
}

/**
 * Which closed cases are due for deletion on `today` and not on hold: counts and case codes
 * only, never names or content, and only to a supervisor. Viewing the plan is audited.
 */
export function planPurge(session: VaultSession, today: unknown): PurgePlan {
  requireSupervisor(session, 'retention.plan_viewed');
  const day = parseInput(Today, today);
  const plan = session.db.transaction(() => buildPlan(session.db, day))();
  session.audit({
    action: 'retention.plan_viewed',
    subject: 'retention',
    detail: { today: day, due: plan.due.count, held: plan.held },
  });
  const { ns: _ns, ...out } = plan;
  return out;
}

const CaseCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/u);
export const PurgeInput = z.strictObject({
  today: Today,
  /** The codes the supervisor saw in the plan and confirms; each must still be due. */
  confirm: z.array(CaseCode).min(1).max(1_000_000),
});

export type PurgePhase = 'delete' | 'checkpoint' | 'vacuum' | 'done';
export interface PurgeProgress {
  phase: PurgePhase;
  /** Steps of the phase done and in all (tables for delete; 1 for the others). */
  done: number;
  total: number;
}

export interface PurgeReport {
  today: string;
  purgedAt: string;
  cases: number;
  attachments: number;
  attachmentBytes: number;
  /** Rows deleted across every case table and the search index. */
  rows: number;
  fileBytesBefore: number;
  fileBytesAfter: number;
  /** False when the freed pages could not be rewritten (the disk full, another reader); deleted all the same. */
  compacted: boolean;
  seconds: { delete: number; compact: number };
}

const fileBytes = (path: string): number => {
  let total = 0;
  for (const p of [path, `${path}-wal`]) {
    try {
      total += statSync(p).size;
    } catch {
      // No WAL file (after a truncating checkpoint it may be absent): nothing to add.
    }
  }
  return total;
};

/**
 * Rewrite the database so that freed pages hold nothing: secure_delete already zeroed the
 * deleted cells, the truncating checkpoint moves every page out of the WAL (which held the old
 * versions) and empties it, and VACUUM rebuilds the file so no free page or stale index
 * segment survives. Outside any transaction: VACUUM cannot run inside one.
 */
export function compactVault(db: Db, onProgress?: (p: PurgeProgress) => void): boolean {
  const checkpoint = (): boolean => {
    const r = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return (r[0]?.busy ?? 0) === 0;
  };
  try {
    onProgress?.({ phase: 'checkpoint', done: 0, total: 1 });
    let complete = checkpoint();
    onProgress?.({ phase: 'vacuum', done: 0, total: 1 });
    db.exec('VACUUM');
    onProgress?.({ phase: 'vacuum', done: 1, total: 1 });
    complete = checkpoint() && complete;
    onProgress?.({ phase: 'checkpoint', done: 1, total: 1 });
    return complete;
  } catch (e) {
    if (isAppError(e)) throw e;
    try {
      rethrowDamage(e);
    } catch (mapped) {
      if (isAppError(mapped) && (mapped.code === ErrorCode.DiskFull || mapped.code === ErrorCode.VaultBusy))
        return false;
      throw mapped;
    }
  }
}

/**
 * Delete the confirmed cases for good, in one transaction: every row of each case in every
 * case table and its search-index entry, a purge log row and an audit entry with counts only.
 * Refused as a whole if any confirmed code is not due now (no longer closed, on hold, policy
 * changed, unknown). Then the freed space is made unrecoverable (compactVault).
 */
export function purge(
  session: VaultSession,
  input: { today: unknown; confirm: unknown },
  onProgress?: (p: PurgeProgress) => void,
): PurgeReport {
  requireSupervisor(session, 'retention.purged');
  const i = parseInput(PurgeInput, input);
  const db = session.db;
  const confirm = [...new Set(i.confirm)];
  const before = fileBytes(session.paths.db);
  const t0 = performance.now();
  const purgedAt = session.now().toISOString();

  const counts = db
    .transaction(() => {
      const plan = buildPlan(db, i.today);
      const dueByCode = new Map(plan.due.caseCodes.map((code, k) => [code, plan.ns[k] as number]));
      const ns = confirm.map((code) => dueByCode.get(code));
      if (ns.some((n) => n === undefined))
        throw new AppError(ErrorCode.RetentionNotDue, 'a confirmed case is not due for deletion');
      const list = JSON.stringify(ns);
      const totals = attachmentTotals(db, ns as number[]);
      const extra = referencingTables(db).filter((r) => !(CASE_TABLES as readonly string[]).includes(r.table));
      const steps = [
        ...CASE_TABLES.map((t) => ({ table: t, column: 'case_n' })),
        ...extra,
        { table: 'case_fts', column: 'rowid' },
        { table: 'cases', column: 'n' },
      ];
      const detail = { cases: ns.length, attachments: totals.attachments, bytes: totals.bytes };
      return session.write({ action: 'retention.purged', subject: 'vault', detail }, () => {
        let rows = 0;
        steps.forEach((s, k) => {
          onProgress?.({ phase: 'delete', done: k, total: steps.length });
          // Names come from the constant list and the schema itself; the case numbers are bound.
          rows += db
            .prepare(`DELETE FROM "${s.table}" WHERE "${s.column}" IN (SELECT value FROM json_each(?))`)
            .run(list).changes;
        });
        onProgress?.({ phase: 'delete', done: steps.length, total: steps.length });
        stmt(
          db,
          `INSERT INTO retention_purges (purged_at, purged_by, today, cases, attachments, bytes) VALUES (?, ?, ?, ?, ?, ?)`,
        ).run(purgedAt, session.user.name, i.today, detail.cases, detail.attachments, detail.bytes);
        return { ...detail, rows };
      });
    })
    .immediate();
  const t1 = performance.now();
  const compacted = compactVault(db, onProgress);
  const t2 = performance.now();
  onProgress?.({ phase: 'done', done: 1, total: 1 });
  return {
    today: i.today,
    purgedAt,
    cases: counts.cases,
    attachments: counts.attachments,
    attachmentBytes: counts.bytes,
    rows: counts.rows,
    fileBytesBefore: before,
    fileBytesAfter: fileBytes(session.paths.db),
    compacted,
    seconds: { delete: round((t1 - t0) / 1000), compact: round((t2 - t1) / 1000) },
  };
}

const round = (x: number): number => Math.round(x * 100) / 100;

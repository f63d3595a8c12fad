import type { CaseStatus } from '../../shared/cases/codes';
import type { CaseId, ItemKind, SectionName } from '../../shared/cases/schemas';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { caseError, CaseErrorCode } from './errors';
import { fold } from './text';

export { stmt };

/** What every case operation needs to know about its case, read inside its transaction. */
export interface CaseRef {
  n: number;
  id: CaseId;
  code: string;
  status: CaseStatus;
  version: number;
  openedOn: string;
}

export function findCase(db: Db, id: string): CaseRef | undefined {
  const row = stmt(db, 'SELECT n, id, code, status, version, opened_at FROM cases WHERE id = ?').get(id) as
    { n: number; id: CaseId; code: string; status: CaseStatus; version: number; opened_at: string } | undefined;
  return (
    row && { n: row.n, id: row.id, code: row.code, status: row.status, version: row.version, openedOn: row.opened_at }
  );
}

export function isAssigned(db: Db, userId: string, n: number): boolean {
  return (
    stmt(db, 'SELECT 1 FROM case_assignments WHERE user_id = ? AND case_n = ? AND unassigned_at IS NULL').get(
      userId,
      n,
    ) !== undefined
  );
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Drop empty values (null, undefined, '', [], {}) at every depth, so "cleared" and "never
 * filled" are stored the same way and do not show up as changes.
 */
export function compact<T>(value: T): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) {
      const out = v.map(walk).filter((x) => x !== undefined);
      return out.length > 0 ? out : undefined;
    }
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const w = walk(x);
        if (w !== undefined) out[k] = w;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    if (v === null || v === undefined || v === '') return undefined;
    return v;
  };
  return (walk(value) ?? {}) as T;
}

export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
}

/**
 * Field-level differences between two stored records: nested objects are followed down to
 * their fields (`items.A.informedOn`), arrays and scalars are compared as whole values.
 */
export function diff(old: unknown, next: unknown, prefix = ''): FieldChange[] {
  if (isPlainObject(old) && isPlainObject(next)) {
    const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])].sort();
    return keys.flatMap((k) => diff(old[k], next[k], prefix ? `${prefix}.${k}` : k));
  }
  if (isPlainObject(old) && next === undefined) return diff(old, {}, prefix);
  if (old === undefined && isPlainObject(next)) return diff({}, next, prefix);
  if (JSON.stringify(old) === JSON.stringify(next)) return [];
  return [{ field: prefix, old: old ?? null, new: next ?? null }];
}

export interface Actor {
  id: string;
  name: string;
}

/** One change to one section or item: its fields go in one row (migration 0011). */
export function writeHistory(
  db: Db,
  n: number,
  at: string,
  actor: Actor,
  section: string,
  changes: readonly FieldChange[],
  itemId: string | null = null,
): void {
  if (changes.length === 0) return;
  stmt(
    db,
    `INSERT INTO case_changes (case_n, at, actor_name, section, item_id, fields, changes)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    n,
    at,
    actor.name,
    section,
    itemId,
    changes.length,
    JSON.stringify(changes.map((c) => [c.field, c.old ?? null, c.new ?? null])),
  );
}

/**
 * Every change increments the case version. With `expected`, a change made from a stale
 * screen is refused and, since this runs inside the change's transaction, nothing is written.
 */
export function bumpVersion(db: Db, c: CaseRef, at: string, expected?: number): number {
  const want = expected ?? c.version;
  const r = stmt(db, 'UPDATE cases SET version = version + 1, updated_at = ? WHERE n = ? AND version = ?').run(
    at,
    c.n,
    want,
  );
  if (r.changes === 0) throw caseError(CaseErrorCode.StaleVersion, 'the case was changed since it was loaded');
  return want + 1;
}

/** Refuse a stale screen even when the save changes nothing. */
export function assertVersion(c: CaseRef, expected: number): void {
  if (c.version !== expected) throw caseError(CaseErrorCode.StaleVersion, 'the case was changed since it was loaded');
}

export function readSections(db: Db, n: number): Partial<Record<SectionName, unknown>> {
  const rows = stmt(db, 'SELECT section, data FROM case_sections WHERE case_n = ?').all(n) as {
    section: SectionName;
    data: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.section, JSON.parse(r.data) as unknown]));
}

export function readSection(db: Db, n: number, section: SectionName): Record<string, unknown> {
  const row = stmt(db, 'SELECT data FROM case_sections WHERE case_n = ? AND section = ?').get(n, section) as
    { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : {};
}

export function writeSection(db: Db, n: number, section: SectionName, data: object, at: string, by: string): void {
  if (Object.keys(data).length === 0) {
    stmt(db, 'DELETE FROM case_sections WHERE case_n = ? AND section = ?').run(n, section);
    return;
  }
  stmt(
    db,
    `INSERT INTO case_sections (case_n, section, data, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (case_n, section) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(n, section, JSON.stringify(data), at, by);
}

// ---------------------------------------------------------------------------------------------
// Repeated items: one table each; `data` holds the record, the other columns copy what
// statistics, the protocol engine and the list need to query.

interface ItemTable {
  table: string;
  columns: readonly string[];
  values: (d: Record<string, unknown>) => unknown[];
}

const v = (x: unknown): unknown => (x === undefined ? null : x);

export const ITEM_TABLES: Record<ItemKind, ItemTable> = {
  services: {
    table: 'case_services',
    columns: ['type', 'status', 'date', 'end_date'],
    values: (d) => [d.type, d.status, d.date, v(d.endDate)],
  },
  referrals: {
    table: 'case_referrals',
    columns: ['direction', 'recipient', 'status', 'date', 'consent_id'],
    values: (d) => [d.direction, d.recipient, d.status, d.date, v(d.consentId)],
  },
  consents: {
    table: 'case_consents',
    columns: ['giver', 'recipient', 'purpose', 'version', 'given_at', 'expires_at', 'withdrawn_at'],
    values: (d) => [d.giver, d.recipient, d.purpose, v(d.formVersion), d.givenOn, v(d.expiresOn), v(d.withdrawnOn)],
  },
  assessments: { table: 'case_assessments', columns: ['type', 'date'], values: (d) => [d.type, d.date] },
  notes: { table: 'case_notes', columns: ['date'], values: (d) => [d.date] },
  cjEvents: { table: 'case_cj_events', columns: ['type', 'date'], values: (d) => [d.type, d.date] },
};

// SQL text from the constant table above only; every value is bound.
const itemSql = (t: ItemTable) => ({
  insert: `INSERT INTO ${t.table} (id, case_n, ${t.columns.join(', ')}, data, created_at, created_by, updated_at, updated_by)
           VALUES (?, ?, ${t.columns.map(() => '?').join(', ')}, ?, ?, ?, ?, ?)`,
  update: `UPDATE ${t.table} SET ${t.columns.map((c) => `${c} = ?`).join(', ')}, data = ?, updated_at = ?, updated_by = ?
           WHERE id = ? AND case_n = ?`,
  remove: `DELETE FROM ${t.table} WHERE id = ? AND case_n = ?`,
  one: `SELECT data FROM ${t.table} WHERE id = ? AND case_n = ?`,
  all: `SELECT id, data, created_at, created_by, updated_at, updated_by FROM ${t.table} WHERE case_n = ? ORDER BY created_at, id`,
});
const ITEM_SQL = Object.fromEntries(Object.entries(ITEM_TABLES).map(([k, t]) => [k, itemSql(t)])) as Record<
  ItemKind,
  ReturnType<typeof itemSql>
>;

export function insertItem(
  db: Db,
  kind: ItemKind,
  id: string,
  n: number,
  data: Record<string, unknown>,
  at: string,
  by: string,
): void {
  stmt(db, ITEM_SQL[kind].insert).run(id, n, ...ITEM_TABLES[kind].values(data), JSON.stringify(data), at, by, at, by);
}

export function updateItemRow(
  db: Db,
  kind: ItemKind,
  id: string,
  n: number,
  data: Record<string, unknown>,
  at: string,
  by: string,
): void {
  stmt(db, ITEM_SQL[kind].update).run(...ITEM_TABLES[kind].values(data), JSON.stringify(data), at, by, id, n);
}

export function removeItemRow(db: Db, kind: ItemKind, id: string, n: number): void {
  stmt(db, ITEM_SQL[kind].remove).run(id, n);
}

export function readItem(db: Db, kind: ItemKind, id: string, n: number): Record<string, unknown> | undefined {
  const row = stmt(db, ITEM_SQL[kind].one).get(id, n) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as Record<string, unknown>) : undefined;
}

export function readItems(db: Db, kind: ItemKind, n: number): Record<string, unknown>[] {
  const rows = stmt(db, ITEM_SQL[kind].all).all(n) as {
    id: string;
    data: string;
    created_at: string;
    created_by: string;
    updated_at: string;
    updated_by: string;
  }[];
  return rows.map((r) => ({
    ...(JSON.parse(r.data) as Record<string, unknown>),
    id: r.id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

// ---------------------------------------------------------------------------------------------
// Search index

interface NameFields {
  givenNames?: string | null;
  familyNames?: string | null;
  aliases?: string[] | null;
}

/**
 * Rewrite the case's row in the search index from its current code, names and notes, in the
 * caller's transaction. The text is folded here and the query in the same way, so the match
 * does not depend on the tokenizer's own diacritic handling.
 */
export function syncSearch(db: Db, n: number, code: string): void {
  const identity = readSection(db, n, 'identity') as NameFields;
  const names = [identity.givenNames, identity.familyNames, ...(identity.aliases ?? [])].filter(Boolean).join('\n');
  const notes = (
    stmt(db, `SELECT json_extract(data, '$.text') AS t FROM case_notes WHERE case_n = ? ORDER BY date, created_at`).all(
      n,
    ) as {
      t: string;
    }[]
  )
    .map((r) => r.t)
    .join('\n');
  stmt(db, 'DELETE FROM case_fts WHERE rowid = ?').run(n);
  stmt(db, 'INSERT INTO case_fts (rowid, code, names, notes) VALUES (?, ?, ?, ?)').run(
    n,
    fold(code),
    fold(names),
    fold(notes),
  );
}

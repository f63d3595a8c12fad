import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  Institution,
  InstitutionFileRow,
  InstitutionId,
  InstitutionInput,
  INSTITUTION_FILE_MAX_ROWS,
} from '../../shared/duties/schemas';
import { ErrorCode } from '../../shared/errors';
import { parseInput } from '../cases/errors';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';

/**
 * The institutions of the referral mechanism, for the "to whom" of a completed task. Changes
 * are for administrators and go to the audit chain; reading is for every user of the vault.
 */

export function assertCanManageInstitutions(session: VaultSession): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can change the institution registry');
}

interface Row {
  id: string;
  name: string;
  type: string;
  municipality: string | null;
  contact: string | null;
  note: string | null;
  updated_at: string;
  updated_by: string;
}

const toInstitution = (r: Row): Institution =>
  Institution.parse({
    id: r.id,
    name: r.name,
    type: r.type,
    municipality: r.municipality,
    contact: r.contact,
    note: r.note,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  });

export function listInstitutions(db: Db, o: { type?: string } = {}): Institution[] {
  const rows = (
    o.type
      ? db.prepare('SELECT * FROM duty_institutions WHERE type = ? ORDER BY name, municipality').all(o.type)
      : db.prepare('SELECT * FROM duty_institutions ORDER BY type, name, municipality').all()
  ) as Row[];
  return rows.map(toInstitution);
}

export function getInstitution(db: Db, id: string): Institution | null {
  const r = db.prepare('SELECT * FROM duty_institutions WHERE id = ?').get(id) as Row | undefined;
  return r ? toInstitution(r) : null;
}

const byNaturalKey = (db: Db, v: InstitutionInput): Row | undefined =>
  db
    .prepare(`SELECT * FROM duty_institutions WHERE type = ? AND name = ? AND ifnull(municipality, '') = ?`)
    .get(v.type, v.name, v.municipality ?? '') as Row | undefined;

function insert(db: Db, id: string, v: InstitutionInput, at: string, by: string): void {
  db.prepare(
    `INSERT INTO duty_institutions (id, name, type, municipality, contact, note, created_at, created_by, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, v.name, v.type, v.municipality || null, v.contact || null, v.note || null, at, by, at, by);
}

function update(db: Db, id: string, v: InstitutionInput, at: string, by: string): void {
  db.prepare(
    `UPDATE duty_institutions SET name = ?, type = ?, municipality = ?, contact = ?, note = ?, updated_at = ?, updated_by = ?
     WHERE id = ?`,
  ).run(v.name, v.type, v.municipality || null, v.contact || null, v.note || null, at, by, id);
}

const duplicate = (): AppError =>
  new AppError(ErrorCode.InvalidInput, 'an institution of that type, name and municipality already exists');

export function addInstitution(session: VaultSession, input: unknown): Institution {
  assertCanManageInstitutions(session);
  const v = parseInput(InstitutionInput, input);
  if (byNaturalKey(session.db, v)) throw duplicate();
  const id = randomUUID();
  session.write({ action: 'duties.institution_added', subject: id, detail: { type: v.type } }, (db) =>
    insert(db, id, v, session.now().toISOString(), session.user.name),
  );
  return getInstitution(session.db, id) as Institution;
}

export function editInstitution(session: VaultSession, id: unknown, input: unknown): Institution {
  assertCanManageInstitutions(session);
  const iid = parseInput(InstitutionId, id);
  const v = parseInput(InstitutionInput, input);
  if (!getInstitution(session.db, iid)) throw new AppError(ErrorCode.NotFound, 'no such institution');
  const other = byNaturalKey(session.db, v);
  if (other && other.id !== iid) throw duplicate();
  session.write({ action: 'duties.institution_edited', subject: iid, detail: { type: v.type } }, (db) =>
    update(db, iid, v, session.now().toISOString(), session.user.name),
  );
  return getInstitution(session.db, iid) as Institution;
}

/** Completed tasks keep the institution's name as it was, so removing it loses no record. */
export function removeInstitution(session: VaultSession, id: unknown): void {
  assertCanManageInstitutions(session);
  const iid = parseInput(InstitutionId, id);
  if (!getInstitution(session.db, iid)) throw new AppError(ErrorCode.NotFound, 'no such institution');
  session.write({ action: 'duties.institution_removed', subject: iid }, (db) => {
    db.prepare('DELETE FROM duty_institutions WHERE id = ?').run(iid);
  });
}

// ---------------------------------------------------------------------------------------------
// Import

export const INSTITUTION_FILE_MAX_BYTES = 1024 * 1024;
const InstitutionRows = z.array(InstitutionFileRow).max(INSTITUTION_FILE_MAX_ROWS);
const CSV_COLUMNS = ['id', 'name', 'type', 'municipality', 'contact', 'note'] as const;

/** RFC 4180 fields: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = text.replace(/^\uFEFF/u, '');
  while (i < s.length) {
    const ch = s[i] as string;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') quoted = true;
    else if (ch === ',' || ch === ';') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
    i += 1;
  }
  if (quoted) throw new AppError(ErrorCode.InvalidInput, 'the CSV file has an unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function rowsFromCsv(text: string): unknown[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  const cols = header.map((h) => h.trim().toLowerCase());
  const unknown = cols.filter((c) => !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0 || !cols.includes('name') || !cols.includes('type'))
    throw new AppError(ErrorCode.InvalidInput, `the CSV header must name columns among ${CSV_COLUMNS.join(', ')}`);
  return body.map((fields) => {
    if (fields.length > cols.length)
      throw new AppError(ErrorCode.InvalidInput, 'a CSV row has more fields than the header');
    return Object.fromEntries(
      cols.map((c, k) => [c, fields[k]?.trim() ? (fields[k] as string).trim() : null]).filter(([, v]) => v !== null),
    );
  });
}

export interface InstitutionImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Adds or updates institutions from a JSON (an array, or { institutions: [...] }) or CSV file.
 * Every row is checked before anything is written, and the error names rows, never values.
 */
export function importInstitutions(
  session: VaultSession,
  bytes: Uint8Array,
  format: 'json' | 'csv',
): InstitutionImportResult {
  assertCanManageInstitutions(session);
  if (bytes.length > INSTITUTION_FILE_MAX_BYTES)
    throw new AppError(ErrorCode.InvalidInput, `the file is over ${INSTITUTION_FILE_MAX_BYTES} bytes`);
  const text = Buffer.from(bytes).toString('utf8');
  let raw: unknown;
  if (format === 'json') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new AppError(ErrorCode.InvalidInput, 'the file is not JSON');
    }
  } else raw = rowsFromCsv(text);
  // Unwrapped first, so an error's path starts at the row number.
  const list =
    !Array.isArray(raw) && typeof raw === 'object' && raw !== null && 'institutions' in raw ? raw.institutions : raw;
  const parsed = InstitutionRows.safeParse(list);
  if (!parsed.success) {
    const rowsWithErrors = [...new Set(parsed.error.issues.map((i) => i.path.find((p) => typeof p === 'number')))]
      .filter((x) => x !== undefined)
      .slice(0, 10)
      .map((r) => Number(r) + (format === 'csv' ? 2 : 1));
    throw new AppError(
      ErrorCode.InvalidInput,
      rowsWithErrors.length > 0
        ? `the file has invalid ${format === 'csv' ? 'lines' : 'entries'}: ${rowsWithErrors.join(', ')}`
        : 'the file is not a list of institutions',
    );
  }
  const rows: InstitutionFileRow[] = parsed.data;
  const keys = rows.map((r) => `${r.type}\u0000${r.name}\u0000${r.municipality ?? ''}`);
  if (new Set(keys).size !== keys.length)
    throw new AppError(ErrorCode.InvalidInput, 'the file lists an institution twice');
  const result: InstitutionImportResult = { added: 0, updated: 0, unchanged: 0 };
  const detail: Record<string, number> = {};
  session.write({ action: 'duties.institutions_imported', subject: 'institutions', detail }, (db) => {
    const at = session.now().toISOString();
    for (const r of rows) {
      const { id, ...v } = r;
      const existing = (id ? getRowById(db, id) : undefined) ?? byNaturalKey(db, v);
      if (!existing) {
        insert(db, id ?? randomUUID(), v, at, session.user.name);
        result.added += 1;
        continue;
      }
      const other = byNaturalKey(db, v);
      if (other && other.id !== existing.id) throw duplicate();
      const same =
        existing.name === v.name &&
        existing.type === v.type &&
        existing.municipality === (v.municipality || null) &&
        existing.contact === (v.contact || null) &&
        existing.note === (v.note || null);
      if (same) result.unchanged += 1;
      else {
        update(db, existing.id, v, at, session.user.name);
        result.updated += 1;
      }
    }
    Object.assign(detail, result);
  });
  return result;
}

const getRowById = (db: Db, id: string): Row | undefined =>
  db.prepare('SELECT * FROM duty_institutions WHERE id = ?').get(id) as Row | undefined;

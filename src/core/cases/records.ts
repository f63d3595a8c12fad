// The case as read back for the case screen, and the columns derived from its sections.
import { exploitationMask } from '../../shared/cases/codes';
import type {
  AttachmentMeta,
  CaseId,
  CaseItems,
  CaseView,
  ClosureRequest,
  Identity,
  ItemKind,
  SectionName,
  UserId,
} from '../../shared/cases/schemas';
import type { Db } from '../db/connection';
import { BIRTH_DATE_SQL } from '../db/migrations/0005_derived';
import { compact, ITEM_TABLES, readItems, readSections, stmt, type CaseRef } from './store';
import { birthYear, nameKey } from './text';

const EMPTY_ITEMS = (): CaseItems => ({
  services: [],
  referrals: [],
  consents: [],
  assessments: [],
  notes: [],
  cjEvents: [],
});

/** Case codes: opening year and a per-year sequence, e.g. 2026-00042. No name, no initials. */
export function allocateCode(db: Db, openedOn: string): string {
  const year = Number(openedOn.slice(0, 4));
  const { last } = stmt(
    db,
    `INSERT INTO case_code_counters (year, last) VALUES (?, 1)
     ON CONFLICT (year) DO UPDATE SET last = last + 1 RETURNING last`,
  ).get(year) as { last: number };
  return `${year}-${String(last).padStart(5, '0')}`;
}

/** Recompute the list and duplicate columns from the sections, after any section change. */
export function refreshDerived(db: Db, n: number): void {
  const s = readSections(db, n) as {
    identity?: Identity;
    status?: { victimStatus?: string; firstIdentifier?: string };
    referral?: { incomingFrom?: string };
    experience?: { exploitationForms?: string[] };
    management?: { openedOn?: string };
  };
  const openedOn =
    s.management?.openedOn ??
    (stmt(db, 'SELECT opened_at FROM cases WHERE n = ?').get(n) as { opened_at: string }).opened_at;
  const forms = s.experience?.exploitationForms ?? [];
  const citizenships = s.identity?.citizenships ?? [];
  stmt(
    db,
    `UPDATE cases SET sex = @sex, birth_year = @birthYear, name_key = @nameKey, victim_status = @victimStatus,
       exploit_mask = @mask, opened_at = @openedOn, birth_date = ${BIRTH_DATE_SQL}, citizenships = @citizenships,
       referral_source = @referralSource
     WHERE n = @n`,
  ).run({
    sex: s.identity?.sex ?? null,
    birthYear: birthYear(s.identity, openedOn)?.year ?? null,
    nameKey: nameKey(s.identity?.givenNames, s.identity?.familyNames) ?? null,
    victimStatus: s.status?.victimStatus ?? null,
    mask: exploitationMask(forms),
    openedOn,
    dob: s.identity?.dateOfBirth ?? null,
    estAge: s.identity?.estimatedAge ?? null,
    estOn: s.identity?.estimatedAgeOn ?? openedOn,
    citizenships: citizenships.length > 0 ? JSON.stringify(citizenships) : null,
    referralSource: s.status?.firstIdentifier ?? s.referral?.incomingFrom ?? null,
    n,
  });
  stmt(db, 'DELETE FROM case_exploitation WHERE case_n = ?').run(n);
  const insert = stmt(db, 'INSERT INTO case_exploitation (case_n, form) VALUES (?, ?)');
  for (const f of forms) insert.run(n, f);
}

export function statusFields(db: Db, n: number): Record<string, unknown> {
  const r = stmt(
    db,
    'SELECT status, closed_at, closure_reason, closure_note, closure_request FROM cases WHERE n = ?',
  ).get(n) as {
    status: string;
    closed_at: string | null;
    closure_reason: string | null;
    closure_note: string | null;
    closure_request: string | null;
  };
  return compact({
    status: r.status,
    closedOn: r.closed_at,
    closureReason: r.closure_reason,
    closureNote: r.closure_note,
    closureRequest: r.closure_request ? (JSON.parse(r.closure_request) as unknown) : null,
  });
}

export function pickClosure(r: ClosureRequest): unknown {
  return compact({ reason: r.reason, closedOn: r.closedOn, note: r.note });
}

export interface AttachmentRow {
  id: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  description: string | null;
  added_at: string;
  added_by: string;
  content?: Buffer;
}

export const attachmentMeta = (r: AttachmentRow): AttachmentMeta =>
  ({
    id: r.id,
    fileName: r.file_name,
    mime: r.mime,
    size: r.size,
    sha256: r.sha256,
    description: r.description,
    addedAt: r.added_at,
    addedBy: r.added_by,
  }) as AttachmentMeta;

export function readView(db: Db, c: CaseRef, reveal: boolean): CaseView {
  const row = stmt(
    db,
    `SELECT c.id, c.code, c.version, c.status, c.source, c.opened_at, c.closed_at, c.closure_reason, c.closure_note,
            c.closure_request, c.owner_id, u.name AS owner_name, c.created_at, c.updated_at
     FROM cases c LEFT JOIN users u ON u.id = c.owner_id WHERE c.n = ?`,
  ).get(c.n) as {
    id: string;
    code: string;
    version: number;
    status: string;
    source: string;
    opened_at: string;
    closed_at: string | null;
    closure_reason: string | null;
    closure_note: string | null;
    closure_request: string | null;
    owner_id: string | null;
    owner_name: string | null;
    created_at: string;
    updated_at: string;
  };
  const sections = readSections(db, c.n);
  const items = EMPTY_ITEMS();
  for (const kind of Object.keys(ITEM_TABLES) as ItemKind[]) {
    (items[kind] as unknown[]) = readItems(db, kind, c.n);
  }
  const attachments = (
    stmt(
      db,
      `SELECT id, file_name, mime, size, sha256, description, added_at, added_by FROM case_attachments
       WHERE case_n = ? ORDER BY added_at, id`,
    ).all(c.n) as AttachmentRow[]
  ).map(attachmentMeta);
  const assignees = (
    stmt(
      db,
      `SELECT a.user_id AS id, u.name, a.assigned_at AS since FROM case_assignments a JOIN users u ON u.id = a.user_id
       WHERE a.case_n = ? AND a.unassigned_at IS NULL ORDER BY u.name`,
    ).all(c.n) as { id: string; name: string; since: string }[]
  ).map((a) => ({ id: a.id as UserId, name: a.name, since: a.since }));
  const section = (name: SectionName): Record<string, unknown> =>
    (sections[name] as Record<string, unknown> | undefined) ?? {};
  return {
    id: row.id as CaseId,
    code: row.code,
    version: row.version,
    status: row.status,
    source: row.source,
    openedOn: row.opened_at,
    closedOn: row.closed_at,
    closureReason: row.closure_reason,
    closureNote: row.closure_note,
    closureRequest: row.closure_request ? (JSON.parse(row.closure_request) as ClosureRequest) : null,
    owner: row.owner_id && row.owner_name ? { id: row.owner_id as UserId, name: row.owner_name } : null,
    assignees,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    identityRevealed: reveal,
    sections: {
      identity: reveal ? section('identity') : null,
      status: section('status'),
      experience: section('experience'),
      dataProtection: section('dataProtection'),
      assistance: section('assistance'),
      rights: section('rights'),
      referral: section('referral'),
      justice: section('justice'),
      management: section('management'),
    },
    items,
    attachments,
  } as CaseView;
}

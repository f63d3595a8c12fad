import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { CaseSource, CaseStatus } from '../../shared/cases/codes';
import {
  ActiveStatus,
  AttachmentId,
  AttachmentInput,
  CaseId,
  CaseListQuery,
  CaseVersion,
  ClosureInput,
  DuplicateProbe,
  HistoryQuery,
  type Identity,
  ItemId,
  ItemInput,
  ItemKind,
  NewCase,
  SectionUpdate,
  UserId,
  type AttachmentMeta,
  type AssignmentRecord,
  type CaseListResult,
  type CaseView,
  type ClosureRequest,
  type CreatedCase,
  type DuplicateWarning,
  type HistoryEntry,
  type HistoryPage,
  type ItemData,
  type SectionData,
  type SectionName,
  type ViewLogEntry,
  type Worker,
} from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import type { AuditEvent } from '../audit/chain';
import type { Db } from '../db/connection';
import { recomputeCase } from '../duties/tasks';
import { AppError, fsErrorCode } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { newRecordId } from '../ids';
import type { VaultSession } from '../vault/vault';
import { locateCase, recordDenial, seesAllCases, worksWithCases } from './access';
import { ATTACHMENT_MAX_BYTES, cleanFileName, detectMime } from './attachments';
import { AccessDenied, caseError, CaseErrorCode, parseInput } from './errors';
import { queryCases } from './list';
import {
  assertVersion,
  bumpVersion,
  compact,
  diff,
  insertItem,
  readItem,
  readSection,
  removeItemRow,
  stmt,
  syncSearch,
  updateItemRow,
  writeHistory,
  writeSection,
  type Actor,
  type CaseRef,
} from './store';
import { birthYear, nameKey } from './text';
import {
  allocateCode,
  attachmentMeta,
  pickClosure,
  readView,
  refreshDerived,
  statusFields,
  type AttachmentRow,
} from './records';

export interface CaseServiceOptions {
  /** Largest attachment accepted, in bytes (25 MiB unless set). */
  attachmentMaxBytes?: number;
  /**
   * Re-plan the case's information duties in the same transaction as every change (the
   * default). Only a bulk writer that re-plans each case once when it is done (the demo
   * generator) turns it off.
   */
  planDuties?: boolean;
}

type Detail = NonNullable<AuditEvent['detail']>;

interface CaseOp {
  /** The audit action; a denied attempt is recorded under case.access_denied with it. */
  action: string;
  detail?: Detail;
  /** Only a supervisor may do this (assign, close, reopen). */
  supervisorOnly?: boolean;
  /** Refused on a closed case: it must be reopened first. */
  mustBeOpen?: boolean;
}

/**
 * Everything a user can do with case files, for one unlocked session. Every function checks
 * access in core (locateCase), and every view and change is written to the audit chain in the
 * same transaction as the change. Inputs are parsed with the shared schemas here as well as at
 * the IPC boundary, because the CLI and tests call in directly.
 */
export class CaseService {
  private readonly maxBytes: number;
  private readonly planDuties: boolean;

  constructor(
    private readonly session: VaultSession,
    options: CaseServiceOptions = {},
  ) {
    this.maxBytes = options.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES;
    this.planDuties = options.planDuties ?? true;
  }

  /**
   * Every change re-plans the duties inside its own transaction, so no route (IPC, CLI,
   * import) can change a case and leave its tasks behind, and a failed plan undoes the change.
   */
  private afterChange(n: number): void {
    if (this.planDuties) recomputeCase(this.session, n, { audit: false });
  }

  private get actor(): Actor {
    return { id: this.session.user.id, name: this.session.user.name };
  }

  private now(): string {
    return this.session.now().toISOString();
  }

  /** Refuse, and record the refusal, when this user works with no cases at all. */
  private requireCaseRole(subject: string, action: string): void {
    if (!worksWithCases(this.session)) {
      recordDenial(this.session, subject, action);
      throw new AccessDenied();
    }
  }

  /**
   * One operation on one case: access check, the work, and its audit entry in a single
   * transaction. A denied attempt rolls back, then is recorded on its own.
   */
  private onCase<T>(rawId: unknown, op: CaseOp, fn: (db: Db, c: CaseRef, at: string) => T): T {
    const id = parseInput(CaseId, rawId);
    try {
      return this.session.write(
        { action: op.action, subject: id, ...(op.detail ? { detail: op.detail } : {}) },
        (db) => {
          if (op.supervisorOnly && !seesAllCases(this.session)) throw new AccessDenied();
          const c = locateCase(this.session, db, id);
          if (op.mustBeOpen && c.status === 'CLOSED') throw caseError(CaseErrorCode.CaseClosed, 'the case is closed');
          const out = fn(db, c, this.now());
          // Every change bumps the version; reads and refusals leave it.
          const after = stmt(db, 'SELECT version FROM cases WHERE n = ?').get(c.n) as { version: number };
          if (after.version !== c.version) this.afterChange(c.n);
          return out;
        },
      );
    } catch (e) {
      if (e instanceof AccessDenied) recordDenial(this.session, id, op.action);
      throw e;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Create, read

  createCase(input: unknown, options: { source?: CaseSource } = {}): CreatedCase {
    const data = parseInput(NewCase, input);
    const source = options.source ?? 'manual';
    this.requireCaseRole('cases', 'case.created');
    const ownerId = data.ownerId ?? this.session.user.id;
    if (ownerId !== this.session.user.id && !seesAllCases(this.session)) {
      recordDenial(this.session, 'cases', 'case.created');
      throw new AccessDenied();
    }
    const id = newRecordId();
    return this.session.write({ action: 'case.created', subject: id, detail: { source } }, (db) => {
      const owner = this.requireWorker(db, ownerId);
      const at = this.now();
      const code = allocateCode(db, data.openedOn);
      const identity = compact(data.identity ?? {});
      const status = compact(data.status ?? {});
      const management = compact({ openedOn: data.openedOn });
      const r = stmt(
        db,
        `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
         VALUES (?, ?, 1, 'OPEN', ?, ?, ?, ?, ?, ?)`,
      ).run(id, code, data.openedOn, owner.id, this.actor.name, at, at, source);
      const n = Number(r.lastInsertRowid);
      writeSection(db, n, 'identity', identity, at, this.actor.name);
      writeSection(db, n, 'status', status, at, this.actor.name);
      writeSection(db, n, 'management', management, at, this.actor.name);
      stmt(db, 'INSERT INTO case_assignments (case_n, user_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)').run(
        n,
        owner.id,
        at,
        this.actor.name,
      );
      writeHistory(db, n, at, this.actor, 'management', [
        { field: 'code', old: null, new: code },
        { field: 'owner', old: null, new: owner.name },
        ...diff({}, management),
      ]);
      writeHistory(db, n, at, this.actor, 'identity', diff({}, identity));
      writeHistory(db, n, at, this.actor, 'status', diff({}, status));
      refreshDerived(db, n);
      syncSearch(db, n, code);
      const duplicate = this.duplicatesOf(db, identity, data.openedOn, n);
      this.afterChange(n);
      return { id: id as CaseId, code, version: 1, duplicate };
    });
  }

  /** The whole case. The identity section is null unless `revealIdentity` (a logged reveal). */
  getCase(caseId: unknown, options: { revealIdentity?: boolean } = {}): CaseView {
    const reveal = options.revealIdentity === true;
    return this.onCase(caseId, { action: reveal ? 'case.identity_revealed' : 'case.viewed' }, (db, c) =>
      readView(db, c, reveal),
    );
  }

  /** Reveal the identity section: an explicit act, recorded in the audit chain. */
  revealIdentity(caseId: unknown): Identity {
    return this.onCase(
      caseId,
      { action: 'case.identity_revealed' },
      (db, c) => readSection(db, c.n, 'identity') as Identity,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Sections

  /** Save one section form as a whole; refused with STALE_VERSION if the case moved on. */
  updateSection<S extends SectionName>(
    caseId: unknown,
    section: S,
    data: SectionData<S>,
    expectedVersion: number,
  ): { version: number } {
    const u = parseInput(SectionUpdate, { section, data, expectedVersion });
    return this.onCase(
      caseId,
      { action: 'case.section_updated', detail: { section: u.section }, mustBeOpen: true },
      (db, c, at) => {
        const old = readSection(db, c.n, u.section);
        const next = compact(u.data as Record<string, unknown>);
        const changes = diff(old, next);
        if (changes.length === 0) {
          assertVersion(c, u.expectedVersion);
          return { version: c.version };
        }
        const version = bumpVersion(db, c, at, u.expectedVersion);
        writeSection(db, c.n, u.section, next, at, this.actor.name);
        writeHistory(db, c.n, at, this.actor, u.section, changes);
        refreshDerived(db, c.n);
        if (u.section === 'identity') syncSearch(db, c.n, c.code);
        return { version };
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Repeated items: services, referrals, consents, assessments, notes, criminal-justice events

  addItem<K extends ItemKind>(caseId: unknown, kind: K, data: ItemData<K>): { id: ItemId; version: number } {
    const input = parseInput(ItemInput, { kind, data });
    const itemId = newRecordId() as ItemId;
    return this.onCase(
      caseId,
      { action: 'case.item_added', detail: { kind: input.kind, itemId }, mustBeOpen: true },
      (db, c, at) => {
        const next = compact(input.data as Record<string, unknown>);
        this.checkReferences(db, c, input.kind, next);
        insertItem(db, input.kind, itemId, c.n, next, at, this.actor.name);
        writeHistory(db, c.n, at, this.actor, input.kind, diff({}, next), itemId);
        const version = bumpVersion(db, c, at);
        if (input.kind === 'notes') syncSearch(db, c.n, c.code);
        return { id: itemId, version };
      },
    );
  }

  updateItem<K extends ItemKind>(
    caseId: unknown,
    kind: K,
    itemId: unknown,
    data: ItemData<K>,
    expectedVersion: number,
  ): { version: number } {
    const input = parseInput(ItemInput, { kind, data });
    const id = parseInput(ItemId, itemId);
    const expected = parseInput(CaseVersion, expectedVersion);
    return this.onCase(
      caseId,
      { action: 'case.item_updated', detail: { kind: input.kind, itemId: id }, mustBeOpen: true },
      (db, c, at) => {
        const old = readItem(db, input.kind, id, c.n);
        if (!old) throw caseError(CaseErrorCode.NotFound, 'no such item in this case');
        const next = compact(input.data as Record<string, unknown>);
        this.checkReferences(db, c, input.kind, next);
        const changes = diff(old, next);
        if (changes.length === 0) {
          assertVersion(c, expected);
          return { version: c.version };
        }
        const version = bumpVersion(db, c, at, expected);
        updateItemRow(db, input.kind, id, c.n, next, at, this.actor.name);
        writeHistory(db, c.n, at, this.actor, input.kind, changes, id);
        if (input.kind === 'notes') syncSearch(db, c.n, c.code);
        return { version };
      },
    );
  }

  removeItem(caseId: unknown, kind: ItemKind, itemId: unknown, expectedVersion: number): { version: number } {
    const k = parseInput(ItemKind, kind);
    const id = parseInput(ItemId, itemId);
    const expected = parseInput(CaseVersion, expectedVersion);
    return this.onCase(
      caseId,
      { action: 'case.item_removed', detail: { kind: k, itemId: id }, mustBeOpen: true },
      (db, c, at) => {
        const old = readItem(db, k, id, c.n);
        if (!old) throw caseError(CaseErrorCode.NotFound, 'no such item in this case');
        if (
          k === 'consents' &&
          stmt(db, 'SELECT 1 FROM case_referrals WHERE consent_id = ? AND case_n = ?').get(id, c.n)
        ) {
          throw caseError(CaseErrorCode.ItemInUse, 'a referral refers to this consent');
        }
        const version = bumpVersion(db, c, at, expected);
        removeItemRow(db, k, id, c.n);
        writeHistory(db, c.n, at, this.actor, k, diff(old, {}), id);
        if (k === 'notes') syncSearch(db, c.n, c.code);
        return { version };
      },
    );
  }

  private checkReferences(db: Db, c: CaseRef, kind: ItemKind, data: Record<string, unknown>): void {
    if (kind !== 'referrals' || typeof data.consentId !== 'string') return;
    if (!stmt(db, 'SELECT 1 FROM case_consents WHERE id = ? AND case_n = ?').get(data.consentId, c.n)) {
      throw new AppError(ErrorCode.InvalidInput, 'invalid input (consentId: validation.invalidOption)');
    }
  }

  // -------------------------------------------------------------------------------------------
  // List and search

  /**
   * The case list: filters, sort, paging and search all in SQL. A caseworker's list is
   * limited to their assigned cases by the query itself. Searches are audited (not their text).
   */
  listCases(query: unknown): CaseListResult {
    const q = parseInput(CaseListQuery, query ?? {});
    this.requireCaseRole('cases', 'case.listed');
    const scope = seesAllCases(this.session) ? {} : { restrictToUser: this.session.user.id };
    if (!q.search?.trim()) return queryCases(this.session.db, q, scope);
    return this.session.write({ action: 'case.searched', subject: 'cases' }, (db) => queryCases(db, q, scope));
  }

  // -------------------------------------------------------------------------------------------
  // Assignment (supervisors)

  /** People a case can be assigned to: active users with a case role. Names only, no case data. */
  listWorkers(): Worker[] {
    this.requireCaseRole('users', 'case.workers_listed');
    const rows = stmt(
      this.session.db,
      'SELECT id, name, roles FROM users WHERE disabled_at IS NULL ORDER BY name',
    ).all() as {
      id: string;
      name: string;
      roles: string;
    }[];
    return rows
      .map((r) => ({ id: r.id as UserId, name: r.name, roles: JSON.parse(r.roles) as string[] }))
      .filter((w) => w.roles.includes('caseworker') || w.roles.includes('supervisor'));
  }

  private requireWorker(db: Db, userId: string): Actor {
    const row = stmt(db, 'SELECT id, name, roles FROM users WHERE id = ? AND disabled_at IS NULL').get(userId) as
      { id: string; name: string; roles: string } | undefined;
    const roles = row ? (JSON.parse(row.roles) as string[]) : [];
    if (!row || !(roles.includes('caseworker') || roles.includes('supervisor'))) {
      throw caseError(CaseErrorCode.NotFound, 'no such caseworker');
    }
    return { id: row.id, name: row.name };
  }

  private assigneeNames(db: Db, n: number): string[] {
    return (
      stmt(
        db,
        `SELECT u.name FROM case_assignments a JOIN users u ON u.id = a.user_id
         WHERE a.case_n = ? AND a.unassigned_at IS NULL ORDER BY u.name`,
      ).all(n) as { name: string }[]
    ).map((r) => r.name);
  }

  private ownerName(db: Db, n: number): string | null {
    const row = stmt(db, 'SELECT u.name FROM cases c JOIN users u ON u.id = c.owner_id WHERE c.n = ?').get(n) as
      { name: string } | undefined;
    return row?.name ?? null;
  }

  /** Change who works the case; the history of assignments is kept. */
  private reassign(
    db: Db,
    c: CaseRef,
    at: string,
    change: { add?: string; remove?: string; owner?: string | null },
  ): number {
    const beforeNames = this.assigneeNames(db, c.n);
    const beforeOwner = this.ownerName(db, c.n);
    if (change.remove) {
      const r = stmt(
        db,
        'UPDATE case_assignments SET unassigned_at = ?, unassigned_by = ? WHERE case_n = ? AND user_id = ? AND unassigned_at IS NULL',
      ).run(at, this.actor.name, c.n, change.remove);
      if (r.changes === 0) throw caseError(CaseErrorCode.NotFound, 'that user is not assigned to this case');
      stmt(db, 'UPDATE cases SET owner_id = NULL WHERE n = ? AND owner_id = ?').run(c.n, change.remove);
    }
    if (
      change.add &&
      !stmt(db, 'SELECT 1 FROM case_assignments WHERE case_n = ? AND user_id = ? AND unassigned_at IS NULL').get(
        c.n,
        change.add,
      )
    ) {
      stmt(db, 'INSERT INTO case_assignments (case_n, user_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)').run(
        c.n,
        change.add,
        at,
        this.actor.name,
      );
    }
    if (change.owner !== undefined) stmt(db, 'UPDATE cases SET owner_id = ? WHERE n = ?').run(change.owner, c.n);
    const version = bumpVersion(db, c, at);
    writeHistory(
      db,
      c.n,
      at,
      this.actor,
      'management',
      diff(
        { assignees: beforeNames, owner: beforeOwner ?? undefined },
        { assignees: this.assigneeNames(db, c.n), owner: this.ownerName(db, c.n) ?? undefined },
      ),
    );
    return version;
  }

  assignCase(caseId: unknown, userId: unknown, options: { owner?: boolean } = {}): { version: number } {
    const uid = parseInput(UserId, userId);
    return this.onCase(
      caseId,
      { action: 'case.assigned', detail: { userId: uid, owner: options.owner === true }, supervisorOnly: true },
      (db, c, at) => {
        this.requireWorker(db, uid);
        return { version: this.reassign(db, c, at, { add: uid, ...(options.owner ? { owner: uid } : {}) }) };
      },
    );
  }

  unassignCase(caseId: unknown, userId: unknown): { version: number } {
    const uid = parseInput(UserId, userId);
    return this.onCase(
      caseId,
      { action: 'case.unassigned', detail: { userId: uid }, supervisorOnly: true },
      (db, c, at) => ({
        version: this.reassign(db, c, at, { remove: uid }),
      }),
    );
  }

  /** Hand the case from one worker to another; ownership moves with it when `from` owned it. */
  reassignCase(caseId: unknown, fromUserId: unknown, toUserId: unknown): { version: number } {
    const from = parseInput(UserId, fromUserId);
    const to = parseInput(UserId, toUserId);
    return this.onCase(
      caseId,
      { action: 'case.reassigned', detail: { from, to }, supervisorOnly: true },
      (db, c, at) => {
        this.requireWorker(db, to);
        const owned = stmt(db, 'SELECT 1 FROM cases WHERE n = ? AND owner_id = ?').get(c.n, from) !== undefined;
        return { version: this.reassign(db, c, at, { remove: from, add: to, ...(owned ? { owner: to } : {}) }) };
      },
    );
  }

  getAssignments(caseId: unknown): AssignmentRecord[] {
    return this.onCase(caseId, { action: 'case.assignments_viewed' }, (db, c) =>
      (
        stmt(
          db,
          `SELECT a.user_id, u.name, a.assigned_at, a.assigned_by, a.unassigned_at, a.unassigned_by
           FROM case_assignments a JOIN users u ON u.id = a.user_id WHERE a.case_n = ? ORDER BY a.id`,
        ).all(c.n) as {
          user_id: string;
          name: string;
          assigned_at: string;
          assigned_by: string;
          unassigned_at: string | null;
          unassigned_by: string | null;
        }[]
      ).map((r) => ({
        user: { id: r.user_id as UserId, name: r.name },
        assignedAt: r.assigned_at,
        assignedBy: r.assigned_by,
        unassignedAt: r.unassigned_at,
        unassignedBy: r.unassigned_by,
      })),
    );
  }

  // -------------------------------------------------------------------------------------------
  // Status: follow-up, closure (approved by a supervisor), reopening

  /** OPEN <-> FOLLOW_UP by anyone working the case; from CLOSED only a supervisor reopens. */
  setStatus(caseId: unknown, status: 'OPEN' | 'FOLLOW_UP', expectedVersion: number): { version: number } {
    const next = parseInput(ActiveStatus, status);
    const expected = parseInput(CaseVersion, expectedVersion);
    const id = parseInput(CaseId, caseId);
    // Reopening needs a supervisor; which of the two this is decides the audit action.
    const current = stmt(this.session.db, 'SELECT status FROM cases WHERE id = ?').get(id) as
      { status: CaseStatus } | undefined;
    const reopening = current?.status === 'CLOSED';
    return this.onCase(
      id,
      {
        action: reopening ? 'case.reopened' : 'case.status_changed',
        detail: { status: next },
        supervisorOnly: reopening,
      },
      (db, c, at) => {
        const version = bumpVersion(db, c, at, expected);
        const before = statusFields(db, c.n);
        stmt(
          db,
          `UPDATE cases SET status = ?, closed_at = NULL, closure_reason = NULL, closure_note = NULL, closed_by = NULL,
           closure_request = CASE WHEN ? THEN NULL ELSE closure_request END WHERE n = ?`,
        ).run(next, reopening ? 1 : 0, c.n);
        writeHistory(db, c.n, at, this.actor, 'management', diff(before, statusFields(db, c.n)));
        return { version };
      },
    );
  }

  /** A caseworker asks for closure; a supervisor approves it with closeCase. */
  requestClosure(caseId: unknown, input: unknown, expectedVersion: number): { version: number } {
    const closure = parseInput(ClosureInput, input);
    const expected = parseInput(CaseVersion, expectedVersion);
    return this.onCase(
      caseId,
      { action: 'case.closure_requested', detail: { reason: closure.reason }, mustBeOpen: true },
      (db, c, at) => {
        this.assertClosable(c, closure.closedOn);
        const version = bumpVersion(db, c, at, expected);
        const before = statusFields(db, c.n);
        const request: ClosureRequest = compact({ ...closure, requestedBy: this.actor.name, requestedAt: at });
        stmt(db, 'UPDATE cases SET closure_request = ? WHERE n = ?').run(JSON.stringify(request), c.n);
        writeHistory(db, c.n, at, this.actor, 'management', diff(before, statusFields(db, c.n)));
        return { version };
      },
    );
  }

  /** Close the case (supervisors): with the given reason, or approving the pending request. */
  closeCase(caseId: unknown, input: unknown, expectedVersion: number): { version: number } {
    const expected = parseInput(CaseVersion, expectedVersion);
    const given = input === undefined || input === null ? undefined : parseInput(ClosureInput, input);
    return this.onCase(caseId, { action: 'case.closed', supervisorOnly: true, mustBeOpen: true }, (db, c, at) => {
      const pending = (
        stmt(db, 'SELECT closure_request FROM cases WHERE n = ?').get(c.n) as { closure_request: string | null }
      ).closure_request;
      const closure =
        given ?? (pending ? parseInput(ClosureInput, pickClosure(JSON.parse(pending) as ClosureRequest)) : undefined);
      if (!closure) throw new AppError(ErrorCode.InvalidInput, 'invalid input (reason: validation.required)');
      this.assertClosable(c, closure.closedOn);
      const version = bumpVersion(db, c, at, expected);
      const before = statusFields(db, c.n);
      stmt(
        db,
        `UPDATE cases SET status = 'CLOSED', closed_at = ?, closure_reason = ?, closure_note = ?, closed_by = ?, closure_request = NULL
         WHERE n = ?`,
      ).run(closure.closedOn, closure.reason, closure.note || null, this.actor.name, c.n);
      writeHistory(db, c.n, at, this.actor, 'management', diff(before, statusFields(db, c.n)));
      return { version };
    });
  }

  private assertClosable(c: CaseRef, closedOn: string): void {
    if (closedOn < c.openedOn)
      throw new AppError(ErrorCode.InvalidInput, 'invalid input (closedOn: validation.dateOrder)');
  }

  // -------------------------------------------------------------------------------------------
  // History and view log

  /** Field-level change history, newest first. Identity values only with a logged reveal. */
  getHistory(caseId: unknown, query: unknown = {}): HistoryPage {
    const q = parseInput(HistoryQuery, query ?? {});
    const reveal = q.revealIdentity === true;
    const limit = q.page?.limit ?? 100;
    const offset = q.page?.offset ?? 0;
    return this.onCase(caseId, { action: 'case.history_viewed', detail: { identityRevealed: reveal } }, (db, c) => {
      const total = (
        stmt(db, 'SELECT coalesce(sum(fields), 0) AS k FROM case_changes WHERE case_n = ?').get(c.n) as { k: number }
      ).k;
      // Field entries, newest change first and the fields of one change in the order written.
      const rows = stmt(
        db,
        `SELECT h.id, j.key AS part, h.at, h.actor_name, h.section, h.item_id,
                j.value ->> 0 AS field, j.value -> 1 AS old, j.value -> 2 AS new
         FROM case_changes h, json_each(h.changes) j WHERE h.case_n = ?
         ORDER BY h.id DESC, j.key LIMIT ? OFFSET ?`,
      ).all(c.n, limit, offset) as {
        id: number;
        part: number;
        at: string;
        actor_name: string;
        section: string;
        item_id: string | null;
        field: string;
        old: string;
        new: string;
      }[];
      const entries: HistoryEntry[] = rows.map((r) => {
        const redacted = r.section === 'identity' && !reveal;
        return {
          id: r.id,
          part: r.part,
          at: r.at,
          actor: r.actor_name,
          section: r.section,
          itemId: r.item_id,
          field: r.field,
          old: redacted ? null : (JSON.parse(r.old) as unknown),
          new: redacted ? null : (JSON.parse(r.new) as unknown),
          redacted,
        };
      });
      return { entries, total };
    });
  }

  /** Who viewed and changed the case, from the audit chain (newest first). */
  getViewLog(caseId: unknown, limit = 200): ViewLogEntry[] {
    return this.onCase(
      caseId,
      { action: 'case.view_log_viewed' },
      (db, c) =>
        stmt(db, 'SELECT at, actor, action FROM audit_log WHERE subject = ? ORDER BY seq DESC LIMIT ?').all(
          c.id,
          Math.min(Math.max(1, Math.trunc(limit)), 1000),
        ) as ViewLogEntry[],
    );
  }

  // -------------------------------------------------------------------------------------------
  // Attachments: inside the encrypted database, never a plaintext file

  addAttachment(
    caseId: unknown,
    input: unknown,
    content: Uint8Array,
  ): { id: AttachmentId; version: number; meta: AttachmentMeta } {
    const meta = parseInput(AttachmentInput, input);
    this.checkContent(content);
    const mime = detectMime(content);
    if (!mime)
      throw caseError(CaseErrorCode.AttachmentTypeRefused, 'only PDF, PNG, JPEG, TIFF and WebP files can be attached');
    const id = newRecordId() as AttachmentId;
    const sha256 = createHash('sha256').update(content).digest('hex');
    return this.onCase(
      caseId,
      { action: 'case.attachment_added', detail: { attachmentId: id, mime, size: content.length }, mustBeOpen: true },
      (db, c, at) => {
        stmt(
          db,
          `INSERT INTO case_attachments (id, case_n, file_name, mime, size, sha256, description, added_at, added_by, content)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          c.n,
          meta.fileName,
          mime,
          content.length,
          sha256,
          meta.description || null,
          at,
          this.actor.name,
          Buffer.from(content),
        );
        const stored: AttachmentMeta = {
          id,
          fileName: meta.fileName,
          mime,
          size: content.length,
          sha256,
          description: meta.description || null,
          addedAt: at,
          addedBy: this.actor.name,
        };
        writeHistory(
          db,
          c.n,
          at,
          this.actor,
          'attachments',
          diff(
            {},
            compact({ fileName: stored.fileName, mime, size: stored.size, sha256, description: stored.description }),
          ),
          id,
        );
        return { id, version: bumpVersion(db, c, at), meta: stored };
      },
    );
  }

  /**
   * Attach a file the user picked (the shell's open dialog gives the path). The size is
   * checked before reading; the bytes go straight into the database.
   */
  addAttachmentFromFile(
    caseId: unknown,
    path: string,
    input: { fileName?: string; description?: string | null } = {},
  ): ReturnType<CaseService['addAttachment']> {
    let content: Buffer;
    let fd: number | undefined;
    try {
      fd = openSync(path, 'r');
      const st = fstatSync(fd);
      if (!st.isFile()) throw new AppError(ErrorCode.FileUnreadable, 'not a regular file');
      if (st.size > this.maxBytes)
        throw caseError(CaseErrorCode.AttachmentTooLarge, 'the file is larger than the attachment limit');
      content = Buffer.alloc(st.size);
      let off = 0;
      while (off < st.size) {
        const got = readSync(fd, content, off, st.size - off, off);
        if (got === 0) break;
        off += got;
      }
      content = content.subarray(0, off);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(
        fsErrorCode(e) === ErrorCode.VaultMissing ? ErrorCode.FileUnreadable : fsErrorCode(e),
        'the file cannot be read',
        { cause: e },
      );
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    return this.addAttachment(
      caseId,
      { fileName: input.fileName ?? cleanFileName(path), description: input.description ?? null },
      content,
    );
  }

  private checkContent(content: Uint8Array): void {
    if (!(content instanceof Uint8Array))
      throw new AppError(ErrorCode.InvalidInput, 'invalid input (content: validation.invalid)');
    if (content.length > this.maxBytes)
      throw caseError(CaseErrorCode.AttachmentTooLarge, 'the file is larger than the attachment limit');
  }

  private attachmentRow(
    db: Db,
    c: CaseRef,
    attachmentId: string,
    withContent: boolean,
  ): { meta: AttachmentMeta; content?: Buffer } {
    const row = stmt(
      db,
      `SELECT id, file_name, mime, size, sha256, description, added_at, added_by${withContent ? ', content' : ''}
       FROM case_attachments WHERE id = ? AND case_n = ?`,
    ).get(attachmentId, c.n) as AttachmentRow | undefined;
    if (!row) throw caseError(CaseErrorCode.NotFound, 'no such attachment in this case');
    return { meta: attachmentMeta(row), ...(row.content ? { content: row.content } : {}) };
  }

  /**
   * An attachment's name and type, e.g. to suggest a file name before an export. Reading the
   * metadata is not a view of the content, so it is not logged; a refusal is.
   */
  readAttachmentMeta(caseId: unknown, attachmentId: unknown): { meta: AttachmentMeta } {
    const id = parseInput(CaseId, caseId);
    const aid = parseInput(AttachmentId, attachmentId);
    const db = this.session.db;
    try {
      return { meta: this.attachmentRow(db, locateCase(this.session, db, id), aid, false).meta };
    } catch (e) {
      if (e instanceof AccessDenied) recordDenial(this.session, id, 'case.attachment_meta');
      throw e;
    }
  }

  /** The content, for preview inside the app (the renderer shows it from memory). */
  readAttachment(caseId: unknown, attachmentId: unknown): { meta: AttachmentMeta; content: Buffer } {
    const aid = parseInput(AttachmentId, attachmentId);
    return this.onCase(caseId, { action: 'case.attachment_viewed', detail: { attachmentId: aid } }, (db, c) => {
      const r = this.attachmentRow(db, c, aid, true);
      return { meta: r.meta, content: r.content ?? Buffer.alloc(0) };
    });
  }

  /**
   * Save a plaintext copy where the user chose: an explicit, audited act. The file is written
   * inside the transaction, so a failed write leaves no "exported" entry behind.
   */
  exportAttachment(caseId: unknown, attachmentId: unknown, destinationPath: string): AttachmentMeta {
    const aid = parseInput(AttachmentId, attachmentId);
    if (typeof destinationPath !== 'string' || destinationPath.length === 0) {
      throw new AppError(ErrorCode.InvalidInput, 'invalid input (destination: validation.required)');
    }
    return this.onCase(caseId, { action: 'case.attachment_exported', detail: { attachmentId: aid } }, (db, c) => {
      const r = this.attachmentRow(db, c, aid, true);
      writeFileAtomic(destinationPath, r.content ?? Buffer.alloc(0));
      return r.meta;
    });
  }

  removeAttachment(caseId: unknown, attachmentId: unknown, expectedVersion: number): { version: number } {
    const aid = parseInput(AttachmentId, attachmentId);
    const expected = parseInput(CaseVersion, expectedVersion);
    return this.onCase(
      caseId,
      { action: 'case.attachment_removed', detail: { attachmentId: aid }, mustBeOpen: true },
      (db, c, at) => {
        const { meta } = this.attachmentRow(db, c, aid, false);
        const version = bumpVersion(db, c, at, expected);
        // secure_delete is on for the vault, so the freed pages are overwritten.
        stmt(db, 'DELETE FROM case_attachments WHERE id = ? AND case_n = ?').run(aid, c.n);
        writeHistory(
          db,
          c.n,
          at,
          this.actor,
          'attachments',
          diff(
            compact({
              fileName: meta.fileName,
              mime: meta.mime,
              size: meta.size,
              sha256: meta.sha256,
              description: meta.description,
            }),
            {},
          ),
          aid,
        );
        return { version };
      },
    );
  }

  // -------------------------------------------------------------------------------------------
  // Duplicate warning

  /**
   * Does a person of this folded name and birth year already have a case? Checked against all
   * cases, also those this user may not see, so it answers only yes/no and how many; the case
   * codes go to supervisors alone. The check itself is audited (it is a question about a person).
   */
  checkDuplicates(probe: unknown): DuplicateWarning {
    const p = parseInput(DuplicateProbe, probe);
    this.requireCaseRole('cases', 'case.duplicate_check');
    return this.session.write({ action: 'case.duplicate_check', subject: 'cases' }, (db) => {
      const exclude = p.excludeCaseId
        ? (stmt(db, 'SELECT n FROM cases WHERE id = ?').get(p.excludeCaseId) as { n: number } | undefined)?.n
        : undefined;
      return this.duplicatesOf(db, p, this.now().slice(0, 10), exclude);
    });
  }

  private duplicatesOf(
    db: Db,
    person: Pick<Identity, 'givenNames' | 'familyNames' | 'dateOfBirth' | 'estimatedAge' | 'estimatedAgeOn'>,
    openedOn: string,
    excludeN: number | undefined,
  ): DuplicateWarning {
    const key = nameKey(person.givenNames, person.familyNames);
    const born = birthYear(person, openedOn);
    if (!key || !born) return { possibleDuplicate: false, count: 0, codes: seesAllCases(this.session) ? [] : null };
    const slack = born.estimated ? 1 : 0;
    const codes = (
      stmt(
        db,
        'SELECT code FROM cases WHERE name_key = ? AND birth_year BETWEEN ? AND ? AND n IS NOT ? ORDER BY code',
      ).all(key, born.year - slack, born.year + slack, excludeN ?? null) as { code: string }[]
    ).map((r) => r.code);
    return {
      possibleDuplicate: codes.length > 0,
      count: codes.length,
      codes: seesAllCases(this.session) ? codes : null,
    };
  }
}

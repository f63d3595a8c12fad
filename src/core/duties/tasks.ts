import type { DutyTrigger } from '../../shared/duties/codes';
import {
  CompletionInput,
  NotApplicableInput,
  TaskId,
  type DutyTask,
  type TaskPlan,
  type TaskRecord,
} from '../../shared/duties/schemas';
import { ErrorCode } from '../../shared/errors';
import { assertCanSee } from '../cases/access';
import { parseInput } from '../cases/errors';
import { readView } from '../cases/records';
import { findCase } from '../cases/store';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { newRecordId } from '../ids';
import type { VaultSession } from '../vault/vault';
import { LITHUANIA, startOfDay, type DutyCalendar } from './calendar';
import { isOverdue, planTasks, type PlannedTask } from './engine';
import { deriveEvents, factsFromView, type CaseEvent } from './events';
import { activeRuleSet } from './rules';

/**
 * Tasks in the vault. recomputeCase is the one way tasks are planned: after any change to a
 * case, and after a rule set change for every case. It writes only what differs, so calling it
 * again changes nothing; a (case, key) pair is unique in the table, so a duty is never there twice.
 */

/** The calendar deadlines are counted in. One organisation, one country: Lithuania. */
export const DUTY_CALENDAR: DutyCalendar = LITHUANIA;

interface TaskRow {
  id: string;
  case_n: number;
  task_key: string;
  rule_id: string;
  rule_set_id: number;
  state: 'open' | 'done' | 'not_applicable';
  anchor_at: string;
  due_at: string;
  plan: string;
  done_at: string | null;
  record: string | null;
}

const toPlanned = (r: TaskRow): PlannedTask => ({
  key: r.task_key,
  ruleId: r.rule_id,
  state: r.state,
  anchorAt: r.anchor_at,
  dueAt: r.due_at,
  plan: JSON.parse(r.plan) as TaskPlan,
  record: r.record ? (JSON.parse(r.record) as TaskRecord) : null,
});

function readTasks(db: Db, n: number): TaskRow[] {
  return db.prepare('SELECT * FROM duty_tasks WHERE case_n = ? ORDER BY due_at, task_key').all(n) as TaskRow[];
}

function readEvents(db: Db, n: number): CaseEvent[] {
  return (
    db
      .prepare('SELECT event_key, type, occurred_at, active FROM duty_events WHERE case_n = ? ORDER BY event_key')
      .all(n) as { event_key: string; type: DutyTrigger; occurred_at: string; active: number }[]
  ).map((r) => ({ key: r.event_key, type: r.type, occurredAt: r.occurred_at, active: r.active === 1 }));
}

export interface RecomputeResult {
  caseId: string;
  added: number;
  replanned: number;
  closedBySystem: number;
  doneFromRecord: number;
  events: number;
}

const doneAtOf = (t: PlannedTask): string | null => (t.record?.kind === 'done' ? t.record.at : null);

/**
 * Plans the case's tasks from its current record and the active rule set, and records what
 * changed in the audit chain (nothing is written, or logged, when nothing changed). Reads the
 * case's sections (status, identity's birth date and citizenships, justice, rights, management),
 * its consents and assessments, its status and closure date; see factsFromView. Call it after a
 * case change, inside or outside that change's transaction (it nests as a savepoint). It checks
 * no access: it is called by code that already has.
 */
export function recomputeCase(session: VaultSession, caseN: number, opts: { audit?: boolean } = {}): RecomputeResult {
  const db = session.db;
  return db
    .transaction(() => {
      const id = (db.prepare('SELECT id FROM cases WHERE n = ?').get(caseN) as { id: string } | undefined)?.id;
      const ref = id === undefined ? undefined : findCase(db, id);
      if (!ref) throw new AppError(ErrorCode.NotFound, 'no such case');
      const now = session.now();
      const facts = factsFromView(readView(db, ref, true));
      const previousEvents = readEvents(db, caseN);
      const events = deriveEvents(facts, previousEvents, now, DUTY_CALENDAR);
      const rows = readTasks(db, caseN);
      const existing = rows.map(toPlanned);
      const ruleSet = activeRuleSet(db);
      const next = planTasks(facts, events, ruleSet, existing, DUTY_CALENDAR, now);

      const result: RecomputeResult = {
        caseId: ref.id,
        added: 0,
        replanned: 0,
        closedBySystem: 0,
        doneFromRecord: 0,
        events: 0,
      };
      const before = new Map(existing.map((t, i) => [t.key, { t, row: rows[i] as TaskRow }]));
      const changedTasks = next.filter((t) => before.get(t.key)?.t !== t);
      const prevByKey = new Map(previousEvents.map((e) => [e.key, e]));
      const changedEvents = events.filter((e) => JSON.stringify(prevByKey.get(e.key)) !== JSON.stringify(e));
      if (changedTasks.length === 0 && changedEvents.length === 0) return result;

      for (const t of changedTasks) {
        const prior = before.get(t.key)?.t;
        if (!prior) result.added += 1;
        if (t.state === 'not_applicable' && prior?.state !== 'not_applicable') result.closedBySystem += 1;
        else if (t.state === 'done' && prior?.state !== 'done') result.doneFromRecord += 1;
        else if (prior) result.replanned += 1;
      }
      result.events = changedEvents.length;
      const apply = (): void => {
        const at = now.toISOString();
        const upsertEvent = db.prepare(
          `INSERT INTO duty_events (case_n, event_key, type, occurred_at, active) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (case_n, event_key) DO UPDATE SET occurred_at = excluded.occurred_at, active = excluded.active`,
        );
        for (const e of changedEvents) upsertEvent.run(caseN, e.key, e.type, e.occurredAt, e.active ? 1 : 0);
        const insert = db.prepare(
          `INSERT INTO duty_tasks (id, case_n, task_key, rule_id, rule_set_id, state, recipient_type, anchor_at, due_at,
               plan, done_at, record, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        );
        const update = db.prepare(
          `UPDATE duty_tasks SET rule_set_id = ?, state = ?, recipient_type = ?, anchor_at = ?, due_at = ?, plan = ?,
               done_at = ?, record = ?, updated_at = ?
             WHERE id = ? AND state != 'done'`,
        );
        for (const t of changedTasks) {
          const prior = before.get(t.key);
          const recipient = t.plan.recipient.kind === 'VICTIM' ? 'VICTIM' : t.plan.recipient.type;
          const record = t.record ? JSON.stringify(t.record) : null;
          const planSet = t.state === 'not_applicable' && prior ? prior.row.rule_set_id : ruleSet?.id;
          if (prior)
            update.run(
              planSet ?? prior.row.rule_set_id,
              t.state,
              recipient,
              t.anchorAt,
              t.dueAt,
              JSON.stringify(t.plan),
              doneAtOf(t),
              record,
              at,
              prior.row.id,
            );
          else if (ruleSet)
            insert.run(
              newRecordId(),
              caseN,
              t.key,
              t.ruleId,
              ruleSet.id,
              t.state,
              recipient,
              t.anchorAt,
              t.dueAt,
              JSON.stringify(t.plan),
              doneAtOf(t),
              record,
              at,
              at,
            );
        }
      };
      // Inside a case change the change's own audit entry covers its consequences.
      if (opts.audit === false) apply();
      else
        session.write(
          {
            action: 'duties.recomputed',
            subject: ref.id,
            detail: {
              added: result.added,
              replanned: result.replanned,
              closedBySystem: result.closedBySystem,
              doneFromRecord: result.doneFromRecord,
              events: result.events,
            },
          },
          apply,
        );
      return result;
    })
    .immediate();
}

/** Re-plans every case that is not closed or still has open tasks; after a rule set change. */
export function recomputeAll(session: VaultSession): { cases: number; changed: number } {
  const ns = (
    session.db
      .prepare(
        `SELECT n FROM cases WHERE status != 'CLOSED'
         UNION SELECT DISTINCT case_n FROM duty_tasks WHERE state = 'open' ORDER BY 1`,
      )
      .all() as { n: number }[]
  ).map((r) => r.n);
  let changed = 0;
  for (const n of ns) {
    const r = recomputeCase(session, n);
    if (r.added + r.replanned + r.closedBySystem + r.doneFromRecord > 0) changed += 1;
  }
  return { cases: ns.length, changed };
}

// ---------------------------------------------------------------------------------------------
// Reading and completing

export function toDutyTask(r: TaskRow & { case_id: string; case_code: string }, now: Date): DutyTask {
  const t = toPlanned(r);
  return {
    id: r.id as TaskId,
    caseId: r.case_id,
    caseCode: r.case_code,
    key: t.key,
    ruleId: t.ruleId,
    state: t.state,
    overdue: isOverdue(t, now),
    anchorAt: t.anchorAt,
    dueAt: t.dueAt,
    plan: t.plan,
    record: t.record,
  };
}

export const TASK_COLUMNS = `t.*, c.id AS case_id, c.code AS case_code`;

/** The case's tasks, for a user who may see the case. */
export function listCaseTasks(session: VaultSession, caseId: unknown): DutyTask[] {
  const ref = assertCanSee(session, caseId, 'duties.list');
  const now = session.now();
  return (
    session.db
      .prepare(
        `SELECT ${TASK_COLUMNS} FROM duty_tasks t JOIN cases c ON c.n = t.case_n WHERE t.case_n = ? ORDER BY t.due_at, t.task_key`,
      )
      .all(ref.n) as (TaskRow & { case_id: string; case_code: string })[]
  ).map((r) => toDutyTask(r, now));
}

function taskForUpdate(session: VaultSession, taskId: unknown, attempt: string): TaskRow & { case_id: string } {
  const id = parseInput(TaskId, taskId);
  const row = session.db
    .prepare('SELECT t.*, c.id AS case_id FROM duty_tasks t JOIN cases c ON c.n = t.case_n WHERE t.id = ?')
    .get(id) as (TaskRow & { case_id: string }) | undefined;
  // The same answer for a task that does not exist as for one on a case out of reach.
  if (!row) throw new AppError(ErrorCode.NotFound, 'no such task');
  assertCanSee(session, row.case_id, attempt);
  if (row.state !== 'open') throw new AppError(ErrorCode.DutyTaskClosed, 'the task is already closed');
  return row;
}

/** Some minutes of clock difference between workstations are tolerated; a date next week is not. */
const FUTURE_TOLERANCE_MS = 10 * 60_000;

/** Records what was sent or told, to whom and when. A completed task is never overwritten. */
export function completeTask(session: VaultSession, taskId: unknown, input: unknown): DutyTask {
  const row = taskForUpdate(session, taskId, 'duties.complete');
  const v = parseInput(CompletionInput, input);
  const at = v.at.length === 10 ? startOfDay(v.at, DUTY_CALENDAR.timeZone) : new Date(v.at);
  const now = session.now();
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
    throw new AppError(ErrorCode.InvalidInput, 'the completion time is in the future');
  const plan = JSON.parse(row.plan) as TaskPlan;
  let to = v.to ?? null;
  let institutionId: string | null = null;
  if (v.institutionId) {
    const inst = session.db.prepare('SELECT name FROM duty_institutions WHERE id = ?').get(v.institutionId) as
      { name: string } | undefined;
    if (!inst) throw new AppError(ErrorCode.NotFound, 'no such institution');
    institutionId = v.institutionId;
    to = to ? `${inst.name}, ${to}` : inst.name;
  }
  if (!to) {
    if (plan.recipient.kind !== 'VICTIM')
      throw new AppError(ErrorCode.InvalidInput, 'name the institution the information went to');
    to = 'VICTIM';
  }
  const record: TaskRecord = {
    kind: 'done',
    at: at.toISOString(),
    to,
    institutionId,
    what: v.what,
    method: v.method ?? null,
    reference: v.reference ?? null,
    recordedAt: now.toISOString(),
    recordedBy: session.user.name,
    fromCaseRecord: false,
  };
  session.write(
    {
      action: 'duties.task_done',
      subject: row.case_id,
      detail: { taskId: row.id, ruleId: row.rule_id, inTime: record.at <= row.due_at },
    },
    (db) => {
      const r = db
        .prepare(
          `UPDATE duty_tasks SET state = 'done', done_at = ?, record = ?, updated_at = ? WHERE id = ? AND state = 'open'`,
        )
        .run(record.at, JSON.stringify(record), now.toISOString(), row.id);
      if (r.changes !== 1) throw new AppError(ErrorCode.DutyTaskClosed, 'the task is already closed');
    },
  );
  return readTask(session, row.id);
}

/** Sets a duty aside with a reason; final, like a completion. */
export function markNotApplicable(session: VaultSession, taskId: unknown, input: unknown): DutyTask {
  const row = taskForUpdate(session, taskId, 'duties.not_applicable');
  const v = parseInput(NotApplicableInput, input);
  const now = session.now();
  const record: TaskRecord = {
    kind: 'not_applicable',
    reason: v.reason,
    note: v.note ?? null,
    recordedAt: now.toISOString(),
    recordedBy: session.user.name,
  };
  session.write(
    {
      action: 'duties.task_not_applicable',
      subject: row.case_id,
      detail: { taskId: row.id, ruleId: row.rule_id, reason: v.reason },
    },
    (db) => {
      const r = db
        .prepare(
          `UPDATE duty_tasks SET state = 'not_applicable', record = ?, updated_at = ? WHERE id = ? AND state = 'open'`,
        )
        .run(JSON.stringify(record), now.toISOString(), row.id);
      if (r.changes !== 1) throw new AppError(ErrorCode.DutyTaskClosed, 'the task is already closed');
    },
  );
  return readTask(session, row.id);
}

function readTask(session: VaultSession, id: string): DutyTask {
  const r = session.db
    .prepare(`SELECT ${TASK_COLUMNS} FROM duty_tasks t JOIN cases c ON c.n = t.case_n WHERE t.id = ?`)
    .get(id) as TaskRow & { case_id: string; case_code: string };
  return toDutyTask(r, session.now());
}

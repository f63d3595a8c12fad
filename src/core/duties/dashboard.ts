import {
  ComplianceReport,
  DashboardQuery,
  ReportQuery,
  type Bilingual,
  type DutyTask,
  type OutcomeCounts,
  type TaskPlan,
} from '../../shared/duties/schemas';
import type { ComplianceOutcome } from '../../shared/duties/codes';
import { ErrorCode } from '../../shared/errors';
import { seesAllCases, worksWithCases } from '../cases/access';
import { parseInput } from '../cases/errors';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';
import { addDays, endOfDay, localDate, startOfDay } from './calendar';
import { reflectionStatus, type ReflectionStatus } from './rights';
import { activeRuleSet } from './rules';
import { DUTY_CALENDAR, TASK_COLUMNS, toDutyTask } from './tasks';

/**
 * What is due: for the user's own cases, and for a supervisor per worker; and the compliance
 * report, which holds counts only. Access follows the case rules: a caseworker sees the cases
 * assigned to them, a supervisor every case.
 */

const DEFAULTS = { dueWithinDays: 7, reflectionWithinDays: 7, rightsAfterDays: 3 } as const;

/** Whose cases: every case, or those a user is assigned to or owns. */
type Scope = { kind: 'all' } | { kind: 'user'; id: string };

const scopeSql = (scope: Scope): string =>
  scope.kind === 'all'
    ? '1 = 1'
    : `(c.owner_id = @me OR EXISTS (SELECT 1 FROM case_assignments a
         WHERE a.case_n = c.n AND a.user_id = @me AND a.unassigned_at IS NULL))`;
const scopeParams = (scope: Scope): Record<string, string> => (scope.kind === 'all' ? {} : { me: scope.id });

function requireCaseWork(session: VaultSession): void {
  if (!worksWithCases(session)) throw new AppError(ErrorCode.Forbidden, 'not permitted');
}

function openTasks(db: Db, scope: Scope, until: string, now: Date): DutyTask[] {
  return (
    db
      .prepare(
        `SELECT ${TASK_COLUMNS} FROM duty_tasks t JOIN cases c ON c.n = t.case_n
         WHERE t.state = 'open' AND t.due_at <= @until AND ${scopeSql(scope)}
         ORDER BY t.due_at, c.code, t.task_key`,
      )
      .all({ until, ...scopeParams(scope) }) as Parameters<typeof toDutyTask>[0][]
  ).map((r) => toDutyTask(r, now));
}

export interface ReflectionRow extends ReflectionStatus {
  caseId: string;
  caseCode: string;
}

function reflections(db: Db, scope: Scope, today: string, withinDays: number): ReflectionRow[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.code, s.data FROM cases c JOIN case_sections s ON s.case_n = c.n AND s.section = 'status'
       WHERE c.status != 'CLOSED' AND json_extract(s.data, '$.reflectionStart') IS NOT NULL AND ${scopeSql(scope)}
       ORDER BY c.code`,
    )
    .all(scopeParams(scope)) as { id: string; code: string; data: string }[];
  return rows
    .map((r) => ({
      caseId: r.id,
      caseCode: r.code,
      ...reflectionStatus({ sections: { status: JSON.parse(r.data) } } as never, today),
    }))
    .filter(
      (r) =>
        r.state === 'ended_no_outcome' || (r.state !== 'decided' && r.daysLeft !== null && r.daysLeft <= withinDays),
    )
    .sort((a, b) => (a.end ?? '').localeCompare(b.end ?? ''));
}

export interface NoRightsRow {
  caseId: string;
  caseCode: string;
  openedOn: string;
  daysOpen: number;
}

function withoutRights(db: Db, scope: Scope, today: string, afterDays: number): NoRightsRow[] {
  const cutoff = addDays(today, -afterDays);
  return (
    db
      .prepare(
        `SELECT c.id, c.code, c.opened_at FROM cases c
         LEFT JOIN case_sections r ON r.case_n = c.n AND r.section = 'rights'
         WHERE c.status != 'CLOSED' AND c.opened_at <= @cutoff
           AND (r.data IS NULL OR json_extract(r.data, '$.items') IS NULL OR json_extract(r.data, '$.items') = '{}')
           AND ${scopeSql(scope)}
         ORDER BY c.opened_at, c.code`,
      )
      .all({ cutoff, ...scopeParams(scope) }) as { id: string; code: string; opened_at: string }[]
  ).map((r) => ({
    caseId: r.id,
    caseCode: r.code,
    openedOn: r.opened_at,
    daysOpen: Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${r.opened_at}T00:00:00Z`)) / 86_400_000),
  }));
}

export interface Dashboard {
  asOf: string;
  dueWithinDays: number;
  tasks: DutyTask[];
  overdue: number;
  dueSoon: number;
  reflections: ReflectionRow[];
  withoutRights: NoRightsRow[];
}

function dashboardFor(session: VaultSession, scope: Scope, query: unknown): Dashboard {
  const q = { ...DEFAULTS, ...parseInput(DashboardQuery, query ?? {}) };
  const now = session.now();
  const today = localDate(now, DUTY_CALENDAR.timeZone);
  const until = endOfDay(addDays(today, q.dueWithinDays), DUTY_CALENDAR.timeZone).toISOString();
  const tasks = openTasks(session.db, scope, until, now);
  const overdue = tasks.filter((t) => t.overdue).length;
  return {
    asOf: now.toISOString(),
    dueWithinDays: q.dueWithinDays,
    tasks,
    overdue,
    dueSoon: tasks.length - overdue,
    reflections: reflections(session.db, scope, today, q.reflectionWithinDays),
    withoutRights: withoutRights(session.db, scope, today, q.rightsAfterDays),
  };
}

/** The user's own work: tasks due soon or overdue, reflection periods ending, rights not yet told. */
export function myDashboard(session: VaultSession, query: unknown = {}): Dashboard {
  requireCaseWork(session);
  return dashboardFor(session, { kind: 'user', id: session.user.id }, query);
}

export interface WorkerLoad {
  worker: { id: string; name: string };
  overdue: number;
  dueSoon: number;
  reflectionsEnding: number;
  withoutRights: number;
}

/** For a supervisor: the same, counted per worker, and for cases nobody is assigned to. */
export function workload(session: VaultSession, query: unknown = {}): WorkerLoad[] {
  if (!seesAllCases(session)) throw new AppError(ErrorCode.Forbidden, 'only a supervisor sees the work of others');
  const workers = (
    session.db.prepare('SELECT id, name, roles FROM users ORDER BY name').all() as {
      id: string;
      name: string;
      roles: string;
    }[]
  ).filter((u) => {
    const roles = JSON.parse(u.roles) as string[];
    return roles.includes('caseworker') || roles.includes('supervisor');
  });
  return workers.map((w) => {
    const d = dashboardFor(session, { kind: 'user', id: w.id }, query);
    return {
      worker: { id: w.id, name: w.name },
      overdue: d.overdue,
      dueSoon: d.dueSoon,
      reflectionsEnding: d.reflections.length,
      withoutRights: d.withoutRights.length,
    };
  });
}

/** For a supervisor: every case, as one dashboard. */
export function organisationDashboard(session: VaultSession, query: unknown = {}): Dashboard {
  if (!seesAllCases(session)) throw new AppError(ErrorCode.Forbidden, 'only a supervisor sees every case');
  return dashboardFor(session, { kind: 'all' }, query);
}

// ---------------------------------------------------------------------------------------------
// Compliance report

const zero = (): OutcomeCounts => ({ metInTime: 0, late: 0, missed: 0, pending: 0, notApplicable: 0, total: 0 });

export function outcomeOf(t: { state: string; due_at: string; done_at: string | null }, now: Date): ComplianceOutcome {
  if (t.state === 'done') return (t.done_at as string) <= t.due_at ? 'metInTime' : 'late';
  if (t.state === 'not_applicable') return 'notApplicable';
  return Date.parse(t.due_at) < now.getTime() ? 'missed' : 'pending';
}

/**
 * Duties that fell due in the period (local dates, inclusive), by outcome, per recipient type
 * and per rule. Counts only: no case code, person or date leaves here, so a supervisor or an
 * administrator may print it.
 */
export function complianceReport(session: VaultSession, query: unknown): ComplianceReport {
  if (!session.hasRole('supervisor') && !session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator can print the compliance report');
  const q = parseInput(ReportQuery, query);
  const now = session.now();
  const tz = DUTY_CALENDAR.timeZone;
  const rows = session.db
    .prepare(
      `SELECT state, due_at, done_at, recipient_type, rule_id, plan FROM duty_tasks
       WHERE due_at >= ? AND due_at <= ? ORDER BY rule_id, updated_at`,
    )
    .all(startOfDay(q.from, tz).toISOString(), endOfDay(q.to, tz).toISOString()) as {
    state: string;
    due_at: string;
    done_at: string | null;
    recipient_type: string;
    rule_id: string;
    plan: string;
  }[];
  const totals = zero();
  const byRecipient = new Map<string, OutcomeCounts>();
  const byRule = new Map<string, { title: Bilingual; recipient: string; counts: OutcomeCounts }>();
  for (const r of rows) {
    const o = outcomeOf(r, now);
    const rec = byRecipient.get(r.recipient_type) ?? zero();
    byRecipient.set(r.recipient_type, rec);
    const plan = JSON.parse(r.plan) as TaskPlan;
    const rule = byRule.get(r.rule_id) ?? { title: plan.title, recipient: r.recipient_type, counts: zero() };
    // The most recently planned title names the rule.
    rule.title = plan.title;
    byRule.set(r.rule_id, rule);
    for (const c of [totals, rec, rule.counts]) {
      c[o] += 1;
      c.total += 1;
    }
  }
  const active = activeRuleSet(session.db);
  const report: ComplianceReport = {
    from: q.from,
    to: q.to,
    generatedAt: now.toISOString(),
    ruleSet: active
      ? { version: active.document.version, example: active.document.example, title: active.document.title }
      : null,
    totals,
    byRecipient: [...byRecipient.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([recipient, counts]) => ({ recipient, counts })),
    byRule: [...byRule.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([ruleId, v]) => ({ ruleId, title: v.title, recipient: v.recipient, counts: v.counts })),
  };
  session.audit({ action: 'duties.report', subject: 'compliance', detail: { from: q.from, to: q.to } });
  return ComplianceReport.parse(report);
}

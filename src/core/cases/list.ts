import { formsOfMask, exploitationMask } from '../../shared/cases/codes';
import type {
  CaseListQuery,
  CaseListResult,
  CaseListRow,
  CaseSortField,
  SortDirection,
} from '../../shared/cases/schemas';
import type { Db } from '../db/connection';
import { stmt } from './store';
import { ftsQuery } from './text';

/**
 * The case list, entirely in SQL with bound values. Two plans, chosen per query:
 *
 * - "sort": walk the covering index of the sort key (migration 0003) in order, test every
 *   filter on the index entry, stop after OFFSET + LIMIT rows. Cost grows with how far the
 *   page is and how rare the matches are, never with the size of a sort.
 * - "ids": when a search or an assignment narrows the list to at most ID_DRIVER_MAX cases,
 *   start from those rows and sort them.
 *
 * Step one finds the page's row numbers from an index alone (the sort key's, or cases_filter
 * for a candidate set); counting uses cases_filter too; step two reads just the page's rows.
 */
export const ID_DRIVER_MAX = 1000;
export const ASSIGNED_DRIVER_MAX = 50_000;
export const DEFAULT_PAGE_SIZE = 50;

const SORT: Record<CaseSortField, { col: string; index: string }> = {
  updatedAt: { col: 'c.updated_at', index: 'cases_list_updated' },
  openedAt: { col: 'c.opened_at', index: 'cases_list_opened' },
  closedAt: { col: 'c.closed_at', index: 'cases_list_closed' },
  code: { col: 'c.code', index: 'cases_list_code' },
};
const DIR: Record<SortDirection, string> = { asc: 'ASC', desc: 'DESC' };

interface Term {
  /** For walking an index: cheap per row. */
  probe: string;
  /** For counting: lets the planner start from the smaller side. */
  count: string;
  params: unknown[];
}

const plain = (sql: string, ...params: unknown[]): Term => ({ probe: sql, count: sql, params });
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

const assignedTo = (userId: string): Term => ({
  probe: 'EXISTS (SELECT 1 FROM case_assignments a WHERE a.user_id = ? AND a.case_n = c.n AND a.unassigned_at IS NULL)',
  count: 'c.n IN (SELECT a.case_n FROM case_assignments a WHERE a.user_id = ? AND a.unassigned_at IS NULL)',
  params: [userId],
});

export interface ListScope {
  /** Set for users who see only their assigned cases (caseworkers). */
  restrictToUser?: string;
}

export interface ListTuning {
  /** Largest candidate set started from directly (tests lower it to exercise both plans). */
  idDriverMax: number;
  /** Largest set of one user's assigned cases that may be started from when that is cheaper. */
  assignedDriverMax: number;
}

export const DEFAULT_TUNING: ListTuning = { idDriverMax: ID_DRIVER_MAX, assignedDriverMax: ASSIGNED_DRIVER_MAX };

/**
 * Walking the sort index to row `reach` of a user's list passes about reach × cases / mine
 * index entries, each with an assignment probe; starting from the user's cases reads `mine`
 * entries and sorts them. A busy caseworker's first page is cheaper by walking, a deep page by
 * starting from the assignments (bench: 21 ms at row 3,600 of 7,300 out of 100,000).
 */
function walkCostsMore(db: Db, mine: number, reach: number): boolean {
  const cases = (stmt(db, 'SELECT max(n) AS n FROM cases').get() as { n: number | null }).n ?? 0;
  return (reach * cases) / Math.max(1, mine) > 2 * mine;
}

function filterTerms(q: CaseListQuery): Term[] {
  const f = q.filter ?? {};
  const terms: Term[] = [];
  if (f.status?.length) terms.push(plain(`c.status IN (${marks(f.status.length)})`, ...f.status));
  if (f.state === 'open') terms.push(plain('c.status IN (?, ?)', 'OPEN', 'FOLLOW_UP'));
  if (f.state === 'closed') terms.push(plain('c.status = ?', 'CLOSED'));
  if (f.victimStatus?.length)
    terms.push(plain(`c.victim_status IN (${marks(f.victimStatus.length)})`, ...f.victimStatus));
  if (f.exploitationForm?.length) terms.push(plain('(c.exploit_mask & ?) != 0', exploitationMask(f.exploitationForm)));
  if (f.openedFrom) terms.push(plain('c.opened_at >= ?', f.openedFrom));
  if (f.openedTo) terms.push(plain('c.opened_at <= ?', f.openedTo));
  if (f.closedFrom) terms.push(plain('c.closed_at >= ?', f.closedFrom));
  if (f.closedTo) terms.push(plain('c.closed_at <= ?', f.closedTo));
  if (f.importBatch)
    terms.push(plain('c.n IN (SELECT b.case_n FROM import_batch_cases b WHERE b.batch_id = ?)', f.importBatch));
  return terms;
}

const where = (terms: readonly Term[], form: 'probe' | 'count'): string =>
  terms.length > 0 ? `WHERE ${terms.map((t) => t[form]).join(' AND ')}` : '';
const paramsOf = (terms: readonly Term[]): unknown[] => terms.flatMap((t) => t.params);

interface DetailRow {
  n: number;
  id: string;
  code: string;
  version: number;
  status: string;
  victim_status: string | null;
  sex: string | null;
  birth_year: number | null;
  exploit_mask: number;
  opened_at: string;
  closed_at: string | null;
  updated_at: string;
  source: string;
  owner_id: string | null;
  owner_name: string | null;
}

const toRow = (r: DetailRow): CaseListRow =>
  ({
    id: r.id,
    code: r.code,
    version: r.version,
    status: r.status,
    victimStatus: r.victim_status,
    sex: r.sex,
    birthYear: r.birth_year,
    exploitationForms: formsOfMask(r.exploit_mask),
    openedOn: r.opened_at,
    closedOn: r.closed_at,
    updatedAt: r.updated_at,
    owner: r.owner_id && r.owner_name ? { id: r.owner_id, name: r.owner_name } : null,
    source: r.source,
  }) as CaseListRow;

/**
 * The total for a walked list. The planner picks the index here: a date filter counts a range
 * of its sort index, a status filter the narrow cases_counts index (migration 0005), where
 * forcing cases_filter would read every entry of a wide index (12 ms at 100,000 cases). A
 * caseworker's unfiltered total is their assignments.
 */
function countWalked(db: Db, terms: readonly Term[], users: readonly string[]): number {
  if (users.length === 1 && terms.length === 1) {
    return (
      stmt(db, 'SELECT count(*) AS k FROM case_assignments WHERE user_id = ? AND unassigned_at IS NULL').get(
        users[0],
      ) as {
        k: number;
      }
    ).k;
  }
  return (
    stmt(db, `SELECT count(*) AS k FROM cases c ${where(terms, 'count')}`).get(...paramsOf(terms)) as { k: number }
  ).k;
}

/** Run a parsed list query for the given scope. Access is the caller's to decide (scope). */
export function queryCases(
  db: Db,
  q: CaseListQuery,
  scope: ListScope,
  tuning: ListTuning = DEFAULT_TUNING,
): CaseListResult {
  const max = tuning.idDriverMax;
  const sort = SORT[q.sort?.field ?? 'updatedAt'];
  const dir = DIR[q.sort?.direction ?? 'desc'];
  const offset = q.page?.offset ?? 0;
  const limit = q.page?.limit ?? DEFAULT_PAGE_SIZE;
  const match = q.search ? ftsQuery(q.search) : undefined;

  const terms = filterTerms(q);
  const users = [scope.restrictToUser, q.filter?.assignedTo ?? undefined].filter((u): u is string => !!u);

  let ids: number[] | undefined;
  let searchIsBroad = false;
  if (match) {
    const found = stmt(db, 'SELECT rowid AS n FROM case_fts WHERE case_fts MATCH ? LIMIT ?').all(match, max + 1) as {
      n: number;
    }[];
    if (found.length <= max) ids = found.map((r) => r.n);
    else searchIsBroad = true;
  }
  // A user's assigned cases, walked from the assignments (joined to cases_filter) when that is
  // cheaper than walking the sort index; that user's assignment test is then the join itself.
  let fromAssignments: string | undefined;
  for (const u of users) {
    if (ids || fromAssignments) {
      terms.push(assignedTo(u));
      continue;
    }
    const mine = (
      stmt(db, 'SELECT count(*) AS k FROM case_assignments WHERE user_id = ? AND unassigned_at IS NULL').get(u) as {
        k: number;
      }
    ).k;
    if (mine <= max) {
      terms.push(assignedTo(u));
      ids = (
        stmt(db, 'SELECT case_n AS n FROM case_assignments WHERE user_id = ? AND unassigned_at IS NULL').all(u) as {
          n: number;
        }[]
      ).map((r) => r.n);
    } else if (mine <= tuning.assignedDriverMax && walkCostsMore(db, mine, offset + limit)) fromAssignments = u;
    else terms.push(assignedTo(u));
  }
  if (match && searchIsBroad) terms.push(plain('c.n IN (SELECT rowid FROM case_fts WHERE case_fts MATCH ?)', match));

  const order = `ORDER BY ${sort.col} ${dir}, c.n ${dir}`;
  let pageNs: number[];
  let total: number | null = null;
  const withTotal = q.withTotal ?? true;
  if (ids) {
    const all: Term[] = [plain('c.n IN (SELECT value FROM json_each(?))', JSON.stringify(ids)), ...terms];
    pageNs = (
      stmt(db, `SELECT c.n FROM cases c INDEXED BY cases_filter ${where(all, 'probe')} ${order} LIMIT ? OFFSET ?`).all(
        ...paramsOf(all),
        limit + 1,
        offset,
      ) as { n: number }[]
    ).map((r) => r.n);
    if (withTotal) {
      total = (
        stmt(db, `SELECT count(*) AS k FROM cases c INDEXED BY cases_filter ${where(all, 'probe')}`).get(
          ...paramsOf(all),
        ) as { k: number }
      ).k;
    }
  } else if (fromAssignments) {
    const from = `FROM case_assignments a CROSS JOIN cases c INDEXED BY cases_filter ON c.n = a.case_n
      WHERE a.user_id = ? AND a.unassigned_at IS NULL${terms.map((t) => ` AND ${t.probe}`).join('')}`;
    const params = [fromAssignments, ...paramsOf(terms)];
    pageNs = (
      stmt(db, `SELECT c.n ${from} ${order} LIMIT ? OFFSET ?`).all(...params, limit + 1, offset) as { n: number }[]
    ).map((r) => r.n);
    if (withTotal && !searchIsBroad)
      total = (stmt(db, `SELECT count(*) AS k ${from}`).get(...params) as { k: number }).k;
  } else {
    pageNs = (
      stmt(
        db,
        `SELECT c.n FROM cases c INDEXED BY ${sort.index} ${where(terms, 'probe')} ${order} LIMIT ? OFFSET ?`,
      ).all(...paramsOf(terms), limit + 1, offset) as { n: number }[]
    ).map((r) => r.n);
    if (withTotal && !searchIsBroad) total = countWalked(db, terms, users);
  }

  const hasMore = pageNs.length > limit;
  if (hasMore) pageNs = pageNs.slice(0, limit);
  const details = stmt(
    db,
    `SELECT c.n, c.id, c.code, c.version, c.status, c.victim_status, c.sex, c.birth_year, c.exploit_mask, c.opened_at,
            c.closed_at, c.updated_at, c.source, c.owner_id, u.name AS owner_name
     FROM cases c LEFT JOIN users u ON u.id = c.owner_id
     WHERE c.n IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(pageNs)) as DetailRow[];
  const byN = new Map(details.map((r) => [r.n, r]));
  const rows = pageNs.flatMap((n) => {
    const r = byN.get(n);
    return r ? [toRow(r)] : [];
  });
  return { rows, total, hasMore, searchApplied: match !== undefined };
}

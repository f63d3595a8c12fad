import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPLOITATION_FORMS, type ExploitationForm, type VictimStatus } from '../../shared/cases/codes';
import { CaseListQuery, type CaseListResult } from '../../shared/cases/schemas';
import type { SessionUser } from '../vault/vault';
import { queryCases } from './list';
import { CaseService } from './service';
import { openCaseVault, type CaseVault } from './testkit';
import { fold, MIN_SEARCH_TERM } from './text';

/** The list checked against a plain JavaScript model of the same cases. */

interface Model {
  index: number;
  id: string;
  code: string;
  status: string;
  victimStatus: VictimStatus | null;
  forms: ExploitationForm[];
  openedOn: string;
  closedOn: string | null;
  updatedAt: string;
  assignees: string[];
  text: string;
}

const GIVEN = ['Žėrūnė', 'Ona', 'Jonas', 'Rūta', 'Aistė', 'Oksana', 'Nguyen', 'Kęstutis', 'Laura', 'Iryna'];
const FAMILY = ['Kazlauskaitė', 'Petraitis', 'Jankauskienė', 'Šimkus', 'Kovalenko', 'Tran', 'Žukauskas', 'Balčiūnas'];
const NOTES = [
  'Susitikimas su psichologe.',
  'Lydėjimas į policiją.',
  'Met the lawyer about compensation.',
  'Apgyvendinta krizių centre.',
];
const VICTIM: (VictimStatus | null)[] = ['AT_RISK', 'PRESUMED', 'IDENTIFIED', 'NOT_VICTIM', null];

let v: CaseVault;
let workers: SessionUser[];
let sup: CaseService;
let model: Model[];

// A deterministic generator, so a failure can be replayed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

beforeAll(async () => {
  let tick = Date.parse('2026-01-01T00:00:00Z');
  v = await openCaseVault(() => new Date((tick += 1000)));
  workers = [v.addUser('Ana', ['caseworker']), v.addUser('Ben', ['caseworker']), v.addUser('Cia', ['caseworker'])];
  const boss = v.addUser('Sup', ['supervisor']);
  sup = new CaseService(v.as(boss));
  const rand = rng(42);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
  const date = (y0: number, years: number): string =>
    `${y0 + Math.floor(rand() * years)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
  model = [];
  // One outer transaction: the service's own transactions nest as savepoints (bulk import path).
  v.admin.db.transaction(() => {
    for (let i = 0; i < 300; i++) {
      const owner = pick(workers);
      const identity =
        rand() < 0.9
          ? { givenNames: pick(GIVEN), familyNames: pick(FAMILY), ...(rand() < 0.3 ? { aliases: [pick(GIVEN)] } : {}) }
          : undefined;
      const openedOn = date(2019, 7);
      const c = sup.createCase({ openedOn, ownerId: owner.id, ...(identity ? { identity } : {}) });
      let version = c.version;
      const victimStatus = pick(VICTIM);
      if (victimStatus) version = sup.updateSection(c.id, 'status', { victimStatus }, version).version;
      const forms = [...new Set(Array.from({ length: Math.floor(rand() * 3) }, () => pick(EXPLOITATION_FORMS).code))];
      if (forms.length) version = sup.updateSection(c.id, 'experience', { exploitationForms: forms }, version).version;
      let note = '';
      if (rand() < 0.4) {
        note = pick(NOTES);
        version = sup.addItem(c.id, 'notes', { date: openedOn, text: note }).version;
      }
      const assignees = [owner.id];
      if (rand() < 0.2) {
        const extra = pick(workers);
        if (extra.id !== owner.id) {
          version = sup.assignCase(c.id, extra.id).version;
          assignees.push(extra.id);
        }
      }
      let status = 'OPEN';
      let closedOn: string | null = null;
      const r = rand();
      if (r < 0.2) {
        version = sup.setStatus(c.id, 'FOLLOW_UP', version).version;
        status = 'FOLLOW_UP';
      } else if (r < 0.6) {
        closedOn = `${Number(openedOn.slice(0, 4)) + 1}${openedOn.slice(4)}`;
        version = sup.closeCase(c.id, { reason: 'GOALS_ACHIEVED', closedOn }, version).version;
        status = 'CLOSED';
      }
      const text = [c.code, identity?.givenNames, identity?.familyNames, ...(identity?.aliases ?? []), note]
        .filter(Boolean)
        .join('\n');
      model.push({
        index: i,
        id: c.id,
        code: c.code,
        status,
        victimStatus,
        forms,
        openedOn,
        closedOn,
        updatedAt: '',
        assignees,
        text: fold(text),
      });
    }
  })();
  for (const m of model)
    m.updatedAt = (
      v.admin.db.prepare('SELECT updated_at FROM cases WHERE id = ?').get(m.id) as { updated_at: string }
    ).updated_at;
}, 120_000);
afterAll(() => v.close());

function reference(q: CaseListQuery, restrictTo?: string): { ids: string[]; total: number } {
  const f = q.filter ?? {};
  const terms = q.search
    ? fold(q.search)
        .split(/\s+/u)
        .filter((t) => [...t].length >= MIN_SEARCH_TERM)
    : [];
  let rows = model.filter(
    (m) =>
      (!restrictTo || m.assignees.includes(restrictTo)) &&
      (!f.status?.length || f.status.includes(m.status as never)) &&
      (f.state !== 'open' || m.status !== 'CLOSED') &&
      (f.state !== 'closed' || m.status === 'CLOSED') &&
      (!f.victimStatus?.length || (m.victimStatus !== null && f.victimStatus.includes(m.victimStatus))) &&
      (!f.exploitationForm?.length || m.forms.some((x) => f.exploitationForm?.includes(x))) &&
      (!f.assignedTo || m.assignees.includes(f.assignedTo)) &&
      (!f.openedFrom || m.openedOn >= f.openedFrom) &&
      (!f.openedTo || m.openedOn <= f.openedTo) &&
      (!f.closedFrom || (m.closedOn !== null && m.closedOn >= f.closedFrom)) &&
      (!f.closedTo || (m.closedOn !== null && m.closedOn <= f.closedTo)) &&
      terms.every((t) => m.text.includes(t)),
  );
  const field = q.sort?.field ?? 'updatedAt';
  const key = (m: Model): string | null =>
    field === 'code' ? m.code : field === 'openedAt' ? m.openedOn : field === 'closedAt' ? m.closedOn : m.updatedAt;
  const sign = (q.sort?.direction ?? 'desc') === 'asc' ? 1 : -1;
  // SQLite orders NULL first ascending, last descending; ties by creation order.
  const cmp = (a: Model, b: Model): number => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null) return -sign;
      if (kb === null) return sign;
      return ka < kb ? -sign : sign;
    }
    return (a.index - b.index) * sign;
  };
  rows = [...rows].sort(cmp);
  const offset = q.page?.offset ?? 0;
  const limit = q.page?.limit ?? 50;
  return { ids: rows.slice(offset, offset + limit).map((m) => m.id), total: rows.length };
}

const dateArb = fc
  .tuple(fc.integer({ min: 2018, max: 2027 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const subset = <T>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });

const filterParts = {
  status: subset(['OPEN', 'FOLLOW_UP', 'CLOSED'] as const),
  victimStatus: subset(['AT_RISK', 'PRESUMED', 'IDENTIFIED', 'NOT_VICTIM'] as const),
  exploitationForm: subset(EXPLOITATION_FORMS.map((e) => e.code)),
  assignedTo: fc.integer({ min: 0, max: 2 }),
  state: fc.constantFrom('open' as const, 'closed' as const),
  openedFrom: dateArb,
  openedTo: dateArb,
  closedFrom: dateArb,
  closedTo: dateArb,
};
type FilterKey = keyof typeof filterParts;

// Few filters at a time, so that most queries match something and the comparison means something.
const filterArb = fc
  .subarray(Object.keys(filterParts) as FilterKey[], { maxLength: 2 })
  .chain((keys) =>
    fc.record(Object.fromEntries(keys.map((k) => [k, filterParts[k]])) as Record<FilterKey, fc.Arbitrary<unknown>>),
  );

const queryArb: fc.Arbitrary<CaseListQuery> = fc
  .record({
    filter: filterArb,
    search: fc.option(
      fc.constantFrom(
        'zerune',
        'kazl',
        'ONA',
        'šimk',
        'psicholog',
        'lawyer',
        '2021-',
        'on jo',
        'ie',
        'rūta petr',
        'xyzzy',
      ),
      { freq: 2 },
    ),
    sort: fc.option(
      fc.record({
        field: fc.constantFrom('updatedAt' as const, 'openedAt' as const, 'closedAt' as const, 'code' as const),
        direction: fc.constantFrom('asc' as const, 'desc' as const),
      }),
      { freq: 5 },
    ),
    page: fc.option(fc.record({ offset: fc.integer({ min: 0, max: 120 }), limit: fc.integer({ min: 1, max: 200 }) }), {
      freq: 5,
    }),
  })
  .map(({ filter, search, sort, page }) => {
    const f: Record<string, unknown> = { ...filter };
    if (typeof f.assignedTo === 'number') f.assignedTo = workers[f.assignedTo]?.id;
    if (f.openedFrom && f.openedTo && (f.openedTo as string) < (f.openedFrom as string)) delete f.openedTo;
    if (f.closedFrom && f.closedTo && (f.closedTo as string) < (f.closedFrom as string)) delete f.closedTo;
    return CaseListQuery.parse({
      filter: f,
      ...(search !== null ? { search } : {}),
      ...(sort !== null ? { sort } : {}),
      ...(page !== null ? { page } : {}),
    });
  });

function check(got: CaseListResult, want: { ids: string[]; total: number }, q: CaseListQuery): void {
  expect(got.rows.map((r) => r.id)).toEqual(want.ids);
  if (got.total !== null) expect(got.total).toBe(want.total);
  expect(got.hasMore).toBe((q.page?.offset ?? 0) + want.ids.length < want.total);
}

describe('case list against a reference model', () => {
  it('supervisor: every plan gives the reference answer', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const want = reference(q);
        for (const idDriverMax of [0, 7, 1000])
          check(queryCases(v.admin.db, q, {}, { idDriverMax, assignedDriverMax: 0 }), want, q);
        check(sup.listCases(q), want, q);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('caseworker: only assigned cases, every plan', () => {
    fc.assert(
      fc.property(queryArb, fc.integer({ min: 0, max: 2 }), (q, w) => {
        const me = workers[w] as SessionUser;
        const want = reference(q, me.id);
        // assignedDriverMax 0 always walks the sort index; a large one starts from the
        // assignments whenever the page is deep enough for that to be cheaper.
        for (const idDriverMax of [0, 7, 1000])
          for (const assignedDriverMax of [0, 1_000_000])
            check(queryCases(v.admin.db, q, { restrictToUser: me.id }, { idDriverMax, assignedDriverMax }), want, q);
        check(new CaseService(v.as(me)).listCases(q), want, q);
      }),
      { numRuns: 150, seed: 11 },
    );
  });

  it('counts exactly unless a search is too broad to count cheaply', () => {
    const q = CaseListQuery.parse({ search: 'on' });
    expect(sup.listCases(q)).toMatchObject({ searchApplied: false, total: 300 });
    const broad = queryCases(
      v.admin.db,
      CaseListQuery.parse({ search: 'ona' }),
      {},
      { idDriverMax: 3, assignedDriverMax: 0 },
    );
    expect(broad.total).toBeNull();
    expect(broad.rows.length).toBeGreaterThan(0);
    expect(sup.listCases({ withTotal: false }).total).toBeNull();
  });

  it('never builds SQL from input: hostile search and sort values are refused or inert', () => {
    expect(() => sup.listCases({ sort: { field: 'code; DROP TABLE cases', direction: 'asc' } })).toThrow();
    expect(() => sup.listCases({ sort: { field: 'code', direction: 'asc, n' } })).toThrow();
    for (const s of ['"', '" OR "', 'names:zer*', 'NEAR(ona jon)', "'; DROP TABLE cases; --", '***', 'AND OR NOT']) {
      expect(() => sup.listCases({ search: s })).not.toThrow();
    }
    expect(sup.listCases({}).total).toBe(300);
  });

  it('uses the sort index and stops at the page instead of sorting', () => {
    const plans = (sql: string): string =>
      (v.admin.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    const p = plans(
      `SELECT c.n FROM cases c INDEXED BY cases_list_closed WHERE c.status IN ('CLOSED') AND (c.exploit_mask & 3) != 0 ORDER BY c.closed_at DESC, c.n DESC LIMIT 50`,
    );
    expect(p).toContain('COVERING INDEX cases_list_closed');
    expect(p).not.toContain('TEMP B-TREE');
  });
});

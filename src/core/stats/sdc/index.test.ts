import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey } from '../../../shared/stats/model';
import { audit, cellRanges, protect, SdcInputError } from './index';
import { buildCtx, primaries } from './problem';
import { person, problemOf, SERVICE_GROUPS, times, type SyntheticPerson } from './testing';
import type { SdcCell, SdcProblem, SdcRelation, SdcResult } from './types';

type Pattern = { key: string; status: 'primary' | 'secondary' }[];

/** A two-way table of persons with row, column and grand totals: keys r1c2, r1cT, rTc2, rTcT. */
function grid(interior: number[][], k = 3, extra: Partial<SdcProblem> = {}): SdcProblem {
  const rows = interior.length;
  const cols = interior[0]?.length ?? 0;
  const key = (r: number | 'T', c: number | 'T'): string => `r${r}c${c}`;
  const at = (r: number, c: number): number => interior[r - 1]?.[c - 1] ?? 0;
  const cells: SdcCell[] = [];
  const relations: SdcRelation[] = [];
  const put = (k: string, v: number): void => void cells.push({ key: k, measure: 'PERS', value: v, persons: v });
  let total = 0;
  for (let r = 1; r <= rows; r++) {
    let sum = 0;
    for (let c = 1; c <= cols; c++) {
      put(key(r, c), at(r, c));
      sum += at(r, c);
    }
    put(key(r, 'T'), sum);
    total += sum;
    relations.push({
      op: '=',
      terms: [
        ...Array.from({ length: cols }, (_, c) => ({ key: key(r, c + 1), coef: 1 })),
        { key: key(r, 'T'), coef: -1 },
      ],
    });
  }
  for (let c = 1; c <= cols; c++) {
    let sum = 0;
    for (let r = 1; r <= rows; r++) sum += at(r, c);
    put(key('T', c), sum);
    relations.push({
      op: '=',
      terms: [
        ...Array.from({ length: rows }, (_, r) => ({ key: key(r + 1, c), coef: 1 })),
        { key: key('T', c), coef: -1 },
      ],
    });
  }
  put(key('T', 'T'), total);
  relations.push({
    op: '=',
    terms: [
      ...Array.from({ length: rows }, (_, r) => ({ key: key(r + 1, 'T'), coef: 1 })),
      { key: key('T', 'T'), coef: -1 },
    ],
  });
  relations.push({
    op: '=',
    terms: [
      ...Array.from({ length: cols }, (_, c) => ({ key: key('T', c + 1), coef: 1 })),
      { key: key('T', 'T'), coef: -1 },
    ],
  });
  return { cells, relations, k, from: '2024-01-01', to: '2024-03-31', ...extra };
}

function suppressed(r: SdcResult): Pattern {
  return r.cells.flatMap((c) => (c.status === 'published' ? [] : [{ key: c.key, status: c.status }]));
}

/** The invariants every result must satisfy, and a passed audit. */
function checkResult(problem: SdcProblem, r: SdcResult): void {
  checkFlags(problem, r);
  expect(r.audit.ok).toBe(true);
  expect(r.audit.findings).toEqual([]);
}

/** What holds whether or not the audit passes. */
function checkFlags(problem: SdcProblem, r: SdcResult): void {
  const { k } = problem;
  const byKey = new Map(problem.cells.map((c) => [c.key, c]));
  expect(r.cells.map((c) => c.key)).toEqual(problem.cells.map((c) => c.key));
  for (const c of r.cells) {
    const cell = byKey.get(c.key);
    if (!cell) throw new Error('lost a cell');
    if (c.status === 'published') {
      expect(c.reason).toBeNull();
      expect(cell.persons === 0 || cell.persons >= k).toBe(true);
    } else if (c.status === 'primary') {
      expect(['threshold', 'few-persons', 'revealing-zero', 'revision']).toContain(c.reason);
      if (c.reason === 'threshold') expect(cell.measure === 'PERS' && cell.value >= 1 && cell.value < k).toBe(true);
      if (c.reason === 'few-persons')
        expect(cell.measure === 'SERV' && cell.persons >= 1 && cell.persons < k).toBe(true);
      if (c.reason === 'revealing-zero') expect(cell.value).toBe(0);
    } else {
      expect(c.reason).toBe('linked');
    }
    // Every small count is primary, whatever else happens to it.
    if (cell.persons >= 1 && cell.persons < k) expect(c.status).toBe('primary');
  }
  expect(r.audit.ok).toBe(r.audit.findings.length === 0);
}

/** "133 persons assisted (50 of them men): 80 victims and 53 people at risk", 2 identified men. */
function example(): SyntheticPerson[] {
  const ages = ['Y_GE18', 'Y_GE18', 'Y_LT18'] as const;
  const cits = ['NAT', 'NAT', 'NEU_FOR', 'EU_FOR'] as const;
  const refs = ['POLICE', 'NGO', 'SELF', 'POLICE', 'BORDER'] as const;
  const all: SyntheticPerson[] = [
    ...times(2, { status: 'VOT_IDENT', sex: 'M' }),
    ...times(28, { status: 'VOT_PRES', sex: 'M' }),
    ...times(20, { status: 'AT_RISK', sex: 'M' }),
    ...times(30, { status: 'VOT_IDENT', sex: 'F' }),
    ...times(20, { status: 'VOT_PRES', sex: 'F' }),
    ...times(33, { status: 'AT_RISK', sex: 'F' }),
  ];
  return all.map((p, n) => ({
    ...p,
    age: ages[n % 3] ?? 'Y_GE18',
    citizenship: cits[n % 4] ?? 'NAT',
    referral: refs[n % 5] ?? 'POLICE',
    exploit: n % 7 === 0 ? ['SEX_EXPL', 'LAB_EXPL'] : n % 2 ? ['LAB_EXPL'] : ['SEX_EXPL'],
    // One man alone in legal aid; otherwise services in groups.
    services:
      n === 0 ? { LEGAL: 3 } : n % 3 === 0 ? { PSYCH: 2 } : n % 3 === 1 ? { HOUSING: 3 } : { MEDICAL: 1, MATERIAL: 2 },
  }));
}

const t1 = (vs: string, sex: string): string => cellKey('T1', { VICTIM_STATUS: vs, SEX: sex });

describe('the worked example', () => {
  it('hides the 2 identified men and everything that would give them away, publishes the headline', async () => {
    const problem = problemOf(example());
    const value = new Map(problem.cells.map((c) => [c.key, c.value]));
    expect([value.get(t1('_T', '_T')), value.get(t1('_T', 'M')), value.get(t1('VOT', '_T'))]).toEqual([133, 50, 80]);
    expect(value.get(t1('AT_RISK', '_T'))).toBe(53);

    const r = await protect(problem);
    checkResult(problem, r);
    const status = new Map(r.cells.map((c) => [c.key, c]));
    expect(status.get(t1('VOT_IDENT', 'M'))).toEqual({
      key: t1('VOT_IDENT', 'M'),
      status: 'primary',
      reason: 'threshold',
    });
    // The man alone with legal aid: T6 and T7 cells of one person.
    expect(status.get(cellKey('T6', { SERVICE: 'LEGAL', SEX: 'M' }))?.reason).toBe('threshold');
    expect(status.get(cellKey('T7', { SERVICE: 'LEGAL', SEX: 'M' }))?.reason).toBe('few-persons');
    // The headline figures stay published: totals are the last cells to give up.
    for (const k of [t1('_T', '_T'), t1('_T', 'M'), t1('VOT', '_T'), t1('AT_RISK', '_T'), t1('VOT', 'M')]) {
      expect(status.get(k)?.status).toBe('published');
    }
    // Without the cycle through the women's cells, the 2 would be 30 - 28 = 2 exactly.
    expect(status.get(t1('VOT_PRES', 'M'))?.status).toBe('secondary');

    const ranges = await cellRanges(problem, suppressed(r), 'relations');
    const range = ranges.get(t1('VOT_IDENT', 'M'));
    expect(range && range.high - range.low).toBeGreaterThanOrEqual(problem.k);
    expect(r.method.solver).toMatch(/^HiGHS/);
    expect(r.audit.programmes).toBeGreaterThanOrEqual(0);
  });

  it('fails the audit for the naive pattern that hides only the small cell', async () => {
    const problem = problemOf(example());
    const v = await audit(problem, [{ key: t1('VOT_IDENT', 'M'), status: 'primary' }]);
    expect(v.ok).toBe(false);
    expect(v.findings).toContainEqual({ key: t1('VOT_IDENT', 'M'), attacker: 'relations', low: 2, high: 2 });
    expect(v.findings.some((f) => f.attacker === 'rule')).toBe(true);
  });

  it('gives the same result for the same input, whatever the order of cells and relations', async () => {
    const problem = problemOf(example());
    const a = await protect(problem);
    const b = await protect({
      ...problem,
      cells: [...problem.cells].reverse(),
      relations: [...problem.relations].reverse(),
    });
    const byKey = (r: SdcResult): SdcResult['cells'] => [...r.cells].sort((x, y) => (x.key < y.key ? -1 : 1));
    expect(byKey(b)).toEqual(byKey(a));
    expect(await protect(problem)).toEqual(a);
  });
});

describe('revealing zeros', () => {
  it('hides the zeros of a group that all but one share an attribute, and protects them', async () => {
    // Row 1: 9 of 10 in column 1, 1 in column 2, nobody in column 3.
    const problem = grid(
      [
        [9, 1, 0],
        [6, 7, 8],
      ],
      3,
    );
    const r = await protect(problem);
    const status = new Map(r.cells.map((c) => [c.key, c]));
    expect(status.get('r1c3')).toMatchObject({ status: 'primary', reason: 'revealing-zero' });
    expect(status.get('r1c2')).toMatchObject({ status: 'primary', reason: 'threshold' });
    checkResult(problem, r);
    const ranges = await cellRanges(problem, suppressed(r), 'relations');
    expect((ranges.get('r1c3')?.high ?? 0) - (ranges.get('r1c3')?.low ?? 0)).toBeGreaterThanOrEqual(3);
  });

  it('publishes zeros when no group is concentrated', async () => {
    const r = await protect(
      grid(
        [
          [5, 6, 0],
          [6, 7, 8],
          [4, 0, 9],
        ],
        3,
      ),
    );
    expect(r.cells.find((c) => c.key === 'r1c3')?.status).toBe('published');
    expect(r.cells.every((c) => c.status === 'published')).toBe(true);
  });
});

describe('own cell', () => {
  const problem = grid(
    [
      [1, 2, 10],
      [5, 6, 7],
    ],
    3,
  );

  it('finds that the person alone in a cell works out the other primary of the row', async () => {
    const pattern: Pattern = [
      { key: 'r1c1', status: 'primary' },
      { key: 'r1c2', status: 'primary' },
      { key: 'r2c1', status: 'secondary' },
      { key: 'r2c2', status: 'secondary' },
    ];
    const v = await audit(problem, pattern);
    expect(v.findings.filter((f) => f.attacker !== 'own-cell')).toEqual([]);
    expect(v.findings).toContainEqual({ key: 'r1c2', attacker: 'own-cell', low: 2, high: 2 });
  });

  it('protect() defends against it', async () => {
    const r = await protect(problem);
    checkResult(problem, r);
  });
});

describe('exact enumeration agrees with the LP/MILP ranges (small tables)', () => {
  /** Every interior assignment consistent with the published cells; margins follow. */
  function enumerate(problem: SdcProblem, pattern: Pattern, rule: boolean): Map<string, { low: number; high: number }> {
    const value = new Map(problem.cells.map((c) => [c.key, c.value]));
    const hidden = new Map(pattern.map((p) => [p.key, p.status]));
    const { k } = problem;
    const interior = problem.cells.map((c) => c.key).filter((key) => !key.includes('T'));
    const rowsN = Math.max(...interior.map((key) => Number(/r(\d+)/.exec(key)?.[1])));
    const colsN = Math.max(...interior.map((key) => Number(/c(\d+)/.exec(key)?.[1])));
    const grand = value.get('rTcT') ?? 0;
    const allowed = (key: string, x: number): boolean => {
      const st = hidden.get(key);
      if (!st) return x === value.get(key);
      if (!rule) return x >= 0;
      if (st === 'secondary') return x === 0 || x >= k;
      return value.get(key) === 0 ? x >= 0 && x < k : x >= 1 && x < k;
    };
    const out = new Map<string, { low: number; high: number }>();
    const note = (key: string, x: number): void => {
      const r = out.get(key) ?? { low: Infinity, high: -Infinity };
      out.set(key, { low: Math.min(r.low, x), high: Math.max(r.high, x) });
    };
    const x: number[][] = Array.from({ length: rowsN }, () => Array<number>(colsN).fill(0));
    const visit = (n: number, used: number): void => {
      if (n === rowsN * colsN) {
        const sums = new Map<string, number>();
        for (let r = 1; r <= rowsN; r++) sums.set(`r${r}cT`, x[r - 1]?.reduce((a, b) => a + b, 0) ?? 0);
        for (let c = 1; c <= colsN; c++)
          sums.set(
            `rTc${c}`,
            x.reduce((a, row) => a + (row[c - 1] ?? 0), 0),
          );
        sums.set('rTcT', used);
        for (const [key, s] of sums) if (!allowed(key, s)) return;
        for (let r = 1; r <= rowsN; r++) for (let c = 1; c <= colsN; c++) note(`r${r}c${c}`, x[r - 1]?.[c - 1] ?? 0);
        for (const [key, s] of sums) note(key, s);
        return;
      }
      const r = Math.floor(n / colsN) + 1;
      const c = (n % colsN) + 1;
      const key = `r${r}c${c}`;
      const row = x[r - 1];
      if (!row) return;
      const candidates = hidden.has(key)
        ? Array.from({ length: grand - used + 1 }, (_, i) => i)
        : [value.get(key) ?? 0];
      for (const v of candidates) {
        if (used + v > grand || !allowed(key, v)) continue;
        row[c - 1] = v;
        visit(n + 1, used + v);
      }
      row[c - 1] = 0;
    };
    visit(0, 0);
    return new Map([...out].filter(([key]) => hidden.has(key)));
  }

  const interiorArb = fc.tuple(fc.constantFrom(2, 3), fc.constantFrom(2, 3)).chain(([r, c]) =>
    fc.array(fc.array(fc.constantFrom(0, 0, 1, 2, 3, 4, 5), { minLength: c, maxLength: c }), {
      minLength: r,
      maxLength: r,
    }),
  );

  it('for the relations and the rule attackers', async () => {
    await fc.assert(
      fc.asyncProperty(
        interiorArb,
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        async (interior, coin) => {
          const problem = grid(interior, 3);
          const ctx = buildCtx(problem);
          const prim = primaries(ctx);
          // The primaries plus a random choice of other cells, the grand total always published
          // so that the enumeration is finite.
          const pattern: Pattern = ctx.cells.flatMap((c, i): Pattern => {
            if (prim[i]?.status === 'primary') return [{ key: c.key, status: 'primary' }];
            if (c.key !== 'rTcT' && coin[i]) return [{ key: c.key, status: 'secondary' }];
            return [];
          });
          if (pattern.length === 0) return;
          for (const attacker of ['relations', 'rule'] as const) {
            const lp = await cellRanges(problem, pattern, attacker);
            expect(lp).toEqual(enumerate(problem, pattern, attacker === 'rule'));
          }
        },
      ),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe('revisions and overlapping periods', () => {
  const interior = [
    [2, 6, 9],
    [7, 5, 8],
  ];
  const quarter = { from: '2024-01-01', to: '2024-03-31' };

  it('without earlier returns, hides the cheapest rectangle', async () => {
    const r = await protect(grid(interior, 3));
    expect(suppressed(r).map((p) => p.key)).toEqual(['r1c1', 'r1c2', 'r2c1', 'r2c2']);
  });

  it('a revision: a published cell that moved by fewer than k persons is hidden', async () => {
    const problem = grid(interior, 3, {
      ...quarter,
      prior: [
        {
          sequence: 1,
          ...quarter,
          cells: [
            { key: 'r1c3', value: 8 },
            { key: 'r2cT', value: 20 },
          ],
        },
      ],
    });
    const r = await protect(problem);
    expect(r.cells.find((c) => c.key === 'r1c3')).toMatchObject({ status: 'primary', reason: 'revision' });
    // Unchanged published cells are no disclosure.
    expect(r.cells.find((c) => c.key === 'r2cT')?.status).toBe('published');
    checkResult(problem, r);
  });

  it('a revision: cells published earlier are known, so the suppression must not rely on them', async () => {
    const plain = suppressed(await protect(grid(interior, 3)));
    const problem = grid(interior, 3, {
      ...quarter,
      prior: [{ sequence: 1, ...quarter, cells: [{ key: 'r1c2', value: 6 }] }],
    });
    const v = await audit(problem, plain);
    expect(v.ok).toBe(false);
    expect(v.findings.some((f) => f.key === 'r1c1' && f.attacker === 'revision')).toBe(true);

    const r = await protect(problem);
    checkResult(problem, r);
    const ranges = await cellRanges(problem, suppressed(r), 'revision');
    expect(ranges.get('r1c2')).toEqual({ low: 6, high: 6 });
    const a = ranges.get('r1c1');
    expect(a && a.high - a.low).toBeGreaterThanOrEqual(3);
  });

  it('a revision that published a small cell earlier (with a smaller k) cannot be repaired: refused', async () => {
    const problem = grid(interior, 5, {
      ...quarter,
      prior: [{ sequence: 1, ...quarter, cells: [{ key: 'r1c1', value: 2 }] }],
    });
    const r = await protect(problem);
    expect(r.audit.ok).toBe(false);
    expect(r.audit.findings).toContainEqual({ key: 'r1c1', attacker: 'revision', low: 2, high: 2 });
  });

  it('a containing period: this quarter cannot exceed what the year showed', async () => {
    const plain = suppressed(await protect(grid(interior, 3)));
    const problem = grid(interior, 3, {
      ...quarter,
      prior: [{ sequence: 1, from: '2024-01-01', to: '2024-12-31', cells: [{ key: 'r2c2', value: 5 }] }],
    });
    // With r2c2 <= 5 the rectangle can only move the 2 downwards: 0..2 is too narrow.
    const v = await audit(problem, plain);
    expect(v.findings.some((f) => f.key === 'r1c1' && f.attacker === 'revision')).toBe(true);
    const r = await protect(problem);
    checkResult(problem, r);
  });

  it('contained periods: the year is at least each quarter, services add up over quarters', async () => {
    const year = { from: '2024-01-01', to: '2024-12-31' };
    const quarters = [1, 2, 3, 4].map((q) => ({
      sequence: q,
      from: `2024-${String(q * 3 - 2).padStart(2, '0')}-01`,
      to: q === 1 ? '2024-03-31' : q === 2 ? '2024-06-30' : q === 3 ? '2024-09-30' : '2024-12-31',
      cells: [{ key: 'r1c2', value: q === 1 ? 6 : 0 }],
    }));
    const problem = grid(interior, 3, { ...year, prior: quarters });
    const r = await protect(problem);
    checkResult(problem, r);
    const ranges = await cellRanges(problem, suppressed(r), 'revision');
    // Persons in quarters cover the year: r1c2 <= 6 + 0 + 0 + 0 and >= 6.
    if (ranges.has('r1c2')) expect(ranges.get('r1c2')).toEqual({ low: 6, high: 6 });
  });
});

describe('refused inputs', () => {
  const ok = grid([
    [5, 6],
    [7, 8],
  ]);
  it.each([
    ['k below 3', { ...ok, k: 2 }, /k must be at least 3/],
    ['k not an integer', { ...ok, k: 3.5 }, /k/],
    [
      'negative value',
      { ...ok, cells: ok.cells.map((c, i) => (i === 0 ? { ...c, value: -1, persons: -1 } : c)) },
      /cells/,
    ],
    [
      'unknown key in a relation',
      { ...ok, relations: [...ok.relations, { op: '=' as const, terms: [{ key: 'nope', coef: 1 }] }] },
      /unknown cell nope/,
    ],
    ['duplicate cell', { ...ok, cells: [...ok.cells, ok.cells[0]!] }, /duplicate/],
    [
      'values that break a relation',
      { ...ok, cells: ok.cells.map((c) => (c.key === 'r1c1' ? { ...c, value: 6, persons: 6 } : c)) },
      /violate relation/,
    ],
    [
      'person cell with persons != value',
      { ...ok, cells: ok.cells.map((c, i) => (i === 0 ? { ...c, persons: 1 } : c)) },
      /persons/,
    ],
    ['period backwards', { ...ok, from: '2024-02-01', to: '2024-01-01' }, /period/],
    ['not a problem at all', { cells: 'x' } as unknown as SdcProblem, /invalid/],
  ])('%s', async (_name, problem, message) => {
    await expect(protect(problem as SdcProblem)).rejects.toThrow(SdcInputError);
    await expect(protect(problem as SdcProblem)).rejects.toThrow(message);
  });
});

describe('random person sets (property)', () => {
  const personArb: fc.Arbitrary<SyntheticPerson> = fc.record({
    status: fc.constantFrom('VOT_IDENT', 'VOT_PRES', 'VOT_PRES', 'AT_RISK'),
    sex: fc.constantFrom('F', 'F', 'M', '_U'),
    age: fc.constantFrom('Y_LT18', 'Y_GE18', 'Y_GE18'),
    citizenship: fc.constantFrom('NAT', 'NAT', 'EU_FOR', 'NEU_FOR', '_U'),
    exploit: fc.subarray(['SEX_EXPL', 'LAB_EXPL', 'BEGGING'] as const, { maxLength: 2 }),
    referral: fc.constantFrom('POLICE', 'NGO', 'SELF', 'BORDER'),
    services: fc.dictionary(fc.constantFrom(...SERVICE_GROUPS.slice(0, 4)), fc.integer({ min: 1, max: 3 }), {
      maxKeys: 2,
    }),
  });

  it('publishes only safe counts, flags consistently, and when the audit passes every primary has two values', async () => {
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 40, maxLength: 100 }),
        fc.constantFrom(3, 5),
        async (persons, k) => {
          const problem = problemOf(persons, { k });
          const r = await protect(problem);
          checkFlags(problem, r);
          if (!r.audit.ok) return;
          passed++;
          const pattern = suppressed(r);
          if (pattern.length === 0) return;
          const rule = await cellRanges(problem, pattern, 'rule');
          for (const p of pattern) {
            if (p.status !== 'primary') continue;
            const range = rule.get(p.key);
            expect(range && range.high > range.low).toBe(true);
          }
        },
      ),
      { numRuns: 5, seed: 42 },
    );
    expect(passed).toBeGreaterThan(0);
  }, 300_000);

  it('refuses a population smaller than k: the rule pins its totals whatever is hidden', async () => {
    const problem = problemOf(
      [person({ age: 'Y_LT18', exploit: [], services: {} }), person({ age: 'Y_GE18', exploit: [], services: {} })],
      { k: 3 },
    );
    const r = await protect(problem);
    checkFlags(problem, r);
    expect(r.audit.ok).toBe(false);
    // Two hidden parts of at least 1 under a hidden total of at most 2: the total is 2.
    expect(r.audit.findings).toContainEqual({
      key: cellKey('T2', { SEX: 'F', AGE: '_T' }),
      attacker: 'rule',
      low: 2,
      high: 2,
    });
  });
});

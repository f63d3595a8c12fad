import type { Highs } from 'highs';
import { domainOf } from './audit';
import type { AttackConfig } from './knowledge';
import type { Ctx, Status } from './problem';
import { addDisjunctions, Solver, type LinearModel } from './solver';

/**
 * Choosing secondary suppressions for a primary cell p that an attacker pins.
 *
 * First choice, for the width requirement: the cheapest "deviation" (the LP heuristic of Kelly,
 * Golden and Assad used for cell suppression). Find two changes y+ and y- of the whole table,
 * both keeping every relation and every cell >= 0, leaving the cells the attacker knows
 * exactly unchanged, moving p up by y+ and down by y- with y+ - y- >= k, at the least cost
 * Σ w·max(|y+|, |y-|) over published cells (suppressed cells move for free). Suppressing every
 * published cell that moves makes both tables consistent with what is published, so p's range
 * becomes at least k wide. The weight w = (1 + value)·(1 + 2·number of `_T` codes) makes small,
 * non-total cells the cheapest to give up.
 *
 * For the rule requirement (p must admit a second value): the same idea as an exact MILP. Find
 * an integer table that keeps every relation and what the attacker knows about each cell
 * (suppressed cells their rule domain, published cells 0 or >= k as they would be once
 * suppressed), with p different from its true value, moving the cheapest set of published
 * cells (a binary per published cell, same weights). Suppressing that set gives p two values.
 * To keep the MILP small, only cells within three relations of p may move.
 *
 * Last resort (an LP answer that integrality defeats, or a MILP that does not finish): the
 * cheapest published cell in a relation with p or with a suppressed cell linked to p, ordered
 * by (totals last, smallest value, key). The caller audits again after each step.
 */

const MOVE = 1e-7;

function weight(ctx: Ctx, i: number): number {
  const c = ctx.cells[i];
  return (1 + (c?.value ?? 0)) * (1 + 2 * (c?.totality ?? 0));
}

export function deviationSupport(
  highs: Highs,
  ctx: Ctx,
  cfg: AttackConfig,
  statuses: readonly Status[],
  p: number,
): number[] {
  const movable = ctx.cells.flatMap((_, i) => (cfg.fixed.has(i) ? [] : [i]));
  const cols: LinearModel['cols'] = [];
  const yPlus = new Map<number, number>();
  const yMinus = new Map<number, number>();
  const rows: LinearModel['rows'] = [];
  for (const i of movable) {
    const v = ctx.cells[i]?.value ?? 0;
    yPlus.set(i, cols.push({ lo: i === p ? 0 : -v, hi: Infinity, integer: false }) - 1);
    yMinus.set(i, cols.push({ lo: -v, hi: i === p ? 0 : Infinity, integer: false }) - 1);
    if (statuses[i]?.status === 'published') {
      const u = cols.push({ lo: 0, hi: Infinity, integer: false, cost: weight(ctx, i) }) - 1;
      for (const y of [yPlus.get(i) ?? 0, yMinus.get(i) ?? 0]) {
        rows.push({
          terms: [
            { j: u, a: 1 },
            { j: y, a: -1 },
          ],
          lo: 0,
          hi: Infinity,
        });
        rows.push({
          terms: [
            { j: u, a: 1 },
            { j: y, a: 1 },
          ],
          lo: 0,
          hi: Infinity,
        });
      }
    }
  }
  for (const r of [...ctx.rows, ...cfg.extra]) {
    let atTruth = 0;
    for (const t of r.terms) atTruth += t.a * (ctx.cells[t.i]?.value ?? 0);
    for (const y of [yPlus, yMinus]) {
      const terms = r.terms.flatMap((t) => {
        const j = y.get(t.i);
        return j === undefined ? [] : [{ j, a: t.a }];
      });
      if (terms.length > 0) rows.push({ terms, lo: r.lo - atTruth, hi: r.hi - atTruth });
    }
  }
  const up = yPlus.get(p);
  const down = yMinus.get(p);
  if (up === undefined || down === undefined) return [];
  rows.push({
    terms: [
      { j: up, a: 1 },
      { j: down, a: -1 },
    ],
    lo: ctx.k,
    hi: Infinity,
  });

  const solver = new Solver(highs, { cols, rows });
  try {
    const r = solver.optimise(null, 'min');
    if (r.kind !== 'optimal') return [];
    return movable.filter((i) => {
      if (statuses[i]?.status !== 'published') return false;
      const a = r.x[yPlus.get(i) ?? -1] ?? 0;
      const b = r.x[yMinus.get(i) ?? -1] ?? 0;
      return Math.abs(a) > MOVE || Math.abs(b) > MOVE;
    });
  } finally {
    solver.dispose();
  }
}

/** The cheapest published cell linked to p through relations and suppressed cells, if any. */
export function cheapestLinked(ctx: Ctx, cfg: AttackConfig, statuses: readonly Status[], p: number): number | null {
  const rows = [...ctx.rows, ...cfg.extra];
  const hidden = (i: number): boolean => statuses[i]?.status !== 'published' && !cfg.fixed.has(i);
  const component = new Set([p]);
  const touching = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    rows.forEach((r, n) => {
      if (touching.has(n) || !r.terms.some((t) => component.has(t.i))) return;
      touching.add(n);
      grew = true;
      for (const t of r.terms) if (hidden(t.i)) component.add(t.i);
    });
  }
  const candidates = new Set<number>();
  for (const n of touching) {
    for (const t of rows[n]?.terms ?? []) {
      if (statuses[t.i]?.status === 'published' && !cfg.fixed.has(t.i)) candidates.add(t.i);
    }
  }
  const order = [...candidates].sort((a, b) => {
    const x = ctx.cells[a];
    const y = ctx.cells[b];
    if (!x || !y) return 0;
    return x.totality - y.totality || x.value - y.value || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
  });
  return order[0] ?? null;
}

/** Exact minimum-cost set of published cells whose suppression gives p a second value. */
export function ruleDeviation(
  highs: Highs,
  ctx: Ctx,
  cfg: AttackConfig,
  statuses: readonly Status[],
  p: number,
): number[] {
  const { bigM, k } = ctx;
  const cols: LinearModel['cols'] = [];
  const rows: LinearModel['rows'] = [];
  const x = new Map<number, number>();
  const moved = new Map<number, number>();
  const near = neighbourhood(ctx, cfg, p, 3);
  ctx.cells.forEach((c, i) => {
    if (cfg.fixed.has(i) || !near.has(i)) return;
    const published = statuses[i]?.status === 'published';
    const d = domainOf(
      ctx,
      cfg,
      published ? { status: 'secondary', reason: 'linked' } : (statuses[i] ?? { status: 'published', reason: null }),
      i,
    );
    const j = cols.push({ lo: d.lo, hi: d.hi, integer: true }) - 1;
    x.set(i, j);
    addDisjunctions(cols, rows, j, d, k, bigM);
    if (published) {
      const m = cols.push({ lo: 0, hi: 1, integer: true, cost: weight(ctx, i) }) - 1;
      moved.set(i, m);
      rows.push({
        terms: [
          { j, a: 1 },
          { j: m, a: -bigM },
        ],
        lo: -Infinity,
        hi: c.value,
      });
      rows.push({
        terms: [
          { j, a: 1 },
          { j: m, a: bigM },
        ],
        lo: c.value,
        hi: Infinity,
      });
    }
  });
  for (const r of [...ctx.rows, ...cfg.extra]) {
    let constant = 0;
    const terms: { j: number; a: number }[] = [];
    for (const t of r.terms) {
      const j = x.get(t.i);
      if (j === undefined) constant += t.a * (ctx.cells[t.i]?.value ?? 0);
      else terms.push({ j, a: t.a });
    }
    if (terms.length > 0) rows.push({ terms, lo: r.lo - constant, hi: r.hi - constant });
  }
  const jp = x.get(p);
  if (jp === undefined) return [];
  const v = ctx.cells[p]?.value ?? 0;
  const up = cols.push({ lo: 0, hi: 1, integer: true }) - 1;
  rows.push({
    terms: [
      { j: jp, a: 1 },
      { j: up, a: -bigM },
    ],
    lo: -Infinity,
    hi: v - 1,
  });
  rows.push({
    terms: [
      { j: jp, a: 1 },
      { j: up, a: -bigM },
    ],
    lo: v + 1 - bigM,
    hi: Infinity,
  });

  const solver = new Solver(highs, { cols, rows }, 200);
  try {
    const r = solver.optimise(null, 'min');
    if (r.kind !== 'optimal') return [];
    return [...moved].filter(([, m]) => (r.x[m] ?? 0) > 0.5).map(([i]) => i);
  } catch {
    return [];
  } finally {
    solver.dispose();
  }
}

/** Cells reachable from p through at most `depth` relations. */
function neighbourhood(ctx: Ctx, cfg: AttackConfig, p: number, depth: number): Set<number> {
  const rows = [...ctx.rows, ...cfg.extra];
  let reached = new Set([p]);
  for (let d = 0; d < depth; d++) {
    const next = new Set(reached);
    for (const r of rows) if (r.terms.some((t) => reached.has(t.i))) for (const t of r.terms) next.add(t.i);
    reached = next;
  }
  return reached;
}

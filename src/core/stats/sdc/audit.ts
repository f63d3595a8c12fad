import type { Highs } from 'highs';
import type { AttackConfig } from './knowledge';
import { rowHolds, type Ctx, type Row, type Status } from './problem';
import { addDisjunctions, Solver, type LinearModel } from './solver';

/**
 * The interval audit. For one attacker (AttackConfig) and one suppression pattern, the suppressed
 * cells the attacker does not know are variables, everything else a constant at its true value.
 * Bounds are integer bounds: for the `relations` attacker the LP relaxation is solved first and
 * its answer is exact whenever the optimal vertex is integral (the relations have ±1
 * coefficients and that is what happens almost always); otherwise the same model is re-solved
 * with integer variables. The `rule` attackers are MILPs from the start.
 *
 * Every integral solution found is a feasible point, i.e. a table the attacker cannot rule out.
 * Points are kept (verified against each attacker's constraints before use) and prove ranges
 * without solving: a cell seen at values a and b has a range at least b - a wide. Adding a
 * suppression only adds unknowns whose domain contains their true value, so a point stays
 * feasible and a passed check stays passed as suppression grows.
 */

const TOL = 1e-6;

export type Point = Float64Array;

export interface CheckFailure {
  cell: number;
  low: number;
  high: number;
}

/** Points (full tables) the attackers cannot rule out, by attacker family. */
export class PointPool {
  readonly relations: Point[] = [];
  readonly rule: Point[] = [];
  constructor(ctx: Ctx) {
    const truth = Float64Array.from(ctx.cells, (c) => c.value);
    this.relations.push(truth);
    this.rule.push(truth);
  }
  add(family: AttackConfig['family'], p: Point): void {
    // A point that satisfies the rule satisfies the relations alone.
    if (family === 'rule') this.rule.push(p);
    this.relations.push(p);
  }
}

export interface Domain {
  lo: number;
  hi: number;
  /** 0 or >= k (a secondary cell under the rule). */
  zeroOrK: boolean;
  /** Values the cell cannot take (a revision primary differs from the earlier value). */
  not: readonly number[];
}

/**
 * What an attacker knows about one unknown cell. Every cell is capped at ctx.bigM, above any
 * true value: a cap only narrows ranges, so it can make the audit stricter, never laxer.
 */
export function domainOf(ctx: Ctx, cfg: AttackConfig, s: Status, i: number): Domain {
  const { k, bigM } = ctx;
  let d: Domain = { lo: 0, hi: bigM, zeroOrK: false, not: [] };
  if (cfg.family === 'relations') return d;
  if (s.status !== 'primary') return { ...d, zeroOrK: true };
  if (s.reason === 'threshold') d = { ...d, lo: 1, hi: k - 1 };
  else if (s.reason === 'few-persons') d = { ...d, lo: 1 };
  else if (s.reason === 'revealing-zero') d = { ...d, hi: k - 1 };
  for (const before of cfg.revisedFrom.get(i) ?? []) {
    d = { ...d, lo: Math.max(d.lo, before - (k - 1)), hi: Math.min(d.hi, before + (k - 1)), not: [...d.not, before] };
  }
  return d;
}

/** One attacker against one suppression pattern: a model, its solvers and what it has seen. */
export class ConfigRun {
  readonly vars: number[] = [];
  private readonly col = new Map<number, number>();
  private readonly domains = new Map<number, Domain>();
  private readonly rows: Row[];
  private lp: Solver | null = null;
  private mip: Solver | null = null;
  private readonly def: LinearModel;
  private readonly seenLo = new Map<number, number>();
  private readonly seenHi = new Map<number, number>();
  private scanned = 0;
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly ctx: Ctx,
    readonly cfg: AttackConfig,
    statuses: readonly Status[],
    private readonly pool: PointPool,
  ) {
    const { k, bigM } = ctx;
    statuses.forEach((s, i) => {
      if (s.status === 'published' || cfg.fixed.has(i)) return;
      this.col.set(i, this.vars.length);
      this.vars.push(i);
      this.domains.set(i, domainOf(ctx, cfg, s, i));
    });
    this.rows = [...ctx.rows, ...cfg.extra];

    const cols: LinearModel['cols'] = this.vars.map((i) => {
      const d = this.domains.get(i);
      return { lo: d?.lo ?? 0, hi: d?.hi ?? Infinity, integer: cfg.family === 'rule' };
    });
    const rows: LinearModel['rows'] = [];
    for (const r of this.rows) {
      let constant = 0;
      const terms: { j: number; a: number }[] = [];
      for (const t of r.terms) {
        const j = this.col.get(t.i);
        if (j === undefined) constant += t.a * (ctx.cells[t.i]?.value ?? 0);
        else terms.push({ j, a: t.a });
      }
      if (terms.length > 0) rows.push({ terms, lo: r.lo - constant, hi: r.hi - constant });
    }
    if (cfg.family === 'rule') {
      for (const [i, d] of this.domains) {
        const j = this.col.get(i) ?? -1;
        addDisjunctions(cols, rows, j, d, k, bigM);
      }
    }
    this.def = { cols, rows };
  }

  /** Is the point a table this attacker cannot rule out? */
  admits(p: Point): boolean {
    for (let i = 0; i < this.ctx.cells.length; i++) {
      const x = p[i] ?? NaN;
      const d = this.domains.get(i);
      if (!d) {
        if (Math.abs(x - (this.ctx.cells[i]?.value ?? NaN)) > TOL) return false;
        continue;
      }
      if (x < d.lo - TOL || x > d.hi + TOL) return false;
      if (this.cfg.family === 'rule' && Math.abs(x - Math.round(x)) > TOL) return false;
      if (d.zeroOrK && x > TOL && x < this.ctx.k - TOL) return false;
      if (d.not.some((v) => Math.abs(x - v) < 0.5)) return false;
    }
    return this.rows.every((r) => rowHolds(r, p));
  }

  private see(p: Point): void {
    for (const i of this.cfg.protect) {
      const x = p[i] ?? 0;
      if (x < (this.seenLo.get(i) ?? Infinity)) this.seenLo.set(i, x);
      if (x > (this.seenHi.get(i) ?? -Infinity)) this.seenHi.set(i, x);
    }
  }

  /** Take in the pool's points not looked at yet. */
  private catchUp(): void {
    const pts = this.pool[this.cfg.family];
    for (; this.scanned < pts.length; this.scanned++) {
      const p = pts[this.scanned];
      if (p && this.admits(p)) this.see(p);
    }
  }

  /** Does what has been seen (plus an unbounded side, if any) prove the cell protected? */
  private proven(i: number, unbounded = false): boolean {
    const lo = this.seenLo.get(i) ?? Infinity;
    const hi = unbounded ? Infinity : (this.seenHi.get(i) ?? -Infinity);
    const v = this.ctx.cells[i]?.value ?? 0;
    return this.cfg.requirement === 'width' ? hi - lo >= this.ctx.k : lo < v || hi > v;
  }

  private solverFor(integer: boolean): Solver {
    if (!integer) return (this.lp ??= new Solver(this.highs, this.def));
    this.mip ??= new Solver(this.highs, {
      cols: this.def.cols.map((c) => ({ ...c, integer: true })),
      rows: this.def.rows,
    });
    return this.mip;
  }

  /** Full table from a solution, or null when it is not integral. */
  private pointOf(x: Float64Array): Point | null {
    const p = Float64Array.from(this.ctx.cells, (c) => c.value);
    for (let j = 0; j < this.vars.length; j++) {
      const v = x[j] ?? NaN;
      const r = Math.round(v);
      if (Math.abs(v - r) > TOL) return null;
      p[this.vars[j] ?? 0] = r;
    }
    return p;
  }

  private record(p: Point): void {
    this.pool.add(this.cfg.family, p);
    this.scanned = this.pool[this.cfg.family].length;
    this.see(p);
  }

  /** Integer min or max of Σ weights·x over the cells (Infinity when unbounded). */
  private extreme(weights: ReadonlyMap<number, number>, sense: 'min' | 'max'): number {
    const w = new Map<number, number>();
    for (const [i, a] of weights) {
      const j = this.col.get(i);
      if (j !== undefined) w.set(j, a);
    }
    const constant = [...weights].reduce(
      (n, [i, a]) => n + (this.col.has(i) ? 0 : a * (this.ctx.cells[i]?.value ?? 0)),
      0,
    );
    if (w.size === 0) return constant;
    for (const integer of this.cfg.family === 'rule' ? [true] : [false, true]) {
      const s = this.solverFor(integer);
      const r = s.optimise(w, sense);
      this.solves++;
      if (r.kind === 'unbounded' || r.kind === 'unbounded-or-infeasible') return sense === 'max' ? Infinity : -Infinity;
      if (r.kind === 'infeasible')
        throw new Error('disclosure audit: the true table is infeasible for an attacker model');
      const p = this.pointOf(r.x);
      if (p) {
        this.record(p);
        return Math.round(r.value + constant);
      }
    }
    throw new Error('disclosure audit: no integral optimum');
  }

  /** A few aggregate solves that usually prove many cells at once. */
  warmUp(): void {
    this.catchUp();
    const open = this.cfg.protect.filter((i) => this.col.has(i) && !this.proven(i));
    if (open.length < 2) return;
    this.extreme(new Map(open.map((i) => [i, 1])), 'max');
  }

  /** Check one protected cell: null when protected, else its range. */
  check(i: number): CheckFailure | null {
    this.catchUp();
    if (this.proven(i)) return null;
    const v = this.ctx.cells[i]?.value ?? 0;
    if (!this.col.has(i)) return { cell: i, low: v, high: v };
    const one = new Map([[i, 1]]);
    const high = this.extreme(one, 'max');
    if (this.proven(i, high === Infinity)) return null;
    const low = this.extreme(one, 'min');
    if (this.proven(i)) return null;
    return { cell: i, low, high };
  }

  /** Exact integer range of a cell for this attacker (two solves, no short cuts). */
  range(i: number): { low: number; high: number } {
    const one = new Map([[i, 1]]);
    return { low: this.extreme(one, 'min'), high: this.extreme(one, 'max') };
  }

  dispose(): void {
    this.lp?.dispose();
    this.mip?.dispose();
  }
}

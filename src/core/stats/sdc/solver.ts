import highsLoader, { type Highs } from 'highs';

/**
 * HiGHS (WASM) behind a small interface: a model is built once from sparse rows and then asked
 * for min/max of single variables, re-solving from the previous basis. Loading the WASM takes a
 * few hundred milliseconds, so it is done once per process.
 */

let loading: Promise<Highs> | null = null;

export function loadSolver(): Promise<Highs> {
  loading ??= highsLoader().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}

export interface LinearModel {
  cols: { lo: number; hi: number; integer: boolean; cost?: number }[];
  rows: { terms: { j: number; a: number }[]; lo: number; hi: number }[];
}

export type Extreme =
  | { kind: 'optimal'; value: number; x: Float64Array }
  | { kind: 'unbounded' }
  | { kind: 'infeasible' }
  | { kind: 'unbounded-or-infeasible' };

/** A built model; call dispose() when done (WASM memory is not garbage-collected). */
export class Solver {
  private readonly model: ReturnType<Highs['createModel']>;
  private costed: number[] = [];
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly def: LinearModel,
    nodeLimit?: number,
  ) {
    const inf = highs.infinity;
    const clamp = (v: number): number => (v === Infinity ? inf : v === -Infinity ? -inf : v);
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    for (const r of def.rows) {
      for (const t of r.terms) {
        indices.push(t.j);
        values.push(t.a);
      }
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: def.cols.length,
      numRows: def.rows.length,
      colCost: def.cols.map((c) => c.cost ?? 0),
      colLower: def.cols.map((c) => clamp(c.lo)),
      colUpper: def.cols.map((c) => clamp(c.hi)),
      rowLower: def.rows.map((r) => clamp(r.lo)),
      rowUpper: def.rows.map((r) => clamp(r.hi)),
      matrix: {
        format: 'csr',
        numRows: def.rows.length,
        numCols: def.cols.length,
        starts: new Int32Array(starts),
        indices: new Int32Array(indices),
        values: new Float64Array(values),
      },
      ...(def.cols.some((c) => c.integer)
        ? {
            integrality: def.cols.map((c) =>
              c.integer ? highs.constants.variableType.integer : highs.constants.variableType.continuous,
            ),
          }
        : {}),
    });
    // Quiet, deterministic (no clock-based limits) and exact: an integer optimum is an integer.
    this.model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0,
      random_seed: 0,
      // Work limits must not depend on the clock, or the result would depend on the machine.
      ...(nodeLimit === undefined ? {} : { mip_max_nodes: nodeLimit }),
      // Presolve costs more than it saves on LPs this small, and is skipped on re-solves anyway.
      ...(def.cols.some((c) => c.integer) ? {} : { presolve: 'off' }),
    });
  }

  /** Minimise or maximise Σ weights·x (the model's own costs when weights is null). */
  optimise(weights: ReadonlyMap<number, number> | null, sense: 'min' | 'max'): Extreme {
    const h = this.highs;
    if (weights) {
      for (const j of this.costed) if (!weights.has(j)) this.model.changeColCost(j, 0);
      for (const [j, w] of weights) this.model.changeColCost(j, w);
      this.costed = [...weights.keys()];
    }
    this.model.changeObjectiveSense(
      sense === 'min' ? h.constants.objectiveSense.minimize : h.constants.objectiveSense.maximize,
    );
    this.solves++;
    this.model.run();
    const status = this.model.getModelStatus();
    const ms = h.constants.modelStatus;
    if (status === ms.optimal) {
      return { kind: 'optimal', value: this.model.getObjectiveValue(), x: this.model.getSolution().colValue };
    }
    if (status === ms.unbounded) return { kind: 'unbounded' };
    if (status === ms.infeasible) return { kind: 'infeasible' };
    if (status === ms.unboundedOrInfeasible) return { kind: 'unbounded-or-infeasible' };
    throw new Error(`the solver stopped without an answer (model status ${status})`);
  }

  dispose(): void {
    this.model.dispose();
  }
}

export function solverName(highs: Highs): string {
  return `HiGHS ${highs.version.string} (highs-js, WebAssembly)`;
}

/**
 * The rule's disjunctions on column j as MILP rows with a binary each (big-M): x = 0 or x >= k
 * when zeroOrK, and x != v for every excluded value v (x <= v-1 when b = 0, x >= v+1 when b = 1).
 */
export function addDisjunctions(
  cols: LinearModel['cols'],
  rows: LinearModel['rows'],
  j: number,
  d: { zeroOrK: boolean; not: readonly number[] },
  k: number,
  bigM: number,
): void {
  if (d.zeroOrK) {
    const b = cols.push({ lo: 0, hi: 1, integer: true }) - 1;
    rows.push({
      terms: [
        { j, a: 1 },
        { j: b, a: -bigM },
      ],
      lo: -Infinity,
      hi: 0,
    });
    rows.push({
      terms: [
        { j, a: 1 },
        { j: b, a: -k },
      ],
      lo: 0,
      hi: Infinity,
    });
  }
  for (const v of d.not) {
    const b = cols.push({ lo: 0, hi: 1, integer: true }) - 1;
    rows.push({
      terms: [
        { j, a: 1 },
        { j: b, a: -bigM },
      ],
      lo: -Infinity,
      hi: v - 1,
    });
    rows.push({
      terms: [
        { j, a: 1 },
        { j: b, a: -bigM },
      ],
      lo: v + 1 - bigM,
      hi: Infinity,
    });
  }
}

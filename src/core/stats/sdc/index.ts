import type { Highs } from 'highs';
import type { CellStatus } from '../../../shared/stats/model';
import { ConfigRun, PointPool, type CheckFailure } from './audit';
import { attackConfigs, type AttackConfig } from './knowledge';
import { buildCtx, primaries, SdcInputError, type Ctx, type Status } from './problem';
import { cheapestLinked, deviationSupport, ruleDeviation } from './secondary';
import { loadSolver, solverName } from './solver';
import type { SdcFinding, SdcProblem, SdcResult } from './types';

/**
 * Statistical disclosure control for a statistics return (statistics.md, "Disclosure
 * control"): primary suppression (problem.ts), secondary suppression driven by the audit
 * (secondary.ts), and the interval audit against four attackers (knowledge.ts, audit.ts).
 *
 * protect() loops: find the first (attacker, primary cell) in a fixed order that the audit
 * does not clear, suppress the cells the deviation LP names for it (or, failing that, the
 * cheapest linked cell), and look again; passed checks are not repeated because more
 * suppression never narrows a range. When no cell can help a failing check it is given up and
 * the loop goes on. A final audit then decides, and any check it does not clear is a finding.
 * Cells are handled in key order and HiGHS runs single-threaded, so the same problem always
 * gives the same result, whatever the order of its cells.
 */

export { SdcInputError } from './problem';
export type { SdcProblem, SdcResult } from './types';

const METHOD = {
  primary:
    'threshold: person cells 1..k-1; service cells with 1..k-1 persons; one zero (known codes before _U) of each ' +
    'partition where one part holds all or all but one of a non-empty group; person cells differing by 1..k-1 from ' +
    'an earlier return of the same period',
  secondary:
    'audit-driven: per pinned primary, suppress the published cells moved by a minimum-cost deviation (LP for the ' +
    'range requirement, MILP for the rule requirement; cost (1+value)(1+2·totals)), else the cheapest linked ' +
    'published cell (non-totals first, smallest value, key); repeat until the audit passes',
  audit:
    'integer interval audit over all relations of the linked tables: relations (range >= k wide), rule (suppressed ' +
    'primaries 1..k-1, secondaries 0 or >= k; >= 2 values), own-cell (each single-person cell known; protects cells of >= 2 persons and cells disjoint from it), revision ' +
    '(earlier returns of overlapping periods)',
};

function findingOf(ctx: Ctx, cfg: AttackConfig, f: CheckFailure): SdcFinding {
  return { key: ctx.cells[f.cell]?.key ?? '', attacker: cfg.attacker, low: f.low, high: f.high };
}

interface Runs {
  get(cfg: AttackConfig): ConfigRun;
  solves(): number;
  reset(): void;
}

function runs(highs: Highs, ctx: Ctx, statuses: Status[], pool: PointPool): Runs {
  const cache = new Map<string, ConfigRun>();
  let solves = 0;
  return {
    get(cfg) {
      let run = cache.get(cfg.id);
      if (!run) {
        run = new ConfigRun(highs, ctx, cfg, statuses, pool);
        cache.set(cfg.id, run);
      }
      return run;
    },
    solves: () => solves + [...cache.values()].reduce((n, r) => n + r.solves, 0),
    reset() {
      for (const r of cache.values()) {
        solves += r.solves;
        r.dispose();
      }
      cache.clear();
    },
  };
}

function runAudit(
  highs: Highs,
  ctx: Ctx,
  statuses: Status[],
  configs: readonly AttackConfig[],
  pool: PointPool,
): SdcResult['audit'] {
  const r = runs(highs, ctx, statuses, pool);
  const findings: SdcFinding[] = [];
  try {
    for (const cfg of configs) {
      const run = r.get(cfg);
      run.warmUp();
      for (const i of cfg.protect) {
        const f = run.check(i);
        if (f) findings.push(findingOf(ctx, cfg, f));
      }
    }
    return { ok: findings.length === 0, findings, programmes: r.solves() };
  } finally {
    r.reset();
  }
}

function secondary(
  highs: Highs,
  ctx: Ctx,
  statuses: Status[],
  configs: readonly AttackConfig[],
  pool: PointPool,
): void {
  const r = runs(highs, ctx, statuses, pool);
  const passed = new Map(configs.map((c) => [c.id, new Set<number>()]));
  const givenUp = new Map(configs.map((c) => [c.id, new Set<number>()]));
  try {
    // Each step suppresses a cell or gives up one check, so this bound is never the reason to stop.
    const steps = ctx.cells.length + configs.reduce((n, c) => n + c.protect.length, 0);
    for (let step = 0; step <= steps; step++) {
      let failure: { cfg: AttackConfig; f: CheckFailure } | null = null;
      for (const cfg of configs) {
        const done = passed.get(cfg.id) ?? new Set<number>();
        const skip = givenUp.get(cfg.id) ?? new Set<number>();
        const open = cfg.protect.filter((i) => !done.has(i) && !skip.has(i));
        if (open.length === 0) continue;
        const run = r.get(cfg);
        run.warmUp();
        for (const i of open) {
          const f = run.check(i);
          if (!f) done.add(i);
          else {
            failure = { cfg, f };
            break;
          }
        }
        if (failure) break;
      }
      if (!failure) return;
      const { cfg, f } = failure;
      let chosen =
        cfg.requirement === 'width'
          ? deviationSupport(highs, ctx, cfg, statuses, f.cell)
          : ruleDeviation(highs, ctx, cfg, statuses, f.cell);
      if (chosen.length === 0) {
        const one = cheapestLinked(ctx, cfg, statuses, f.cell);
        chosen = one === null ? [] : [one];
      }
      if (chosen.length === 0) {
        givenUp.get(cfg.id)?.add(f.cell);
        continue;
      }
      for (const i of chosen) statuses[i] = { status: 'secondary', reason: 'linked' };
      r.reset();
    }
  } finally {
    r.reset();
  }
}

/** Suppress and audit a statistics return. Throws SdcInputError for malformed or unsafe input. */
export async function protect(problem: SdcProblem): Promise<SdcResult> {
  const ctx = buildCtx(problem);
  const highs = await loadSolver();
  const statuses = primaries(ctx);
  const configs = attackConfigs(ctx, statuses);
  const pool = new PointPool(ctx);
  secondary(highs, ctx, statuses, configs, pool);
  const audit = runAudit(highs, ctx, statuses, configs, pool);
  return { cells: resultCells(problem, ctx, statuses), audit, method: { ...METHOD, solver: solverName(highs) } };
}

function resultCells(problem: SdcProblem, ctx: Ctx, statuses: readonly Status[]): SdcResult['cells'] {
  return problem.cells.map((c) => {
    const s = statuses[ctx.index.get(c.key) ?? -1] ?? { status: 'published', reason: null };
    return { key: c.key, status: s.status, reason: s.reason };
  });
}

function statusesFrom(ctx: Ctx, given: readonly { key: string; status: CellStatus }[]): Status[] {
  const computed = primaries(ctx);
  const out: Status[] = ctx.cells.map(() => ({ status: 'published', reason: null }));
  for (const g of given) {
    const i = ctx.index.get(g.key);
    if (i === undefined) throw new SdcInputError(`status given for unknown cell ${g.key}`);
    const reason =
      g.status === 'primary' ? (computed[i]?.reason ?? 'threshold') : g.status === 'secondary' ? 'linked' : null;
    out[i] = { status: g.status, reason };
  }
  return out;
}

/**
 * Audit a given suppression pattern (cells not listed are published). Primaries take the reason
 * primary suppression would give them. For re-checking a pattern and for tests.
 */
export async function audit(
  problem: SdcProblem,
  pattern: readonly { key: string; status: CellStatus }[],
): Promise<SdcResult['audit']> {
  const ctx = buildCtx(problem);
  const highs = await loadSolver();
  const statuses = statusesFrom(ctx, pattern);
  return runAudit(highs, ctx, statuses, attackConfigs(ctx, statuses), new PointPool(ctx));
}

/**
 * Exact integer range of every suppressed cell for one attacker kind (`relations`, `rule` or
 * `revision` with the relations requirement), without short cuts: for tests and explanations.
 */
export async function cellRanges(
  problem: SdcProblem,
  pattern: readonly { key: string; status: CellStatus }[],
  attacker: 'relations' | 'rule' | 'revision',
): Promise<Map<string, { low: number; high: number }>> {
  const ctx = buildCtx(problem);
  const highs = await loadSolver();
  const statuses = statusesFrom(ctx, pattern);
  const id = attacker === 'revision' ? 'revision:relations' : attacker;
  const cfg = attackConfigs(ctx, statuses).find((c) => c.id === id);
  if (!cfg) throw new SdcInputError(`no ${attacker} attacker for this problem`);
  const run = new ConfigRun(highs, ctx, cfg, statuses, new PointPool(ctx));
  try {
    const out = new Map<string, { low: number; high: number }>();
    statuses.forEach((s, i) => {
      if (s.status !== 'published') out.set(ctx.cells[i]?.key ?? '', run.range(i));
    });
    return out;
  } finally {
    run.dispose();
  }
}

import type { AuditFinding } from '../../../shared/stats/dto';
import { partitionOf, rowHolds, type Ctx, type Row, type Status } from './problem';

/**
 * What each attacker knows, as constraints over the cells. Every attacker sees the published
 * cells (constants at their true values) and the table relations; they differ in what else:
 *
 * - `relations`: nothing else. Requirement: every primary cell's integer range is at least k
 *   wide (high - low >= k). This is the "sliding protection interval" of τ-ARGUS with width k,
 *   and the literal reading of statistics.md. It is preferred to fixed upper/lower protection
 *   levels because a primary of 1..k-1 cannot go k below its value, and a width of k already
 *   leaves k+1 candidate values, the true one anywhere among them.
 * - `rule`: also the suppression rule, read off the published status flags: a suppressed
 *   person cell of 1..k-1 lies in 1..k-1, a revealing zero in 0..k-1, a few-persons service cell
 *   is >= 1, a secondary cell is 0 or >= k (a binary per cell). The attacker is told which
 *   reason a primary has, which only makes them stronger. Requirement: at least two integer
 *   values for every primary.
 * - `own-cell`: a person alone in a suppressed cell (a person cell of 1, or a service cell with
 *   one person) knows it exactly; one attacker per such cell, with both requirements above for
 *   the other primaries that can tell them something about somebody else: cells of two or more
 *   persons, and cells of 1 certainly about another person (a different part of a partition the
 *   attacker's cell or one containing it belongs to). A cell of 1 that may be the attacker
 *   themself is left out: pinning it tells them what they know, and counting it made every
 *   return with a total of 1..k-1 unpublishable.
 * - `revision`: also every earlier return of an overlapping period (both requirements):
 *   - identical period: the same persons. A cell published there with the value it has now is
 *     known here even if suppressed. A person cell published in both whose values differ by
 *     1..k-1 is a primary here (reason `revision`); the attacker who knows the rule knows its
 *     value is within k-1 of, and different from, the earlier one.
 *   - one period contains the other: every person and service counted in the shorter period is
 *     counted in the longer, so a cell of the longer period is >= the same cell of the shorter.
 *     Returns inside this period that do not overlap each other add up for services (and bound
 *     persons from above when they cover the period exactly). A containment inequality that
 *     the true values contradict (an attribute such as age band or status changed between the
 *     two exports) is left out: it is false, so no attacker can know it.
 *   Partly overlapping periods give no linear relation and are ignored.
 */

export type Family = 'relations' | 'rule';

export interface AttackConfig {
  id: string;
  attacker: AuditFinding['attacker'];
  family: Family;
  requirement: 'width' | 'two-values';
  /** Suppressed cells the attacker knows exactly (always at their true value). */
  fixed: ReadonlySet<number>;
  /** Constraints learned from earlier returns. */
  extra: readonly Row[];
  /** Primary cells whose protection is checked, in key order. */
  protect: readonly number[];
  /** For revision primaries: the earlier values the current one differs from by 1..k-1. */
  revisedFrom: ReadonlyMap<number, readonly number[]>;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Constraints and known cells learned from earlier returns of overlapping periods. */
export function priorKnowledge(ctx: Ctx): { fixed: Set<number>; extra: Row[]; revisedFrom: Map<number, number[]> } {
  const fixed = new Set<number>();
  const extra: Row[] = [];
  const revisedFrom = new Map<number, number[]>();
  const truth = ctx.cells.map((c) => c.value);
  const keep = (row: Row): void => {
    if (row.terms.length > 0 && rowHolds(row, truth)) extra.push(row);
  };
  for (const o of ctx.overlaps) {
    for (const [i, before] of o.published) {
      const now = truth[i] ?? 0;
      if (o.kind === 'revision') {
        if (before === now) fixed.add(i);
        else if (ctx.cells[i]?.measure === 'PERS' && Math.abs(now - before) < ctx.k) {
          revisedFrom.set(i, [...(revisedFrom.get(i) ?? []), before]);
        }
      } else if (o.kind === 'contains-current') {
        keep({ terms: [{ i, a: 1 }], lo: 0, hi: before });
      } else {
        keep({ terms: [{ i, a: 1 }], lo: before, hi: Infinity });
      }
    }
  }

  // Returns inside this period that do not overlap one another: earliest-ending first.
  const inside = ctx.overlaps
    .filter((o) => o.kind === 'inside-current')
    .sort((a, b) => (a.to !== b.to ? (a.to < b.to ? -1 : 1) : a.sequence - b.sequence));
  const disjoint: typeof inside = [];
  for (const o of inside) {
    const last = disjoint[disjoint.length - 1];
    if (!last || o.from > last.to) disjoint.push(o);
  }
  if (disjoint.length >= 2) {
    const from = disjoint[0]?.from;
    const to = disjoint[disjoint.length - 1]?.to;
    const tiles =
      from === ctx.period.from &&
      to === ctx.period.to &&
      disjoint.every((o, n) => n === 0 || nextDay(disjoint[n - 1]?.to ?? '') === o.from);
    ctx.cells.forEach((c, i) => {
      if (!disjoint.every((o) => o.published.has(i))) return;
      const sum = disjoint.reduce((n, o) => n + (o.published.get(i) ?? 0), 0);
      if (c.measure === 'SERV') keep({ terms: [{ i, a: 1 }], lo: sum, hi: tiles ? sum : Infinity });
      else if (tiles) keep({ terms: [{ i, a: 1 }], lo: 0, hi: sum });
    });
  }
  return { fixed, extra, revisedFrom };
}

/** The attackers of the audit, in a fixed order; see the header comment. */
export function attackConfigs(ctx: Ctx, statuses: readonly Status[]): AttackConfig[] {
  const base = statuses.flatMap((s, i) => (s.status === 'primary' && s.reason !== 'revision' ? [i] : []));
  const all = statuses.flatMap((s, i) => (s.status === 'primary' ? [i] : []));
  const none = new Set<number>();
  const noRevision = new Map<number, number[]>();
  const configs: AttackConfig[] = [
    {
      id: 'relations',
      attacker: 'relations',
      family: 'relations',
      requirement: 'width',
      fixed: none,
      extra: [],
      protect: base,
      revisedFrom: noRevision,
    },
    {
      id: 'rule',
      attacker: 'rule',
      family: 'rule',
      requirement: 'two-values',
      fixed: none,
      extra: [],
      protect: base,
      revisedFrom: noRevision,
    },
  ];
  const ownCell: AttackConfig[] = [];
  const apart = disjointness(ctx);
  for (const c of base) {
    if (ctx.cells[c]?.persons !== 1) continue;
    const fixed = new Set([c]);
    // A cell of 1 that may hold the attacker tells them nothing about anybody else.
    const protect = base.filter((i) => i !== c && ((ctx.cells[i]?.persons ?? 0) >= 2 || apart(c, i)));
    if (protect.length === 0) continue;
    const key = ctx.cells[c]?.key ?? '';
    ownCell.push(
      {
        id: `own-cell:relations:${key}`,
        attacker: 'own-cell',
        family: 'relations',
        requirement: 'width',
        fixed,
        extra: [],
        protect,
        revisedFrom: noRevision,
      },
      {
        id: `own-cell:rule:${key}`,
        attacker: 'own-cell',
        family: 'rule',
        requirement: 'two-values',
        fixed,
        extra: [],
        protect,
        revisedFrom: noRevision,
      },
    );
  }
  if (ctx.overlaps.length > 0) {
    const { fixed, extra, revisedFrom } = priorKnowledge(ctx);
    // A primary known exactly from an earlier return stays in the list: it is a finding.
    const protect = all;
    configs.push(
      {
        id: 'revision:relations',
        attacker: 'revision',
        family: 'relations',
        requirement: 'width',
        fixed,
        extra,
        protect,
        revisedFrom,
      },
      {
        id: 'revision:rule',
        attacker: 'revision',
        family: 'rule',
        requirement: 'two-values',
        fixed,
        extra,
        protect,
        revisedFrom,
      },
    );
  }
  return [...configs, ...ownCell];
}

/**
 * Are two cells certainly about different persons? True when they, or cells they are part of,
 * are different parts of one partition (VOT_IDENT and VOT_PRES of the same sex, say).
 */
function disjointness(ctx: Ctx): (a: number, b: number) => boolean {
  const parents = new Map<number, number[]>();
  const siblings = new Map<number, Set<number>>();
  for (const row of ctx.rows) {
    const part = partitionOf(ctx, row);
    if (!part) continue;
    for (const i of part.parts) {
      parents.set(i, [...(parents.get(i) ?? []), part.total]);
      const set = siblings.get(i) ?? new Set<number>();
      for (const j of part.parts) if (j !== i) set.add(j);
      siblings.set(i, set);
    }
  }
  const up = (i: number): Set<number> => {
    const seen = new Set([i]);
    const stack = [i];
    for (let x = stack.pop(); x !== undefined; x = stack.pop()) {
      for (const p of parents.get(x) ?? []) {
        if (!seen.has(p)) {
          seen.add(p);
          stack.push(p);
        }
      }
    }
    return seen;
  };
  return (a, b) => {
    const ub = up(b);
    for (const x of up(a)) for (const s of siblings.get(x) ?? []) if (ub.has(s)) return true;
    return false;
  };
}

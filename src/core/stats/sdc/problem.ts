import { z } from 'zod';
import type { SuppressionReason } from '../../../shared/stats/dto';
import { Measure, type CellStatus } from '../../../shared/stats/model';
import type { SdcProblem } from './types';

/** Refused input: the engine never guesses what a malformed problem meant. */
export class SdcInputError extends Error {
  override readonly name = 'SdcInputError';
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Key = z.string().min(1).max(200);
const Count = z.number().int().min(0).max(100_000_000);

const ProblemSchema = z.object({
  cells: z
    .array(z.object({ key: Key, measure: Measure, value: Count, persons: Count }))
    .min(1)
    .max(10_000),
  relations: z
    .array(
      z.object({
        terms: z
          .array(
            z.object({
              key: Key,
              coef: z
                .number()
                .finite()
                .refine((c) => c !== 0, 'zero coefficient'),
            }),
          )
          .min(1)
          .max(1000),
        op: z.enum(['=', '>=']),
      }),
    )
    .max(100_000),
  k: z.number().int().min(3, 'k must be at least 3').max(50),
  from: IsoDate,
  to: IsoDate,
  prior: z
    .array(
      z.object({
        sequence: z.number().int().min(1),
        from: IsoDate,
        to: IsoDate,
        cells: z.array(z.object({ key: Key, value: Count.nullable() })).max(10_000),
      }),
    )
    .max(1000)
    .optional(),
});

/** One linear constraint lo <= Σ a·x <= hi over cell indices. */
export interface Row {
  terms: { i: number; a: number }[];
  lo: number;
  hi: number;
}

export interface Cell {
  key: string;
  measure: Measure;
  value: number;
  persons: number;
  /** How many of the cell's codes are `_T`: totals are the last cells to give up. */
  totality: number;
}

/** A prior release with an identical period, or one whose period contains / lies in this one. */
export interface Overlap {
  kind: 'revision' | 'contains-current' | 'inside-current';
  sequence: number;
  from: string;
  to: string;
  /** Published values by cell index (suppressed and unknown keys left out). */
  published: Map<number, number>;
}

/** The validated problem with cells sorted by key, so the result does not depend on input order. */
export interface Ctx {
  k: number;
  period: { from: string; to: string };
  cells: Cell[];
  index: Map<string, number>;
  rows: Row[];
  overlaps: Overlap[];
  /** A bound no cell can exceed in any scenario the audit considers (for the MILP's big-M). */
  bigM: number;
}

export interface Status {
  status: CellStatus;
  reason: SuppressionReason | null;
}

const EPS = 1e-9;

export function rowHolds(row: Row, x: ArrayLike<number>, tol = 1e-6): boolean {
  let s = 0;
  for (const t of row.terms) s += t.a * (x[t.i] ?? NaN);
  return s >= row.lo - tol && s <= row.hi + tol;
}

export function buildCtx(input: SdcProblem): Ctx {
  const parsed = ProblemSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SdcInputError(`invalid disclosure-control problem at ${issue?.path.join('.') ?? '?'}: ${issue?.message}`);
  }
  const p = parsed.data;
  if (p.from > p.to) throw new SdcInputError(`period starts (${p.from}) after it ends (${p.to})`);

  const sorted = [...p.cells].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const index = new Map<string, number>();
  const cells: Cell[] = sorted.map((c, i) => {
    if (index.has(c.key)) throw new SdcInputError(`duplicate cell ${c.key}`);
    index.set(c.key, i);
    if (c.measure === 'PERS' && c.persons !== c.value) {
      throw new SdcInputError(`person cell ${c.key} has persons ${c.persons} != value ${c.value}`);
    }
    if (c.measure === 'SERV' && (c.persons > c.value || (c.persons === 0) !== (c.value === 0))) {
      throw new SdcInputError(`service cell ${c.key}: ${c.value} services cannot come from ${c.persons} persons`);
    }
    return { ...c, totality: c.key.split('|').filter((part) => part.endsWith('=_T')).length };
  });

  const values = cells.map((c) => c.value);
  const rows: Row[] = p.relations.map((r, n) => {
    const merged = new Map<number, number>();
    for (const t of r.terms) {
      const i = index.get(t.key);
      if (i === undefined) throw new SdcInputError(`relation ${n} refers to unknown cell ${t.key}`);
      merged.set(i, (merged.get(i) ?? 0) + t.coef);
    }
    const terms = [...merged].filter(([, a]) => Math.abs(a) > EPS).map(([i, a]) => ({ i, a }));
    const row: Row = { terms, lo: 0, hi: r.op === '=' ? 0 : Infinity };
    if (!rowHolds(row, values)) {
      throw new SdcInputError(`the cell values violate relation ${n} (${r.terms.map((t) => t.key).join(', ')})`);
    }
    return row;
  });

  const overlaps: Overlap[] = [];
  for (const rel of [...(p.prior ?? [])].sort((a, b) => a.sequence - b.sequence)) {
    if (rel.from > rel.to) throw new SdcInputError(`prior release ${rel.sequence} starts after it ends`);
    const kind =
      rel.from === p.from && rel.to === p.to
        ? 'revision'
        : rel.from <= p.from && rel.to >= p.to
          ? 'contains-current'
          : rel.from >= p.from && rel.to <= p.to
            ? 'inside-current'
            : null;
    // Disjoint periods share nobody for certain; partly overlapping ones give no linear relation.
    if (kind === null) continue;
    const published = new Map<number, number>();
    for (const c of rel.cells) {
      const i = index.get(c.key);
      // A cell of an older table layout tells nothing about the cells of this one.
      if (i !== undefined && c.value !== null) published.set(i, c.value);
    }
    overlaps.push({ kind, sequence: rel.sequence, from: rel.from, to: rel.to, published });
  }

  const pers = cells.filter((c) => c.measure === 'PERS').reduce((n, c) => n + c.value, 0);
  const serv = cells.filter((c) => c.measure === 'SERV').reduce((n, c) => n + c.value, 0);
  const priorMax = Math.max(0, ...overlaps.flatMap((o) => [...o.published.values()]));
  return {
    k: p.k,
    period: { from: p.from, to: p.to },
    cells,
    index,
    rows,
    overlaps,
    bigM: 2 * Math.max(pers, serv, priorMax) + 10 * p.k,
  };
}

/**
 * A row is a partition when it reads total = Σ parts with unit coefficients and at least two
 * parts, all person counts: a group (the total) split by one attribute.
 */
export function partitionOf(ctx: Ctx, row: Row): { total: number; parts: number[] } | null {
  if (row.lo !== 0 || row.hi !== 0 || row.terms.length < 3) return null;
  if (row.terms.some((t) => Math.abs(Math.abs(t.a) - 1) > EPS || ctx.cells[t.i]?.measure !== 'PERS')) return null;
  const pos = row.terms.filter((t) => t.a > 0);
  const neg = row.terms.filter((t) => t.a < 0);
  const [total, parts] = pos.length === 1 ? [pos[0], neg] : neg.length === 1 ? [neg[0], pos] : [undefined, []];
  if (!total) return null;
  return { total: total.i, parts: parts.map((t) => t.i) };
}

/**
 * Primary suppression (statistics.md, Disclosure control 1, and Revisions 4):
 * - `threshold`: a person cell of 1..k-1;
 * - `few-persons`: a service cell with 1..k-1 distinct persons behind it, whatever its count;
 * - `revealing-zero`: in a partition whose group is not empty (total n >= 1), when one part
 *   holds n or n-1 persons, the zero parts are what tells that all the group but at most one
 *   share that part's attribute. Hiding one of them, protected like any primary so that it may
 *   be positive for all an attacker can tell, is enough to leave the concentration in doubt; a
 *   known code is chosen before `_U` (a `_U` column is often empty throughout, so a person
 *   there would have to be made plausible in every table), then the first by key. Without
 *   such a concentration zeros are published;
 * - `revision`: a person cell published in an earlier return for the identical period whose
 *   published value differs from this one by 1..k-1 persons: publishing both would single out
 *   the persons added or removed.
 */
export function primaries(ctx: Ctx): Status[] {
  const { k } = ctx;
  const out: Status[] = ctx.cells.map((c) => {
    if (c.measure === 'PERS' && c.value >= 1 && c.value < k) return { status: 'primary', reason: 'threshold' };
    if (c.measure === 'SERV' && c.persons >= 1 && c.persons < k) return { status: 'primary', reason: 'few-persons' };
    return { status: 'published', reason: null };
  });
  for (const row of ctx.rows) {
    const part = partitionOf(ctx, row);
    if (!part) continue;
    const n = ctx.cells[part.total]?.value ?? 0;
    if (n < 1 || !part.parts.some((i) => (ctx.cells[i]?.value ?? 0) >= n - 1)) continue;
    const zeros = part.parts
      .filter((i) => ctx.cells[i]?.value === 0)
      .sort((a, b) => unknownLast(ctx, a) - unknownLast(ctx, b) || a - b);
    const hide = zeros[0];
    if (hide !== undefined && !zeros.some((i) => out[i]?.status === 'primary') && out[hide]?.status === 'published') {
      out[hide] = { status: 'primary', reason: 'revealing-zero' };
    }
  }
  for (const o of ctx.overlaps) {
    if (o.kind !== 'revision') continue;
    for (const [i, before] of o.published) {
      const c = ctx.cells[i];
      const diff = Math.abs((c?.value ?? 0) - before);
      if (c?.measure === 'PERS' && out[i]?.status === 'published' && diff >= 1 && diff < k) {
        out[i] = { status: 'primary', reason: 'revision' };
      }
    }
  }
  return out;
}

function unknownLast(ctx: Ctx, i: number): number {
  return ctx.cells[i]?.key.split('|').some((part) => part.endsWith('=_U')) ? 1 : 0;
}

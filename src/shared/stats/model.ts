import { z } from 'zod';

/**
 * The statistics return (../shared/design/statistics.md): seven linked tables of distinct
 * persons (PERS) and services (SERV), with `_T` totals and `_U` unknown. Shared by core (build,
 * protect, package), the renderer (preview) and the ministry side (verify, aggregate).
 */

export const DIMENSIONS = {
  VICTIM_STATUS: ['VOT_IDENT', 'VOT_PRES', 'VOT', 'AT_RISK', '_T'],
  SEX: ['F', 'M', '_U', '_T'],
  AGE: ['Y_LT18', 'Y_GE18', '_U', '_T'],
  CITIZENSHIP: ['NAT', 'EU_FOR', 'NEU_FOR', 'STLS', '_U', '_T'],
  EXPLOIT: ['SEX_EXPL', 'LAB_EXPL', 'CRIM_ACT', 'BEGGING', 'FORCED_MARR', 'ORGAN', 'OTHER', '_U', '_T'],
  TRAFF_TYPE: ['DOMESTIC', 'TRANSNAT', '_U', '_T'],
  REFERRAL: ['POLICE', 'BORDER', 'LABOUR_INSP', 'CONSULAR', 'NGO', 'SELF', 'OTHER', '_U', '_T'],
  SERVICE: ['PSYCH', 'MEDICAL', 'HOUSING', 'LEGAL', 'SOCIAL', 'EMPLOY_EDU', 'RETURN', 'MATERIAL', 'OTHER', '_T'],
} as const;
export type Dimension = keyof typeof DIMENSIONS;
export const Dimension = z.enum(Object.keys(DIMENSIONS) as [Dimension, ...Dimension[]]);

export const TABLE_IDS = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'] as const;
export const TableId = z.enum(TABLE_IDS);
export type TableId = z.infer<typeof TableId>;

export const Measure = z.enum(['PERS', 'SERV']);
export type Measure = z.infer<typeof Measure>;

/**
 * The tables of statistics.md. `population` says who is counted: everyone assisted, or victims
 * (identified + presumed) only. Every table carries all the codes of its dimensions, `_T`
 * included, so that totals are cells like any other and suppression can cover them.
 */
export const TABLES: Record<
  TableId,
  { measure: Measure; population: 'all' | 'victims'; dims: readonly Dimension[]; multiCount?: Dimension }
> = {
  T1: { measure: 'PERS', population: 'all', dims: ['VICTIM_STATUS', 'SEX'] },
  T2: { measure: 'PERS', population: 'victims', dims: ['SEX', 'AGE'] },
  T3: { measure: 'PERS', population: 'victims', dims: ['CITIZENSHIP'] },
  // A person with several forms of exploitation counts in each: the forms do not add up to _T.
  T4: { measure: 'PERS', population: 'victims', dims: ['EXPLOIT'], multiCount: 'EXPLOIT' },
  T5: { measure: 'PERS', population: 'victims', dims: ['REFERRAL'] },
  // A person receiving several kinds of service counts under each: services do not add up to _T.
  T6: { measure: 'PERS', population: 'all', dims: ['SERVICE', 'SEX'], multiCount: 'SERVICE' },
  T7: { measure: 'SERV', population: 'all', dims: ['SERVICE', 'SEX'] },
};

/** A cell's coordinates: one code for each dimension of its table. */
export type CellDims = Partial<Record<Dimension, string>>;

/** Stable text key of a cell, e.g. `T1|SEX=F|VICTIM_STATUS=VOT` (dimensions in alphabetical order). */
export function cellKey(table: TableId, dims: CellDims): string {
  const parts = Object.keys(dims)
    .sort()
    .map((d) => `${d}=${dims[d as Dimension] ?? ''}`);
  return [table, ...parts].join('|');
}

export const Period = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('year'), year: z.number().int().min(2000).max(2100) }),
  z.strictObject({
    kind: z.literal('quarter'),
    year: z.number().int().min(2000).max(2100),
    quarter: z.number().int().min(1).max(4),
  }),
  z.strictObject({
    kind: z.literal('month'),
    year: z.number().int().min(2000).max(2100),
    month: z.number().int().min(1).max(12),
  }),
]);
export type Period = z.infer<typeof Period>;

/** First and last day (ISO dates, inclusive) of a period. */
export function periodRange(p: Period): { from: string; to: string } {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const last = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (p.kind === 'year') return { from: `${p.year}-01-01`, to: `${p.year}-12-31` };
  if (p.kind === 'quarter') {
    const m1 = (p.quarter - 1) * 3 + 1;
    return { from: `${p.year}-${pad(m1)}-01`, to: `${p.year}-${pad(m1 + 2)}-${pad(last(p.year, m1 + 2))}` };
  }
  return { from: `${p.year}-${pad(p.month)}-01`, to: `${p.year}-${pad(p.month)}-${pad(last(p.year, p.month))}` };
}

/** SDMX time period: 2026, 2026-Q1, 2026-03. */
export function periodCode(p: Period): string {
  if (p.kind === 'year') return `${p.year}`;
  if (p.kind === 'quarter') return `${p.year}-Q${p.quarter}`;
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/**
 * Published status of a cell: `published` shows its value; `primary` is suppressed because it
 * counts fewer than k persons (CONF_STATUS A); `secondary` is suppressed so that a primary
 * cell cannot be worked out from the others (CONF_STATUS D).
 */
export const CellStatus = z.enum(['published', 'primary', 'secondary']);
export type CellStatus = z.infer<typeof CellStatus>;

/** A cell as it leaves the NGO: the value only when published. */
export const PublishedCell = z.strictObject({
  table: TableId,
  dims: z.partialRecord(Dimension, z.string().max(20)),
  value: z.number().int().min(0).nullable(),
  status: CellStatus,
});
export type PublishedCell = z.infer<typeof PublishedCell>;

export const DisclosureParams = z.strictObject({
  /** Threshold: person counts 1..k-1 are primary-suppressed. Never below 3. */
  k: z.number().int().min(3).max(50),
  /** Count only cases whose consent to statistical reporting is recorded. */
  consentedOnly: z.boolean(),
});
export type DisclosureParams = z.infer<typeof DisclosureParams>;
export const DEFAULT_DISCLOSURE: DisclosureParams = { k: 5, consentedOnly: false };

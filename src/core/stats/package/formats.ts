import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  cellKey,
  DIMENSIONS,
  TABLE_IDS,
  TABLES,
  type CellDims,
  type CellStatus,
  type Dimension,
  type Period,
  type PublishedCell,
  type TableId,
} from '../../../shared/stats/model';
import { allCells, cellIndex, keyOf } from './cells';

/**
 * The two machine-readable views of the same cells: SDMX-CSV 2.0 for statistical offices and a
 * DHIS2 dataValueSet for health/social information systems. Both are written and read here,
 * so the verifier checks them against each other with the same rules that made them.
 */

export const SDMX_STRUCTURE = 'dataflow';
export const SDMX_STRUCTURE_ID = 'SAUGA:DF_THB_ASSIST(1.0.0)';
export const NOT_APPLICABLE = '_Z';
export const DIMENSION_COLUMNS = Object.keys(DIMENSIONS) as Dimension[];
export const CSV_HEADER = [
  'STRUCTURE',
  'STRUCTURE_ID',
  'ACTION',
  'TABLE',
  'MEASURE',
  ...DIMENSION_COLUMNS,
  'TIME_PERIOD',
  'OBS_VALUE',
  'OBS_STATUS',
  'CONF_STATUS',
] as const;

const STATUS_FLAGS: Record<CellStatus, { obs: string; conf: string }> = {
  published: { obs: 'A', conf: 'F' },
  primary: { obs: 'Q', conf: 'A' },
  secondary: { obs: 'Q', conf: 'D' },
};

export const CRLF = '\r\n';

/** One SDMX-CSV row per cell, in canonical order; codes only, so no field ever needs quoting. */
export function observationsCsv(
  cells: readonly PublishedCell[],
  timePeriod: string,
  extraColumns?: ExtraColumns,
): string {
  const header = [...CSV_HEADER, ...(extraColumns?.names ?? [])];
  const rows = cells.map((c) => {
    const f = STATUS_FLAGS[c.status];
    return [
      SDMX_STRUCTURE,
      SDMX_STRUCTURE_ID,
      'I',
      c.table,
      TABLES[c.table].measure,
      ...DIMENSION_COLUMNS.map((d) => c.dims[d] ?? NOT_APPLICABLE),
      timePeriod,
      c.value === null ? '' : String(c.value),
      f.obs,
      f.conf,
      ...(extraColumns?.values(c) ?? []),
    ].join(',');
  });
  return [header.join(','), ...rows].join(CRLF) + CRLF;
}

export interface ExtraColumns {
  names: string[];
  values: (c: PublishedCell) => string[];
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; detail: string };

const Count = z
  .string()
  .regex(/^(0|[1-9]\d{0,8})$/u)
  .transform(Number);

/** Strict reader for exactly what observationsCsv writes. */
export function parseObservationsCsv(text: string, timePeriod: string): ParseResult<PublishedCell[]> {
  if (!text.endsWith(CRLF)) return { ok: false, detail: 'observations.csv must end with CRLF' };
  const lines = text.slice(0, -2).split(CRLF);
  if (lines[0] !== CSV_HEADER.join(',')) return { ok: false, detail: 'observations.csv has an unexpected header' };
  const cells: PublishedCell[] = [];
  const seen = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const f = (lines[i] as string).split(',');
    if (f.length !== CSV_HEADER.length)
      return { ok: false, detail: `observations.csv line ${i + 1}: wrong field count` };
    const [structure, structureId, action, table, measure] = f as [string, string, string, string, string];
    const rest = f.slice(5);
    if (structure !== SDMX_STRUCTURE || structureId !== SDMX_STRUCTURE_ID || action !== 'I')
      return { ok: false, detail: `observations.csv line ${i + 1}: wrong structure or action` };
    if (!(TABLE_IDS as readonly string[]).includes(table))
      return { ok: false, detail: `observations.csv line ${i + 1}: unknown table` };
    const t = table as TableId;
    if (measure !== TABLES[t].measure) return { ok: false, detail: `observations.csv line ${i + 1}: wrong measure` };
    const dims: CellDims = {};
    for (const [j, d] of DIMENSION_COLUMNS.entries()) {
      const code = rest[j] as string;
      if (TABLES[t].dims.includes(d)) {
        if (!(DIMENSIONS[d] as readonly string[]).includes(code))
          return { ok: false, detail: `observations.csv line ${i + 1}: unknown ${d} code` };
        dims[d] = code;
      } else if (code !== NOT_APPLICABLE)
        return { ok: false, detail: `observations.csv line ${i + 1}: ${d} must be ${NOT_APPLICABLE}` };
    }
    const [period, value, obs, conf] = rest.slice(DIMENSION_COLUMNS.length) as [string, string, string, string];
    if (period !== timePeriod) return { ok: false, detail: `observations.csv line ${i + 1}: wrong TIME_PERIOD` };
    const status = (Object.keys(STATUS_FLAGS) as CellStatus[]).find(
      (s) => STATUS_FLAGS[s].obs === obs && STATUS_FLAGS[s].conf === conf,
    );
    if (!status) return { ok: false, detail: `observations.csv line ${i + 1}: unknown OBS_STATUS/CONF_STATUS pair` };
    let v: number | null = null;
    if (status === 'published') {
      const n = Count.safeParse(value);
      if (!n.success) return { ok: false, detail: `observations.csv line ${i + 1}: OBS_VALUE is not a count` };
      v = n.data;
    } else if (value !== '')
      return { ok: false, detail: `observations.csv line ${i + 1}: a suppressed cell carries a value` };
    const key = cellKey(t, dims);
    if (seen.has(key)) return { ok: false, detail: `observations.csv: ${key} appears twice` };
    seen.add(key);
    cells.push({ table: t, dims, value: v, status });
  }
  const expected = allCells();
  if (cells.length !== expected.length || expected.some((c) => !seen.has(c.key)))
    return { ok: false, detail: 'observations.csv does not hold every cell of every table' };
  cells.sort((a, b) => (cellIndex(keyOf(a)) as number) - (cellIndex(keyOf(b)) as number));
  return { ok: true, value: cells };
}

const UID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A DHIS2 UID (a letter, then 10 letters or digits) derived from a stable name, so the same
 * cell always maps to the same data element and category option combination.
 */
export function dhis2Uid(name: string): string {
  const h = createHash('sha256').update(`sauga:dhis2:${name}`, 'utf8').digest();
  let s = UID_ALPHABET[(h[0] as number) % 52] as string;
  for (let i = 1; i < 11; i++) s += UID_ALPHABET[(h[i] as number) % 62];
  return s;
}

export const DHIS2_DATASET = dhis2Uid('dataSet:THB_ASSIST');
export const dataElementUid = (table: TableId): string => dhis2Uid(`dataElement:${table}.${TABLES[table].measure}`);
/** The cell key without its table: T6 and T7 share SERVICE x SEX combinations. */
export const categoryOptionComboUid = (dims: CellDims): string =>
  dhis2Uid(
    `categoryOptionCombo:${Object.keys(dims)
      .sort()
      .map((d) => `${d}=${dims[d as Dimension] ?? ''}`)
      .join('|')}`,
  );
export const orgUnitUid = (organisation: string): string => dhis2Uid(`orgUnit:${organisation}`);

export function dhis2Period(p: Period): string {
  if (p.kind === 'year') return `${p.year}`;
  if (p.kind === 'quarter') return `${p.year}Q${p.quarter}`;
  return `${p.year}${String(p.month).padStart(2, '0')}`;
}

const Uid = z.string().regex(/^[A-Za-z][A-Za-z0-9]{10}$/u);
export const DataValue = z.strictObject({
  dataElement: Uid,
  period: z.string().regex(/^\d{4}(Q[1-4]|\d{2})?$/u),
  orgUnit: Uid,
  categoryOptionCombo: Uid,
  value: z.string().regex(/^(0|[1-9]\d{0,8})$/u),
});
export const DataValueSet = z.strictObject({
  dataSet: Uid,
  completeDate: z.iso.date(),
  period: z.string().regex(/^\d{4}(Q[1-4]|\d{2})?$/u),
  orgUnit: Uid,
  dataValues: z.array(DataValue).max(10_000),
});
export type DataValueSet = z.infer<typeof DataValueSet>;

/** Published cells only: DHIS2 has no notion of a suppressed value, so those are left out. */
export function dataValueSet(
  cells: readonly PublishedCell[],
  o: { period: Period; organisation: string; completeDate: string },
): DataValueSet {
  const period = dhis2Period(o.period);
  const orgUnit = orgUnitUid(o.organisation);
  return {
    dataSet: DHIS2_DATASET,
    completeDate: o.completeDate,
    period,
    orgUnit,
    dataValues: cells
      .filter((c) => c.status === 'published' && c.value !== null)
      .map((c) => ({
        dataElement: dataElementUid(c.table),
        period,
        orgUnit,
        categoryOptionCombo: categoryOptionComboUid(c.dims),
        value: String(c.value),
      })),
  };
}

export const dataValueSetJson = (set: DataValueSet): string => `${JSON.stringify(set, null, 2)}\n`;

export function parseJson(text: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, detail: 'not valid JSON' };
  }
}

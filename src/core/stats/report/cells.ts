import { type CellDims, type PublishedCell, type TableId, cellKey } from '../../../shared/stats/model';

/**
 * What the report may show of one cell. A suppressed cell carries no value at all from here
 * on, whatever the input held, so no rendering path can print it.
 */
export type CellView =
  | { kind: 'value'; value: number }
  | { kind: 'primary' }
  | { kind: 'secondary' }
  /** Not in the input, or marked published without a usable value. */
  | { kind: 'missing' };

export type CellLookup = (table: TableId, dims: CellDims) => CellView;

export function cellLookup(cells: readonly PublishedCell[]): CellLookup {
  const byKey = new Map<string, CellView>();
  for (const c of cells) {
    byKey.set(cellKey(c.table, c.dims), viewOf(c));
  }
  return (table, dims) => byKey.get(cellKey(table, dims)) ?? { kind: 'missing' };
}

function viewOf(c: PublishedCell): CellView {
  if (c.status === 'primary') return { kind: 'primary' };
  if (c.status === 'secondary') return { kind: 'secondary' };
  if (c.status === 'published' && typeof c.value === 'number' && Number.isSafeInteger(c.value) && c.value >= 0) {
    return { kind: 'value', value: c.value };
  }
  return { kind: 'missing' };
}

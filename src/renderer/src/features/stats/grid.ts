import type { PreviewCell } from '../../../../shared/stats/dto';
import {
  DIMENSIONS,
  TABLES,
  cellKey,
  type CellDims,
  type Dimension,
  type TableId,
} from '../../../../shared/stats/model';

/** Codes that are sums of other codes of the same dimension, shown as totals. */
const TOTAL = '_T';
/** VOT = identified + presumed: a subtotal inside the victim status dimension. */
const SUBTOTALS: Partial<Record<Dimension, readonly string[]>> = { VICTIM_STATUS: ['VOT'] };

export const isTotal = (code: string): boolean => code === TOTAL;
export const isSubtotal = (dim: Dimension, code: string): boolean => SUBTOTALS[dim]?.includes(code) ?? false;

export interface GridCell {
  dims: CellDims;
  cell: PreviewCell | undefined;
  /** Footnote number of a suppressed cell, counted per table in reading order. */
  note: number | null;
}

export interface GridRow {
  code: string;
  cells: GridCell[];
}

export interface TableGrid {
  table: TableId;
  rowDim: Dimension;
  /** null: a one-dimensional table, with a single column of counts. */
  colDim: Dimension | null;
  cols: readonly string[];
  rows: GridRow[];
  notes: { n: number; cell: PreviewCell }[];
}

export type CellIndex = Map<string, PreviewCell>;

/**
 * A cell's key from its table's own dimensions only, so that extra entries in `dims` (the
 * record type allows every dimension) can never make a cell unfindable.
 */
export function keyOf(cell: Pick<PreviewCell, 'table' | 'dims'>): string {
  const dims: CellDims = {};
  for (const d of TABLES[cell.table].dims) dims[d] = cell.dims[d];
  return cellKey(cell.table, dims);
}

export function indexCells(cells: readonly PreviewCell[]): CellIndex {
  return new Map(cells.map((c) => [keyOf(c), c]));
}

export const isSuppressed = (cell: PreviewCell | undefined): boolean =>
  cell !== undefined && cell.status !== 'published';

/**
 * The layout of one table: the first dimension down, the second across, every code of
 * `DIMENSIONS` in its order (totals last), whether or not the preview carries the cell.
 */
export function tableGrid(table: TableId, index: CellIndex): TableGrid {
  const [rowDim, colDim] = TABLES[table].dims as [Dimension, Dimension?];
  const cols: readonly string[] = colDim ? DIMENSIONS[colDim] : [''];
  const notes: TableGrid['notes'] = [];
  const rows = DIMENSIONS[rowDim].map((code) => ({
    code,
    cells: cols.map((col) => {
      const dims: CellDims = colDim ? { [rowDim]: code, [colDim]: col } : { [rowDim]: code };
      const cell = index.get(cellKey(table, dims));
      let note: number | null = null;
      if (cell && isSuppressed(cell)) {
        note = notes.length + 1;
        notes.push({ n: note, cell });
      }
      return { dims, cell, note };
    }),
  }));
  return { table, rowDim, colDim: colDim ?? null, cols, rows, notes };
}

/** The published value of a cell, or null when it is missing or will not be published. */
export function publishedValue(index: CellIndex, table: TableId, dims: CellDims): number | null {
  const cell = index.get(cellKey(table, dims));
  return cell && cell.status === 'published' ? cell.value : null;
}

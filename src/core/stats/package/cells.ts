import {
  cellKey,
  DIMENSIONS,
  TABLE_IDS,
  TABLES,
  type CellDims,
  type PublishedCell,
  type TableId,
} from '../../../shared/stats/model';

/** Every cell of every table, in the order the files list them: tables in order, codes in model order. */
export function allCells(): { table: TableId; dims: CellDims; key: string }[] {
  const out: { table: TableId; dims: CellDims; key: string }[] = [];
  for (const table of TABLE_IDS) {
    let combos: CellDims[] = [{}];
    for (const dim of TABLES[table].dims) {
      combos = combos.flatMap((c) => DIMENSIONS[dim].map((code) => ({ ...c, [dim]: code })));
    }
    for (const dims of combos) out.push({ table, dims, key: cellKey(table, dims) });
  }
  return out;
}

let order: Map<string, number> | undefined;
/** Position of a cell key in allCells(); undefined for a key that no table has. */
export function cellIndex(key: string): number | undefined {
  order ??= new Map(allCells().map((c, i) => [c.key, i]));
  return order.get(key);
}

let all: ReturnType<typeof allCells> | undefined;
/** The table and coordinates of a cell key (keys come from cellKey); throws for a key no table has. */
export function cellByKey(key: string): { table: TableId; dims: CellDims } {
  all ??= allCells();
  const i = cellIndex(key);
  const c = i === undefined ? undefined : all[i];
  if (!c) throw new Error(`not a cell of the return: ${key}`);
  return { table: c.table, dims: c.dims };
}

/** The cells of one table, in allCells() order. */
export function cellsOf(table: TableId): { dims: CellDims; key: string }[] {
  all ??= allCells();
  return all.filter((c) => c.table === table);
}

export const CELL_COUNT = (): number => allCells().length;

export const keyOf = (c: Pick<PublishedCell, 'table' | 'dims'>): string => cellKey(c.table, c.dims);

/**
 * Checks that cells cover every table completely, once each, with a value exactly when
 * published. Returns them in canonical order. Throws: a violation is a programming error.
 */
export function canonicalCells(cells: readonly PublishedCell[]): PublishedCell[] {
  const byKey = new Map<string, PublishedCell>();
  for (const c of cells) {
    const key = keyOf(c);
    if (cellIndex(key) === undefined) throw new Error(`not a cell of the return: ${key}`);
    if (byKey.has(key)) throw new Error(`cell given twice: ${key}`);
    // Never a true value behind a suppressed cell: the package must not be able to carry one.
    if ((c.status === 'published') !== (c.value !== null))
      throw new Error(`cell ${key} has a value exactly when it is not published`);
    byKey.set(key, c);
  }
  return allCells().map(({ key }) => {
    const c = byKey.get(key);
    if (!c) throw new Error(`cell missing: ${key}`);
    return c;
  });
}

import { TABLES, type Dimension } from '../../../../shared/stats/model';
import { isSubtotal, isTotal, keyOf, type GridCell, type TableGrid } from './grid';
import { useStatsText, type StatsText } from './text';

/**
 * One table of the return as a real HTML table: codes as row and column headers, totals in
 * bold, and every cell that will not be published marked by a symbol, a letter and a note
 * number (never by colour alone), with the reason spoken in the cell and written under it.
 */
export function StatTable({ grid, k }: { grid: TableGrid; k: number }) {
  const text = useStatsText();
  const { tx } = text;
  const spec = TABLES[grid.table];
  const { rowDim, colDim } = grid;
  // The table is named by its title alone; the rest of the caption explains how to read it.
  const titleId = `stat-title-${grid.table}`;
  return (
    <div className="stat-table-block">
      <div className="table-wrap">
        <table className="table stat-table" data-table={grid.table} aria-labelledby={titleId}>
          <caption className="stat-caption">
            <span className="stat-caption-title" id={titleId}>
              {tx('stats.tables.caption', { id: grid.table, title: text.tableTitle(grid.table) })}
            </span>
            <span className="stat-caption-sub">
              {tx(`stats.tables.measure.${spec.measure}`)}. {tx(`stats.tables.population.${spec.population}`)}
            </span>
            {spec.multiCount ? (
              <span className="stat-caption-sub stat-multicount">
                {tx(`stats.tables.multiCount.${spec.multiCount}`)}
              </span>
            ) : null}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="stat-corner">
                {colDim ? `${text.dimension(rowDim)} / ${text.dimension(colDim)}` : text.dimension(rowDim)}
              </th>
              {colDim ? (
                grid.cols.map((col) => (
                  <th key={col} scope="col" className={columnClass(colDim, col)}>
                    {text.code(colDim, col)}
                  </th>
                ))
              ) : (
                <th scope="col" className="stat-num">
                  {tx(`stats.tables.measure.${spec.measure}`)}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.code} className={rowClass(rowDim, row.code)}>
                <th scope="row">{text.code(rowDim, row.code)}</th>
                {row.cells.map((c, i) => (
                  <Cell
                    key={grid.cols[i] ?? i}
                    c={c}
                    text={text}
                    k={k}
                    isTotalColumn={colDim !== null && isTotal(grid.cols[i] ?? '')}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grid.notes.length > 0 ? (
        <div className="stat-notes">
          <p className="stat-notes-title" id={`stat-notes-${grid.table}`}>
            {tx('stats.tables.notesTitle')} ({grid.table})
          </p>
          <ul className="plain-list" aria-labelledby={`stat-notes-${grid.table}`}>
            {grid.notes.map(({ n, cell }) => (
              <li key={n} data-note={`${grid.table}-${n}`}>
                {tx('stats.tables.noteLine', {
                  mark: tx(cell.status === 'primary' ? 'stats.tables.primaryMark' : 'stats.tables.secondaryMark'),
                  n,
                  cell: text.cell(grid.table, cell.dims),
                  reason: text.reason(cell.reason, k),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function columnClass(dim: Dimension, code: string): string {
  return ['stat-num', isTotal(code) ? 'stat-total' : null, isSubtotal(dim, code) ? 'stat-subtotal' : null]
    .filter(Boolean)
    .join(' ');
}

function rowClass(dim: Dimension, code: string): string | undefined {
  if (isTotal(code)) return 'stat-total-row';
  if (isSubtotal(dim, code)) return 'stat-subtotal-row';
  return undefined;
}

function Cell({ c, text, k, isTotalColumn }: { c: GridCell; text: StatsText; k: number; isTotalColumn: boolean }) {
  const { tx } = text;
  const className = ['stat-num', 'stat-cell', isTotalColumn ? 'stat-total' : null].filter(Boolean).join(' ');
  const cell = c.cell;
  if (!cell) {
    return (
      <td className={className} data-status="missing">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{tx('stats.tables.missingSr')}</span>
      </td>
    );
  }
  const key = keyOf(cell);
  if (cell.status === 'published') {
    return (
      <td className={className} data-status="published" data-cell={key}>
        {text.number(cell.value)}
      </td>
    );
  }
  const primary = cell.status === 'primary';
  const reason = text.reason(cell.reason, k);
  return (
    <td className={`${className} stat-suppressed stat-${cell.status}`} data-status={cell.status} data-cell={key}>
      <span className={`stat-flag stat-flag-${cell.status}`} aria-hidden="true">
        {tx(primary ? 'stats.tables.primaryMark' : 'stats.tables.secondaryMark')}
        <sup className="stat-note-ref">{c.note}</sup>
      </span>{' '}
      <span className="stat-true">({text.number(cell.value)})</span>
      <span className="visually-hidden">
        {', '}
        {tx(primary ? 'stats.tables.cellSrPrimary' : 'stats.tables.cellSrSecondary', { n: c.note, reason })}
      </span>
    </td>
  );
}

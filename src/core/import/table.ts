import { IMPORT_LIMITS } from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/**
 * A spreadsheet as read: the header row and the data rows as text, in memory only (the
 * source file is never copied anywhere). Row numbers are the spreadsheet's own (header = 1),
 * so a report points at the row the user sees.
 */
export interface Table {
  kind: 'xlsx' | 'csv';
  headers: string[];
  rows: TableRow[];
}

export interface TableRow {
  number: number;
  cells: string[];
  /** Columns whose cell held a formula (its cached value is in `cells`). */
  formulas?: number[];
}

export interface TableLimits {
  rows: number;
  columns: number;
  cellChars: number;
}

export const DEFAULT_TABLE_LIMITS: TableLimits = {
  rows: IMPORT_LIMITS.rows,
  columns: IMPORT_LIMITS.columns,
  cellChars: IMPORT_LIMITS.cellChars,
};

const limit = (why: string): AppError => new AppError(ErrorCode.ImportLimitExceeded, why);

export class TableBuilder {
  private headers: string[] | undefined;
  private readonly rows: TableRow[] = [];

  constructor(
    private readonly kind: Table['kind'],
    private readonly limits: TableLimits = DEFAULT_TABLE_LIMITS,
  ) {}

  /** Blank rows are skipped; the first non-blank row is the header. */
  addRow(number: number, raw: readonly string[], formulas: readonly number[] = []): void {
    if (raw.length > this.limits.columns) throw limit('too many columns');
    const cells = raw.map((c) => {
      if (c.length > this.limits.cellChars) throw limit('a cell is too long');
      return c.trim();
    });
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length === 0) return;
    if (!this.headers) {
      this.headers = cells.map((h, i) => (h === '' ? `#${i + 1}` : h));
      return;
    }
    if (this.rows.length >= this.limits.rows) throw limit('too many rows');
    this.rows.push(formulas.length > 0 ? { number, cells, formulas: [...formulas] } : { number, cells });
  }

  finish(): Table {
    if (!this.headers) throw new AppError(ErrorCode.ImportFileInvalid, 'the sheet is empty');
    return { kind: this.kind, headers: this.headers, rows: this.rows };
  }
}

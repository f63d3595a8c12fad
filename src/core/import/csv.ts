import { parse, type Options } from 'csv-parse/sync';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { DEFAULT_TABLE_LIMITS, TableBuilder, type Table, type TableLimits } from './table';

/**
 * CSV as spreadsheet programs write it in Lithuania: UTF-8 (with or without a byte order
 * mark), UTF-16 with a mark, or the Baltic code page Windows-1257; comma, semicolon, tab or
 * pipe between fields. Values are text: a value starting with = + - @ is data, never a formula.
 */

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1257';

// C0 controls other than tab and line breaks, and C1 controls: never in real text, but what
// bytes of a binary file or of a wrong code page decode to.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/u;

export function decodeText(buf: Uint8Array): { text: string; encoding: CsvEncoding } {
  const bad = (): AppError => new AppError(ErrorCode.ImportEncodingInvalid, 'the text encoding is not supported');
  let encoding: CsvEncoding;
  let body = buf;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8';
    body = buf.subarray(3);
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    body = buf.subarray(2);
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    body = buf.subarray(2);
  } else {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      if (CONTROL.test(text)) throw bad();
      return { text, encoding: 'utf-8' };
    } catch (e) {
      if (e instanceof AppError) throw e;
      encoding = 'windows-1257';
    }
  }
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(body);
  } catch {
    throw bad();
  }
  if (CONTROL.test(text)) throw bad();
  return { text, encoding };
}

export const DELIMITERS = [',', ';', '\t', '|'] as const;
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 50;

const BASE: Options = {
  bom: false,
  relax_column_count: true,
  // A quote inside an unquoted field (`=HYPERLINK("x")`, `5" floppy`) is kept as text, as
  // spreadsheet programs read it.
  relax_quotes: true,
  skip_empty_lines: false,
  cast: false,
};

/**
 * The delimiter that splits the first lines into the same number (more than one) of fields
 * most often; ties go to the earlier one in DELIMITERS. A file of one column parses the same
 * with any of them.
 */
export function detectDelimiter(text: string): (typeof DELIMITERS)[number] {
  const sample = text.slice(0, SAMPLE_CHARS);
  const cut = sample.length < text.length ? sample.slice(0, Math.max(0, sample.lastIndexOf('\n'))) : sample;
  let best: (typeof DELIMITERS)[number] = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    let records: string[][];
    try {
      records = parse(cut, { ...BASE, delimiter: d, to_line: SAMPLE_LINES }) as string[][];
    } catch {
      continue;
    }
    const head = records[0]?.length ?? 0;
    if (head < 2) continue;
    const score = records.filter((r) => r.length === head).length * head;
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readCsv(
  buf: Uint8Array,
  limits: TableLimits = DEFAULT_TABLE_LIMITS,
): Table & { encoding: CsvEncoding } {
  const { text, encoding } = decodeText(buf);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      ...BASE,
      delimiter,
      // Header, the row limit and one more to tell "exactly at the limit" from "over it"; blank
      // lines count here, so leave room for a few.
      to_line: limits.rows + 1000,
      max_record_size: limits.columns * limits.cellChars,
    }) as string[][];
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'CSV_MAX_RECORD_SIZE') throw new AppError(ErrorCode.ImportLimitExceeded, 'a row is too long');
    throw new AppError(ErrorCode.ImportFileInvalid, 'not a readable csv file');
  }
  const table = new TableBuilder('csv', limits);
  records.forEach((r, i) => table.addRow(i + 1, r));
  const out = table.finish();
  // The parse stopped at to_line: more text after it means more rows than allowed.
  if (records.length >= limits.rows + 1000) throw new AppError(ErrorCode.ImportLimitExceeded, 'too many rows');
  return { ...out, encoding };
}

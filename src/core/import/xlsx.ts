import sax from 'sax';
import { IMPORT_LIMITS } from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { readEntry, readEntryText, scanZip, type ZipEntry, type ZipLimits } from './zip';
import { TableBuilder, type Table } from './table';

/**
 * The first worksheet of an XLSX file as text cells. Only the parts needed for that are read
 * (workbook, its relationships, styles for telling dates from numbers, shared strings, the
 * sheet), each through the bounded inflater of zip.ts into a streaming XML parser: sax in
 * strict mode with only XML's five predefined entities (a DOCTYPE's entities are never
 * expanded, so no billion-laughs). Formulas are never evaluated: a formula cell gives the
 * value the spreadsheet program cached, and is flagged.
 */

const SMALL_PART = 4 * 1024 * 1024;

const invalid = (why: string): AppError => new AppError(ErrorCode.ImportFileInvalid, `not a readable xlsx: ${why}`);

function strictParser(): sax.SAXParser {
  // strictEntities (sax 1.3+, not yet in @types/sax): only &lt; &gt; &amp; &quot; &apos;, no
  // HTML entity table.
  const options = { trim: false, normalize: false, xmlns: false, position: false, strictEntities: true };
  return sax.parser(true, options as sax.SAXOptions);
}

/** Feeds a part to the parser in slices as it is inflated; the text is decoded as a stream. */
function parsePart(buf: Uint8Array, entry: ZipEntry, parser: sax.SAXParser): void {
  let failure: Error | undefined;
  parser.onerror = (e) => {
    failure ??= e;
  };
  const decoder = new TextDecoder('utf-8');
  readEntry(buf, entry, (chunk) => {
    if (failure) return;
    parser.write(decoder.decode(chunk, { stream: true }));
  });
  if (!failure) parser.write(decoder.decode()).close();
  if (failure) {
    if (failure instanceof AppError) throw failure;
    throw invalid('malformed xml');
  }
}

function parseSmall(buf: Uint8Array, entry: ZipEntry, onOpen: (tag: sax.Tag) => void): void {
  if (entry.size > SMALL_PART) throw new AppError(ErrorCode.ImportTooLarge, 'a part is too large');
  const p = strictParser();
  p.onopentag = (t) => onOpen(t as sax.Tag);
  let failure = false;
  p.onerror = () => {
    failure = true;
  };
  p.write(readEntryText(buf, entry, SMALL_PART)).close();
  if (failure) throw invalid('malformed xml');
}

const local = (name: string): string => name.slice(name.indexOf(':') + 1);
const attr = (t: sax.Tag, name: string): string | undefined => {
  for (const [k, v] of Object.entries(t.attributes)) if (k === name || local(k) === name) return v;
  return undefined;
};

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(buf: Uint8Array, parts: Map<string, ZipEntry>): string {
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  if (!workbook) throw invalid('no workbook');
  let relId: string | undefined;
  parseSmall(buf, workbook, (t) => {
    if (relId === undefined && local(t.name) === 'sheet') relId = attr(t, 'id');
  });
  if (relId === undefined) throw invalid('no worksheet');
  let target: string | undefined;
  if (rels) {
    parseSmall(buf, rels, (t) => {
      if (local(t.name) === 'Relationship' && t.attributes.Id === relId) target = t.attributes.Target;
    });
  }
  target ??= 'worksheets/sheet1.xml';
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  if (!parts.has(path)) throw invalid('worksheet missing');
  return path;
}

// Built-in number formats that show dates (ECMA-376 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (index into cellXfs) show a date. */
function dateStyles(buf: Uint8Array, parts: Map<string, ZipEntry>): Set<number> {
  const styles = parts.get('xl/styles.xml');
  const out = new Set<number>();
  if (!styles) return out;
  const customDate = new Set<number>();
  let inCellXfs = false;
  let xf = 0;
  const p = strictParser();
  p.onopentag = (node) => {
    const t = node as sax.Tag;
    const name = local(t.name);
    if (name === 'numFmt') {
      const code = (attr(t, 'formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./gu, '');
      if (/[dy]/iu.test(code)) customDate.add(Number(attr(t, 'numFmtId')));
    } else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'xf' && inCellXfs) {
      const id = Number(attr(t, 'numFmtId') ?? 0);
      if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) out.add(xf);
      xf++;
    }
  };
  p.onclosetag = (name) => {
    if (local(name) === 'cellXfs') inCellXfs = false;
  };
  let failure = false;
  p.onerror = () => {
    failure = true;
  };
  p.write(readEntryText(buf, styles, SMALL_PART)).close();
  if (failure) throw invalid('malformed styles');
  return out;
}

function sharedStrings(buf: Uint8Array, parts: Map<string, ZipEntry>): string[] {
  const entry = parts.get('xl/sharedStrings.xml');
  const out: string[] = [];
  if (!entry) return out;
  const p = strictParser();
  let current: string | null = null;
  // Phonetic runs (rPh) are reading aids, not the cell's text.
  let depthPhonetic = 0;
  let inT = false;
  p.onopentag = (node) => {
    const name = local(node.name);
    if (name === 'si') current = '';
    else if (name === 'rPh') depthPhonetic++;
    else if (name === 't') inT = true;
  };
  p.onclosetag = (tag) => {
    const name = local(tag);
    if (name === 'si') {
      if (out.length >= IMPORT_LIMITS.sharedStrings)
        throw new AppError(ErrorCode.ImportLimitExceeded, 'too many shared strings');
      out.push(current ?? '');
      current = null;
    } else if (name === 'rPh') depthPhonetic--;
    else if (name === 't') inT = false;
  };
  p.ontext = (text) => {
    if (current !== null && inT && depthPhonetic === 0) {
      current += text;
      if (current.length > IMPORT_LIMITS.cellChars)
        throw new AppError(ErrorCode.ImportLimitExceeded, 'a cell is too long');
    }
  };
  parsePart(buf, entry, p);
  return out;
}

/** "BC12" -> 54 (zero-based column); undefined when the reference is not a cell. */
function columnOf(ref: string | undefined): number | undefined {
  if (!ref) return undefined;
  const m = /^([A-Z]{1,3})[0-9]+$/u.exec(ref);
  if (!m) return undefined;
  let n = 0;
  for (const ch of m[1] as string) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** An Excel serial day (1900 system, with its phantom 29 February 1900) as YYYY-MM-DD. */
export function serialToIsoDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const days = Math.floor(serial) - (serial >= 60 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

export function readXlsx(buf: Uint8Array, limits?: ZipLimits): Table {
  const parts = scanZip(buf, limits);
  const sheetPath = firstSheetPath(buf, parts);
  const dates = dateStyles(buf, parts);
  const strings = sharedStrings(buf, parts);
  const table = new TableBuilder('xlsx');

  const p = strictParser();
  let row: string[] | null = null;
  let rowNumber = 0;
  let formulas: number[] = [];
  let col = 0;
  let cellType = 'n';
  let cellStyle = 0;
  let cellValue = '';
  let inlineText = '';
  let hasFormula = false;
  let inV = false;
  let inInlineT = false;
  p.onopentag = (node) => {
    const t = node as sax.Tag;
    const name = local(t.name);
    if (name === 'row') {
      const r = Number(attr(t, 'r'));
      rowNumber = Number.isInteger(r) && r > rowNumber ? r : rowNumber + 1;
      row = [];
      formulas = [];
      col = 0;
    } else if (name === 'c' && row) {
      col = columnOf(attr(t, 'r')) ?? col;
      cellType = attr(t, 't') ?? 'n';
      cellStyle = Number(attr(t, 's') ?? 0);
      cellValue = '';
      inlineText = '';
      hasFormula = false;
    } else if (name === 'v') inV = true;
    else if (name === 'f') hasFormula = true;
    else if (name === 't' && cellType === 'inlineStr') inInlineT = true;
  };
  p.ontext = (text) => {
    if (inV) cellValue += text;
    else if (inInlineT) inlineText += text;
    if (cellValue.length > IMPORT_LIMITS.cellChars || inlineText.length > IMPORT_LIMITS.cellChars)
      throw new AppError(ErrorCode.ImportLimitExceeded, 'a cell is too long');
  };
  p.onclosetag = (tag) => {
    const name = local(tag);
    if (name === 'v') inV = false;
    else if (name === 't') inInlineT = false;
    else if (name === 'c' && row) {
      if (col >= IMPORT_LIMITS.columns) throw new AppError(ErrorCode.ImportLimitExceeded, 'too many columns');
      let text: string;
      if (cellType === 's') {
        const s = strings[Number(cellValue)];
        if (s === undefined) throw invalid('shared string out of range');
        text = s;
      } else if (cellType === 'inlineStr') text = inlineText;
      else if (cellType === 'b') text = cellValue === '1' ? 'TRUE' : cellValue === '0' ? 'FALSE' : cellValue;
      else if (cellType === 'n' && dates.has(cellStyle) && cellValue !== '')
        text = serialToIsoDate(Number(cellValue)) ?? cellValue;
      else text = cellValue;
      while (row.length < col) row.push('');
      row[col] = text;
      if (hasFormula) formulas.push(col);
      col++;
    } else if (name === 'row' && row) {
      table.addRow(rowNumber, row, formulas);
      row = null;
    }
  };
  parsePart(buf, parts.get(sheetPath) as ZipEntry, p);
  return table.finish();
}

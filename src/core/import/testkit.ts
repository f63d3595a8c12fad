import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * For tests: hand-made XLSX archives, so hostile variants (bombs, lies, formulas, missing parts)
 * can be built byte for byte.
 */
export const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lapas1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
export const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const esc = (s: string): string => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

/** A sheet of inline strings; a cell `{ f, v }` is a formula with its cached value. */
export function sheetXml(rows: (string | { f: string; v: string })[][]): string {
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r
          .map((c, j) => {
            const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
            return typeof c === 'string'
              ? `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`
              : `<c r="${ref}" t="str"><f>${esc(c.f)}</f><v>${esc(c.v)}</v></c>`;
          })
          .join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

export function xlsxBytes(sheet: string | Uint8Array, extra: Zippable = {}): Uint8Array {
  return zipSync({
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': typeof sheet === 'string' ? strToU8(sheet) : sheet,
    ...extra,
  });
}

/** Rewrites the uncompressed size the central directory declares for `name`. */
export function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const target = strToU8(name);
  for (let p = 0; p + 46 < out.length; p++) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    const n = out.subarray(p + 46, p + 46 + len);
    if (len === target.length && n.every((b, i) => b === target[i])) {
      view.setUint32(p + 24, size, true);
      return out;
    }
  }
  throw new Error('entry not found');
}

export function writeTemp(dir: string, name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

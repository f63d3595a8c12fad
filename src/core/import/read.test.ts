import { statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { tempDir } from '../testing/fixtures';
import { decodeText, detectDelimiter, readCsv } from './csv';
import { parseSpreadsheet, readSpreadsheet } from './read';
import { patchDeclaredSize, sheetXml, writeTemp, xlsxBytes } from './testkit';
import { readXlsx, serialToIsoDate } from './xlsx';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('sauga-import-')));
afterEach(() => cleanup());

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('did not throw');
}

describe('xlsx', () => {
  it('reads a workbook written by a spreadsheet library: shared strings, numbers, dates, blanks', async () => {
    const buf = await writeXlsxFile([
      [{ value: 'Vardas' }, { value: 'Pavardė' }, { value: 'Gimimo data' }, { value: 'Amžius' }],
      [
        { value: 'Žėrūnė' },
        { value: 'Šalkauskaitė' },
        { value: new Date(Date.UTC(1990, 4, 17)), format: 'yyyy-mm-dd' },
        null,
      ],
      [null, null, null, null],
      [{ value: 'Ona' }, { value: '=1+1' }, { value: '1985-02' }, { value: 34 }],
    ]).toBuffer();
    const t = readXlsx(new Uint8Array(buf));
    expect(t.headers).toEqual(['Vardas', 'Pavardė', 'Gimimo data', 'Amžius']);
    expect(t.rows.map((r) => [r.number, r.cells])).toEqual([
      [2, ['Žėrūnė', 'Šalkauskaitė', '1990-05-17']],
      // Text starting with = is data: kept as typed, never a formula.
      [4, ['Ona', '=1+1', '1985-02', '34']],
    ]);
  });

  it('takes a formula cell’s cached value as text and flags it, never evaluating it', () => {
    const t = readXlsx(
      xlsxBytes(
        sheetXml([
          ['Vardas', 'Amžius'],
          ['Ona', { f: 'HYPERLINK("http://x","y")+WEBSERVICE("http://x")', v: '41' }],
        ]),
      ),
    );
    expect(t.rows[0]).toEqual({ number: 2, cells: ['Ona', '41'], formulas: [1] });
  });

  it('counts Excel serial days like Excel (1900 system)', () => {
    expect(serialToIsoDate(1)).toBe('1900-01-01');
    expect(serialToIsoDate(61)).toBe('1900-03-01');
    expect(serialToIsoDate(45000)).toBe('2023-03-15');
    expect(serialToIsoDate(-3)).toBeUndefined();
  });

  it('refuses a zip bomb that declares its real size, before inflating anything', () => {
    // 1 GiB of zeros is never made: the directory just says so about a small part.
    const zip = patchDeclaredSize(xlsxBytes(sheetXml([['a']])), 'xl/worksheets/sheet1.xml', 1024 * 1024 * 1024);
    expect(codeOf(() => readXlsx(zip))).toBe(ErrorCode.ImportTooLarge);
  });

  it('refuses a zip bomb by its compression ratio (30 MB of one repeated row in a few kB)', () => {
    const row = '<row><c t="inlineStr"><is><t>a</t></is></c></row>';
    const sheet = strToU8(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(600_000)}</sheetData></worksheet>`,
    );
    const zip = xlsxBytes(sheet);
    expect(zip.length).toBeLessThan(200_000);
    expect(codeOf(() => readXlsx(zip))).toBe(ErrorCode.ImportArchiveRefused);
  });

  it('stops inflating a part that lies about its size, at the declared size', () => {
    const zeros = new Uint8Array(20 * 1024 * 1024);
    const zip = patchDeclaredSize(xlsxBytes(zeros), 'xl/worksheets/sheet1.xml', 900_000);
    const t0 = performance.now();
    expect(codeOf(() => readXlsx(zip))).toBe(ErrorCode.ImportArchiveRefused);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });

  it('never expands entities a DOCTYPE declares (billion laughs)', () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
    expect(codeOf(() => readXlsx(xlsxBytes(laughs)))).toBe(ErrorCode.ImportFileInvalid);
  });

  it('refuses encrypted entries, too many entries, and path tricks', () => {
    const enc = xlsxBytes(sheetXml([['a']]));
    const v = new DataView(enc.buffer);
    for (let p = 0; p < enc.length - 4; p++) if (v.getUint32(p, true) === 0x02014b50) v.setUint16(p + 8, 1, true);
    expect(codeOf(() => readXlsx(enc))).toBe(ErrorCode.ImportArchiveRefused);
    const many = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`x/${i}`, strToU8('')]));
    expect(codeOf(() => readXlsx(xlsxBytes(sheetXml([['a']]), many)))).toBe(ErrorCode.ImportArchiveRefused);
    expect(codeOf(() => readXlsx(xlsxBytes(sheetXml([['a']]), { '../evil': strToU8('x') })))).toBe(
      ErrorCode.ImportArchiveRefused,
    );
  });

  it('reports malformed files as unreadable: not a zip, cut short, no sheet, broken XML', () => {
    expect(codeOf(() => parseSpreadsheet(strToU8('this is not a zip'), 'a.xlsx'))).toBe(ErrorCode.ImportFileInvalid);
    const good = xlsxBytes(sheetXml([['a'], ['b']]));
    expect(codeOf(() => parseSpreadsheet(good.subarray(0, Math.floor(good.length / 2)), 'a.xlsx'))).toBe(
      ErrorCode.ImportFileInvalid,
    );
    const noSheet = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet r:id="rId1" xmlns:r="r"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="worksheets/sheet9.xml"/></Relationships>',
      ),
    });
    expect(codeOf(() => readXlsx(noSheet))).toBe(ErrorCode.ImportFileInvalid);
    expect(codeOf(() => readXlsx(xlsxBytes('<worksheet><sheetData><row>')))).toBe(ErrorCode.ImportFileInvalid);
    // Damaged compressed data in an otherwise whole archive.
    const damaged = new Uint8Array(good);
    const at = damaged.length - 400;
    damaged.fill(0xff, at - 60, at);
    expect([ErrorCode.ImportFileInvalid, ErrorCode.ImportArchiveRefused]).toContain(codeOf(() => readXlsx(damaged)));
  });
});

describe('csv', () => {
  it('detects the delimiter: comma, semicolon, tab, pipe', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(detectDelimiter('a;b;c\n"1,5";2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2\n')).toBe('|');
  });

  it('reads UTF-8 with a BOM, UTF-16 with a BOM and Windows-1257', () => {
    const text = 'Vardas;Pavardė\nŽėrūnė;Šalčiūtė\n';
    const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const bom16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    // Windows-1257: Ž=0xDE ė=0xEB ū=0xFB Š=0xD0 č=0xE8
    const cp1257 = Buffer.from([
      ...Buffer.from('Vardas;Pavard'),
      0xeb,
      0x0a,
      0xde,
      0xeb,
      0x72,
      0xfb,
      0x6e,
      0xeb,
      0x3b,
      0xd0,
      0x61,
      0x6c,
      0xe8,
      0x69,
      0xfb,
      0x74,
      0xeb,
      0x0a,
    ]);
    for (const [buf, enc] of [
      [bom8, 'utf-8'],
      [bom16, 'utf-16le'],
      [cp1257, 'windows-1257'],
    ] as const) {
      const t = readCsv(new Uint8Array(buf));
      expect(t.encoding).toBe(enc);
      expect(t.headers).toEqual(['Vardas', 'Pavardė']);
      expect(t.rows[0]?.cells).toEqual(['Žėrūnė', 'Šalčiūtė']);
    }
  });

  it('refuses broken encodings: binary bytes, a cut UTF-16 file, bytes no code page has', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x50, 0x00, 0x01, 0x02, 0x41])))).toBe(
      ErrorCode.ImportEncodingInvalid,
    );
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])))).toBe(
      ErrorCode.ImportEncodingInvalid,
    );
    // Not UTF-8 and, in Windows-1257, a C1 control (0x81) and an unassigned byte (0xA1).
    expect(codeOf(() => decodeText(new Uint8Array([0x61, 0x81, 0x3b, 0xa1, 0x0a])))).toBe(
      ErrorCode.ImportEncodingInvalid,
    );
  });

  it('keeps values starting with = + - @ as data', () => {
    const t = readCsv(strToU8("A,B,C,D\n=cmd|' /C calc'!A0,+1,-2,@SUM(1)\n"));
    expect(t.rows[0]?.cells).toEqual(["=cmd|' /C calc'!A0", '+1', '-2', '@SUM(1)']);
  });

  it('handles 100,000 rows within the limit and refuses 100,001', () => {
    const line = 'Ona;Petraitienė;2020-01-01;moteris\n';
    const ok = strToU8(`Vardas;Pavardė;Atidarymo data;Lytis\n${line.repeat(100_000)}`);
    const t0 = performance.now();
    expect(readCsv(ok).rows).toHaveLength(100_000);
    const ms = performance.now() - t0;
    expect(ms).toBeLessThan(30_000);
    expect(codeOf(() => readCsv(strToU8(`Vardas;Pavardė;Atidarymo data;Lytis\n${line.repeat(100_001)}`)))).toBe(
      ErrorCode.ImportLimitExceeded,
    );
  });

  it('refuses too many columns and an overlong cell', () => {
    expect(codeOf(() => readCsv(strToU8(`${Array.from({ length: 201 }, (_, i) => `c${i}`).join(',')}\n`)))).toBe(
      ErrorCode.ImportLimitExceeded,
    );
    expect(codeOf(() => readCsv(strToU8(`a,b\n${'x'.repeat(20_001)},y\n`)))).toBe(ErrorCode.ImportLimitExceeded);
  });
});

describe('reading a file', () => {
  it('refuses a 1 GB file by its size without reading it (a sparse file: nothing is written)', () => {
    const path = join(dir, 'didelis.csv');
    writeFileSync(path, 'Vardas\n');
    truncateSync(path, 1024 * 1024 * 1024);
    expect(statSync(path).size).toBe(1024 * 1024 * 1024);
    const t0 = performance.now();
    expect(codeOf(() => readSpreadsheet(path))).toBe(ErrorCode.ImportTooLarge);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });

  it('names a missing file unreadable, and hashes the file name instead of keeping it', () => {
    expect(codeOf(() => readSpreadsheet(join(dir, 'nera.csv')))).toBe(ErrorCode.FileUnreadable);
    const path = writeTemp(dir, 'Bylos 2024.csv', 'Vardas\nOna\n');
    const s = readSpreadsheet(path);
    expect(s.fileNameHash).toMatch(/^[0-9a-f]{64}$/u);
    expect(s.table.rows).toHaveLength(1);
  });
});

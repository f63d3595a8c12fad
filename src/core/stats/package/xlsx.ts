import { unzipSync } from 'fflate';
import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import { TABLE_IDS, TABLES, cellKey, DIMENSIONS, type PublishedCell } from '../../../shared/stats/model';
import { keyOf } from './cells';
import { codeLabel, DIMENSION_LABELS, TABLE_TITLES as TABLE_LABELS } from '../../../shared/stats/labels';
import { writeCanonicalZip } from './zip';

export const MARK_PRIMARY = 'c';
export const MARK_SECONDARY = '(c)';

const bold = (value: string): Row[number] => ({ value, fontWeight: 'bold' });

const LEGEND: Row[] = [
  [bold('Žymėjimai / Legend')],
  [`${MARK_PRIMARY} — neskelbiama: mažiau nei k asmenų / suppressed: fewer than k persons (primary)`],
  [
    `${MARK_SECONDARY} — neskelbiama, kad nebūtų galima apskaičiuoti kito paslėpto langelio / suppressed so that another suppressed cell cannot be worked out (secondary)`,
  ],
  ['_T — iš viso / total; _U — nežinoma / unknown'],
];

const NOTES: Partial<Record<(typeof TABLE_IDS)[number], string>> = {
  T4: 'Asmuo, patyręs kelias išnaudojimo formas, skaičiuojamas prie kiekvienos; formos nesusideda į „Iš viso“. / A person with several forms of exploitation counts under each; the forms do not add up to the total.',
  T6: 'Asmuo, gavęs kelių rūšių paslaugas, skaičiuojamas prie kiekvienos; paslaugos nesusideda į „Iš viso“. / A person receiving several kinds of service counts under each; services do not add up to the total.',
  T7: 'Skaičiuojamos suteiktos paslaugos, ne asmenys. / Counts services rendered, not persons.',
};

/**
 * One sheet per table with Lithuanian and English labels; suppressed cells show a marker, never
 * a number. The result is re-packed with fixed time stamps so the same cells give the same bytes.
 */
export async function tablesWorkbook(
  cells: readonly PublishedCell[],
  o: { periodCode: string; organisation: string },
): Promise<Uint8Array> {
  const byKey = new Map(cells.map((c) => [keyOf(c), c]));
  const show = (key: string): Row[number] => {
    const c = byKey.get(key);
    if (!c) return null;
    if (c.status === 'published') return { value: c.value as number, type: Number };
    return c.status === 'primary' ? MARK_PRIMARY : MARK_SECONDARY;
  };
  const sheets: Sheet<Buffer>[] = TABLE_IDS.map((table) => {
    const def = TABLES[table];
    const [rowDim, colDim] = def.dims as [(typeof def.dims)[number], (typeof def.dims)[number] | undefined];
    const head: Row[] = [
      [bold(`${table} — ${TABLE_LABELS[table].lt}`)],
      [bold(TABLE_LABELS[table].en)],
      [`Laikotarpis / Period: ${o.periodCode}`],
      [`Organizacija / Organisation: ${o.organisation}`],
      [def.measure === 'PERS' ? 'Asmenų skaičius / Number of persons' : 'Paslaugų skaičius / Number of services'],
      [],
    ];
    const rowLabels = (code: string): Row => [code, codeLabel(rowDim, code).lt, codeLabel(rowDim, code).en];
    let grid: Row[];
    if (colDim) {
      const cols = DIMENSIONS[colDim];
      grid = [
        [bold('Kodas / Code'), bold(DIMENSION_LABELS[rowDim].lt), bold(DIMENSION_LABELS[rowDim].en), ...cols.map(bold)],
        [null, null, bold(DIMENSION_LABELS[colDim].lt), ...cols.map((c) => codeLabel(colDim, c).lt)],
        [null, null, bold(DIMENSION_LABELS[colDim].en), ...cols.map((c) => codeLabel(colDim, c).en)],
        ...DIMENSIONS[rowDim].map((r) => [
          ...rowLabels(r),
          ...cols.map((c) => show(cellKey(table, { [rowDim]: r, [colDim]: c }))),
        ]),
      ];
    } else {
      grid = [
        [
          bold('Kodas / Code'),
          bold(DIMENSION_LABELS[rowDim].lt),
          bold(DIMENSION_LABELS[rowDim].en),
          bold('Reikšmė / Value'),
        ],
        ...DIMENSIONS[rowDim].map((r) => [...rowLabels(r), show(cellKey(table, { [rowDim]: r }))]),
      ];
    }
    const note = NOTES[table];
    return {
      sheet: table,
      data: [...head, ...grid, [], ...(note ? [[note], []] : []), ...LEGEND],
      columns: [{ width: 12 }, { width: 34 }, { width: 34 }, ...Array.from({ length: 10 }, () => ({ width: 10 }))],
    };
  });
  const raw = await writeXlsxFile(sheets).toBuffer();
  const parts = unzipSync(new Uint8Array(raw));
  return writeCanonicalZip(
    Object.entries(parts).map(([path, data]) => ({ path, data })),
    { innerNames: true },
  );
}

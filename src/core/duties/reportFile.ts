import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { labelOf } from '../../shared/cases/codes';
import { COMPLIANCE_OUTCOMES, INSTITUTION_TYPES, VICTIM_RECIPIENT } from '../../shared/duties/codes';
import type { ComplianceReport, OutcomeCounts } from '../../shared/duties/schemas';

/**
 * The compliance report as a printable table: one workbook (or CSV) with Lithuanian and English
 * headings. It holds only what the report holds: counts per rule and per recipient type.
 */

const OUTCOMES = COMPLIANCE_OUTCOMES.map((o) => o.code);

export const recipientLabel = (code: string, lang: 'lt' | 'en'): string =>
  code === VICTIM_RECIPIENT.code ? VICTIM_RECIPIENT[lang] : labelOf(INSTITUTION_TYPES, code, lang);

const counts = (c: OutcomeCounts): number[] => [...OUTCOMES.map((o) => c[o]), c.total];

const header = (first: string[]): string[] => [
  ...first,
  ...COMPLIANCE_OUTCOMES.map((o) => `${o.lt} / ${o.en}`),
  'Iš viso / Total',
];

function rows(r: ComplianceReport): (string | number)[][] {
  const out: (string | number)[][] = [
    ['Informavimo pareigų vykdymo ataskaita / Information duties compliance report'],
    [`Laikotarpis / Period: ${r.from} – ${r.to}`],
    [
      r.ruleSet
        ? `Taisyklės / Rules: v${r.ruleSet.version} ${r.ruleSet.title.lt} / ${r.ruleSet.title.en}`
        : 'Taisyklių rinkinys neįdiegtas / No rule set installed',
    ],
    [],
    header(['Gavėjas / Recipient', '']),
    ...r.byRecipient.map((x) => [
      recipientLabel(x.recipient, 'lt'),
      recipientLabel(x.recipient, 'en'),
      ...counts(x.counts),
    ]),
    ['Iš viso / Total', '', ...counts(r.totals)],
    [],
    header(['Taisyklė / Rule', 'Pavadinimas', 'Title']),
    ...r.byRule.map((x) => [x.ruleId, x.title.lt, x.title.en, ...counts(x.counts)]),
  ];
  return out;
}

const csvField = (v: string | number): string => {
  const s = String(v);
  // A leading =, +, - or @ would be a formula in a spreadsheet; quote it as text.
  const safe = /^[=+\-@]/u.test(s) ? `'${s}` : s;
  return /[",\n\r]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
};

export function reportCsv(r: ComplianceReport): string {
  return `${rows(r)
    .map((row) => row.map(csvField).join(','))
    .join('\r\n')}\r\n`;
}

export async function reportWorkbook(r: ComplianceReport): Promise<Uint8Array> {
  const data: Row[] = rows(r).map((row) =>
    row.map((v) => (typeof v === 'number' ? { value: v, type: Number } : { value: v, type: String })),
  );
  const buf = await writeXlsxFile([
    { sheet: 'Report', data, columns: [{ width: 28 }, { width: 40 }, { width: 40 }] },
  ]).toBuffer();
  return new Uint8Array(buf);
}

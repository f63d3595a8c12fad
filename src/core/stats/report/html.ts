import type { SuppressionReason } from '../../../shared/stats/dto';
import {
  type Dimension,
  type DisclosureParams,
  type Period,
  type PublishedCell,
  type TableId,
  DIMENSIONS,
  TABLE_IDS,
  TABLES,
  periodCode,
  periodRange,
} from '../../../shared/stats/model';
import { type CellLookup, type CellView, cellLookup } from './cells';
import { type BarChart, MARKERS, renderBarChart } from './chart';
import {
  type Bilingual,
  DIMENSION_LABELS,
  MEASURE_UNITS,
  MONTHS_EN,
  MONTHS_LT_NOM,
  MULTI_COUNT_NOTES,
  REASONS,
  REASON_LABELS,
  ROW_LABEL_OVERRIDES,
  ROMAN,
  TABLE_TITLES,
  codeLabel,
} from '../../../shared/stats/labels';
import { type Markup, html, join, trustedCss, cspWithStyleHash, STYLE_HASH_SLOT, withStyleHash } from './markup';
import { stylesheet } from './style';
import { summarise } from './words';

/**
 * report.html of a statistics return (statistics.md): the published cells made readable and
 * printable in Lithuanian and English. A pure function of its input, so the bytes hashed into
 * the manifest can be reproduced from the same return.
 */

export interface ReportInput {
  organisation: string;
  period: Period;
  sequence: number;
  packageId: string;
  /** ISO 8601; printed as given, never compared with a clock. */
  createdAt: string;
  softwareVersion: string;
  params: DisclosureParams;
  audit: {
    ok: boolean;
    /** Suppressed cells by the reason they were suppressed. */
    suppressed: Record<SuppressionReason, number>;
  };
  /** Head of the vault's audit chain (src/core/audit/chain.ts), for the ministry to keep. */
  auditHead: { seq: number; mac: string };
  /** Method names as written to sdc/report.json; printed when given. */
  method?: { primary: string; secondary: string; audit: string; solver: string };
  cells: readonly PublishedCell[];
}

/**
 * The CSP allows the one <style> element by its hash (markup.ts withStyleHash) and nothing
 * else: no script, no fetch of any kind, no form target, no base URL. Inline SVG is part of
 * the document and `url(#id)` fill references are same-document fragments, so neither needs
 * img-src. base-uri and form-action do not fall back to default-src, so they are named.
 */
export const REPORT_CSP = cspWithStyleHash(STYLE_HASH_SLOT);

export function renderReturnReport(input: ReportInput): string {
  const cell = cellLookup(input.cells);
  const anyMissing = TABLE_IDS.some((t) => tableCells(t).some((dims) => cell(t, dims).kind === 'missing'));
  const code = periodCode(input.period);
  const doc = html`<!DOCTYPE html>
    <html lang="lt" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${input.organisation} — ${code} — statistinė ataskaita / statistics return</title>
        <style>
          ${trustedCss(stylesheet({ packageId: input.packageId, period: code }))}
        </style>
      </head>
      <body>
        ${titleBlock(input)}
        <main>${summarySection(input, cell, anyMissing)} ${chartsSection(cell)} ${tablesSection(cell)}</main>
        ${footer(input)}
      </body>
    </html> `;
  return withStyleHash(doc.value);
}

function bi(b: Bilingual): Markup {
  return html`<span lang="lt">${b.lt}</span><span class="sep"> / </span><span class="en" lang="en">${b.en}</span>`;
}

function periodLabel(p: Period): Bilingual {
  if (p.kind === 'year') return { lt: `${p.year} m.`, en: `${p.year}` };
  if (p.kind === 'quarter')
    return { lt: `${p.year} m. ${ROMAN[p.quarter - 1] ?? p.quarter} ketvirtis`, en: `Q${p.quarter} ${p.year}` };
  return {
    lt: `${p.year} m. ${MONTHS_LT_NOM[p.month - 1] ?? p.month}`,
    en: `${MONTHS_EN[p.month - 1] ?? p.month} ${p.year}`,
  };
}

function titleBlock(input: ReportInput): Markup {
  const range = periodRange(input.period);
  const row = (label: Bilingual, value: Markup): Markup =>
    html`<dt>${bi(label)}</dt>
      <dd>${value}</dd>`;
  return html`<header>
    <h1>
      <span lang="lt">Pagalbos prekybos žmonėmis aukoms statistinė ataskaita</span>
      <span class="en" lang="en">Statistical return on assistance to victims of trafficking in human beings</span>
    </h1>
    <p class="org"><bdi>${input.organisation}</bdi></p>
    <dl class="meta">
      ${row({ lt: 'Laikotarpis', en: 'Period' }, html`${bi(periodLabel(input.period))} (${range.from} – ${range.to}; <code>${periodCode(input.period)}</code>)`)}
      ${row({ lt: 'Eilės numeris', en: 'Sequence number' }, html`${input.sequence}`)}
      ${row({ lt: 'Paketo identifikatorius', en: 'Package ID' }, html`<code><bdi>${input.packageId}</bdi></code>`)}
      ${row({ lt: 'Sukurta', en: 'Created' }, html`<code><bdi>${input.createdAt}</bdi></code>`)}
      ${row({ lt: 'Programinė įranga', en: 'Software' }, html`Sauga <bdi>${input.softwareVersion}</bdi>`)}
      ${row({ lt: 'Atskleidimo kontrolė', en: 'Disclosure control' }, html`k = ${input.params.k}; ${bi(consentLabel(input.params))}`)}
    </dl>
  </header>`;
}

function consentLabel(p: DisclosureParams): Bilingual {
  return p.consentedOnly
    ? { lt: 'tik atvejai su užfiksuotu sutikimu', en: 'only cases with recorded consent' }
    : { lt: 'visi laikotarpio atvejai', en: 'all cases in the period' };
}

function summarySection(input: ReportInput, cell: CellLookup, anyMissing: boolean): Markup {
  const s = summarise(input.period, cell);
  const para = (lines: readonly string[]): Markup[] =>
    lines.map((l, i) => (i === 0 ? html`<p class="lead">${l}</p>` : html`<p>${l}</p>`));
  const warning = input.audit.ok
    ? html``
    : html`<p class="warning">
        <span lang="lt"
          >Dėmesio: atskleidimo kontrolės auditas neišlaikytas. Šie duomenys neturėjo būti eksportuoti.</span
        >
        <span class="en" lang="en"
          >Warning: the disclosure-control audit did not pass. This return should not have been exported.</span
        >
      </p>`;
  return html`<section aria-labelledby="summary-h">
    <h2 id="summary-h">${bi({ lt: 'Santrauka', en: 'Summary' })}</h2>
    ${warning}
    <div class="summary">
      <div lang="lt">
        <h3>Lietuviškai</h3>
        ${para(s.lt)}
      </div>
      <div lang="en">
        <h3>In English</h3>
        ${para(s.en)}
      </div>
    </div>
    ${legend(input.params, anyMissing)}
  </section>`;
}

function legend(params: DisclosureParams, anyMissing: boolean): Markup {
  const k = params.k;
  const missing = anyMissing
    ? html`<dt>${MARKERS.missing}</dt>
        <dd>
          <span lang="lt">Ląstelės duomenyse nėra.</span>
          <span class="en" lang="en">The cell is not in the return.</span>
        </dd>`
    : html``;
  return html`<section class="legend" aria-labelledby="legend-h">
    <h3 id="legend-h">${bi({ lt: 'Kaip skaityti ataskaitą', en: 'How to read this report' })}</h3>
    <dl>
      <dt>${MARKERS.primary}</dt>
      <dd>
        <span lang="lt"
          >Paslėpta (pirminis slėpimas): ląstelėje 1–${k - 1} asmenys, arba paslaugas gavo mažiau nei ${k} asmenys, arba
          nulis atskleistų, kad beveik visi grupės nariai turi tą patį požymį.</span
        >
        <span class="en" lang="en"
          >Suppressed (primary): the cell counts 1–${k - 1} persons, or fewer than ${k} persons received the services,
          or a zero would reveal that nearly everyone in a group shares an attribute.</span
        >
      </dd>
      <dt>${MARKERS.secondary}</dt>
      <dd>
        <span lang="lt"
          >Paslėpta (antrinis slėpimas): paslėpta tam, kad pirminio slėpimo ląstelių nebūtų galima apskaičiuoti iš sumų
          ir kitų lentelių.</span
        >
        <span class="en" lang="en"
          >Suppressed (secondary): hidden so that primary cells cannot be worked out from totals and the other
          tables.</span
        >
      </dd>
      ${missing}
    </dl>
    <div class="cols">
      <div lang="lt">
        <p>
          Slenkstis k = ${k}: skelbiami tik skaičiai, lygūs 0 arba ne mažesni nei ${k}. Paslėptos reikšmės į paketą
          neįtraukiamos visai – nei į šią ataskaitą, nei į duomenų failus, todėl jų negalima atkurti iš paketo.
        </p>
        <p>
          Kiekvienas asmuo šios organizacijos duomenyse skaičiuojamas vieną kartą. 4 ir 6 lentelėse asmuo skaičiuojamas
          kiekviename stulpelyje ar eilutėje, kuri jam tinka (kelios išnaudojimo formos, kelios paslaugų grupės), todėl
          jų eilučių suma gali viršyti bendrą skaičių.
        </p>
      </div>
      <div lang="en">
        <p>
          Threshold k = ${k}: only counts of 0 or at least ${k} are published. Suppressed values are not in the package
          at all – neither in this report nor in the data files – so they cannot be recovered from it.
        </p>
        <p>
          Each person is counted once within this organisation. In tables 4 and 6 a person is counted under every row
          that applies (several forms of exploitation, several service groups), so the rows may add up to more than the
          total.
        </p>
      </div>
    </div>
  </section>`;
}

/** Every cell a table has: the cross product of its dimensions' codes. */
function tableCells(t: TableId): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const d of TABLES[t].dims) {
    out = out.flatMap((partial) => DIMENSIONS[d].map((c) => ({ ...partial, [d]: c })));
  }
  return out;
}

/** Victims first with their two kinds beneath, then persons at risk, then everyone. */
const VICTIM_STATUS_ROWS: readonly { code: string; sub: boolean }[] = [
  { code: 'VOT', sub: false },
  { code: 'VOT_IDENT', sub: true },
  { code: 'VOT_PRES', sub: true },
  { code: 'AT_RISK', sub: false },
  { code: '_T', sub: false },
];

function rowsOf(d: Dimension): readonly { code: string; sub: boolean }[] {
  return d === 'VICTIM_STATUS' ? VICTIM_STATUS_ROWS : DIMENSIONS[d].map((code) => ({ code, sub: false }));
}

function cellMarkup(v: CellView): Markup {
  if (v.kind === 'value') return html`<td>${v.value}</td>`;
  if (v.kind === 'primary') {
    return html`<td class="q">
      <abbr title="Paslėpta, pirminis slėpimas / Suppressed, primary">${MARKERS.primary}</abbr>
    </td>`;
  }
  if (v.kind === 'secondary') {
    return html`<td class="q">
      <abbr title="Paslėpta, antrinis slėpimas / Suppressed, secondary">${MARKERS.secondary}</abbr>
    </td>`;
  }
  return html`<td class="q"><abbr title="Nėra duomenų / No data">${MARKERS.missing}</abbr></td>`;
}

function renderTable(t: TableId, cell: CellLookup): Markup {
  const def = TABLES[t];
  const [rowDim, colDim] = def.dims as readonly [Dimension, Dimension?];
  const unit = MEASURE_UNITS[def.measure];
  const note = (MULTI_COUNT_NOTES as Partial<Record<TableId, Bilingual>>)[t];
  const noteId = `${t.toLowerCase()}-note`;
  const cols = colDim ? DIMENSIONS[colDim].map((c) => ({ code: c, label: codeLabel(colDim, c) })) : null;
  const head = cols
    ? html`<tr>
        <th scope="col">${bi(DIMENSION_LABELS[rowDim])}</th>
        ${cols.map((c) => html`<th scope="col">${bi(c.label)}</th>`)}
      </tr>`
    : html`<tr>
        <th scope="col">${bi(DIMENSION_LABELS[rowDim])}</th>
        <th scope="col">${bi({ lt: capitalise(unit.lt), en: capitalise(unit.en) })}</th>
      </tr>`;
  const body = rowsOf(rowDim).map((r) => {
    const cls = r.code === '_T' ? html` class="total"` : html``;
    const thCls = r.sub ? html` class="sub"` : html``;
    const cells = cols
      ? cols.map((c) => cellMarkup(cell(t, { [rowDim]: r.code, [colDim as Dimension]: c.code })))
      : [cellMarkup(cell(t, { [rowDim]: r.code }))];
    const overrides: Partial<Record<TableId, Record<string, Bilingual>>> = ROW_LABEL_OVERRIDES;
    const label = overrides[t]?.[r.code] ?? codeLabel(rowDim, r.code);
    return html`<tr${cls}><th scope="row"${thCls}>${bi(label)}</th>${cells}</tr>`;
  });
  const describedBy = note ? html` aria-describedby="${noteId}"` : html``;
  const noteMarkup = note ? html`<p class="note" id="${noteId}">${bi(note)}</p>` : html``;
  return html`<div class="tablewrap">
    <table id="${t.toLowerCase()}" ${describedBy}>
      <caption>
        ${t}. ${bi(TABLE_TITLES[t])}
        <span class="unit">(${bi(unit)})</span>
      </caption>
      <thead>
        ${head}
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
    ${noteMarkup}
  </div>`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function tablesSection(cell: CellLookup): Markup {
  return html`<section class="major" aria-labelledby="tables-h">
    <h2 id="tables-h">${bi({ lt: 'Lentelės', en: 'Tables' })}</h2>
    ${join(
      TABLE_IDS.map((t) => renderTable(t, cell)),
      '\n',
    )}
  </section>`;
}

function chartsSection(cell: CellLookup): Markup {
  // The unknown-sex series is drawn only when it holds something: an empty third bar in every
  // group would halve the room for the two that matter.
  const sexes = ['F', 'M', '_U'].filter(
    (s) =>
      s !== '_U' ||
      ['VOT_IDENT', 'VOT_PRES', 'AT_RISK'].some((st) => {
        const v = cell('T1', { VICTIM_STATUS: st, SEX: s });
        return v.kind !== 'missing' && !(v.kind === 'value' && v.value === 0);
      }),
  );
  const charts: (BarChart & { note?: Bilingual })[] = [
    {
      id: 'chart-t1',
      title: { lt: 'Asmenys pagal statusą ir lytį', en: 'Persons by status and sex' },
      series: sexes.map((s) => ({ label: codeLabel('SEX', s) })),
      categories: ['VOT_IDENT', 'VOT_PRES', 'AT_RISK'].map((st) => ({
        label: codeLabel('VICTIM_STATUS', st),
        values: sexes.map((s) => cell('T1', { VICTIM_STATUS: st, SEX: s })),
      })),
    },
    {
      id: 'chart-t4',
      title: { lt: 'Aukos pagal išnaudojimo formą', en: 'Victims by form of exploitation' },
      series: [{ label: { lt: 'Aukos', en: 'Victims' } }],
      note: MULTI_COUNT_NOTES.T4,
      categories: DIMENSIONS.EXPLOIT.filter((c) => c !== '_T').map((c) => ({
        label: codeLabel('EXPLOIT', c),
        values: [cell('T4', { EXPLOIT: c })],
      })),
    },
    {
      id: 'chart-t7',
      title: { lt: 'Suteiktos paslaugos pagal paslaugų grupę', en: 'Services rendered by service group' },
      series: [{ label: { lt: 'Paslaugos', en: 'Services' } }],
      categories: DIMENSIONS.SERVICE.filter((c) => c !== '_T').map((c) => ({
        label: codeLabel('SERVICE', c),
        values: [cell('T7', { SERVICE: c, SEX: '_T' })],
      })),
    },
  ];
  return html`<section class="major" aria-labelledby="charts-h">
    <h2 id="charts-h">${bi({ lt: 'Diagramos', en: 'Charts' })}</h2>
    <p class="note">
      ${bi({
        lt: `Rodomos tik paskelbtos reikšmės; ${MARKERS.primary} ir ${MARKERS.secondary} žymi paslėptas ląsteles, kurioms stulpelis nebraižomas.`,
        en: `Only published values are drawn; ${MARKERS.primary} and ${MARKERS.secondary} mark suppressed cells, which get no bar.`,
      })}
    </p>
    ${join(
      charts.map(
        (c) =>
          html`<figure>
            <figcaption>${bi(c.title)}</figcaption>
            ${renderBarChart(c)} ${c.note ? html`<p class="note">${bi(c.note)}</p>` : html``}
          </figure>`,
      ),
      '\n',
    )}
  </section>`;
}

function footer(input: ReportInput): Markup {
  const total = REASONS.reduce((sum, r) => sum + (safeCount(input.audit.suppressed[r]) ?? 0), 0);
  const reasonRows = REASONS.map(
    (r) =>
      html`<tr>
        <th scope="row">${bi(REASON_LABELS[r])}</th>
        <td>${countText(input.audit.suppressed[r])}</td>
      </tr>`,
  );
  const method = input.method
    ? html`<dt>${bi({ lt: 'Metodai', en: 'Methods' })}</dt>
        <dd>
          <code
            ><bdi>${input.method.primary}</bdi>; <bdi>${input.method.secondary}</bdi>; <bdi>${input.method.audit}</bdi>;
            <bdi>${input.method.solver}</bdi></code
          >
        </dd>`
    : html``;
  const verdict: Bilingual = input.audit.ok
    ? { lt: 'išlaikytas', en: 'passed' }
    : { lt: 'NEIŠLAIKYTAS', en: 'NOT PASSED' };
  return html`<footer aria-labelledby="footer-h">
    <h2 id="footer-h">${bi({ lt: 'Atskleidimo kontrolė ir auditas', en: 'Disclosure control and audit' })}</h2>
    <dl class="meta">
      <dt>${bi({ lt: 'Slenkstis', en: 'Threshold' })}</dt>
      <dd>k = ${input.params.k}</dd>
      <dt>${bi({ lt: 'Įtraukti atvejai', en: 'Cases included' })}</dt>
      <dd>${bi(consentLabel(input.params))}</dd>
      ${method}
      <dt>${bi({ lt: 'Auditas', en: 'Audit' })}</dt>
      <dd><strong>${bi(verdict)}</strong></dd>
      <dt>${bi({ lt: 'Audito grandinės viršūnė', en: 'Audit chain head' })}</dt>
      <dd>${bi({ lt: 'įrašas', en: 'entry' })} ${input.auditHead.seq}; MAC ${macMarkup(input.auditHead.mac)}</dd>
    </dl>
    <table>
      <caption>
        ${bi({ lt: 'Paslėptos ląstelės pagal priežastį', en: 'Suppressed cells by reason' })}
      </caption>
      <thead>
        <tr>
          <th scope="col">${bi({ lt: 'Priežastis', en: 'Reason' })}</th>
          <th scope="col">${bi({ lt: 'Ląstelės', en: 'Cells' })}</th>
        </tr>
      </thead>
      <tbody>
        ${reasonRows}
        <tr class="total">
          <th scope="row">${bi({ lt: 'Iš viso', en: 'Total' })}</th>
          <td>${total}</td>
        </tr>
      </tbody>
    </table>
    <div class="cols">
      <div lang="lt">
        <p>
          <strong>Metodas.</strong> Pirminis slėpimas: asmenų skaičiai nuo 1 iki ${input.params.k - 1}, paslaugų
          ląstelės, kurias gavo mažiau nei ${input.params.k} asmenys, ir atskleidžiantys nuliai. Antrinis slėpimas:
          visose septyniose lentelėse kartu, nes jos turi bendras sumas, pigiausios ląstelės pirmiausia. Auditas:
          kiekvienai paslėptai ląstelei apskaičiuojama mažiausia ir didžiausia reikšmė, suderinama su paskelbtais
          duomenimis (tiesinis programavimas); eksportas atmetamas, jei pirminės ląstelės intervalas siauresnis nei k
          arba jos reikšmė nustatoma vienareikšmiškai.
        </p>
        <p>
          <strong>Audito grandinės viršūnė</strong> – paskutinis organizacijos audito žurnalo įrašas ir jo HMAC.
          Ministerija ją saugo; vėlesnė viršūnė, kuri nepratęsia šios, rodo perrašytą žurnalą.
        </p>
        <p>
          Ši ataskaita yra tik skaitoma duomenų forma. Paketo autentiškumą ir vientisumą patvirtina pasirašytas
          manifest.json (komanda <code>sauga stats verify</code>).
        </p>
      </div>
      <div lang="en">
        <p>
          <strong>Method.</strong> Primary suppression: person counts from 1 to ${input.params.k - 1}, service cells
          with fewer than ${input.params.k} persons behind them, and revealing zeros. Secondary suppression: across all
          seven tables together, since they share totals, cheapest cells first. Audit: for each suppressed cell the
          lowest and highest values consistent with what is published are computed (linear programming); the export is
          refused if a primary cell's range is narrower than k or its value can be pinned down.
        </p>
        <p>
          <strong>The audit chain head</strong> is the last entry of the organisation's audit log and its HMAC. The
          ministry keeps it; a later head that does not extend this one shows a rewritten log.
        </p>
        <p>
          This report is a readable rendering only. The package's authenticity and integrity are established by the
          signed manifest.json (<code>sauga stats verify</code>).
        </p>
      </div>
    </div>
  </footer>`;
}

function safeCount(n: number | undefined): number | null {
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : null;
}

function countText(n: number | undefined): string {
  const c = safeCount(n);
  return c === null ? MARKERS.missing : String(c);
}

/**
 * Hex in groups of eight for reading aloud against the ministry's record; the groups are
 * spaced by CSS, not by characters, so a copied value is still the exact hex.
 */
function macMarkup(mac: string): Markup {
  if (!/^[0-9a-f]+$/i.test(mac)) return html`<code class="mono"><bdi>${mac}</bdi></code>`;
  const groups: Markup[] = [];
  for (let i = 0; i < mac.length; i += 8) groups.push(html`<span class="g">${mac.slice(i, i + 8)}</span>`);
  return html`<code class="mono mac">${groups}</code>`;
}

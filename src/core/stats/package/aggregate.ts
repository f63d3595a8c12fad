import { cspWithStyleHash, STYLE_HASH_SLOT, withStyleHash } from '../report/markup';
import { ErrorCode } from '../../../shared/errors';
import { cellKey, TABLES, TABLE_IDS, DIMENSIONS, type PublishedCell } from '../../../shared/stats/model';
import { AppError } from '../../errors';
import { tableRelations } from '../relations';
import { protect as defaultProtect, SdcInputError } from '../sdc';
import type { SdcCell, SdcProblem, SdcRelation, SdcResult } from '../sdc/types';
import { allCells } from './cells';
import { CRLF, observationsCsv } from './formats';
import { codeLabel, DIMENSION_LABELS, TABLE_TITLES as TABLE_LABELS } from '../../../shared/stats/labels';
import type { ManifestPeriod, SdcMethod } from './manifest';
import type { VerifiedPackage } from './verify';

/**
 * National tables from verified returns. What "persons" means here: the sum of each NGO's
 * distinct persons. NGOs cannot deduplicate across each other without sharing identities, so a
 * person helped by two NGOs is counted twice; national PERS cells count person-NGO pairs.
 */

export const NATIONAL_STATUS = ['published', 'incomplete', 'primary', 'secondary'] as const;
export type NationalStatus = (typeof NATIONAL_STATUS)[number];

export interface NationalCell {
  table: PublishedCell['table'];
  dims: PublishedCell['dims'];
  key: string;
  /**
   * published: the national total. incomplete: the sum of the published contributions only, a
   * lower bound, since at least one NGO suppressed its share. primary/secondary: null, hidden
   * by the national re-protection.
   */
  value: number | null;
  status: NationalStatus;
  contributors: number;
  suppressedContributions: number;
}

export interface NationalSource {
  organisation: string;
  keyId: string;
  packageId: string;
  sequence: number;
  sha256: string;
}

export interface NationalReturn {
  period: ManifestPeriod;
  k: number;
  sources: NationalSource[];
  cells: NationalCell[];
  audit: { ok: boolean; programmes: number };
  method: SdcMethod;
  statements: { lt: string; en: string }[];
}

export interface AggregateOptions {
  /** The threshold for the national tables; by default the largest k of the returns. */
  k?: number;
  protect?: (problem: SdcProblem) => Promise<SdcResult>;
  relations?: readonly SdcRelation[];
}

export const STATEMENTS: { lt: string; en: string }[] = [
  {
    lt: 'Asmuo, kuriam pagalbą teikė dvi organizacijos, skaičiuojamas du kartus: nacionaliniai asmenų skaičiai yra organizacijų skaičių suma, o ne skirtingų asmenų skaičius.',
    en: 'A person helped by two NGOs is counted twice: national person counts are the sum of each organisation’s counts, not a count of distinct persons.',
  },
  {
    lt: 'Langelis pažymėtas kaip nepilnas, kai bent viena organizacija savo dalį paslėpė: rodoma paskelbtų dalių suma yra apatinė riba, ne tikroji suma.',
    en: 'A cell is marked incomplete when at least one NGO suppressed its share: the sum of the published shares shown is a lower bound, not the total.',
  },
  {
    lt: 'Nacionalinės lentelės dar kartą apsaugotos tuo pačiu statistinio konfidencialumo metodu.',
    en: 'The national tables were protected again with the same disclosure-control method.',
  },
];

/** Keeps the newest return of each organisation when it replaces the others; refuses anything else. */
function latestPerOrganisation(returns: readonly VerifiedPackage[]): VerifiedPackage[] {
  const replaced = new Set(returns.flatMap((r) => (r.manifest.replaces ? [r.manifest.replaces] : [])));
  const kept = returns.filter((r) => !replaced.has(r.manifest.packageId));
  const orgs = new Set<string>();
  for (const r of kept) {
    if (orgs.has(r.signedBy.organisation))
      throw new AppError(
        ErrorCode.StatsDuplicateReturn,
        'two returns of one organisation, neither replacing the other',
      );
    orgs.add(r.signedBy.organisation);
  }
  return kept;
}

export async function aggregateReturns(
  returns: readonly VerifiedPackage[],
  o: AggregateOptions = {},
): Promise<NationalReturn> {
  if (returns.length === 0) throw new AppError(ErrorCode.InvalidInput, 'no returns to add up');
  const periods = new Set(returns.map((r) => r.manifest.period.code));
  if (periods.size !== 1) throw new AppError(ErrorCode.StatsPeriodMismatch, 'the returns are for different periods');
  const used = latestPerOrganisation(returns);
  const first = used[0] as VerifiedPackage;
  const k = o.k ?? Math.max(...used.map((r) => r.manifest.disclosureControl.params.k));

  const perKey = used.map((r) => new Map(r.cells.map((c) => [cellKey(c.table, c.dims), c])));
  const sums = allCells().map(({ table, dims, key }) => {
    let value = 0;
    let suppressed = 0;
    for (const m of perKey) {
      const c = m.get(key);
      if (!c || c.value === null) suppressed++;
      else value += c.value;
    }
    return { table, dims, key, value, suppressed };
  });
  const byKey = new Map(sums.map((s) => [s.key, s]));

  // Only complete cells go through protection: an incomplete cell's lower bound would violate
  // the table relations, and it is a sum of values every contributing return already published.
  const complete = sums.filter((s) => s.suppressed === 0);
  const completeKeys = new Set(complete.map((s) => s.key));
  const sdcCells: SdcCell[] = complete.map((s) => {
    if (TABLES[s.table].measure === 'PERS') return { key: s.key, measure: 'PERS', value: s.value, persons: s.value };
    // Persons behind a service cell: T6 of the same service and sex (a lower bound when incomplete).
    const persons = byKey.get(cellKey('T6', s.dims))?.value ?? 0;
    return {
      key: s.key,
      measure: 'SERV',
      value: s.value,
      persons: s.value === 0 ? 0 : Math.max(1, Math.min(s.value, persons)),
    };
  });
  const relations = (o.relations ?? tableRelations()).filter((r) => r.terms.every((t) => completeKeys.has(t.key)));
  const range = { from: first.manifest.period.from, to: first.manifest.period.to };
  let result: SdcResult;
  try {
    result = await (o.protect ?? defaultProtect)({ cells: sdcCells, relations, k, ...range });
  } catch (e) {
    if (!(e instanceof SdcInputError)) throw e;
    throw new AppError(
      ErrorCode.StatsPackageRejected,
      'the published values of the returns contradict the table relations',
      { cause: e },
    );
  }
  const status = new Map(result.cells.map((c) => [c.key, c.status]));

  const cells: NationalCell[] = sums.map((s) => {
    const base = {
      table: s.table,
      dims: s.dims,
      key: s.key,
      contributors: used.length,
      suppressedContributions: s.suppressed,
    };
    if (s.suppressed > 0) return { ...base, value: s.value, status: 'incomplete' };
    const st = status.get(s.key) ?? 'published';
    return { ...base, value: st === 'published' ? s.value : null, status: st };
  });
  return {
    period: first.manifest.period,
    k,
    sources: used.map((r) => ({
      organisation: r.signedBy.organisation,
      keyId: r.signedBy.keyId,
      packageId: r.manifest.packageId,
      sequence: r.manifest.sequence,
      sha256: r.sha256,
    })),
    cells,
    audit: { ok: result.audit.ok, programmes: result.audit.programmes },
    method: result.method,
    statements: STATEMENTS,
  };
}

/**
 * SDMX-CSV of the national tables: the columns of a return plus SUPPRESSED_CONTRIB, the number
 * of NGOs that hid their share. Where it is above 0, OBS_VALUE is a lower bound.
 */
export function nationalCsv(n: NationalReturn): string {
  const byKey = new Map(n.cells.map((c) => [c.key, c]));
  const cells = n.cells.map((c) => ({
    table: c.table,
    dims: c.dims,
    value: c.value,
    status: c.status === 'incomplete' ? 'published' : c.status,
  }));
  return observationsCsv(cells, n.period.code, {
    names: ['SUPPRESSED_CONTRIB'],
    values: (c) => [String(byKey.get(cellKey(c.table, c.dims))?.suppressedContributions ?? 0)],
  });
}

const esc = (s: string): string =>
  s.replace(
    /[&<>"']/gu,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );

/** A self-contained, printable page: no scripts, no external resources, both languages. */
export function nationalHtml(n: NationalReturn): string {
  const byKey = new Map(n.cells.map((c) => [c.key, c]));
  const show = (key: string): string => {
    const c = byKey.get(key);
    if (!c) return '';
    if (c.status === 'primary' || c.status === 'secondary') return '<td class="c">c</td>';
    if (c.status === 'incomplete') return `<td class="lb">≥ ${c.value ?? 0}</td>`;
    return `<td>${c.value ?? ''}</td>`;
  };
  const tables = TABLE_IDS.map((t) => {
    const [rowDim, colDim] = TABLES[t].dims as [keyof typeof DIMENSIONS, keyof typeof DIMENSIONS | undefined];
    const cols: readonly (string | null)[] = colDim ? DIMENSIONS[colDim] : [null];
    const head = cols
      .map(
        (c) =>
          `<th>${c === null || !colDim ? 'Reikšmė / Value' : esc(`${codeLabel(colDim, c).lt} / ${codeLabel(colDim, c).en}`)}</th>`,
      )
      .join('');
    const rows = DIMENSIONS[rowDim]
      .map((r) => {
        const label = codeLabel(rowDim, r);
        const tds = cols
          .map((c) => show(cellKey(t, c === null || !colDim ? { [rowDim]: r } : { [rowDim]: r, [colDim]: c })))
          .join('');
        return `<tr><th scope="row">${esc(`${label.lt} / ${label.en}`)}</th>${tds}</tr>`;
      })
      .join('\n');
    const dimLabel = esc(`${DIMENSION_LABELS[rowDim].lt} / ${DIMENSION_LABELS[rowDim].en}`);
    return `<section><h2>${t}: ${esc(TABLE_LABELS[t].lt)} / ${esc(TABLE_LABELS[t].en)}</h2>
<table><thead><tr><th>${dimLabel}</th>${head}</tr></thead><tbody>
${rows}
</tbody></table></section>`;
  }).join('\n');
  const sources = n.sources
    .map((s) => `<li>${esc(s.organisation)}: ${esc(s.packageId)} (#${s.sequence}, ${esc(s.keyId)})</li>`)
    .join('\n');
  return withStyleHash(`<!doctype html>
<html lang="lt"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${cspWithStyleHash(STYLE_HASH_SLOT)}">
<title>Nacionalinės lentelės / National tables ${esc(n.period.code)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #999;padding:.2em .5em}td{text-align:right}.c,.lb{font-style:italic}</style>
</head><body>
<h1>Nacionalinės lentelės / National tables: ${esc(n.period.code)} (${esc(n.period.from)} – ${esc(n.period.to)})</h1>
<ul>${n.statements.map((s) => `<li lang="lt">${esc(s.lt)}<br><span lang="en">${esc(s.en)}</span></li>`).join('\n')}</ul>
<p>c — neskelbiama / suppressed; ≥ n — nepilna, apatinė riba / incomplete, lower bound. k = ${n.k}.
Apsaugos auditas / Disclosure audit: ${n.audit.ok ? 'sėkmingas / passed' : 'NEPAVYKO / FAILED'}.</p>
${tables}
<h2>Šaltiniai / Sources</h2>
<ul>${sources}</ul>
</body></html>
`);
}

export { CRLF };

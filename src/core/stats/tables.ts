/**
 * The statistics tables T1..T7 (../shared/design/statistics.md) of one period, built in one SQL
 * statement from the case records. Every cell of every table is returned, zeros and totals
 * included, with the true values: disclosure control (./sdc) decides what is published.
 *
 * Who is counted
 * - A case counts in the period when it was open at some time in it (opened <= to and not
 *   closed before from), or when a service it records was rendered in the period (see below):
 *   keeping a case open is itself assistance (case management, CETS 197 art. 12), and a service
 *   dated outside the case's open interval (follow-up after closure, help before the formal
 *   opening) is assistance too.
 * - Only cases with a victim status of at risk, presumed or formally identified: NOT_VICTIM is
 *   excluded (Eurostat counts victims and persons at risk, not people found not to be either),
 *   and so is a case whose status has not been recorded yet, since VICTIM_STATUS has no unknown
 *   code and T1's total must be the population of every other table.
 * - The victim status is the case's current one, not the one it had during the period: a
 *   return rebuilt later reflects what is known then, and the register of published returns
 *   (revisions) is what keeps successive returns coherent.
 * - consentedOnly: only cases holding a consent record with purpose STATISTICS (any recipient)
 *   that is in force on `asOf` (the day the return is built: given by then, neither withdrawn
 *   nor expired), because the processing for the return happens when it is built. The filter
 *   applies to cases before persons are merged, so a person counts only through consented cases.
 *
 * Deduplication (PERS = distinct persons within the NGO)
 * - The schema links no cases of one person; its duplicate warning compares the folded name
 *   (cases.name_key) and the year of birth (cases.birth_year). Cases with the same name_key and
 *   the same birth_year, both recorded, are one person; a case without either is a person of its
 *   own. The year must match exactly (the warning allows +-1 for estimates): a missed merge
 *   counts one person twice, a wrong one would hide a person, and the count must not undercount.
 * - A person's victim status is the highest among their counted cases (identified > presumed >
 *   at risk). Every other attribute (sex, birth, citizenship, referral) comes from the first of
 *   their cases that records it, in the order: highest status, latest opened, latest created.
 *   Forms of exploitation are the union over their cases; services are those of all their cases.
 *
 * Dimensions
 * - SEX from the statistical sex (identity.sex, cases.sex), never the gender; U or none -> _U.
 * - AGE at first assistance in the period: the earliest day in the period on which one of the
 *   person's cases was open or a counted service was rendered. The birth date is the date of
 *   birth when given (an estimated one, `~`, as if exact); a partial one stands for the middle of
 *   the range it allows (a year for 1 July, a month for its 15th), so that ages near 18 are not
 *   all pushed to one side; without a date of birth, the estimated age on the day it was
 *   estimated (or the opening day) stands for a birth half a year before that age was reached.
 *   No birth date and no estimate -> _U. (cases.birth_date, kept by refreshDerived; migration 0005.)
 * - CITIZENSHIP through citizenshipStats() of the shared code lists, from the organisation's
 *   country (opts.orgCountry, LT unless given).
 * - EXPLOIT through the `stats` codes of EXPLOITATION_FORMS; a person counts once in each group
 *   any of their forms maps to (SLAVERY and FORCED_LABOUR are one LAB_EXPL), so the forms do not
 *   add up to _T; a victim with no form recorded is _U.
 * - REFERRAL: the first identifier of the status section (how the person came to the NGO),
 *   else the incoming referral's source, through the `stats` codes of REFERRAL_SOURCES.
 * - SERVICE groups through the `stats` codes of SERVICES (shared/cases/codes.ts).
 *
 * Services (T6, T7)
 * - Only services PROVIDED by the organisation: the return reports the NGO's own assistance.
 *   REFERRED is not known to have happened, DECLINED and UNAVAILABLE did not, and a service
 *   RECEIVED_ELSEWHERE was rendered by another body that reports it itself (national totals
 *   would count it twice).
 * - A service is rendered in the period when its span [date, endDate or date] overlaps it: a
 *   shelter stay that began last year is housing this year too. T7 counts each such service
 *   record once per period; T6 counts the persons who received at least one service of the
 *   group, and its SERVICE=_T the persons who received any.
 *
 * Consistency: person attributes are single-valued, so every non-multi-count dimension adds
 * up exactly (F+M+_U = _T, VOT_IDENT+VOT_PRES = VOT, VOT+AT_RISK = _T, the victims' tables
 * total T1's VOT, T6 and T7 per sex add to their _T); the multi-count _T cells come from SQL.
 */
import {
  citizenshipStats,
  EXPLOITATION_FORMS,
  REFERRAL_SOURCES,
  SERVICES,
  SEXES,
  VICTIM_STATUSES,
} from '../../shared/cases/codes';
import { cellKey, DIMENSIONS, TABLE_IDS, TABLES, type Dimension, type TableId } from '../../shared/stats/model';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { cellsOf } from './package/cells';
import type { SdcCell } from './sdc/types';

export interface BuildOptions {
  /** Count only cases whose consent to statistical reporting is in force on `asOf`. */
  consentedOnly: boolean;
  /** ISO 3166 code of the organisation's country, for CITIZENSHIP (LT unless given). */
  orgCountry?: string;
  /** The day the return is built (YYYY-MM-DD), for consents; today (UTC) unless given. */
  asOf?: string;
}

export interface BuiltTables {
  cells: SdcCell[];
  /** Cases counted (after the consent filter). */
  cases: number;
  /** Distinct persons counted: T1's total. */
  persons: number;
}

/** The only service status counted as rendered (see the header). */
export const COUNTED_SERVICE_STATUS = 'PROVIDED';

// Code -> statistics code maps, bound as JSON parameters so the SQL never restates the lists.
const statusMap = JSON.stringify(
  Object.fromEntries(VICTIM_STATUSES.filter((s) => s.stats !== null).map((s) => [s.code, s.stats])),
);
const formBits = JSON.stringify(Object.fromEntries(EXPLOITATION_FORMS.map((f) => [f.bit, f.stats])));
const serviceMap = JSON.stringify(Object.fromEntries(SERVICES.map((s) => [s.code, s.stats])));

/*
 * One statement, so every table comes from the same snapshot. Each row is
 * (part, a, b, value, persons):
 *   cases  -, -                 cases counted
 *   T1     status, sex          persons
 *   T2     sex, age             victims
 *   T3     citizenships JSON, - victims (mapped to CITIZENSHIP in JS with citizenshipStats)
 *   T5     referral source, -   victims
 *   T4     group | '_ANY', -    victims with a form in the group | with any form
 *   SV     group | '_T', sex    services, distinct persons
 * Sex stays the raw code (F, M, NULL: U is folded into NULL) so each person has exactly one.
 * Status priorities: 3 identified, 2 presumed, 1 at risk.
 */
const SQL = `
WITH
open_cases AS MATERIALIZED (
  SELECT n FROM cases WHERE opened_at <= @to AND (closed_at IS NULL OR closed_at >= @from)
),
svc AS MATERIALIZED (
  SELECT s.case_n, s.type, s.date FROM case_services s
  WHERE s.date BETWEEN @from AND @to AND s.status = @serviceStatus
  UNION ALL
  SELECT s.case_n, s.type, s.date FROM open_cases o CROSS JOIN case_services s ON s.case_n = o.n
  WHERE s.date < @from AND s.status = @serviceStatus AND s.end_date >= @from
),
svc_first AS (
  SELECT case_n, min(max(date, @from)) AS first FROM svc GROUP BY case_n
),
candidates AS (
  SELECT n FROM open_cases UNION SELECT case_n FROM svc
),
raw AS (
  SELECT c.n, c.opened_at, c.exploit_mask AS mask,
    CASE vm.value WHEN 'VOT_IDENT' THEN 3 WHEN 'VOT_PRES' THEN 2 ELSE 1 END AS prio,
    CASE WHEN c.name_key IS NOT NULL AND c.birth_year IS NOT NULL
      THEN c.name_key || char(31) || c.birth_year ELSE char(30) || c.n END AS pk,
    nullif(c.sex, 'U') AS sex,
    CASE
      WHEN c.opened_at > @to OR c.closed_at < @from THEN sf.first
      WHEN sf.first IS NULL THEN max(c.opened_at, @from)
      ELSE min(max(c.opened_at, @from), sf.first)
    END AS first,
    c.birth_date AS born, c.citizenships AS cit, c.referral_source AS ref
  FROM candidates k
  CROSS JOIN cases c ON c.n = k.n
  JOIN json_each(@statusMap) vm ON vm.key = c.victim_status
  LEFT JOIN svc_first sf ON sf.case_n = c.n
  WHERE @consentedOnly = 0 OR EXISTS (
    SELECT 1 FROM case_consents cc
    WHERE cc.case_n = c.n AND cc.purpose = 'STATISTICS' AND cc.given_at <= @asOf
      AND (cc.withdrawn_at IS NULL OR cc.withdrawn_at > @asOf)
      AND (cc.expires_at IS NULL OR cc.expires_at >= @asOf))
),
pcases AS MATERIALIZED (
  SELECT n, pk, prio, mask, sex, first, cit, ref, born,
    row_number() OVER (ORDER BY prio, opened_at, n) AS rk
  FROM raw
),
persons AS MATERIALIZED (
  SELECT pk, max(prio) AS prio, min(first) AS first,
    substr(max(CASE WHEN sex IS NOT NULL THEN printf('%012d', rk) || sex END), 13) AS sex,
    substr(max(CASE WHEN born IS NOT NULL THEN printf('%012d', rk) || born END), 13) AS born,
    substr(max(CASE WHEN cit IS NOT NULL THEN printf('%012d', rk) || cit END), 13) AS cit,
    substr(max(CASE WHEN ref IS NOT NULL THEN printf('%012d', rk) || ref END), 13) AS ref
  FROM pcases GROUP BY pk
),
victims AS (
  SELECT * FROM persons WHERE prio >= 2
),
victim_forms AS (
  SELECT DISTINCT p.pk, fb.value AS grp
  FROM pcases p JOIN json_each(@formBits) fb ON (p.mask >> fb.key) & 1
  WHERE p.pk IN (SELECT pk FROM victims)
),
person_services AS (
  SELECT p.pk, p.sex, sm.value AS grp
  FROM svc s JOIN pcases pc ON pc.n = s.case_n JOIN persons p ON p.pk = pc.pk
  JOIN json_each(@serviceMap) sm ON sm.key = s.type
)
SELECT 'cases' AS part, NULL AS a, NULL AS b, count(*) AS value, NULL AS persons FROM pcases
UNION ALL
SELECT 'T1', CASE prio WHEN 3 THEN 'VOT_IDENT' WHEN 2 THEN 'VOT_PRES' ELSE 'AT_RISK' END, sex, count(*), NULL
FROM persons GROUP BY 2, 3
UNION ALL
SELECT 'T2', sex, CASE WHEN born IS NULL THEN '_U' WHEN first < date(born, '+18 years') THEN 'Y_LT18' ELSE 'Y_GE18' END,
  count(*), NULL
FROM victims GROUP BY 2, 3
UNION ALL
SELECT 'T3', cit, NULL, count(*), NULL FROM victims GROUP BY 2
UNION ALL
SELECT 'T5', ref, NULL, count(*), NULL FROM victims GROUP BY 2
UNION ALL
SELECT 'T4', grp, NULL, count(*), NULL FROM victim_forms GROUP BY 2
UNION ALL
SELECT 'T4', '_ANY', NULL, count(DISTINCT pk), NULL FROM victim_forms
UNION ALL
SELECT 'SV', grp, sex, count(*), count(DISTINCT pk) FROM person_services GROUP BY 2, 3
UNION ALL
SELECT 'SV', '_T', sex, count(*), count(DISTINCT pk) FROM person_services GROUP BY 3
`;

interface Row {
  part: 'cases' | 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'SV';
  a: string | null;
  b: string | null;
  value: number;
  persons: number | null;
}

interface Stat {
  value: number;
  persons: number;
}

const statsOf = <E extends { code: string; stats: string | null }>(list: readonly E[], code: string | null): string =>
  (code === null ? undefined : list.find((e) => e.code === code)?.stats) ?? '_U';

/** Codes that are sums of other codes of their dimension, besides `_T`. */
const DERIVED: Partial<Record<Dimension, Record<string, readonly string[]>>> = {
  VICTIM_STATUS: { VOT: ['VOT_IDENT', 'VOT_PRES'] },
};

/** The codes a cell's code adds up; a multi-count dimension's `_T` is a value of its own. */
function expand(dim: Dimension, code: string, multiCount: Dimension | undefined): readonly string[] {
  const derived = DERIVED[dim] ?? {};
  if (code === '_T' && dim !== multiCount) return DIMENSIONS[dim].filter((c) => c !== '_T' && !(c in derived));
  return derived[code] ?? [code];
}

/**
 * Every cell of one table from its leaf counts: a total or derived code is the sum of the
 * leaves it stands for, so the table adds up by construction.
 */
function tableCells(
  table: TableId,
  leaves: Map<string, Stat>,
  personsOf?: (dims: Record<string, string>) => number,
): SdcCell[] {
  const { dims, measure, multiCount } = TABLES[table];
  return cellsOf(table).map(({ dims: coordinates, key }) => {
    const cell = coordinates as Record<string, string>;
    let value = 0;
    let persons = 0;
    const leafCells = dims.reduce<Record<string, string>[]>(
      (acc, d) => acc.flatMap((partial) => expand(d, cell[d]!, multiCount).map((c) => ({ ...partial, [d]: c }))),
      [{}],
    );
    for (const leaf of leafCells) {
      const s = leaves.get(cellKey(table, leaf));
      if (s) {
        value += s.value;
        persons += s.persons;
      }
    }
    if (personsOf) persons = personsOf(cell);
    return { key, measure, value, persons };
  });
}

function add(leaves: Map<string, Stat>, table: TableId, dims: Record<string, string>, value: number, persons = value) {
  const key = cellKey(table, dims);
  const s = leaves.get(key);
  if (s) {
    s.value += value;
    s.persons += persons;
  } else leaves.set(key, { value, persons });
}

const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/**
 * The cells of T1..T7 for the period `range` (ISO dates, inclusive). See the header for what
 * is counted and how.
 */
export function buildTables(db: Db, range: { from: string; to: string }, opts: BuildOptions): BuiltTables {
  const orgCountry = opts.orgCountry ?? 'LT';
  const rows = stmt(db, SQL).all({
    from: range.from,
    to: range.to,
    asOf: opts.asOf ?? todayUtc(),
    consentedOnly: opts.consentedOnly ? 1 : 0,
    serviceStatus: COUNTED_SERVICE_STATUS,
    statusMap,
    formBits,
    serviceMap,
  }) as Row[];

  const leaves = Object.fromEntries(TABLE_IDS.map((t) => [t, new Map<string, Stat>()])) as Record<
    TableId,
    Map<string, Stat>
  >;
  let cases = 0;
  let victims = 0;
  let victimsWithForm = 0;
  const sexOf = (raw: string | null): string => statsOf(SEXES, raw);
  for (const r of rows) {
    switch (r.part) {
      case 'cases':
        cases = r.value;
        break;
      case 'T1':
        add(leaves.T1, 'T1', { VICTIM_STATUS: r.a ?? 'AT_RISK', SEX: sexOf(r.b) }, r.value);
        if (r.a !== 'AT_RISK') victims += r.value;
        break;
      case 'T2':
        add(leaves.T2, 'T2', { SEX: sexOf(r.a), AGE: r.b ?? '_U' }, r.value);
        break;
      case 'T3': {
        const codes = r.a === null ? [] : (JSON.parse(r.a) as string[]);
        add(leaves.T3, 'T3', { CITIZENSHIP: citizenshipStats(codes, orgCountry) }, r.value);
        break;
      }
      case 'T5':
        add(leaves.T5, 'T5', { REFERRAL: statsOf(REFERRAL_SOURCES, r.a) }, r.value);
        break;
      case 'T4':
        if (r.a === '_ANY') victimsWithForm = r.value;
        else add(leaves.T4, 'T4', { EXPLOIT: r.a ?? 'OTHER' }, r.value);
        break;
      case 'SV': {
        const dims = { SERVICE: r.a ?? 'OTHER', SEX: sexOf(r.b) };
        add(leaves.T6, 'T6', dims, r.persons ?? 0);
        // T7's service totals are sums of the groups; its persons come from T6 below.
        if (r.a !== '_T') add(leaves.T7, 'T7', dims, r.value, 0);
        break;
      }
    }
  }
  add(leaves.T4, 'T4', { EXPLOIT: '_U' }, victims - victimsWithForm);
  add(leaves.T4, 'T4', { EXPLOIT: '_T' }, victims);

  const t6 = tableCells('T6', leaves.T6);
  const t6ByDims = new Map(t6.map((c) => [c.key.replace(/^T6/, ''), c.value]));
  const cells = [
    ...tableCells('T1', leaves.T1),
    ...tableCells('T2', leaves.T2),
    ...tableCells('T3', leaves.T3),
    ...tableCells('T4', leaves.T4),
    ...tableCells('T5', leaves.T5),
    ...t6,
    // The persons behind services are T6's cell of the same coordinates.
    ...tableCells('T7', leaves.T7, (dims) => t6ByDims.get(cellKey('T7', dims).replace(/^T7/, '')) ?? 0),
  ];
  const persons = cells.find((c) => c.key === cellKey('T1', { VICTIM_STATUS: '_T', SEX: '_T' }))?.value ?? 0;
  return { cells, cases, persons };
}

import { cellKey, DIMENSIONS, TABLES, type CellDims, type TableId } from '../../../shared/stats/model';
import { allCellKeys, tableRelations } from '../relations';
import type { SdcCell, SdcProblem } from './types';

/**
 * Test support (not used in production): synthetic persons and the cells of T1..T7 they make,
 * computed the way relations.ts says the tables are defined, so that tests of the engine, the
 * tables and the package can start from data that satisfies every relation.
 */

export type ServiceGroup = Exclude<(typeof DIMENSIONS.SERVICE)[number], '_T'>;

export interface SyntheticPerson {
  status: 'VOT_IDENT' | 'VOT_PRES' | 'AT_RISK';
  sex: 'F' | 'M' | '_U';
  age: 'Y_LT18' | 'Y_GE18' | '_U';
  citizenship: 'NAT' | 'EU_FOR' | 'NEU_FOR' | 'STLS' | '_U';
  /** Forms of exploitation; none recorded puts a victim under `_U`. */
  exploit: readonly Exclude<(typeof DIMENSIONS.EXPLOIT)[number], '_T' | '_U'>[];
  referral: Exclude<(typeof DIMENSIONS.REFERRAL)[number], '_T'>;
  /** Services rendered in the period, by group. */
  services: Partial<Record<ServiceGroup, number>>;
}

export const SERVICE_GROUPS = DIMENSIONS.SERVICE.filter((g) => g !== '_T') as ServiceGroup[];

/** Does the person fall under `code` of `dim`? `_T` matches everyone. */
function has(p: SyntheticPerson, dim: string, code: string): boolean {
  if (code === '_T') return true;
  switch (dim) {
    case 'VICTIM_STATUS':
      return code === 'VOT' ? p.status !== 'AT_RISK' : p.status === code;
    case 'SEX':
      return p.sex === code;
    case 'AGE':
      return p.age === code;
    case 'CITIZENSHIP':
      return p.citizenship === code;
    case 'EXPLOIT':
      return code === '_U' ? p.exploit.length === 0 : (p.exploit as readonly string[]).includes(code);
    case 'REFERRAL':
      return p.referral === code;
    case 'SERVICE':
      return (p.services[code as ServiceGroup] ?? 0) > 0;
    default:
      throw new Error(`unknown dimension ${dim}`);
  }
}

function servicesOf(p: SyntheticPerson, group: string): number {
  if (group === '_T') return SERVICE_GROUPS.reduce((n, g) => n + (p.services[g] ?? 0), 0);
  return p.services[group as ServiceGroup] ?? 0;
}

function tableCombos(table: TableId): CellDims[] {
  let combos: CellDims[] = [{}];
  for (const dim of TABLES[table].dims) {
    combos = combos.flatMap((c) => DIMENSIONS[dim].map((code) => ({ ...c, [dim]: code })));
  }
  return combos;
}

/** Every cell of T1..T7 for these persons, in allCellKeys() order. */
export function cellsOf(persons: readonly SyntheticPerson[]): SdcCell[] {
  const out: SdcCell[] = [];
  for (const table of Object.keys(TABLES) as TableId[]) {
    const def = TABLES[table];
    for (const dims of tableCombos(table)) {
      const inCell = persons.filter(
        (p) =>
          (def.population === 'all' || p.status !== 'AT_RISK') &&
          def.dims.every((d) => has(p, d, dims[d] ?? '')) &&
          // T6 counts only persons who received a service, `_T` included.
          (table !== 'T6' || servicesOf(p, '_T') > 0),
      );
      const key = cellKey(table, dims);
      if (def.measure === 'PERS') {
        out.push({ key, measure: 'PERS', value: inCell.length, persons: inCell.length });
      } else {
        const group = dims.SERVICE ?? '_T';
        const served = inCell.filter((p) => servicesOf(p, group) > 0);
        const value = served.reduce((n, p) => n + servicesOf(p, group), 0);
        out.push({ key, measure: 'SERV', value, persons: served.length });
      }
    }
  }
  const order = new Map(allCellKeys().map((k, i) => [k, i]));
  return out.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
}

/** A full T1..T7 problem for these persons. */
export function problemOf(
  persons: readonly SyntheticPerson[],
  opts: Partial<Pick<SdcProblem, 'k' | 'from' | 'to' | 'prior'>> = {},
): SdcProblem {
  return {
    cells: cellsOf(persons),
    relations: tableRelations(),
    k: opts.k ?? 5,
    from: opts.from ?? '2014-01-01',
    to: opts.to ?? '2014-12-31',
    ...(opts.prior ? { prior: opts.prior } : {}),
  };
}

/** A person with defaults for whatever the test does not care about. */
export function person(p: Partial<SyntheticPerson> = {}): SyntheticPerson {
  return {
    status: 'VOT_IDENT',
    sex: 'F',
    age: 'Y_GE18',
    citizenship: 'NAT',
    exploit: ['SEX_EXPL'],
    referral: 'POLICE',
    services: { PSYCH: 1 },
    ...p,
  };
}

/** `n` copies of a person. */
export function times(n: number, p: Partial<SyntheticPerson> = {}): SyntheticPerson[] {
  return Array.from({ length: n }, () => person(p));
}

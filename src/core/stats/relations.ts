import {
  cellKey,
  DIMENSIONS,
  TABLE_IDS,
  TABLES,
  type CellDims,
  type Dimension,
  type TableId,
} from '../../shared/stats/model';
import type { SdcRelation } from './sdc/types';

/**
 * The linear relations among the cells of T1..T7 that anyone who reads the table definitions
 * knows. The disclosure-control audit treats them as the attacker's knowledge, so leaving out a
 * true relation would make the audit optimistic: when in doubt a relation is included, and
 * protect() refuses cell values that violate one (a table builder disagreeing with the
 * semantics below is a bug to surface, not to paper over).
 *
 * Semantics of the multi-count tables (a person may fall under several codes):
 * - T4 EXPLOIT: a victim counts under every form of exploitation recorded for them; `_U` holds
 *   the victims with no form recorded, so nobody is in `_U` and a known form at once; `_T` is
 *   the distinct victims (= T1 VOT total). Hence: every code <= `_T`; the codes together
 *   >= `_T` (everyone has at least one code, `_U` included); `_U` + any known form <= `_T`.
 * - T6 SERVICE: a person counts under every service group they received in the period; there is
 *   no `_U` (a service always has a group); `_T` is the distinct persons who received at least
 *   one service, which may be fewer than those assisted (T1 `_T`). Hence: every group <= `_T`;
 *   the groups together >= `_T`; `_T` <= T1 `_T` of the same sex. SEX is an ordinary
 *   partition, so T6 adds up along SEX.
 * - T7 counts services, one per service, so it adds up along both dimensions, and a cell of T7
 *   is never below the T6 cell of the same (SERVICE, SEX): each person there had at least one.
 */

/** Codes that are sums of other codes of the same dimension: VOT = identified + presumed. */
function partitions(dim: Dimension): { total: string; parts: string[] }[] {
  if (dim === 'VICTIM_STATUS') {
    return [
      { total: 'VOT', parts: ['VOT_IDENT', 'VOT_PRES'] },
      { total: '_T', parts: ['VOT', 'AT_RISK'] },
    ];
  }
  const codes: readonly string[] = DIMENSIONS[dim];
  return [{ total: '_T', parts: codes.filter((c) => c !== '_T') }];
}

function tableCells(table: TableId): CellDims[] {
  let combos: CellDims[] = [{}];
  for (const dim of TABLES[table].dims) {
    combos = combos.flatMap((c) => DIMENSIONS[dim].map((code) => ({ ...c, [dim]: code })));
  }
  return combos;
}

/** Every cell of every table, totals included, in table order. */
export function allCellKeys(): string[] {
  return TABLE_IDS.flatMap((t) => tableCells(t).map((dims) => cellKey(t, dims)));
}

const key = cellKey;
const eq = (terms: { key: string; coef: number }[]): SdcRelation => ({ terms, op: '=' });
const ge = (terms: { key: string; coef: number }[]): SdcRelation => ({ terms, op: '>=' });
/** a >= b */
const atLeast = (a: string, b: string): SdcRelation =>
  ge([
    { key: a, coef: 1 },
    { key: b, coef: -1 },
  ]);
const same = (a: string, b: string): SdcRelation =>
  eq([
    { key: a, coef: 1 },
    { key: b, coef: -1 },
  ]);

function withinTable(table: TableId): SdcRelation[] {
  const def = TABLES[table];
  const out: SdcRelation[] = [];
  for (const dim of def.dims) {
    const others = def.dims.filter((d) => d !== dim);
    // Every combination of codes of the other dimension(s), totals included.
    let fixed: CellDims[] = [{}];
    for (const o of others) fixed = fixed.flatMap((c) => DIMENSIONS[o].map((code) => ({ ...c, [o]: code })));
    for (const f of fixed) {
      const at = (code: string): string => key(table, { ...f, [dim]: code });
      if (def.multiCount === dim) {
        const codes = DIMENSIONS[dim].filter((c) => c !== '_T');
        for (const c of codes) out.push(atLeast(at('_T'), at(c)));
        out.push(ge([...codes.map((c) => ({ key: at(c), coef: 1 })), { key: at('_T'), coef: -1 }]));
        if ((DIMENSIONS[dim] as readonly string[]).includes('_U')) {
          for (const c of codes.filter((c) => c !== '_U')) {
            out.push(
              ge([
                { key: at('_T'), coef: 1 },
                { key: at('_U'), coef: -1 },
                { key: at(c), coef: -1 },
              ]),
            );
          }
        }
        continue;
      }
      for (const p of partitions(dim)) {
        out.push(eq([...p.parts.map((c) => ({ key: at(c), coef: 1 })), { key: at(p.total), coef: -1 }]));
      }
    }
  }
  return out;
}

function acrossTables(): SdcRelation[] {
  const out: SdcRelation[] = [];
  const sexes = DIMENSIONS.SEX;
  const victims = key('T1', { VICTIM_STATUS: 'VOT', SEX: '_T' });
  for (const s of sexes) out.push(same(key('T2', { SEX: s, AGE: '_T' }), key('T1', { VICTIM_STATUS: 'VOT', SEX: s })));
  out.push(same(key('T3', { CITIZENSHIP: '_T' }), victims));
  out.push(same(key('T4', { EXPLOIT: '_T' }), victims));
  out.push(same(key('T5', { REFERRAL: '_T' }), victims));
  for (const s of sexes) {
    out.push(atLeast(key('T1', { VICTIM_STATUS: '_T', SEX: s }), key('T6', { SERVICE: '_T', SEX: s })));
    for (const g of DIMENSIONS.SERVICE) {
      out.push(atLeast(key('T7', { SERVICE: g, SEX: s }), key('T6', { SERVICE: g, SEX: s })));
    }
  }
  return out;
}

/** Every linear relation among the cells of T1..T7 (see the header comment for T4/T6). */
export function tableRelations(): SdcRelation[] {
  return [...TABLE_IDS.flatMap(withinTable), ...acrossTables()];
}

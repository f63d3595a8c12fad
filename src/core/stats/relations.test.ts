import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellKey, TABLES } from '../../shared/stats/model';
import { allCellKeys, tableRelations } from './relations';
import { cellsOf, SERVICE_GROUPS, type SyntheticPerson } from './sdc/testing';
import type { SdcRelation } from './sdc/types';

const personArb: fc.Arbitrary<SyntheticPerson> = fc.record({
  status: fc.constantFrom('VOT_IDENT', 'VOT_PRES', 'AT_RISK'),
  sex: fc.constantFrom('F', 'M', '_U'),
  age: fc.constantFrom('Y_LT18', 'Y_GE18', '_U'),
  citizenship: fc.constantFrom('NAT', 'EU_FOR', 'NEU_FOR', 'STLS', '_U'),
  exploit: fc.subarray(['SEX_EXPL', 'LAB_EXPL', 'CRIM_ACT', 'BEGGING', 'FORCED_MARR', 'ORGAN', 'OTHER'] as const),
  referral: fc.constantFrom('POLICE', 'BORDER', 'LABOUR_INSP', 'CONSULAR', 'NGO', 'SELF', 'OTHER', '_U'),
  services: fc.dictionary(fc.constantFrom(...SERVICE_GROUPS), fc.integer({ min: 0, max: 4 }), { maxKeys: 4 }),
});

function holds(r: SdcRelation, values: Map<string, number>): boolean {
  const s = r.terms.reduce((n, t) => n + t.coef * (values.get(t.key) ?? NaN), 0);
  return r.op === '=' ? s === 0 : s >= 0;
}

function has(rels: SdcRelation[], op: SdcRelation['op'], terms: Record<string, number>): boolean {
  const want = Object.entries(terms).sort();
  return rels.some(
    (r) =>
      r.op === op &&
      r.terms.length === want.length &&
      JSON.stringify(r.terms.map((t) => [t.key, t.coef]).sort()) === JSON.stringify(want),
  );
}

describe('table relations', () => {
  it('lists every cell once, totals included', () => {
    const keys = allCellKeys();
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(20 + 16 + 6 + 9 + 9 + 40 + 40);
    expect(keys).toContain(cellKey('T1', { VICTIM_STATUS: '_T', SEX: '_T' }));
    expect(keys).toContain(cellKey('T7', { SERVICE: '_T', SEX: 'M' }));
  });

  it('refers only to cells that exist', () => {
    const keys = new Set(allCellKeys());
    for (const r of tableRelations()) for (const t of r.terms) expect(keys).toContain(t.key);
  });

  it('has the additivity of each ordinary dimension and the shared margins', () => {
    const rels = tableRelations();
    const t1 = (vs: string, sex: string): string => cellKey('T1', { VICTIM_STATUS: vs, SEX: sex });
    expect(
      has(rels, '=', { [t1('VOT', 'F')]: 1, [t1('VOT', 'M')]: 1, [t1('VOT', '_U')]: 1, [t1('VOT', '_T')]: -1 }),
    ).toBe(true);
    expect(has(rels, '=', { [t1('VOT_IDENT', 'M')]: 1, [t1('VOT_PRES', 'M')]: 1, [t1('VOT', 'M')]: -1 })).toBe(true);
    expect(has(rels, '=', { [t1('VOT', '_T')]: 1, [t1('AT_RISK', '_T')]: 1, [t1('_T', '_T')]: -1 })).toBe(true);
    expect(has(rels, '=', { [cellKey('T2', { SEX: 'M', AGE: '_T' })]: 1, [t1('VOT', 'M')]: -1 })).toBe(true);
    expect(has(rels, '=', { [cellKey('T3', { CITIZENSHIP: '_T' })]: 1, [t1('VOT', '_T')]: -1 })).toBe(true);
    expect(has(rels, '>=', { [t1('_T', 'F')]: 1, [cellKey('T6', { SERVICE: '_T', SEX: 'F' })]: -1 })).toBe(true);
    const t6 = cellKey('T6', { SERVICE: 'LEGAL', SEX: 'M' });
    expect(has(rels, '>=', { [cellKey('T7', { SERVICE: 'LEGAL', SEX: 'M' })]: 1, [t6]: -1 })).toBe(true);
  });

  it('has only inequalities along the multi-count dimensions', () => {
    for (const r of tableRelations()) {
      if (r.op !== '=') continue;
      const t4 = r.terms.filter((t) => t.key.startsWith('T4|'));
      expect(t4.length).toBeLessThanOrEqual(1);
      const t6 = r.terms.filter((t) => t.key.startsWith('T6|'));
      // T6 adds up along SEX only: the SERVICE code is the same in every term.
      expect(new Set(t6.map((t) => /SERVICE=([^|]+)/.exec(t.key)?.[1])).size).toBeLessThanOrEqual(1);
    }
    expect(TABLES.T4.multiCount).toBe('EXPLOIT');
  });

  it('holds for the cells of any set of persons (property)', () => {
    const rels = tableRelations();
    fc.assert(
      fc.property(fc.array(personArb, { maxLength: 30 }), (persons) => {
        const values = new Map(cellsOf(persons).map((c) => [c.key, c.value]));
        expect(values.size).toBe(allCellKeys().length);
        for (const r of rels) expect(holds(r, values)).toBe(true);
      }),
      { numRuns: 100, seed: 20140101 },
    );
  });
});

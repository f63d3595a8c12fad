import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/cases/schemas';
import {
  cellKey,
  DIMENSIONS,
  periodRange,
  TABLES,
  TABLE_IDS,
  type CellDims,
  type TableId,
} from '../../shared/stats/model';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { generateDemoCases } from '../demo/generator';
import { DEMO_META_KEY } from '../demo/vault';
import { seedWorkedExample, type WorkedExample } from './fixtures';
import type { SdcCell } from './sdc/types';
import { buildTables, type BuiltTables } from './tables';

const ASOF = '2026-02-20';
const YEAR = (year: number) => periodRange({ kind: 'year', year });

function value(t: BuiltTables, table: TableId, dims: CellDims): number {
  const c = t.cells.find((x) => x.key === cellKey(table, dims));
  if (!c) throw new Error(`no cell ${cellKey(table, dims)}`);
  return c.value;
}
const cellOf = (t: BuiltTables, table: TableId, dims: CellDims): SdcCell =>
  t.cells.find((x) => x.key === cellKey(table, dims))!;

/** Every relation the tables promise, checked cell by cell. */
function expectConsistent(t: BuiltTables): void {
  const expected = TABLE_IDS.reduce((k, id) => k + TABLES[id].dims.reduce((m, d) => m * DIMENSIONS[d].length, 1), 0);
  expect(t.cells).toHaveLength(expected);
  expect(new Set(t.cells.map((c) => c.key)).size).toBe(expected);
  for (const c of t.cells) {
    expect(Number.isInteger(c.value) && c.value >= 0).toBe(true);
    if (c.measure === 'PERS') expect(c.persons).toBe(c.value);
    else expect(c.persons).toBeLessThanOrEqual(c.value);
  }
  const leaves = (d: keyof typeof DIMENSIONS) => DIMENSIONS[d].filter((c) => c !== '_T' && c !== 'VOT');
  for (const id of TABLE_IDS) {
    const { dims, multiCount } = TABLES[id];
    const others = (d: keyof typeof DIMENSIONS | undefined) => (d ? DIMENSIONS[d] : [undefined]);
    // Sum over a non-multi-count dimension equals its _T, for every code of the other one.
    for (const d of dims) {
      const other = dims.find((x) => x !== d);
      for (const o of others(other)) {
        const at = (code: string): CellDims => ({ [d]: code, ...(other && o ? { [other]: o } : {}) });
        const total = value(t, id, at('_T'));
        const sum = leaves(d).reduce((k, code) => k + value(t, id, at(code)), 0);
        if (d === multiCount) {
          expect(sum).toBeGreaterThanOrEqual(total);
          for (const code of leaves(d)) expect(value(t, id, at(code))).toBeLessThanOrEqual(total);
        } else expect(sum, `${id} ${d} ${o ?? ''}`).toBe(total);
        if (d === 'VICTIM_STATUS') {
          expect(value(t, id, at('VOT'))).toBe(value(t, id, at('VOT_IDENT')) + value(t, id, at('VOT_PRES')));
        }
      }
    }
  }
  const victims = value(t, 'T1', { VICTIM_STATUS: 'VOT', SEX: '_T' });
  expect(value(t, 'T1', { VICTIM_STATUS: '_T', SEX: '_T' })).toBe(t.persons);
  expect(value(t, 'T2', { SEX: '_T', AGE: '_T' })).toBe(victims);
  for (const sex of ['F', 'M', '_U']) {
    expect(value(t, 'T2', { SEX: sex, AGE: '_T' })).toBe(value(t, 'T1', { VICTIM_STATUS: 'VOT', SEX: sex }));
    expect(value(t, 'T6', { SERVICE: '_T', SEX: sex })).toBeLessThanOrEqual(
      value(t, 'T1', { VICTIM_STATUS: '_T', SEX: sex }),
    );
  }
  expect(value(t, 'T3', { CITIZENSHIP: '_T' })).toBe(victims);
  expect(value(t, 'T4', { EXPLOIT: '_T' })).toBe(victims);
  expect(value(t, 'T5', { REFERRAL: '_T' })).toBe(victims);
  for (const c of t.cells.filter((x) => x.key.startsWith('T7|'))) {
    expect(c.persons).toBe(t.cells.find((x) => x.key === c.key.replace(/^T7/, 'T6'))!.value);
  }
  expect(t.cases).toBeGreaterThanOrEqual(t.persons);
}

describe('the worked example of statistics.md', () => {
  let v: CaseVault;
  let ex: WorkedExample;
  let t: BuiltTables;

  beforeAll(async () => {
    v = await openCaseVault();
    const boss = v.addUser('Vida Supervisor', ['supervisor']);
    ex = seedWorkedExample(new CaseService(v.as(boss)));
    t = buildTables(v.admin.db, YEAR(ex.year), { consentedOnly: false, asOf: ASOF });
  }, 60_000);
  afterAll(() => v.close());

  it('counts 133 persons (50 men): 80 victims and 53 at risk', () => {
    expect([ex.persons, ex.men, ex.victims, ex.atRisk]).toEqual([133, 50, 80, 53]);
    expect(t.persons).toBe(133);
    expect(t.cases).toBe(ex.cases);
    expect(value(t, 'T1', { VICTIM_STATUS: '_T', SEX: '_T' })).toBe(133);
    expect(value(t, 'T1', { VICTIM_STATUS: '_T', SEX: 'M' })).toBe(50);
    expect(value(t, 'T1', { VICTIM_STATUS: 'VOT', SEX: '_T' })).toBe(80);
    expect(value(t, 'T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })).toBe(53);
    expect(value(t, 'T1', { VICTIM_STATUS: 'VOT_IDENT', SEX: '_T' })).toBe(ex.identified);
    expect(value(t, 'T1', { VICTIM_STATUS: 'VOT_PRES', SEX: '_T' })).toBe(ex.presumed);
    expect(value(t, 'T1', { VICTIM_STATUS: 'VOT', SEX: '_U' })).toBe(2);
  });

  it('counts 152 services, 55 of them to male victims', () => {
    expect([ex.services, ex.servicesToMaleVictims]).toEqual([152, 55]);
    expect(value(t, 'T7', { SERVICE: '_T', SEX: '_T' })).toBe(152);
    expect(value(t, 'T7', { SERVICE: '_T', SEX: 'M' })).toBe(55);
    expect(value(t, 'T6', { SERVICE: '_T', SEX: '_T' })).toBe(ex.personsWithService);
    for (const [group, n] of Object.entries(ex.servicesByGroup)) {
      expect(value(t, 'T7', { SERVICE: group, SEX: '_T' }), group).toBe(n);
      expect(value(t, 'T6', { SERVICE: group, SEX: '_T' }), group).toBe(ex.personsByGroup[group]);
    }
    // Crisis intervention and psychological help of one person: two PSYCH services, one person.
    expect(value(t, 'T7', { SERVICE: 'PSYCH', SEX: '_T' })).toBeGreaterThan(
      value(t, 'T6', { SERVICE: 'PSYCH', SEX: '_T' }),
    );
  });

  it('has the small cell: 2 identified male victims of forced begging', () => {
    expect(ex.identifiedMaleBegging).toBe(2);
    expect(value(t, 'T4', { EXPLOIT: 'BEGGING' })).toBe(2);
    expect(value(t, 'T4', { EXPLOIT: 'CRIM_ACT' })).toBe(2);
  });

  it('is consistent in every cell', () => expectConsistent(t));

  it('counts only the consented cases when asked (here: all of them)', () => {
    const c = buildTables(v.admin.db, YEAR(ex.year), { consentedOnly: true, asOf: ASOF });
    expect(c.persons).toBe(133);
    expect(buildTables(v.admin.db, YEAR(ex.year), { consentedOnly: true, asOf: '2013-01-01' }).persons).toBe(0);
  });
});

describe('rules', () => {
  let v: CaseVault;
  let sup: CaseService;
  let seq = 0;

  beforeAll(async () => {
    v = await openCaseVault();
    sup = new CaseService(v.as(v.addUser('Vida Supervisor', ['supervisor'])));
  });
  afterAll(() => v.close());

  const build = (range: { from: string; to: string }, consentedOnly = false) =>
    buildTables(v.admin.db, range, { consentedOnly, asOf: ASOF });

  interface Spec {
    opened: string;
    closed?: string;
    status?: 'IDENTIFIED' | 'PRESUMED' | 'AT_RISK' | 'NOT_VICTIM';
    identity?: Identity;
    forms?: ('SEXUAL' | 'FORCED_LABOUR' | 'SLAVERY' | 'SERVITUDE' | 'BEGGING')[];
    services?: { date: string; endDate?: string; status?: 'PROVIDED' | 'REFERRED' }[];
    consent?: { givenOn: string; withdrawnOn?: string; expiresOn?: string; purpose?: 'STATISTICS' | 'ASSISTANCE' };
  }

  /**
   * A case; each test uses its own years (2030 on) and a case closes at the end of its opening
   * year unless told otherwise, so that tests do not see each other's cases.
   */
  function make(s: Spec): void {
    const c = sup.createCase({
      openedOn: s.opened,
      identity: s.identity ?? { givenNames: 'Testas', familyNames: `Nr ${seq++}`, sex: 'F' },
      status: { victimStatus: s.status ?? 'IDENTIFIED', firstIdentifier: 'POLICE' },
    });
    let version = c.version;
    if (s.forms) version = sup.updateSection(c.id, 'experience', { exploitationForms: s.forms }, version).version;
    for (const x of s.services ?? []) {
      version = sup.addItem(c.id, 'services', {
        type: 'ACCOMMODATION',
        status: x.status ?? 'PROVIDED',
        date: x.date,
        ...(x.endDate ? { endDate: x.endDate } : {}),
      }).version;
    }
    if (s.consent) {
      version = sup.addItem(c.id, 'consents', {
        giver: 'PERSON',
        recipient: 'MINISTRY_STATISTICS',
        purpose: s.consent.purpose ?? 'STATISTICS',
        givenOn: s.consent.givenOn,
        ...(s.consent.withdrawnOn ? { withdrawnOn: s.consent.withdrawnOn } : {}),
        ...(s.consent.expiresOn ? { expiresOn: s.consent.expiresOn } : {}),
      }).version;
    }
    sup.closeCase(c.id, { reason: 'GOALS_ACHIEVED', closedOn: s.closed ?? `${s.opened.slice(0, 4)}-12-31` }, version);
  }

  it('counts a case open at any time in the period, on its boundaries too', () => {
    make({ opened: '2029-06-01', closed: '2030-02-10' }); // opened before, closed inside
    make({ opened: '2029-06-01', closed: '2030-01-01' }); // closed on the first day
    make({ opened: '2029-06-01', closed: '2029-12-31' }); // closed the day before: not counted
    make({ opened: '2030-12-31' }); // opened on the last day
    make({ opened: '2031-01-01' }); // opened after: not counted
    make({ opened: '2029-01-01', closed: '2031-06-30' }); // opened before, open all year
    const y = build(YEAR(2030));
    expect(y.persons).toBe(4);
    expectConsistent(y);
    expect(build(periodRange({ kind: 'quarter', year: 2030, quarter: 1 })).persons).toBe(3);
    expect(build(periodRange({ kind: 'quarter', year: 2030, quarter: 2 })).persons).toBe(1);
    expect(build(periodRange({ kind: 'quarter', year: 2030, quarter: 4 })).persons).toBe(2);
    expect(build(periodRange({ kind: 'month', year: 2030, month: 1 })).persons).toBe(3);
    expect(build(periodRange({ kind: 'month', year: 2030, month: 2 })).persons).toBe(2);
    expect(build(periodRange({ kind: 'month', year: 2030, month: 3 })).persons).toBe(1);
  });

  it('counts provided services whose span overlaps the period, and their persons', () => {
    make({
      opened: '2032-01-10',
      services: [
        { date: '2032-01-10' },
        { date: '2032-02-01', endDate: '2032-05-31' }, // a stay running into Q2
        { date: '2032-03-01', status: 'REFERRED' }, // not rendered
      ],
    });
    // A closed case with a service after its closure: assisted in Q3 through the service alone.
    make({ opened: '2031-01-10', closed: '2031-06-30', identity: { sex: 'M' }, services: [{ date: '2032-08-01' }] });
    const q1 = build(periodRange({ kind: 'quarter', year: 2032, quarter: 1 }));
    expect(value(q1, 'T7', { SERVICE: 'HOUSING', SEX: '_T' })).toBe(2);
    expect(value(q1, 'T6', { SERVICE: 'HOUSING', SEX: '_T' })).toBe(1);
    expect(cellOf(q1, 'T7', { SERVICE: 'HOUSING', SEX: 'F' }).persons).toBe(1);
    const q2 = build(periodRange({ kind: 'quarter', year: 2032, quarter: 2 }));
    expect(value(q2, 'T7', { SERVICE: '_T', SEX: '_T' })).toBe(1);
    const q3 = build(periodRange({ kind: 'quarter', year: 2032, quarter: 3 }));
    expect(q3.persons).toBe(2);
    expect(value(q3, 'T7', { SERVICE: '_T', SEX: 'M' })).toBe(1);
    expect(value(q3, 'T7', { SERVICE: '_T', SEX: 'F' })).toBe(0);
    expectConsistent(q3);
  });

  it('excludes NOT_VICTIM cases and merges cases of one person (same name and year of birth)', () => {
    const ona = { givenNames: 'Ona', familyNames: 'Petraitytė', dateOfBirth: '1990-04-02', sex: 'F' as const };
    make({ opened: '2033-02-01', status: 'AT_RISK', identity: ona, forms: ['SEXUAL'] });
    make({ opened: '2033-06-01', status: 'PRESUMED', identity: { ...ona, familyNames: 'PETRAITYTĖ', sex: 'U' } });
    make({ opened: '2033-03-01', status: 'NOT_VICTIM', identity: { givenNames: 'Jonas', familyNames: 'X', sex: 'M' } });
    // Same name, other year of birth: another person. No name: never merged.
    make({ opened: '2033-03-01', identity: { ...ona, dateOfBirth: '1991' } });
    make({ opened: '2033-03-01', identity: { dateOfBirth: '1990-04-02', sex: 'M' } });
    make({ opened: '2033-04-01', identity: { dateOfBirth: '1990-04-02', sex: 'M' } });
    const t = build(YEAR(2033));
    expect(t.cases).toBe(5);
    expect(t.persons).toBe(4);
    // The merged person: the higher status (presumed), the known sex (F), the forms of both cases.
    expect(value(t, 'T1', { VICTIM_STATUS: 'VOT_PRES', SEX: 'F' })).toBe(1);
    expect(value(t, 'T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })).toBe(0);
    expect(value(t, 'T4', { EXPLOIT: 'SEX_EXPL' })).toBe(1);
    expect(value(t, 'T1', { VICTIM_STATUS: '_T', SEX: 'M' })).toBe(2);
    expectConsistent(t);
  });

  it('counts a person once in each group of their forms, and victims without forms as _U', () => {
    make({ opened: '2034-01-01', forms: ['SEXUAL', 'FORCED_LABOUR', 'SLAVERY', 'SERVITUDE'] });
    make({ opened: '2034-01-01', forms: ['BEGGING'] });
    make({ opened: '2034-01-01' });
    make({ opened: '2034-01-01', status: 'AT_RISK', forms: ['SEXUAL'] });
    const t = build(YEAR(2034));
    expect(value(t, 'T4', { EXPLOIT: '_T' })).toBe(3);
    expect(value(t, 'T4', { EXPLOIT: 'SEX_EXPL' })).toBe(1);
    expect(value(t, 'T4', { EXPLOIT: 'LAB_EXPL' })).toBe(1);
    expect(value(t, 'T4', { EXPLOIT: 'BEGGING' })).toBe(1);
    expect(value(t, 'T4', { EXPLOIT: '_U' })).toBe(1);
    expectConsistent(t);
  });

  it('takes the age at first assistance in the period from full, partial or estimated birth dates', () => {
    const p = (identity: Identity, opened = '2035-01-01'): void =>
      make({ opened, identity: { sex: 'F', ...identity } });
    p({ dateOfBirth: '2017-05-01' }); // 17 on 2035-01-01 (turns 18 in May): minor
    p({ dateOfBirth: '2016-12-31' }); // 18 on 2035-01-01: adult
    p({ dateOfBirth: '~2017' }); // estimated year: born "1 July 2017", minor on 1 January
    p({ dateOfBirth: '2016-06' }); // born "15 June 2016": adult
    p({ estimatedAge: 17 }, '2035-09-01'); // 17 on 2035-09-01: minor
    p({ estimatedAge: 16, estimatedAgeOn: '2033-01-01' }, '2035-06-01'); // about 18.9 by then: adult
    p({}); // unknown
    const t = build(YEAR(2035));
    expect(value(t, 'T2', { SEX: 'F', AGE: 'Y_LT18' })).toBe(3);
    expect(value(t, 'T2', { SEX: 'F', AGE: 'Y_GE18' })).toBe(3);
    expect(value(t, 'T2', { SEX: 'F', AGE: '_U' })).toBe(1);
    // The same person in the second half of the year is first assisted on 1 July: now adult.
    const h2 = build({ from: '2035-07-01', to: '2035-12-31' });
    expect(value(h2, 'T2', { SEX: '_T', AGE: 'Y_LT18' })).toBe(1);
    expectConsistent(t);
  });

  it('classifies citizenship from the organisation country', () => {
    for (const citizenships of [['LT'], ['LV'], ['LT', 'UA'], ['UA'], ['XX'], ['ZZ']]) {
      make({ opened: '2036-01-01', identity: { sex: 'M', citizenships } });
    }
    make({ opened: '2036-01-01' });
    const t = build(YEAR(2036));
    expect(['NAT', 'EU_FOR', 'NEU_FOR', 'STLS', '_U'].map((c) => value(t, 'T3', { CITIZENSHIP: c }))).toEqual([
      2, 1, 1, 1, 2,
    ]);
    const lv = buildTables(v.admin.db, YEAR(2036), { consentedOnly: false, orgCountry: 'LV', asOf: ASOF });
    expect(value(lv, 'T3', { CITIZENSHIP: 'NAT' })).toBe(1);
    expect(value(lv, 'T3', { CITIZENSHIP: 'EU_FOR' })).toBe(2);
  });

  it('with consentedOnly, counts only cases whose statistics consent is in force', () => {
    make({ opened: '2037-01-01', consent: { givenOn: '2037-01-01' } });
    make({ opened: '2037-01-01', consent: { givenOn: '2037-01-01', withdrawnOn: '2037-05-01' } });
    make({ opened: '2037-01-01', consent: { givenOn: '2037-01-01', expiresOn: '2038-01-01' } });
    make({ opened: '2037-01-01', consent: { givenOn: '2037-01-01', purpose: 'ASSISTANCE' } });
    make({ opened: '2037-01-01' });
    const range = YEAR(2037);
    expect(build(range).persons).toBe(5);
    // On 1 March the withdrawal of May is still ahead; on 1 January 2039 it and an expiry are past.
    const march = buildTables(v.admin.db, range, { consentedOnly: true, asOf: '2037-03-01' });
    expect(march.persons).toBe(3);
    expect(build(range, true).persons).toBe(0);
    const later = buildTables(v.admin.db, range, { consentedOnly: true, asOf: '2039-01-01' });
    expect(later.persons).toBe(1);
    expectConsistent(later);
  });
});

describe('random demo data', () => {
  let v: CaseVault;

  beforeAll(async () => {
    v = await openCaseVault();
    v.admin.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DEMO_META_KEY, '1');
    const boss = v.addUser('Demo koordinatorė', ['supervisor', 'administrator']);
    ['Rūta Žilinskienė', 'Tomas Čepulis'].forEach((n) => v.addUser(n, ['caseworker']));
    generateDemoCases(v.as(boss), { cases: 400, seed: 'stats-tables', today: '2026-02-20' });
  }, 120_000);
  afterAll(() => v.close());

  it('keeps every table relation in every period and setting', () => {
    const periods = [
      ...[2021, 2023, 2025].map((year) => periodRange({ kind: 'year', year })),
      periodRange({ kind: 'quarter', year: 2024, quarter: 3 }),
      periodRange({ kind: 'month', year: 2025, month: 11 }),
    ];
    for (const range of periods) {
      for (const consentedOnly of [false, true]) {
        const t = buildTables(v.admin.db, range, { consentedOnly, asOf: ASOF });
        expectConsistent(t);
        if (range.from === '2025-01-01') expect(t.persons).toBeGreaterThan(20);
      }
    }
  });

  it('agrees with a count of the cases done by hand', () => {
    const range = YEAR(2024);
    const rows = v.admin.db
      .prepare(
        `SELECT n, victim_status, sex, name_key, birth_year FROM cases
         WHERE opened_at <= ? AND (closed_at IS NULL OR closed_at >= ?) AND victim_status != 'NOT_VICTIM'`,
      )
      .all(range.to, range.from) as {
      n: number;
      victim_status: string;
      name_key: string | null;
      birth_year: number | null;
    }[];
    const t = buildTables(v.admin.db, range, { consentedOnly: false, asOf: ASOF });
    const persons = new Set(
      rows.map((r) => (r.name_key && r.birth_year ? `${r.name_key}|${r.birth_year}` : `#${r.n}`)),
    );
    // The demo dates every service within its case's life, so open cases are the whole population.
    expect(t.persons).toBe(persons.size);
    expect(t.cases).toBe(rows.length);
  });
});

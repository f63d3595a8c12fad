import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { refreshDerived } from '../../cases/records';
import type { Db } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

interface Derived {
  birth_date: string | null;
  citizenships: string | null;
  referral_source: string | null;
}

/** Version-4 rows: a case and its sections as JSON, without the columns version 5 derives. */
function seedV4(sections: Record<string, object>, openedOn = '2024-03-10'): number {
  db.prepare(
    `INSERT OR IGNORE INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', 'x')`,
  ).run();
  const n = Number(
    db
      .prepare(
        `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
         VALUES (?, ?, 1, 'OPEN', ?, 'u1', 'Ona', 'x', 'x', 'manual')`,
      )
      .run(randomBytes(8).toString('hex'), randomBytes(8).toString('hex'), openedOn).lastInsertRowid,
  );
  for (const [section, data] of Object.entries(sections)) {
    db.prepare(
      `INSERT INTO case_sections (case_n, section, data, updated_at, updated_by) VALUES (?, ?, ?, 'x', 'Ona')`,
    ).run(n, section, JSON.stringify(data));
  }
  return n;
}

const derived = (n: number): Derived =>
  db.prepare('SELECT birth_date, citizenships, referral_source FROM cases WHERE n = ?').get(n) as Derived;

describe('migration 4 -> 5: derived statistics columns', () => {
  it('fills the columns from existing sections, exactly as the case service derives them', () => {
    migrate(db, migrations.slice(0, 4));
    const cases = {
      full: seedV4({
        identity: { dateOfBirth: '2001-05-20', citizenships: ['UA', 'LT'] },
        status: { firstIdentifier: 'POLICE' },
      }),
      estimatedDate: seedV4({ identity: { dateOfBirth: '~1990-02-03' } }),
      month: seedV4({ identity: { dateOfBirth: '1985-11' }, referral: { incomingFrom: 'NGO' } }),
      year: seedV4({ identity: { dateOfBirth: '2008' } }),
      age: seedV4({ identity: { estimatedAge: 17 } }),
      ageOn: seedV4({ identity: { estimatedAge: 30, estimatedAgeOn: '2020-02-29' } }),
      both: seedV4({ status: { firstIdentifier: 'SELF' }, referral: { incomingFrom: 'POLICE' } }),
      nothing: seedV4({}),
    };
    db.prepare(
      `INSERT INTO case_services (id, case_n, type, status, date, data, created_at, created_by, updated_at, updated_by)
       VALUES ('s1', ?, 'SHELTER', 'PROVIDED', '2024-01-01', ?, 'x', 'Ona', 'x', 'Ona')`,
    ).run(
      cases.full,
      JSON.stringify({ type: 'SHELTER', status: 'PROVIDED', date: '2024-01-01', endDate: '2024-06-30' }),
    );

    expect(migrate(db, migrations.slice(0, 5))).toEqual({ from: 4, to: 5 });

    expect(derived(cases.full)).toEqual({
      birth_date: '2001-05-20',
      citizenships: '["UA","LT"]',
      referral_source: 'POLICE',
    });
    expect(derived(cases.estimatedDate).birth_date).toBe('1990-02-03');
    expect(derived(cases.month)).toMatchObject({ birth_date: '1985-11-15', referral_source: 'NGO' });
    expect(derived(cases.year).birth_date).toBe('2008-07-01');
    // 17 on the opening day, 2024-03-10: born half a year before turning 17 then.
    expect(derived(cases.age).birth_date).toBe('2006-09-10');
    expect(derived(cases.ageOn).birth_date).toBe('1989-09-01');
    expect(derived(cases.both).referral_source).toBe('SELF');
    expect(derived(cases.nothing)).toEqual({ birth_date: null, citizenships: null, referral_source: null });
    expect(db.prepare(`SELECT end_date FROM case_services WHERE id = 's1'`).get()).toEqual({ end_date: '2024-06-30' });

    // The service's own derivation gives the same values for the same sections.
    for (const n of Object.values(cases)) {
      const before = derived(n);
      refreshDerived(db, n);
      expect(derived(n)).toEqual(before);
    }
  });

  it('adds the index the case list counts status filters with', () => {
    migrate(db, migrations.slice(0, 5));
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM cases c WHERE c.status IN ('OPEN', 'FOLLOW_UP')`).all() as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' ');
    expect(plan).toContain('cases_counts');
  });
});

import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';
import { m0014 } from './0014_services_index';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

const plan = (sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('\n');

describe('migration 14: one date index on services', () => {
  it('drops the narrow index and the period index answers lookups by date alone', () => {
    expect(migrations[13]).toBe(m0014);
    migrate(
      db,
      migrations.filter((m) => m.version <= 13),
    );
    const indexes = () =>
      (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'case_services'`).all() as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(indexes()).toContain('case_services_date');
    migrate(db, migrations);
    expect(indexes()).not.toContain('case_services_date');
    expect(indexes()).toContain('case_services_period');
    const byDate = plan(
      `SELECT case_n, type, date FROM case_services WHERE date BETWEEN '2026-01-01' AND '2026-12-31' AND type = 'LEGAL'`,
    );
    expect(byDate).toMatch(/USING COVERING INDEX case_services_period/);
  });
});

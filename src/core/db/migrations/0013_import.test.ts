import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate } from '../migrate';
import { m0013 } from './0013_import';
import { migrations } from './index';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

describe('migration 13: import batches and mapping profiles', () => {
  it('keeps the cases of version 12 and links imported ones to their batch', () => {
    expect(migrations[12]).toBe(m0013);
    migrate(
      db,
      migrations.filter((m) => m.version <= 12),
    );
    db.prepare(
      `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["supervisor"]', 's1', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
       VALUES ('c1', '2026-00001', 3, 'OPEN', '2026-01-01', 'u1', 'Ona', 'x', 'x', 'manual')`,
    ).run();
    migrate(
      db,
      migrations.filter((m) => m.version <= 13),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT code, version FROM cases').all()).toEqual([{ code: '2026-00001', version: 3 }]);

    db.prepare(
      `INSERT INTO import_batches (id, imported_at, imported_by, file_name_hash, file_kind, profile_name, cases)
       VALUES ('b1', 'x', 'Ona', 'h', 'xlsx', 'p', 1)`,
    ).run();
    db.prepare(
      `INSERT INTO import_batch_cases (batch_id, case_n, version, last_change_id) VALUES ('b1', 1, 3, NULL)`,
    ).run();
    // A case belongs to one batch at most, and only to a batch and a case that exist.
    expect(() =>
      db.prepare(`INSERT INTO import_batch_cases (batch_id, case_n, version) VALUES ('b1', 1, 3)`).run(),
    ).toThrow(/UNIQUE/u);
    expect(() =>
      db.prepare(`INSERT INTO import_batch_cases (batch_id, case_n, version) VALUES ('b2', 9, 1)`).run(),
    ).toThrow(/FOREIGN KEY/u);
    expect(() =>
      db
        .prepare(
          `INSERT INTO import_batches (id, imported_at, imported_by, file_name_hash, file_kind, profile_name, cases)
           VALUES ('b3', 'x', 'Ona', 'h', 'pdf', 'p', 1)`,
        )
        .run(),
    ).toThrow(/CHECK/u);
    expect(() =>
      db
        .prepare(`INSERT INTO import_profiles (name, profile, updated_at, updated_by) VALUES ('p', '{', 'x', 'Ona')`)
        .run(),
    ).toThrow(/CHECK/u);
  });
});

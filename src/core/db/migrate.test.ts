import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { tempDir } from '../testing/fixtures';
import { openEncrypted, type Db } from './connection';
import { migrate, schemaVersion, type Migration } from './migrate';
import { migrations } from './migrations';

let dir: string;
let cleanup: () => void;
let db: Db;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  db = openEncrypted(join(dir, 'v.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  if (db.open) db.close();
  cleanup();
});

const tables = (d: Db): string[] =>
  (d.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );

describe('frozen migrations, each from N-1 to N', () => {
  it('0 -> 1 creates meta, users and settings', () => {
    migrate(db, migrations.slice(0, 1));
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(['meta', 'settings', 'users']);
  });

  it('1 -> 2 adds the audit log and keeps version-1 data', () => {
    migrate(db, migrations.slice(0, 1));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('org_name', 'Viltis')`).run();
    db.prepare(
      `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["administrator"]', 's1', '2026-01-01T00:00:00.000Z')`,
    ).run();
    const r = migrate(db, migrations.slice(0, 2));
    expect(r).toEqual({ from: 1, to: 2 });
    expect(tables(db)).toContain('audit_log');
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get()).toEqual({ value: 'Viltis' });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
  });

  it('running the migrations again changes nothing', () => {
    migrate(db, migrations);
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
  });
});

describe('failures', () => {
  const broken: Migration = {
    version: 3,
    name: 'broken',
    up(d) {
      d.exec('CREATE TABLE half_done (id INTEGER)');
      d.exec('INSERT INTO no_such_table VALUES (1)');
    },
  };

  it('a failing migration rolls back entirely and keeps the previous version', () => {
    migrate(db, migrations.slice(0, 2));
    expect(() => migrate(db, [...migrations.slice(0, 2), broken])).toThrowError(
      expect.objectContaining({ code: ErrorCode.MigrationFailed }),
    );
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db)).not.toContain('half_done');
  });

  it('a database from a newer version is refused and left untouched', () => {
    migrate(db, migrations);
    db.pragma('user_version = 42');
    expect(() => migrate(db, migrations)).toThrowError(expect.objectContaining({ code: ErrorCode.VaultTooNew }));
    expect(schemaVersion(db)).toBe(42);
  });

  it('a migration list with a gap is a programming error', () => {
    expect(() => migrate(db, [migrations[1] as Migration])).toThrow(/out of order/);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

const tables = (): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );

const insertKey = (keyId: string, retired: string | null = null): void => {
  db.prepare(
    `INSERT INTO stats_signing_keys (key_id, secret_key, public_key, created_at, created_by, retired_at)
     VALUES (?, ?, ?, 'x', 'Ona', ?)`,
  ).run(keyId, randomBytes(32), randomBytes(32), retired);
};

const insertReturn = (id: string, sequence: number, replaces: string | null = null): void => {
  db.prepare(
    `INSERT INTO stats_returns (package_id, sequence, key_id, period_kind, period_code, period_from, period_to, params,
       created_at, created_by, replaces, sha256, file_name, audit_seq, audit_mac, published_cells)
     VALUES (?, ?, 'A1B2C3D4E5F60718', 'year', '2026', '2026-01-01', '2026-12-31', '{"k":5}', 'x', 'Ona', ?, ?,
       'f.zip', 7, 'ab', '[]')`,
  ).run(id, sequence, replaces, 'a'.repeat(64));
};

describe('migration 3 -> 4: statistics returns', () => {
  it('adds the statistics tables and keeps version-3 data', () => {
    migrate(db, migrations.slice(0, 3));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('org_name', 'Viltis')`).run();
    db.prepare(
      `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["supervisor"]', 's1', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO cases (n, id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
       VALUES (1, 'c1', '2026-00001', 1, 'OPEN', '2026-01-01', 'u1', 'Ona', 'x', 'x', 'manual')`,
    ).run();

    expect(migrate(db, migrations.slice(0, 4))).toEqual({ from: 3, to: 4 });
    expect(schemaVersion(db)).toBe(4);
    expect(tables()).toEqual(
      expect.arrayContaining(['stats_signing_keys', 'stats_returns', 'stats_trusted_keys', 'stats_received']),
    );
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get()).toEqual({ value: 'Viltis' });
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('allows one active signing key and keeps retired ones', () => {
    migrate(db, migrations.slice(0, 4));
    insertKey('A1B2C3D4E5F60718', '2026-01-01');
    insertKey('1111111111111111');
    expect(() => insertKey('2222222222222222')).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO stats_signing_keys (key_id, secret_key, public_key, created_at, created_by) VALUES ('3333333333333333', ?, ?, 'x', 'Ona')`,
        )
        .run(randomBytes(31), randomBytes(32)),
    ).toThrow(/CHECK/);
  });

  it('keeps sequence numbers unique and replacements pointing at a registered return', () => {
    migrate(db, migrations.slice(0, 4));
    insertKey('A1B2C3D4E5F60718');
    insertReturn('p1', 1);
    insertReturn('p2', 2, 'p1');
    expect(() => insertReturn('p3', 2)).toThrow(/UNIQUE/);
    expect(() => insertReturn('p4', 4, 'nope')).toThrow(/FOREIGN KEY/);
    expect(() => insertReturn('p5', 0)).toThrow(/CHECK/);
  });

  it('refuses a second received package with the same key and sequence', () => {
    migrate(db, migrations.slice(0, 4));
    db.prepare(
      `INSERT INTO stats_trusted_keys (key_id, organisation, public_key, added_at, added_by) VALUES ('A1B2C3D4E5F60718', 'Viltis', 'RW…', 'x', 'Jonas')`,
    ).run();
    const received = db.prepare(
      `INSERT INTO stats_received (package_id, key_id, sequence, period_kind, period_code, period_from, period_to, sha256,
         audit_seq, audit_mac, received_at, received_by)
       VALUES (?, 'A1B2C3D4E5F60718', ?, 'quarter', '2026-Q1', '2026-01-01', '2026-03-31', ?, 3, 'ab', 'x', 'Jonas')`,
    );
    received.run('p1', 1, 'b'.repeat(64));
    expect(() => received.run('p2', 1, 'b'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => received.run('p1', 2, 'b'.repeat(64))).toThrow(/UNIQUE/);
  });
});

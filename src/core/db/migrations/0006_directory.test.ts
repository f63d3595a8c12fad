import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { openEncrypted, type Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { m0006 } from './0006_directory';
import { migrations } from './index';

let cleanup: () => void;
let db: Db;

// Until 0006 is registered, the list before it is the whole registered list.
const upTo5 = migrations.filter((m) => m.version <= 5);
const upTo6 = [...upTo5, m0006];

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openEncrypted(join(dir, 'v.db'), randomBytes(32), { create: true });
});
afterEach(() => {
  if (db.open) db.close();
  cleanup();
});

const FP = '12345 67890 12345 67890 12345 67890 12345 67890';

const insertEntry = (revision: string, id: string, over: Record<string, unknown> = {}): void => {
  const row = {
    revision_id: revision,
    id,
    institution: 'Vilniaus apygardos prokuratūra',
    category: 'PROSECUTOR',
    person: null,
    age_recipient: 'age1qqqq',
    ed25519_public_key: randomBytes(32),
    fingerprint: FP,
    valid_from: '2026-01-01T00:00:00.000Z',
    valid_to: null,
    state: 'unverified',
    verified_at: null,
    verified_by: null,
    verified_how: null,
    verified_fingerprint: null,
    source: 'manual',
    source_version: null,
    created_at: 'x',
    created_by: 'Ona',
    replaced_by: null,
    replaced_at: null,
    ...over,
  };
  const cols = Object.keys(row);
  db.prepare(`INSERT INTO directory_entries (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
    ...Object.values(row),
  );
};

describe('migration 5 -> 6: institution key directory', () => {
  it('adds the directory tables and keeps version-5 data', () => {
    migrate(db, upTo5);
    expect(schemaVersion(db)).toBe(5);
    db.prepare(`INSERT INTO meta (key, value) VALUES ('org_name', 'Viltis')`).run();
    db.prepare(
      `INSERT INTO stats_trusted_keys (key_id, organisation, public_key, added_at, added_by) VALUES ('A1B2C3D4E5F60718', 'Viltis', 'RW…', 'x', 'Jonas')`,
    ).run();

    expect(migrate(db, upTo6)).toEqual({ from: 5, to: 6 });
    expect(schemaVersion(db)).toBe(6);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['directory_entries', 'directory_signers', 'directory_versions']));
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get()).toEqual({ value: 'Viltis' });
    expect(db.prepare('SELECT count(*) AS n FROM stats_trusted_keys').get()).toEqual({ n: 1 });
  });

  it('allows one current revision per recipient and keeps replaced ones', () => {
    migrate(db, upTo6);
    insertEntry('r1', 'id1');
    expect(() => insertEntry('r2', 'id1')).toThrow(/UNIQUE/);
    db.transaction(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare(`UPDATE directory_entries SET replaced_by = 'r2', replaced_at = 'y' WHERE revision_id = 'r1'`).run();
      insertEntry('r2', 'id1');
    })();
    expect(db.prepare(`SELECT count(*) AS n FROM directory_entries WHERE id = 'id1'`).get()).toEqual({ n: 2 });
    expect(() =>
      db.prepare(`UPDATE directory_entries SET replaced_by = 'nope', replaced_at = 'z' WHERE revision_id = 'r2'`).run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('refuses inconsistent rows', () => {
    migrate(db, upTo6);
    expect(() => insertEntry('a', 'a', { state: 'verified' })).toThrow(/CHECK/);
    expect(() => insertEntry('b', 'b', { ed25519_public_key: randomBytes(31) })).toThrow(/CHECK/);
    expect(() => insertEntry('c', 'c', { age_recipient: 'AGE-SECRET-KEY-1' })).toThrow(/CHECK/);
    expect(() => insertEntry('d', 'd', { valid_to: '2025-01-01T00:00:00.000Z' })).toThrow(/CHECK/);
    expect(() => insertEntry('e', 'e', { source: 'directory' })).toThrow(/CHECK/);
    expect(() => insertEntry('f', 'f', { source: 'directory', source_version: 3 })).toThrow(/FOREIGN KEY/);
    expect(() => insertEntry('g', 'g', { state: 'maybe' })).toThrow(/CHECK/);
    insertEntry('h', 'h', {
      state: 'verified',
      verified_at: 'x',
      verified_by: 'Ona',
      verified_how: 'fingerprint',
      verified_fingerprint: FP,
    });
  });

  it('keeps directory versions unique and tied to a pinned signer', () => {
    migrate(db, upTo6);
    db.prepare(
      `INSERT INTO directory_signers (key_id, organisation, public_key, added_at, added_by) VALUES ('A1B2C3D4E5F60718', 'Ministerija', ?, 'x', 'Ona')`,
    ).run(randomBytes(32));
    const version = db.prepare(
      `INSERT INTO directory_versions (version, issuer, issued_at, signer_key_id, sha256, entry_count, installed_at, installed_by)
       VALUES (?, 'Ministerija', 'x', ?, ?, 0, 'x', 'Ona')`,
    );
    version.run(1, 'A1B2C3D4E5F60718', 'a'.repeat(64));
    expect(() => version.run(1, 'A1B2C3D4E5F60718', 'a'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => version.run(2, '1111111111111111', 'a'.repeat(64))).toThrow(/FOREIGN KEY/);
    expect(() => version.run(0, 'A1B2C3D4E5F60718', 'a'.repeat(64))).toThrow(/CHECK/);
  });
});

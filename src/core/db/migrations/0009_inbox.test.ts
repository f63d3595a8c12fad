import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate, schemaVersion, type Migration } from '../migrate';
import { m0009 } from './0009_inbox';
import { migrations } from './index';
import { withScratchDb } from './testkit';

/** The registered list up to 0009, the version these tests are written against. */
function withM0009(): Migration[] {
  expect(migrations[8]).toBe(m0009);
  return migrations.filter((m) => m.version <= 9);
}

let db: Db;
withScratchDb((d) => {
  db = d;
});

const KEY = 'ABCDEF0123456789';

const trust = (over: Record<string, unknown> = {}): void => {
  db.prepare(
    `INSERT INTO summary_trusted_senders (key_id, organisation, public_key, added_at, added_by, revoked_at, revoked_by)
     VALUES (@keyId, 'NVO', @pub, 'x', 'Ona', @revokedAt, @revokedBy)`,
  ).run({ keyId: KEY, pub: `RW${'A'.repeat(54)}`, revokedAt: null, revokedBy: null, ...over });
};

const receive = (over: Record<string, unknown> = {}): void => {
  db.prepare(
    `INSERT INTO summary_received (id, package_id, received_at, sender_organisation, sender_key_id, fingerprint, created,
       case_code, purpose, summary, consent, manifest, pdf, sha256, opened_by, opened_by_id)
     VALUES (@id, @pkg, 'x', 'NVO', @keyId, '1234', 'x', '2026-00001', 'CRIMINAL_PROCEEDINGS', @summary, '{}', '{}',
       @pdf, @sha, 'Ona', 'u1')`,
  ).run({
    id: randomUUID(),
    pkg: randomUUID(),
    keyId: KEY,
    summary: '{}',
    pdf: Buffer.from('%PDF'),
    sha: 'a'.repeat(64),
    ...over,
  });
};

describe('migration 9: summary inbox and trusted senders', () => {
  it('brings the vault to version 9', () => {
    migrate(db, withM0009());
    expect(schemaVersion(db)).toBe(9);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['summary_trusted_senders', 'summary_received']));
  });

  it('refuses a replayed package, an untrusted key, bad JSON, an empty PDF and a bad hash', () => {
    migrate(db, withM0009());
    db.pragma('foreign_keys = ON');
    trust();
    const pkg = randomUUID();
    receive({ pkg });
    expect(() => receive({ pkg })).toThrow(/UNIQUE/);
    expect(() => receive({ keyId: 'FFFFFFFFFFFFFFFF' })).toThrow(/FOREIGN KEY/);
    expect(() => receive({ summary: 'not json' })).toThrow(/CHECK/);
    expect(() => receive({ pdf: Buffer.alloc(0) })).toThrow(/CHECK/);
    expect(() => receive({ sha: 'abc' })).toThrow(/CHECK/);
  });

  it('keeps a revoked key whole: revocation needs both when and who, and a key id is never reused', () => {
    migrate(db, withM0009());
    expect(() => trust({ revokedAt: 'x' })).toThrow(/CHECK/);
    expect(() => trust({ keyId: 'short' })).toThrow(/CHECK/);
    trust();
    expect(() => trust({ pub: `RW${'B'.repeat(54)}` })).toThrow(/UNIQUE|PRIMARY/);
  });

  it('runs in one transaction: a failure leaves version 8', () => {
    const list = withM0009();
    migrate(db, list.slice(0, 8));
    db.exec('CREATE TABLE summary_received (x INTEGER) STRICT');
    expect(() => migrate(db, list)).toThrow();
    expect(schemaVersion(db)).toBe(8);
  });
});

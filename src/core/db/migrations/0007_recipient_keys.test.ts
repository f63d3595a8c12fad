import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate, type Migration } from '../migrate';
import { m0007 } from './0007_recipient_keys';
import { migrations } from './index';
import { withScratchDb } from './testkit';

/** The registered list up to a version; 0007 is the seventh. */
function upTo(version: 6 | 7): Migration[] {
  expect(migrations[6]).toBe(m0007);
  return migrations.filter((m) => m.version <= version);
}

let db: Db;
withScratchDb((d) => (db = d));

const row = (generation: number, retired: string | null = null): unknown[] => [
  generation,
  'Generalinė prokuratūra',
  'PROSECUTOR',
  Buffer.from(`AGE-SECRET-KEY-1${'Q'.repeat(58)}`),
  `age1${'q'.repeat(57)}${generation}`,
  randomBytes(32),
  randomBytes(32),
  '2026-11-29T00:00:00.000Z',
  'Ona',
  retired,
  retired === null ? null : 'Ona',
];

const insert = (values: unknown[]): void => {
  db.prepare(
    `INSERT INTO recipient_keys (generation, institution, category, age_identity, age_recipient, ed25519_secret,
       ed25519_public, created_at, created_by, retired_at, retired_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(...values);
};

describe('migration 6 -> 7: recipient keys', () => {
  it('adds the table to a version-6 vault and keeps its rows', () => {
    migrate(db, upTo(6));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('org_name', 'Viltis')`).run();
    expect(migrate(db, upTo(7))).toEqual({ from: 6, to: 7 });
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get()).toEqual({ value: 'Viltis' });
    expect(db.prepare('SELECT count(*) AS n FROM recipient_keys').get()).toEqual({ n: 0 });
    // An ordinary vault gets the table but no marker: only `keys init` makes a recipient.
    expect(db.prepare(`SELECT count(*) AS n FROM meta WHERE key = 'installation_role'`).get()).toEqual({ n: 0 });
  });

  it('keeps retired generations beside one current generation, and refuses a second current one', () => {
    migrate(db, upTo(7));
    insert(row(1, '2026-11-30T00:00:00.000Z'));
    insert(row(2));
    expect(() => insert(row(3))).toThrow(/UNIQUE/u);
    expect(db.prepare('SELECT count(*) AS n FROM recipient_keys').get()).toEqual({ n: 2 });
  });

  it('refuses malformed keys and a retirement without who retired it', () => {
    migrate(db, upTo(7));
    const bad = (i: number, v: unknown): unknown[] => row(1).map((x, j) => (j === i ? v : x));
    expect(() => insert(bad(5, randomBytes(31)))).toThrow(/CHECK/u);
    expect(() => insert(bad(6, randomBytes(33)))).toThrow(/CHECK/u);
    expect(() => insert(bad(4, 'not-age'))).toThrow(/CHECK/u);
    expect(() => insert(bad(2, 'prosecutor'))).toThrow(/CHECK/u);
    expect(() => insert(bad(9, '2026-11-30T00:00:00.000Z'))).toThrow(/CHECK/u);
  });
});

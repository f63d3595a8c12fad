import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { openEncrypted, type Db } from '../connection';
import { migrate, schemaVersion, type Migration } from '../migrate';
import { m0008 } from './0008_disclosures';
import { migrations } from './index';

/** The registered list up to 0008, the version these tests are written against. */
function withM0008(): Migration[] {
  expect(migrations[7]).toBe(m0008);
  return migrations.filter((m) => m.version <= 8);
}

let cleanup: () => void;
let db: Db;

beforeEach(() => {
  let dir: string;
  ({ dir, cleanup } = tempDir());
  db = openEncrypted(join(dir, 'v.db'), randomBytes(32), { create: true });
  migrate(db, withM0008());
  db.prepare(
    `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
     VALUES (?, '2026-00001', 1, 'OPEN', '2026-01-01', 'u1', 'Ona', 'x', 'x', 'manual')`,
  ).run(randomUUID());
});
afterEach(() => {
  if (db.open) db.close();
  cleanup();
});

const draft = (id: string): void => {
  db.prepare(
    `INSERT INTO summary_drafts (id, case_n, status, recipient, purpose, composed, created_at, created_by, created_by_id)
     VALUES (?, 1, 'approved', '{}', 'CRIMINAL_PROCEEDINGS', '{}', 'x', 'Ona', 'u1')`,
  ).run(id);
};

const disclose = (over: Record<string, unknown>): void => {
  const row = {
    id: randomUUID(),
    draft: randomUUID(),
    pkg: randomUUID(),
    sha: 'a'.repeat(64),
    consentId: randomUUID(),
    consent: '{}',
    legalBasis: null,
    second: null,
    ...over,
  };
  draft(row.draft as string);
  db.prepare(
    `INSERT INTO case_disclosures (id, case_n, draft_id, package_id, sha256, institution, recipient, fingerprint, purpose,
       categories, fields, consent_id, consent, legal_basis, second_approver, sent_at, sent_by)
     VALUES (@id, 1, @draft, @pkg, @sha, 'Prokuratūra', 'PROSECUTOR', '1234 5678', 'CRIMINAL_PROCEEDINGS',
       '[]', '[]', @consentId, @consent, @legalBasis, @second, 'x', 'Ona')`,
  ).run(row);
};

describe('migration 8: summary drafts and the disclosure log', () => {
  it('brings the vault to version 8', () => {
    expect(schemaVersion(db)).toBe(8);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (r) => r.name,
    );
    expect(tables).toEqual(expect.arrayContaining(['summary_drafts', 'case_disclosures']));
  });

  it('records a disclosure under a consent or under an override, never under neither or both', () => {
    disclose({});
    disclose({ consentId: null, consent: null, legalBasis: 'ART6_1_C', second: 'Vida' });
    expect(() => disclose({ consentId: null, consent: null })).toThrow(/CHECK/);
    expect(() => disclose({ legalBasis: 'ART6_1_C', second: 'Vida' })).toThrow(/CHECK/);
    expect(() => disclose({ consentId: null, consent: null, legalBasis: 'ART6_1_C' })).toThrow(/CHECK/);
  });

  it('refuses a package recorded twice, a bad hash and an unknown draft status', () => {
    const pkg = randomUUID();
    disclose({ pkg });
    expect(() => disclose({ pkg })).toThrow(/UNIQUE/);
    expect(() => disclose({ sha: 'abc' })).toThrow(/CHECK/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO summary_drafts (id, case_n, status, recipient, purpose, composed, created_at, created_by, created_by_id)
           VALUES (?, 1, 'mailed', '{}', 'X', '{}', 'x', 'Ona', 'u1')`,
        )
        .run(randomUUID()),
    ).toThrow(/CHECK/);
  });

  it('runs in one transaction: a failure leaves version 7', () => {
    const { dir, cleanup: done } = tempDir();
    const other = openEncrypted(join(dir, 'w.db'), randomBytes(32), { create: true });
    const list = withM0008();
    migrate(other, list.slice(0, 7));
    other.exec('CREATE TABLE summary_drafts (x INTEGER) STRICT');
    expect(() => migrate(other, list)).toThrow();
    expect(schemaVersion(other)).toBe(7);
    other.close();
    done();
  });
});

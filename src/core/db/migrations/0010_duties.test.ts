import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate, schemaVersion, type Migration } from '../migrate';
import { m0010 } from './0010_duties';
import { migrations } from './index';
import { withScratchDb } from './testkit';

/** The registered list up to 0010, the version these tests are written against. */
function withM0010(): Migration[] {
  expect(migrations[9]).toBe(m0010);
  return migrations.filter((m) => m.version <= 10);
}

let db: Db;
withScratchDb((d) => {
  db = d;
});

beforeEach(() => {
  migrate(
    db,
    withM0010().filter((m) => m.version <= 9),
  );
  db.prepare(
    `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', 'x')`,
  ).run();
  db.prepare(
    `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
     VALUES (?, '2026-00001', 1, 'OPEN', '2026-01-01', 'u1', 'Ona', 'x', 'x', 'manual')`,
  ).run(randomUUID());
});

const ruleSet = (active = 1, source = 'example', signer: string | null = null): number =>
  Number(
    db
      .prepare(
        `INSERT INTO duty_rule_sets (version, source, issuer, issued_at, signer_key_id, sha256, document, installed_at, installed_by, active)
         VALUES (1, ?, 'x', 'x', ?, ?, '{}', 'x', 'Ona', ?)`,
      )
      .run(source, signer, 'a'.repeat(64), active).lastInsertRowid,
  );

const task = (over: Record<string, unknown> = {}): void => {
  db.prepare(
    `INSERT INTO duty_tasks (id, case_n, task_key, rule_id, rule_set_id, state, recipient_type, anchor_at, due_at, plan,
       done_at, record, created_at, updated_at)
     VALUES (@id, 1, @key, 'R', @set, @state, 'POLICE', 'x', 'y', '{}', @doneAt, @record, 'x', 'x')`,
  ).run({ id: randomUUID(), key: 'R@E', set: 1, state: 'open', doneAt: null, record: null, ...over });
};

describe('migration 10: information duties', () => {
  it('brings a version 9 vault with a case to version 10, the case untouched', () => {
    migrate(db, withM0010());
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 1 });
  });

  it('keeps one active rule set, a signer for signed ones, and one task per case and key', () => {
    migrate(db, withM0010());
    ruleSet();
    expect(() => ruleSet()).toThrow(/UNIQUE/u);
    expect(() => ruleSet(0, 'signed')).toThrow(/CHECK/u);
    task();
    expect(() => task()).toThrow(/UNIQUE/u);
    expect(() => task({ key: 'R@F', state: 'done' })).toThrow(/CHECK/u);
    expect(() => task({ key: 'R@G', state: 'not_applicable' })).toThrow(/CHECK/u);
    task({ key: 'R@H', state: 'done', doneAt: 'z', record: '{}' });
  });

  it('runs in one transaction: a failure leaves version 9', () => {
    db.exec('CREATE TABLE duty_tasks (x INTEGER) STRICT');
    expect(() => migrate(db, withM0010())).toThrow();
    expect(schemaVersion(db)).toBe(9);
  });
});

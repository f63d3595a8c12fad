import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate } from '../migrate';
import { migrations } from './index';
import { m0011 } from './0011_case_changes';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

function atVersion10(): void {
  expect(migrations[10]).toBe(m0011);
  migrate(
    db,
    migrations.filter((m) => m.version <= 10),
  );
  db.prepare(
    `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', 'x')`,
  ).run();
  for (const code of ['2026-00001', '2026-00002'])
    db.prepare(
      `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
       VALUES (?, ?, 1, 'OPEN', '2026-01-01', 'u1', 'Ona', 'x', 'x', 'manual')`,
    ).run(`id-${code}`, code);
}

const oldRow = (
  caseN: number,
  at: string,
  section: string,
  item: string | null,
  field: string,
  o: unknown,
  n: unknown,
) =>
  db
    .prepare(
      `INSERT INTO case_history (case_n, at, actor_name, section, item_id, field, old, new) VALUES (?, ?, 'Ona', ?, ?, ?, ?, ?)`,
    )
    .run(caseN, at, section, item, field, o === null ? null : JSON.stringify(o), n === null ? null : JSON.stringify(n));

describe('migration 11: case history grouped by change', () => {
  it('regroups the field rows of each change, keeping every value and the order', () => {
    atVersion10();
    oldRow(1, '2026-01-01T10:00:00.000Z', 'status', null, 'victimStatus', null, 'PRESUMED');
    oldRow(1, '2026-01-01T10:00:00.000Z', 'status', null, 'identifiedOn', null, { date: '2026-01' });
    oldRow(2, '2026-01-01T10:00:00.000Z', 'status', null, 'victimStatus', null, 'IDENTIFIED');
    oldRow(1, '2026-01-02T09:00:00.000Z', 'services', 'svc-1', 'status', 'PLANNED', 'PROVIDED');
    oldRow(1, '2026-01-03T09:00:00.000Z', 'status', null, 'victimStatus', 'PRESUMED', null);
    migrate(
      db,
      migrations.filter((m) => m.version <= 11),
    );

    const rows = db.prepare('SELECT case_n, at, section, item_id, fields, changes FROM case_changes ORDER BY id').all();
    expect(rows).toEqual([
      {
        case_n: 1,
        at: '2026-01-01T10:00:00.000Z',
        section: 'status',
        item_id: null,
        fields: 2,
        changes: JSON.stringify([
          ['victimStatus', null, 'PRESUMED'],
          ['identifiedOn', null, { date: '2026-01' }],
        ]),
      },
      {
        case_n: 2,
        at: '2026-01-01T10:00:00.000Z',
        section: 'status',
        item_id: null,
        fields: 1,
        changes: JSON.stringify([['victimStatus', null, 'IDENTIFIED']]),
      },
      {
        case_n: 1,
        at: '2026-01-02T09:00:00.000Z',
        section: 'services',
        item_id: 'svc-1',
        fields: 1,
        changes: JSON.stringify([['status', 'PLANNED', 'PROVIDED']]),
      },
      {
        case_n: 1,
        at: '2026-01-03T09:00:00.000Z',
        section: 'status',
        item_id: null,
        fields: 1,
        changes: JSON.stringify([['victimStatus', 'PRESUMED', null]]),
      },
    ]);
    expect(db.prepare(`SELECT count(*) AS k FROM sqlite_schema WHERE name = 'case_history'`).get()).toEqual({ k: 0 });
  });

  it('refuses a change row without fields or with fields that are not an array', () => {
    atVersion10();
    migrate(
      db,
      migrations.filter((m) => m.version <= 11),
    );
    const insert = db.prepare(
      `INSERT INTO case_changes (case_n, at, actor_name, section, item_id, fields, changes) VALUES (1, 'x', 'Ona', 'status', NULL, ?, ?)`,
    );
    expect(() => insert.run(0, '[]')).toThrow(/CHECK/);
    expect(() => insert.run(1, '{"a":1}')).toThrow(/CHECK/);
    expect(() => insert.run(1, 'not json')).toThrow(/CHECK/);
  });
});

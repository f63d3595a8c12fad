import { describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { migrate, schemaVersion } from '../migrate';
import { migrations } from './index';
import { withScratchDb } from './testkit';

let db: Db;
withScratchDb((d) => (db = d));

const names = (type: 'table' | 'index'): string[] =>
  (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(type) as { name: string }[]).map(
    (r) => r.name,
  );

describe('migration 2 -> 3: case files', () => {
  it('adds the case tables and keeps version-2 data', () => {
    migrate(db, migrations.slice(0, 2));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('org_name', 'Viltis')`).run();
    db.prepare(
      `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO audit_log (seq, at, actor, action, subject, detail, mac) VALUES (1, 'x', 'Ona', 'vault.created', 'vault', '{}', x'00')`,
    ).run();

    expect(migrate(db, migrations.slice(0, 3))).toEqual({ from: 2, to: 3 });
    expect(schemaVersion(db)).toBe(3);
    expect(names('table')).toEqual(
      expect.arrayContaining([
        'cases',
        'case_sections',
        'case_exploitation',
        'case_assignments',
        'case_services',
        'case_referrals',
        'case_consents',
        'case_assessments',
        'case_notes',
        'case_cj_events',
        'case_attachments',
        'case_history',
        'case_code_counters',
        'case_fts',
      ]),
    );
    expect(names('index')).toEqual(
      expect.arrayContaining(['cases_list_updated', 'cases_list_opened', 'cases_list_closed', 'cases_list_code']),
    );
    expect(db.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get()).toEqual({ value: 'Viltis' });
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('creates STRICT tables that refuse wrongly typed values and dangling references', () => {
    migrate(db, migrations.slice(0, 3));
    db.prepare(
      `INSERT INTO users (id, name, roles, slot_id, created_at) VALUES ('u1', 'Ona', '["caseworker"]', 's1', 'x')`,
    ).run();
    const insert = db.prepare(
      `INSERT INTO cases (id, code, version, status, opened_at, owner_id, created_by, created_at, updated_at, source)
       VALUES (?, ?, ?, 'OPEN', '2026-01-01', ?, 'Ona', 'x', 'x', ?)`,
    );
    insert.run('c1', '2026-00001', 1, 'u1', 'manual');
    expect(() => insert.run('c2', '2026-00002', 'one', 'u1', 'manual')).toThrow(/cannot store TEXT/);
    expect(() => insert.run('c3', '2026-00003', 1, 'u1', 'pasted')).toThrow(/CHECK/);
    expect(() => insert.run('c4', '2026-00001', 1, 'u1', 'manual')).toThrow(/UNIQUE/);
    expect(() => insert.run('c5', '2026-00005', 1, 'nobody', 'manual')).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO case_sections (case_n, section, data, updated_at, updated_by) VALUES (1, 'identity', 'not json', 'x', 'Ona')`,
        )
        .run(),
    ).toThrow(/CHECK/);
  });

  it('gives a search index that ignores case and Lithuanian diacritics and matches inside words', () => {
    migrate(db, migrations.slice(0, 3));
    expect((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v >= '3.45').toBe(true);
    db.prepare('INSERT INTO case_fts (rowid, code, names, notes) VALUES (1, ?, ?, ?)').run(
      '2026-00042',
      'Žėrūnė Ąžuolaitė-Čiurlienė',
      'Įšventinta ųų',
    );
    const match = (q: string): number =>
      (db.prepare('SELECT count(*) AS n FROM case_fts WHERE case_fts MATCH ?').get(q) as { n: number }).n;
    for (const q of ['"zerune"', '"ŽĖRŪ"', '"azuol"', '"ciurl"', '"isvent"', '"00042"', '"rūnė ąž"'])
      expect(match(q), q).toBe(1);
    expect(match('"zeruna"')).toBe(0);
    db.prepare('DELETE FROM case_fts WHERE rowid = 1').run();
    expect(match('"zerune"')).toBe(0);
  });

  it('runs again without change once applied', () => {
    migrate(db, migrations);
    expect(migrate(db, migrations)).toEqual({ from: migrations.length, to: migrations.length });
  });
});

import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Field-level history, one row per change instead of one row per field. Creating a case or an
// item wrote a row for every field it set (about 120 rows and 14 KB per demo case, 40% of a
// 100,000-case vault); each row repeated the time, the actor, the section and a rowid and index
// entry. A change is now one row holding its fields as a JSON array of [field, old, new]
// triples, with the number of fields beside it so a page of history is counted without parsing.
// Nothing is lost: the old rows are regrouped by the change they were written in (same case,
// time, actor, section and item), in their original order.
export const m0011: Migration = {
  version: 11,
  name: 'case history grouped by change',
  up(db) {
    db.exec(`
      CREATE TABLE case_changes (
        id         INTEGER PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        at         TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        section    TEXT NOT NULL,
        item_id    TEXT,
        fields     INTEGER NOT NULL CHECK (fields > 0),
        changes    TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array')
      ) STRICT;

      INSERT INTO case_changes (case_n, at, actor_name, section, item_id, fields, changes)
        SELECT case_n, at, actor_name, section, item_id, count(*),
               json_group_array(json_array(field, json(old), json(new)) ORDER BY id)
        FROM case_history
        GROUP BY case_n, at, actor_name, section, item_id
        ORDER BY min(id);

      DROP TABLE case_history;
      CREATE INDEX case_changes_case ON case_changes(case_n, id);
    `);
  },
};

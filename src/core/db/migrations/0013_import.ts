import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Imports of case records from spreadsheets. A batch keeps who imported what and when, a hash
// of the file name (never the name, never the content), and which cases it made with the
// version and last history row each had right after the import, so the batch can be undone only
// while none of them changed. Mapping profiles are named, reusable JSON documents.
export const m0013: Migration = {
  version: 13,
  name: 'import batches and mapping profiles',
  up(db) {
    db.exec(`
      CREATE TABLE import_batches (
        id             TEXT PRIMARY KEY NOT NULL,
        imported_at    TEXT NOT NULL,
        imported_by    TEXT NOT NULL,
        file_name_hash TEXT NOT NULL,
        file_kind      TEXT NOT NULL CHECK (file_kind IN ('xlsx', 'csv')),
        profile_name   TEXT NOT NULL,
        cases          INTEGER NOT NULL CHECK (cases >= 0),
        undone_at      TEXT,
        undone_by      TEXT,
        CHECK ((undone_at IS NULL) = (undone_by IS NULL))
      ) STRICT;

      CREATE TABLE import_batch_cases (
        batch_id       TEXT NOT NULL REFERENCES import_batches(id),
        case_n         INTEGER NOT NULL UNIQUE REFERENCES cases(n),
        version        INTEGER NOT NULL,
        last_change_id INTEGER,
        PRIMARY KEY (batch_id, case_n)
      ) STRICT;

      CREATE TABLE import_profiles (
        name       TEXT PRIMARY KEY NOT NULL,
        profile    TEXT NOT NULL CHECK (json_valid(profile)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};

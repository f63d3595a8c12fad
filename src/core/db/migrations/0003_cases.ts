import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Code-list values (status, forms, ...) are not CHECK-constrained here: the lists live in
// src/shared and grow over time, and core validates every value with zod before writing.
// Section and item `data` columns hold the validated JSON record; the typed columns beside it
// are copies kept for filtering, sorting and statistics.
export const m0003: Migration = {
  version: 3,
  name: 'case files',
  up(db) {
    db.exec(`
      CREATE TABLE case_code_counters (
        year INTEGER PRIMARY KEY NOT NULL,
        last INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE cases (
        n               INTEGER PRIMARY KEY NOT NULL,
        id              TEXT NOT NULL UNIQUE,
        code            TEXT NOT NULL UNIQUE,
        version         INTEGER NOT NULL CHECK (version >= 1),
        status          TEXT NOT NULL,
        victim_status   TEXT,
        sex             TEXT,
        birth_year      INTEGER,
        exploit_mask    INTEGER NOT NULL DEFAULT 0,
        name_key        TEXT,
        opened_at       TEXT NOT NULL,
        closed_at       TEXT,
        closure_reason  TEXT,
        closure_note    TEXT,
        closed_by       TEXT,
        closure_request TEXT CHECK (closure_request IS NULL OR json_valid(closure_request)),
        owner_id        TEXT REFERENCES users(id),
        created_by      TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        source          TEXT NOT NULL CHECK (source IN ('manual', 'import', 'demo'))
      ) STRICT;
      -- The case list walks one of these in sort order and stops at LIMIT + OFFSET. Each starts
      -- with its sort key and n (the tie-break, so ORDER BY key, n needs no sort step) and
      -- carries every filter column after them, so filtering and paging never leave the index:
      -- only the rows of the page are read from the table. exploit_mask has one bit per form of
      -- exploitation (the bit numbers are fixed in src/shared/cases/codes.ts).
      CREATE INDEX cases_list_updated ON cases(updated_at, n, status, victim_status, exploit_mask, opened_at, closed_at);
      CREATE INDEX cases_list_opened ON cases(opened_at, n, status, victim_status, exploit_mask, closed_at);
      CREATE INDEX cases_list_closed ON cases(closed_at, n, status, victim_status, exploit_mask, opened_at);
      CREATE INDEX cases_list_code ON cases(code, n, status, victim_status, exploit_mask, opened_at, closed_at);
      -- The same columns keyed by n: when a search or an assignment names the candidate rows,
      -- they are filtered, sorted and counted here, never in the much wider table rows.
      CREATE INDEX cases_filter ON cases(n, status, victim_status, exploit_mask, opened_at, closed_at, updated_at, code);
      CREATE INDEX cases_owner ON cases(owner_id);
      CREATE INDEX cases_name_key ON cases(name_key, birth_year) WHERE name_key IS NOT NULL;

      CREATE TABLE case_sections (
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        section    TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        PRIMARY KEY (case_n, section)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE case_exploitation (
        case_n  INTEGER NOT NULL REFERENCES cases(n),
        form    TEXT NOT NULL,
        PRIMARY KEY (case_n, form)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX case_exploitation_form ON case_exploitation(form, case_n);

      CREATE TABLE case_assignments (
        id            INTEGER PRIMARY KEY NOT NULL,
        case_n        INTEGER NOT NULL REFERENCES cases(n),
        user_id       TEXT NOT NULL REFERENCES users(id),
        assigned_at   TEXT NOT NULL,
        assigned_by   TEXT NOT NULL,
        unassigned_at TEXT,
        unassigned_by TEXT
      ) STRICT;
      -- The access check and a caseworker's list both start here.
      CREATE UNIQUE INDEX case_assignments_active ON case_assignments(user_id, case_n) WHERE unassigned_at IS NULL;
      CREATE INDEX case_assignments_case ON case_assignments(case_n, unassigned_at);

      CREATE TABLE case_services (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        type       TEXT NOT NULL,
        status     TEXT NOT NULL,
        date       TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_services_case ON case_services(case_n);
      CREATE INDEX case_services_date ON case_services(date, type);

      CREATE TABLE case_referrals (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        direction  TEXT NOT NULL,
        recipient  TEXT NOT NULL,
        status     TEXT NOT NULL,
        date       TEXT NOT NULL,
        consent_id TEXT,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_referrals_case ON case_referrals(case_n);

      CREATE TABLE case_consents (
        id           TEXT PRIMARY KEY NOT NULL,
        case_n       INTEGER NOT NULL REFERENCES cases(n),
        giver        TEXT NOT NULL,
        recipient    TEXT NOT NULL,
        purpose      TEXT NOT NULL,
        version      TEXT,
        given_at     TEXT NOT NULL,
        expires_at   TEXT,
        withdrawn_at TEXT,
        data         TEXT NOT NULL CHECK (json_valid(data)),
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_consents_case ON case_consents(case_n, recipient, purpose);

      CREATE TABLE case_assessments (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        type       TEXT NOT NULL,
        date       TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_assessments_case ON case_assessments(case_n);

      CREATE TABLE case_notes (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        date       TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_notes_case ON case_notes(case_n, date);

      CREATE TABLE case_cj_events (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        type       TEXT NOT NULL,
        date       TEXT NOT NULL,
        data       TEXT NOT NULL CHECK (json_valid(data)),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX case_cj_events_case ON case_cj_events(case_n);

      -- Attachments stay inside the encrypted database (security.md): never a plaintext file.
      -- content is the last column so metadata reads never touch its overflow pages.
      CREATE TABLE case_attachments (
        id          TEXT PRIMARY KEY NOT NULL,
        case_n      INTEGER NOT NULL REFERENCES cases(n),
        file_name   TEXT NOT NULL,
        mime        TEXT NOT NULL,
        size        INTEGER NOT NULL CHECK (size >= 0),
        sha256      TEXT NOT NULL,
        description TEXT,
        added_at    TEXT NOT NULL,
        added_by    TEXT NOT NULL,
        content     BLOB NOT NULL
      ) STRICT;
      CREATE INDEX case_attachments_case ON case_attachments(case_n);

      CREATE TABLE case_history (
        id         INTEGER PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        at         TEXT NOT NULL,
        actor_name TEXT NOT NULL,
        section    TEXT NOT NULL,
        item_id    TEXT,
        field      TEXT NOT NULL,
        old        TEXT,
        new        TEXT
      ) STRICT;
      CREATE INDEX case_history_case ON case_history(case_n);

      -- Search over case code, names + aliases, and notes. rowid = cases.n. Trigram with
      -- remove_diacritics (SQLite >= 3.45) finds substrings regardless of case and accents;
      -- core also folds the text it indexes and the query. Contentless: the text lives in
      -- the sections and notes already. secure-delete purges the tokens of a changed name.
      CREATE VIRTUAL TABLE case_fts USING fts5(
        code, names, notes,
        content = '', contentless_delete = 1,
        tokenize = 'trigram remove_diacritics 1'
      );
      INSERT INTO case_fts (case_fts, rank) VALUES ('secure-delete', 1);
    `);
  },
};

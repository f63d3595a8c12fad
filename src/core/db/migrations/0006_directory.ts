import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// The institution key directory: who a case summary may be encrypted to. A key is never
// overwritten: a changed key (or any change to an entry) is a new revision row, and the old
// row keeps pointing at its successor through replaced_by, so the disclosure log can always
// say which key a past package went to.
export const m0006: Migration = {
  version: 6,
  name: 'institution key directory',
  up(db) {
    db.exec(`
      -- Minisign Ed25519 keys trusted to sign directory files, pinned by a supervisor or an
      -- administrator after comparing the fingerprint out of band.
      CREATE TABLE directory_signers (
        key_id       TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        organisation TEXT NOT NULL,
        public_key   BLOB NOT NULL CHECK (length(public_key) = 32),
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        revoked_at   TEXT
      ) STRICT;

      -- Every directory file installed. The installed version is the highest one; a file whose
      -- version is not higher is refused, so an old directory cannot be replayed.
      CREATE TABLE directory_versions (
        version       INTEGER PRIMARY KEY NOT NULL CHECK (version >= 1),
        issuer        TEXT NOT NULL,
        issued_at     TEXT NOT NULL,
        signer_key_id TEXT NOT NULL REFERENCES directory_signers(key_id),
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        entry_count   INTEGER NOT NULL CHECK (entry_count >= 0),
        installed_at  TEXT NOT NULL,
        installed_by  TEXT NOT NULL
      ) STRICT;

      -- One row per revision of a recipient. id is the recipient's stable id (the directory's,
      -- or a random one for a manual entry); revision_id names this exact key set.
      CREATE TABLE directory_entries (
        revision_id          TEXT PRIMARY KEY NOT NULL,
        id                   TEXT NOT NULL,
        institution          TEXT NOT NULL CHECK (length(institution) BETWEEN 1 AND 200),
        category             TEXT NOT NULL,
        person               TEXT CHECK (person IS NULL OR length(person) BETWEEN 1 AND 200),
        age_recipient        TEXT NOT NULL CHECK (age_recipient LIKE 'age1%'),
        ed25519_public_key   BLOB NOT NULL CHECK (length(ed25519_public_key) = 32),
        fingerprint          TEXT NOT NULL CHECK (length(fingerprint) = 47),
        valid_from           TEXT NOT NULL,
        valid_to             TEXT CHECK (valid_to IS NULL OR valid_to > valid_from),
        state                TEXT NOT NULL CHECK (state IN ('verified', 'unverified')),
        verified_at          TEXT,
        verified_by          TEXT,
        verified_how         TEXT CHECK (verified_how IS NULL OR verified_how IN ('fingerprint', 'directory')),
        verified_fingerprint TEXT,
        key_changed          INTEGER NOT NULL DEFAULT 0 CHECK (key_changed IN (0, 1)),
        source               TEXT NOT NULL CHECK (source IN ('manual', 'directory')),
        source_version       INTEGER REFERENCES directory_versions(version),
        created_at           TEXT NOT NULL,
        created_by           TEXT NOT NULL,
        replaced_by          TEXT REFERENCES directory_entries(revision_id),
        replaced_at          TEXT,
        withdrawn_at         TEXT,
        CHECK ((state = 'verified') = (verified_at IS NOT NULL AND verified_by IS NOT NULL
                                        AND verified_how IS NOT NULL AND verified_fingerprint IS NOT NULL)),
        CHECK ((source = 'directory') = (source_version IS NOT NULL)),
        CHECK ((replaced_by IS NULL) = (replaced_at IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX directory_entries_current ON directory_entries(id) WHERE replaced_by IS NULL;
    `);
  },
};

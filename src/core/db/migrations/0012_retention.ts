import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Retention: how long a closed case is kept, per case type; legal holds that stop a purge; a
// log of purges holding counts only (the purged cases must leave no trace, not even their
// codes); and what was done after a consent was withdrawn.
//
// Hold reasons and case types are code lists validated by core (as in 0003), not CHECKed here.
// Free text (a hold's note, a withdrawal note) may describe the case, so those rows belong to
// the case and are purged with it; the audit log only ever gets the codes.
export const m0012: Migration = {
  version: 12,
  name: 'retention policy, legal holds, consent withdrawals',
  up(db) {
    db.exec(`
      -- A missing row means "keep": nothing is ever due under a policy nobody set.
      CREATE TABLE retention_policy (
        case_type  TEXT PRIMARY KEY NOT NULL,
        years      INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE case_legal_holds (
        id             INTEGER PRIMARY KEY NOT NULL,
        case_n         INTEGER NOT NULL REFERENCES cases(n),
        reason         TEXT NOT NULL,
        note           TEXT,
        set_at         TEXT NOT NULL,
        set_by         TEXT NOT NULL,
        released_at    TEXT,
        released_by    TEXT,
        release_reason TEXT,
        release_note   TEXT,
        CHECK ((released_at IS NULL) = (released_by IS NULL)),
        CHECK ((released_at IS NULL) = (release_reason IS NULL))
      ) STRICT;
      -- At most one hold in force per case; released ones stay as the record.
      CREATE UNIQUE INDEX case_legal_holds_active ON case_legal_holds(case_n) WHERE released_at IS NULL;

      CREATE TABLE consent_withdrawals (
        id         TEXT PRIMARY KEY NOT NULL,
        case_n     INTEGER NOT NULL REFERENCES cases(n),
        consent_id TEXT NOT NULL,
        handled_at TEXT NOT NULL,
        handled_by TEXT NOT NULL,
        actions    TEXT NOT NULL CHECK (json_valid(actions)),
        note       TEXT
      ) STRICT;
      CREATE INDEX consent_withdrawals_case ON consent_withdrawals(case_n, consent_id);

      CREATE TABLE retention_purges (
        id          INTEGER PRIMARY KEY NOT NULL,
        purged_at   TEXT NOT NULL,
        purged_by   TEXT NOT NULL,
        today       TEXT NOT NULL,
        cases       INTEGER NOT NULL CHECK (cases >= 1),
        attachments INTEGER NOT NULL CHECK (attachments >= 0),
        bytes       INTEGER NOT NULL CHECK (bytes >= 0)
      ) STRICT;
    `);
  },
};

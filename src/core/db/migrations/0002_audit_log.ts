import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
export const m0002: Migration = {
  version: 2,
  name: 'audit log hash chain',
  up(db) {
    db.exec(`
      CREATE TABLE audit_log (
        seq     INTEGER PRIMARY KEY NOT NULL,
        at      TEXT NOT NULL,
        actor   TEXT NOT NULL,
        action  TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail  TEXT NOT NULL,
        mac     BLOB NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_subject ON audit_log(subject);
    `);
  },
};

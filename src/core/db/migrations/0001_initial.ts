import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
export const m0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE users (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL UNIQUE,
        roles       TEXT NOT NULL,
        slot_id     TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL,
        disabled_at TEXT
      ) STRICT;
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};

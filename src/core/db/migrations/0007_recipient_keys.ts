import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// The keys of a recipient installation (a prosecutor's or a ministry's Sauga): the age X25519
// identity packages are encrypted to, and the institution's Ed25519 key for receipts and its
// directory entry. Secrets live only here, inside the encrypted database.
//
// One row per key generation. Rotation retires the current row and inserts a new one; retired
// identities stay, because packages encrypted to them must still open. Nothing here refers to
// tables of other migrations, so the table stands on its own whatever else the schema holds.
//
// The installation is marked as a recipient by the meta row `installation_role = 'recipient'`,
// written together with the first key row (core/keys/recipient.ts), not by this migration:
// every vault gets the table, only a recipient vault gets rows.
export const m0007: Migration = {
  version: 7,
  name: 'recipient installation keys',
  up(db) {
    db.exec(`
      CREATE TABLE recipient_keys (
        generation     INTEGER PRIMARY KEY NOT NULL CHECK (generation >= 1),
        institution    TEXT NOT NULL CHECK (length(institution) BETWEEN 1 AND 200),
        category       TEXT NOT NULL CHECK (category GLOB '[A-Z]*' AND length(category) <= 40),
        -- The Bech32 "AGE-SECRET-KEY-1..." text as UTF-8 bytes: read into a Buffer that can be zeroed.
        age_identity   BLOB NOT NULL CHECK (length(age_identity) BETWEEN 60 AND 100),
        age_recipient  TEXT NOT NULL UNIQUE CHECK (age_recipient GLOB 'age1*' AND length(age_recipient) <= 100),
        -- Raw 32-byte Ed25519 seed and public key, as in stats_signing_keys.
        ed25519_secret BLOB NOT NULL CHECK (length(ed25519_secret) = 32),
        ed25519_public BLOB NOT NULL UNIQUE CHECK (length(ed25519_public) = 32),
        created_at     TEXT NOT NULL,
        created_by     TEXT NOT NULL,
        retired_at     TEXT,
        retired_by     TEXT,
        CHECK ((retired_at IS NULL) = (retired_by IS NULL))
      ) STRICT;
      -- At most one current generation; packages are addressed to it.
      CREATE UNIQUE INDEX recipient_keys_current ON recipient_keys((1)) WHERE retired_at IS NULL;
    `);
  },
};

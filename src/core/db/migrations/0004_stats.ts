import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Statistics returns, both sides of the exchange. An NGO vault signs and registers what it
// exported; a ministry vault (the recipient role) pins organisation keys and remembers what it
// received, so a replayed or reordered return is refused. Only published values are stored:
// the true value of a suppressed cell never leaves the case tables.
export const m0004: Migration = {
  version: 4,
  name: 'statistics returns',
  up(db) {
    db.exec(`
      -- The organisation's Ed25519 signing key. The secret is the 32-byte seed; it sits only in
      -- this encrypted database. Retired keys stay so that old returns can still be explained.
      CREATE TABLE stats_signing_keys (
        key_id     TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        secret_key BLOB NOT NULL CHECK (length(secret_key) = 32),
        public_key BLOB NOT NULL CHECK (length(public_key) = 32),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        retired_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX stats_signing_keys_active ON stats_signing_keys((1)) WHERE retired_at IS NULL;

      -- Every return this organisation exported. published_cells holds what the ministry saw
      -- (null for suppressed cells), so a later return for an overlapping period is audited
      -- together with it.
      CREATE TABLE stats_returns (
        package_id      TEXT PRIMARY KEY NOT NULL,
        sequence        INTEGER NOT NULL UNIQUE CHECK (sequence >= 1),
        key_id          TEXT NOT NULL REFERENCES stats_signing_keys(key_id),
        period_kind     TEXT NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
        period_code     TEXT NOT NULL,
        period_from     TEXT NOT NULL,
        period_to       TEXT NOT NULL CHECK (period_to >= period_from),
        params          TEXT NOT NULL CHECK (json_valid(params)),
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        replaces        TEXT REFERENCES stats_returns(package_id),
        sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
        file_name       TEXT NOT NULL,
        audit_seq       INTEGER NOT NULL,
        audit_mac       TEXT NOT NULL,
        published_cells TEXT NOT NULL CHECK (json_valid(published_cells))
      ) STRICT;
      CREATE INDEX stats_returns_period ON stats_returns(period_from, period_to);

      -- Recipient side: organisation keys verified out of band (fingerprint read aloud or on
      -- paper). A changed key is a new row; the old one is revoked, never overwritten.
      CREATE TABLE stats_trusted_keys (
        key_id       TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        organisation TEXT NOT NULL,
        public_key   TEXT NOT NULL,
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        revoked_at   TEXT
      ) STRICT;
      CREATE INDEX stats_trusted_keys_org ON stats_trusted_keys(organisation);

      CREATE TABLE stats_received (
        package_id   TEXT PRIMARY KEY NOT NULL,
        key_id       TEXT NOT NULL REFERENCES stats_trusted_keys(key_id),
        sequence     INTEGER NOT NULL CHECK (sequence >= 1),
        period_kind  TEXT NOT NULL CHECK (period_kind IN ('year', 'quarter', 'month')),
        period_code  TEXT NOT NULL,
        period_from  TEXT NOT NULL,
        period_to    TEXT NOT NULL,
        replaces     TEXT,
        sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
        audit_seq    INTEGER NOT NULL,
        audit_mac    TEXT NOT NULL,
        received_at  TEXT NOT NULL,
        received_by  TEXT NOT NULL,
        UNIQUE (key_id, sequence)
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// The recipient side of case summaries: the NGO signing keys this institution trusts, and every
// summary package it accepted. A received summary is kept whole (summary, consent, manifest and
// the PDF) because the recipient must be able to show later exactly what it was sent and on what
// authority, even after the NGO withdraws or corrects anything on its side.
//
// package_id is UNIQUE so that a replayed package is refused by the database itself, not only by
// the code that checks first. Trusted keys are never overwritten: a changed key is a new row and
// the old one is revoked, so a stored summary always names the key that verified it.
export const m0009: Migration = {
  version: 9,
  name: 'summary inbox and trusted senders',
  up(db) {
    db.exec(`
      CREATE TABLE summary_trusted_senders (
        key_id       TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        organisation TEXT NOT NULL CHECK (length(organisation) BETWEEN 1 AND 200),
        -- The minisign public key line (base64), as published by the organisation.
        public_key   TEXT NOT NULL UNIQUE CHECK (length(public_key) BETWEEN 40 AND 120),
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        revoked_at   TEXT,
        revoked_by   TEXT,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      ) STRICT;
      CREATE INDEX summary_trusted_senders_org ON summary_trusted_senders(organisation);

      CREATE TABLE summary_received (
        id                  TEXT PRIMARY KEY NOT NULL,
        package_id          TEXT NOT NULL UNIQUE,
        received_at         TEXT NOT NULL,
        sender_organisation TEXT NOT NULL,
        sender_key_id       TEXT NOT NULL REFERENCES summary_trusted_senders(key_id),
        fingerprint         TEXT NOT NULL,
        created             TEXT NOT NULL,
        case_code           TEXT NOT NULL,
        purpose             TEXT NOT NULL,
        summary             TEXT NOT NULL CHECK (json_valid(summary)),
        consent             TEXT NOT NULL CHECK (json_valid(consent)),
        manifest            TEXT NOT NULL CHECK (json_valid(manifest)),
        pdf                 BLOB NOT NULL CHECK (length(pdf) > 0),
        -- Of the encrypted package file as received, to match the sender's disclosure log.
        sha256              TEXT NOT NULL CHECK (length(sha256) = 64),
        opened_by           TEXT NOT NULL,
        opened_by_id        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX summary_received_at ON summary_received(received_at);
    `);
  },
};

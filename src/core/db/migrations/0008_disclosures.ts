import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Case summaries for recipients: the draft a user composed (waiting for approval or an
// override), and the disclosure log of what was actually sent. The log keeps a frozen copy of
// the consent that authorised each disclosure, because the consent record itself may later be
// withdrawn or edited, and the log must still say what was relied on at the time.
export const m0008: Migration = {
  version: 8,
  name: 'summary drafts and disclosure log',
  up(db) {
    db.exec(`
      CREATE TABLE summary_drafts (
        id              TEXT PRIMARY KEY NOT NULL,
        case_n          INTEGER NOT NULL REFERENCES cases(n),
        status          TEXT NOT NULL CHECK (status IN ('draft', 'pending_approval', 'needs_override', 'approved', 'sent', 'cancelled')),
        recipient       TEXT NOT NULL CHECK (json_valid(recipient)),
        purpose         TEXT NOT NULL,
        consent_id      TEXT,
        -- The composed summary with its frozen consent copy and the list of what was left out.
        composed        TEXT NOT NULL CHECK (json_valid(composed)),
        created_at      TEXT NOT NULL,
        created_by      TEXT NOT NULL,
        created_by_id   TEXT NOT NULL,
        requested_at    TEXT,
        requested_by    TEXT,
        approved_at     TEXT,
        approved_by     TEXT,
        legal_basis     TEXT,
        second_approver TEXT
      ) STRICT;
      CREATE INDEX summary_drafts_case ON summary_drafts(case_n, status);

      CREATE TABLE case_disclosures (
        id              TEXT PRIMARY KEY NOT NULL,
        case_n          INTEGER NOT NULL REFERENCES cases(n),
        draft_id        TEXT NOT NULL UNIQUE REFERENCES summary_drafts(id),
        package_id      TEXT NOT NULL UNIQUE,
        sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
        institution     TEXT NOT NULL,
        recipient       TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        purpose         TEXT NOT NULL,
        categories      TEXT NOT NULL CHECK (json_valid(categories)),
        fields          TEXT NOT NULL CHECK (json_valid(fields)),
        consent_id      TEXT,
        consent         TEXT CHECK (consent IS NULL OR json_valid(consent)),
        legal_basis     TEXT,
        approved_by     TEXT,
        second_approver TEXT,
        sent_at         TEXT NOT NULL,
        sent_by         TEXT NOT NULL,
        -- Exactly one authority: a consent, or an override with its legal basis and two approvers.
        CHECK ((consent_id IS NOT NULL AND consent IS NOT NULL AND legal_basis IS NULL)
            OR (consent_id IS NULL AND consent IS NULL AND legal_basis IS NOT NULL AND second_approver IS NOT NULL))
      ) STRICT;
      CREATE INDEX case_disclosures_case ON case_disclosures(case_n, sent_at);
      CREATE INDEX case_disclosures_consent ON case_disclosures(consent_id);
    `);
  },
};

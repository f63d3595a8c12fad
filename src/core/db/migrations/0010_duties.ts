import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Information duties: the institutions of the referral mechanism, the rule sets that say who
// must be informed of what and by when, the case events the rules react to, and the tasks
// they generate. A task is never deleted: a completed one is the record of a notification, and
// one that stopped applying is closed with a reason, so the compliance report can be rebuilt.
export const m0010: Migration = {
  version: 10,
  name: 'information duties',
  up(db) {
    db.exec(`
      CREATE TABLE duty_institutions (
        id           TEXT PRIMARY KEY NOT NULL,
        name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        type         TEXT NOT NULL,
        municipality TEXT,
        contact      TEXT,
        note         TEXT,
        created_at   TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        updated_by   TEXT NOT NULL
      ) STRICT;
      -- The natural key an import matches on when a row carries no id.
      CREATE UNIQUE INDEX duty_institutions_natural ON duty_institutions(type, name, ifnull(municipality, ''));

      -- Minisign Ed25519 keys trusted to sign rule set files (a ministry issuing the national
      -- protocol). Kept apart from the key directory's signers: trusting a key for one must not
      -- let it speak for the other.
      CREATE TABLE duty_rule_signers (
        key_id       TEXT PRIMARY KEY NOT NULL CHECK (length(key_id) = 16),
        organisation TEXT NOT NULL,
        public_key   BLOB NOT NULL CHECK (length(public_key) = 32),
        added_at     TEXT NOT NULL,
        added_by     TEXT NOT NULL,
        revoked_at   TEXT
      ) STRICT;

      -- Every rule set ever installed; exactly one is active. A signed file whose version is not
      -- higher than every signed version installed before is refused, so an old protocol cannot
      -- be replayed.
      CREATE TABLE duty_rule_sets (
        id            INTEGER PRIMARY KEY NOT NULL,
        version       INTEGER NOT NULL CHECK (version >= 1),
        source        TEXT NOT NULL CHECK (source IN ('example', 'signed', 'local')),
        issuer        TEXT NOT NULL,
        issued_at     TEXT NOT NULL,
        signer_key_id TEXT REFERENCES duty_rule_signers(key_id),
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        document      TEXT NOT NULL CHECK (json_valid(document)),
        installed_at  TEXT NOT NULL,
        installed_by  TEXT NOT NULL,
        active        INTEGER NOT NULL CHECK (active IN (0, 1)),
        CHECK ((source = 'signed') = (signer_key_id IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX duty_rule_sets_active ON duty_rule_sets(active) WHERE active = 1;

      -- What has happened to a case as far as the rules are concerned, with the moment it first
      -- happened; an event whose condition no longer holds stays, inactive, so its date survives.
      CREATE TABLE duty_events (
        case_n      INTEGER NOT NULL REFERENCES cases(n),
        event_key   TEXT NOT NULL,
        type        TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        active      INTEGER NOT NULL CHECK (active IN (0, 1)),
        PRIMARY KEY (case_n, event_key)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE duty_tasks (
        id             TEXT PRIMARY KEY NOT NULL,
        case_n         INTEGER NOT NULL REFERENCES cases(n),
        task_key       TEXT NOT NULL,
        rule_id        TEXT NOT NULL,
        rule_set_id    INTEGER NOT NULL REFERENCES duty_rule_sets(id),
        state          TEXT NOT NULL CHECK (state IN ('open', 'done', 'not_applicable')),
        recipient_type TEXT NOT NULL,
        anchor_at      TEXT NOT NULL,
        due_at         TEXT NOT NULL,
        -- The rule as it stood when the task was planned: a later rule set never rewrites a
        -- completed task.
        plan           TEXT NOT NULL CHECK (json_valid(plan)),
        done_at        TEXT,
        -- What was sent or told, to whom and when; or why the duty did not apply.
        record         TEXT CHECK (record IS NULL OR json_valid(record)),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        UNIQUE (case_n, task_key),
        CHECK ((state = 'done') = (done_at IS NOT NULL)),
        CHECK ((state = 'open') = (record IS NULL))
      ) STRICT;
      CREATE INDEX duty_tasks_due ON duty_tasks(state, due_at, case_n);
      CREATE INDEX duty_tasks_rule ON duty_tasks(due_at, recipient_type, rule_id, state);
    `);
  },
};

import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RecipientCategory } from '../../../shared/cases/codes';
import { ErrorCode } from '../../../shared/errors';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { listPinnedSigners, pinnedSigner, pinSigner, type PinnedSigner } from '../../stats/package/pinnedSigners';
import type { VaultSession } from '../../vault/vault';
import { fingerprintMatches, recipientFingerprint } from './fingerprint';
import { RecipientId, RecipientInput, type DirectoryEntry } from './schema';

/**
 * The NGO's directory of institutions it may send case summaries to. Writes go through
 * session.write, so every addition, verification, import and key change is in the audit chain.
 */

/**
 * Who decides where case data may go: supervisors (they approve disclosures) and
 * administrators (they manage keys), as for the organisation's signing key in `sauga keys`.
 * Enforced here so the CLI and the app cannot disagree.
 */
export function assertCanManageDirectory(session: VaultSession): void {
  if (!session.hasRole('supervisor') && !session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator can change the key directory');
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    const at = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new AppError(ErrorCode.InvalidInput, `${what} is not valid${at}`);
  }
  return r.data;
}

export interface EntryRow {
  revision_id: string;
  id: string;
  institution: string;
  category: string;
  person: string | null;
  age_recipient: string;
  ed25519_public_key: Buffer;
  fingerprint: string;
  valid_from: string;
  valid_to: string | null;
  state: 'verified' | 'unverified';
  verified_at: string | null;
  verified_by: string | null;
  verified_how: 'fingerprint' | 'directory' | null;
  verified_fingerprint: string | null;
  key_changed: number;
  source: 'manual' | 'directory';
  source_version: number | null;
  created_at: string;
  created_by: string;
  replaced_by: string | null;
  replaced_at: string | null;
  withdrawn_at: string | null;
}

export const toEntry = (r: EntryRow): DirectoryEntry => ({
  id: r.id,
  revisionId: r.revision_id,
  institution: r.institution,
  category: RecipientCategory.parse(r.category),
  person: r.person,
  ageRecipient: r.age_recipient,
  ed25519PublicKey: Buffer.from(r.ed25519_public_key),
  fingerprint: r.fingerprint,
  validFrom: r.valid_from,
  validTo: r.valid_to,
  state: r.state,
  verifiedAt: r.verified_at,
  verifiedBy: r.verified_by,
  verifiedHow: r.verified_how,
  keyChanged: r.key_changed === 1,
  source: r.source,
  sourceVersion: r.source_version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  replacedBy: r.replaced_by,
  replacedAt: r.replaced_at,
  withdrawnAt: r.withdrawn_at,
});

export function currentRow(db: Db, id: string): EntryRow | undefined {
  return db.prepare('SELECT * FROM directory_entries WHERE id = ? AND replaced_by IS NULL').get(id) as
    EntryRow | undefined;
}

function rowByIdOrRevision(db: Db, idOrRevisionId: string): EntryRow | undefined {
  return (
    currentRow(db, idOrRevisionId) ??
    (db.prepare('SELECT * FROM directory_entries WHERE revision_id = ?').get(idOrRevisionId) as EntryRow | undefined)
  );
}

export interface NewRevision {
  id: string;
  institution: string;
  category: string;
  person: string | null;
  ageRecipient: string;
  ed25519PublicKey: Buffer;
  validFrom: string;
  validTo: string | null;
  verifiedHow: 'fingerprint' | 'directory' | null;
  keyChanged: boolean;
  source: 'manual' | 'directory';
  sourceVersion: number | null;
}

/** Inserts a revision and retires the current one for the same id; call inside session.write. */
export function insertRevision(db: Db, r: NewRevision, at: string, by: string): string {
  const revisionId = randomUUID();
  const fp = recipientFingerprint(r.ageRecipient, r.ed25519PublicKey);
  const previous = currentRow(db, r.id);
  // The predecessor points at a row inserted just below: the check waits for the commit.
  db.pragma('defer_foreign_keys = ON');
  // The predecessor is retired first: the unique index allows one current row per id.
  if (previous)
    db.prepare('UPDATE directory_entries SET replaced_by = ?, replaced_at = ? WHERE revision_id = ?').run(
      revisionId,
      at,
      previous.revision_id,
    );
  const verified = r.verifiedHow !== null;
  db.prepare(
    `INSERT INTO directory_entries (revision_id, id, institution, category, person, age_recipient, ed25519_public_key,
       fingerprint, valid_from, valid_to, state, verified_at, verified_by, verified_how, verified_fingerprint,
       key_changed, source, source_version, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    revisionId,
    r.id,
    r.institution,
    r.category,
    r.person,
    r.ageRecipient,
    r.ed25519PublicKey,
    fp,
    r.validFrom,
    r.validTo,
    verified ? 'verified' : 'unverified',
    verified ? at : null,
    verified ? by : null,
    r.verifiedHow,
    verified ? fp : null,
    r.keyChanged ? 1 : 0,
    r.source,
    r.sourceVersion,
    at,
    by,
  );
  return revisionId;
}

const byRevision = (db: Db, revisionId: string): DirectoryEntry =>
  toEntry(db.prepare('SELECT * FROM directory_entries WHERE revision_id = ?').get(revisionId) as EntryRow);

/** A recipient typed in by hand. It cannot be sent to until its fingerprint is verified. */
export function addRecipient(session: VaultSession, input: RecipientInput): DirectoryEntry {
  assertCanManageDirectory(session);
  const v = parseInput(RecipientInput, input, 'the recipient');
  const id = randomUUID();
  const at = session.now().toISOString();
  const fp = recipientFingerprint(v.ageRecipient, v.ed25519PublicKey);
  const revisionId = session.write(
    { action: 'directory.recipient_added', subject: id, detail: { fingerprint: fp, category: v.category } },
    (db) =>
      insertRevision(
        db,
        {
          id,
          institution: v.institution,
          category: v.category,
          person: v.person ?? null,
          ageRecipient: v.ageRecipient,
          ed25519PublicKey: v.ed25519PublicKey,
          validFrom: v.validFrom,
          validTo: v.validTo ?? null,
          verifiedHow: null,
          keyChanged: false,
          source: 'manual',
          sourceVersion: null,
        },
        at,
        session.user.name,
      ),
  );
  return byRevision(session.db, revisionId);
}

/**
 * Marks the current revision verified when the digits a person read from the recipient (by
 * phone or on paper) equal its fingerprint, spaces ignored. A wrong attempt is logged too.
 */
export function verifyRecipient(session: VaultSession, id: string, typedFingerprint: string): DirectoryEntry {
  assertCanManageDirectory(session);
  const rid = parseInput(RecipientId, id, 'the recipient id');
  const typed = parseInput(z.string().max(200), typedFingerprint, 'the fingerprint');
  const row = currentRow(session.db, rid);
  if (!row) throw new AppError(ErrorCode.NotFound, 'no recipient with that id');
  if (row.withdrawn_at !== null)
    throw new AppError(ErrorCode.DirectoryEntryReplaced, 'the recipient was removed from the directory');
  // The fingerprint is recomputed from the stored keys: a stored one cannot vouch for itself.
  const fp = recipientFingerprint(row.age_recipient, row.ed25519_public_key);
  if (!fingerprintMatches(typed, fp)) {
    session.audit({ action: 'directory.verify_failed', subject: rid, detail: { revisionId: row.revision_id } });
    throw new AppError(ErrorCode.DirectoryFingerprintMismatch, 'the fingerprint entered does not match');
  }
  session.write(
    { action: 'directory.recipient_verified', subject: rid, detail: { revisionId: row.revision_id, fingerprint: fp } },
    (db) => {
      db.prepare(
        `UPDATE directory_entries SET state = 'verified', verified_at = ?, verified_by = ?, verified_how = 'fingerprint',
           verified_fingerprint = ? WHERE revision_id = ?`,
      ).run(session.now().toISOString(), session.user.name, fp, row.revision_id);
    },
  );
  return byRevision(session.db, row.revision_id);
}

/** Current revisions, or every revision ever held with `history`. */
export function listRecipients(db: Db, o: { history?: boolean } = {}): DirectoryEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM directory_entries ${o.history ? '' : 'WHERE replaced_by IS NULL'}
       ORDER BY institution, person, id, created_at`,
    )
    .all() as EntryRow[];
  return rows.map(toEntry);
}

/** By stable id (its current revision) or by revision id (that exact, possibly replaced, key set). */
export function getRecipient(db: Db, idOrRevisionId: string): DirectoryEntry | null {
  if (!RecipientId.safeParse(idOrRevisionId).success) return null;
  const row = rowByIdOrRevision(db, idOrRevisionId);
  return row ? toEntry(row) : null;
}

/**
 * The gate before anything is encrypted to a recipient. Returns the entry to encrypt to, or
 * throws naming why not. `expectedFingerprint` is what the user saw when approving: if the key
 * changed in between, sending stops.
 */
export function assertSendable(
  db: Db,
  idOrRevisionId: string,
  now: Date,
  expectedFingerprint?: string,
): DirectoryEntry {
  const ref = parseInput(RecipientId, idOrRevisionId, 'the recipient id');
  const row = rowByIdOrRevision(db, ref);
  if (!row) throw new AppError(ErrorCode.NotFound, 'no recipient with that id');
  if (row.replaced_by !== null)
    throw new AppError(ErrorCode.DirectoryEntryReplaced, 'this key of the recipient has been replaced by a newer one');
  if (row.withdrawn_at !== null)
    throw new AppError(ErrorCode.DirectoryEntryReplaced, 'the recipient was removed from the directory');
  const fp = recipientFingerprint(row.age_recipient, row.ed25519_public_key);
  // A row edited in place (outside this module) no longer matches what was verified.
  if (fp !== row.fingerprint)
    throw new AppError(ErrorCode.DirectoryKeyChanged, 'the stored keys do not match their fingerprint');
  if (row.state !== 'verified') {
    if (row.key_changed === 1)
      throw new AppError(ErrorCode.DirectoryKeyChanged, 'the recipient key changed and has not been verified again');
    throw new AppError(ErrorCode.DirectoryEntryUnverified, 'the recipient key has not been verified');
  }
  if (row.verified_fingerprint !== fp)
    throw new AppError(ErrorCode.DirectoryKeyChanged, 'the recipient key changed since it was verified');
  if (expectedFingerprint !== undefined && !fingerprintMatches(expectedFingerprint, fp))
    throw new AppError(ErrorCode.DirectoryKeyChanged, 'the recipient key changed since the summary was approved');
  const t = now.toISOString();
  if (t < row.valid_from || (row.valid_to !== null && t > row.valid_to))
    throw new AppError(ErrorCode.DirectoryEntryExpired, 'the recipient key is outside its validity period');
  return toEntry(row);
}

export type DirectorySigner = PinnedSigner;

/** Pins a minisign public key (the base64 line or the two-line .pub file) as a directory signer. */
export function addDirectorySigner(
  session: VaultSession,
  organisation: string,
  minisignPublicKeyLine: string,
): DirectorySigner {
  assertCanManageDirectory(session);
  return pinSigner(session, 'directory_signers', 'directory.signer_trusted', organisation, minisignPublicKeyLine);
}

export const listDirectorySigners = (db: Db): DirectorySigner[] => listPinnedSigners(db, 'directory_signers');

export const trustedSigner = (db: Db, keyId: string): DirectorySigner | null =>
  pinnedSigner(db, 'directory_signers', keyId);

export interface InstalledDirectory {
  version: number;
  issuer: string;
  issuedAt: string;
  signerKeyId: string;
  sha256: string;
  entryCount: number;
  installedAt: string;
  installedBy: string;
}

export function installedDirectory(db: Db): InstalledDirectory | null {
  const r = db.prepare('SELECT * FROM directory_versions ORDER BY version DESC LIMIT 1').get() as
    | {
        version: number;
        issuer: string;
        issued_at: string;
        signer_key_id: string;
        sha256: string;
        entry_count: number;
        installed_at: string;
        installed_by: string;
      }
    | undefined;
  return r
    ? {
        version: r.version,
        issuer: r.issuer,
        issuedAt: r.issued_at,
        signerKeyId: r.signer_key_id,
        sha256: r.sha256,
        entryCount: r.entry_count,
        installedAt: r.installed_at,
        installedBy: r.installed_by,
      }
    : null;
}

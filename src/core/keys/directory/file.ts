import { ErrorCode } from '../../../shared/errors';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import { openSignedDocument, writeSignedDocument, type SignedDocumentKind } from '../../stats/package/signedDocument';
import type { PackageSigner } from '../../stats/package/signingKey';
import type { VaultSession } from '../../vault/vault';
import { DIRECTORY_FORMAT, DirectoryDocument, type DirectoryFileEntry } from './schema';
import { assertCanManageDirectory, currentRow, insertRevision, installedDirectory, trustedSigner } from './store';

/**
 * A directory file is a signed document file (see stats/package/signedDocument.ts) holding
 * directory.json (a DirectoryDocument) and directory.json.minisig, whose trusted comment is
 * "sauga institution directory version N".
 */

export const DIRECTORY_PATHS = { document: 'directory.json', signature: 'directory.json.minisig' } as const;
export const DIRECTORY_LIMITS = { file: 4 * 1024 * 1024, document: 4 * 1024 * 1024 - 4096, signature: 2048 };

export const directoryTrustedComment = (version: number): string => `sauga institution directory version ${version}`;

const reject = (detail: string): AppError => new AppError(ErrorCode.DirectoryFileRejected, detail);

const DIRECTORY_FILE: SignedDocumentKind = {
  paths: DIRECTORY_PATHS,
  limits: DIRECTORY_LIMITS,
  trustedComment: directoryTrustedComment,
  reject,
  noun: 'the directory',
};

export interface WriteDirectoryOptions {
  issuer: string;
  issuedAt?: Date;
}

/** For tests and for the issuing authority's tool: a signed directory file. */
export function writeDirectory(
  entries: readonly DirectoryFileEntry[],
  version: number,
  signer: PackageSigner,
  o: WriteDirectoryOptions = { issuer: 'Sauga' },
): Uint8Array {
  const doc = {
    format: DIRECTORY_FORMAT,
    version,
    issuedAt: (o.issuedAt ?? new Date()).toISOString(),
    issuer: o.issuer,
    entries,
  };
  // Refuses to sign what the importer would refuse to read.
  if (!DirectoryDocument.safeParse(doc).success)
    throw new AppError(ErrorCode.InvalidInput, 'the directory content is not valid');
  return writeSignedDocument(DIRECTORY_FILE, Buffer.from(`${JSON.stringify(doc, null, 2)}\n`, 'utf8'), version, signer);
}

export interface VerifiedDirectory {
  document: DirectoryDocument;
  signerKeyId: string;
  sha256: string;
}

/**
 * Checks a directory file against the pinned signers and the installed version, in the order
 * of security.md: size, archive layout, signature, strict schema, replay. Writes nothing.
 */
export function verifyDirectoryFile(db: Db, bytes: Uint8Array): VerifiedDirectory {
  const opened = openSignedDocument(DIRECTORY_FILE, bytes, (keyId) => trustedSigner(db, keyId)?.publicKey ?? null);
  const parsed = DirectoryDocument.safeParse(opened.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw reject(`the directory content is not valid${issue ? ` at ${issue.path.join('.') || 'top level'}` : ''}`);
  }
  // A valid signature over one version must not be replayable as another.
  if (opened.trustedComment !== directoryTrustedComment(parsed.data.version))
    throw reject('the signed version does not match the document');

  const installed = installedDirectory(db);
  if (installed && parsed.data.version <= installed.version)
    throw new AppError(
      ErrorCode.DirectoryVersionOld,
      `directory version ${parsed.data.version} is not newer than the installed version ${installed.version}`,
    );
  return { document: parsed.data, signerKeyId: opened.signerKeyId, sha256: opened.sha256 };
}

export interface DirectoryImportResult {
  version: number;
  issuer: string;
  signerKeyId: string;
  sha256: string;
  /** Recipients seen for the first time; verified by the directory's signature. */
  added: string[];
  /** Same keys, other details (name, validity); still verified. */
  updated: string[];
  /** New keys for a known recipient: blocked until a person verifies the new fingerprint. */
  keyChanged: string[];
  /** Directory entries the new version no longer lists: no longer sendable. */
  withdrawn: string[];
  unchanged: number;
}

/**
 * Installs a verified directory in one transaction. A directory's signature vouches for an
 * entry it introduces, but a changed key is a new revision left unverified, because the issue
 * asks that "a changed key blocks sending until it is verified again": a compromised or
 * mistaken directory cannot silently redirect summaries. Manual entries are never withdrawn.
 */
export function importDirectory(session: VaultSession, bytes: Uint8Array): DirectoryImportResult {
  assertCanManageDirectory(session);
  if (!(bytes instanceof Uint8Array)) throw new AppError(ErrorCode.InvalidInput, 'the directory file must be bytes');
  const v = verifyDirectoryFile(session.db, bytes);
  const d = v.document;
  const at = session.now().toISOString();
  const by = session.user.name;
  const result: DirectoryImportResult = {
    version: d.version,
    issuer: d.issuer,
    signerKeyId: v.signerKeyId,
    sha256: v.sha256,
    added: [],
    updated: [],
    keyChanged: [],
    withdrawn: [],
    unchanged: 0,
  };
  // Filled in at the end of the transaction, before session.write appends the entry.
  const detail: Record<string, string | number> = { version: d.version, signerKeyId: v.signerKeyId, sha256: v.sha256 };
  session.write({ action: 'directory.imported', subject: `directory v${d.version}`, detail }, (db) => {
    db.prepare(
      `INSERT INTO directory_versions (version, issuer, issued_at, signer_key_id, sha256, entry_count, installed_at, installed_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(d.version, d.issuer, d.issuedAt, v.signerKeyId, v.sha256, d.entries.length, at, by);
    for (const e of d.entries) {
      const key = Buffer.from(e.ed25519PublicKey, 'base64');
      const prev = currentRow(db, e.id);
      const sameKeys =
        prev !== undefined && prev.age_recipient === e.ageRecipient && prev.ed25519_public_key.equals(key);
      const sameDetails =
        prev !== undefined &&
        prev.institution === e.institution &&
        prev.category === e.category &&
        prev.person === (e.person ?? null) &&
        prev.valid_from === e.validFrom &&
        prev.valid_to === e.validTo &&
        prev.withdrawn_at === null;
      // A key change still waiting for a person stays blocked, however often a directory repeats it.
      const pending = prev !== undefined && prev.state === 'unverified' && prev.key_changed === 1;
      if (sameKeys && sameDetails && (prev.state === 'verified' || pending)) {
        result.unchanged += 1;
        continue;
      }
      const keyChanged = (prev !== undefined && !sameKeys) || (sameKeys && pending);
      const revisionId = insertRevision(
        db,
        {
          id: e.id,
          institution: e.institution,
          category: e.category,
          person: e.person ?? null,
          ageRecipient: e.ageRecipient,
          ed25519PublicKey: key,
          validFrom: e.validFrom,
          validTo: e.validTo,
          verifiedHow: keyChanged ? null : 'directory',
          keyChanged,
          source: 'directory',
          sourceVersion: d.version,
        },
        at,
        by,
      );
      const action = !prev ? 'added' : keyChanged ? 'key_changed' : 'updated';
      (!prev ? result.added : keyChanged ? result.keyChanged : result.updated).push(e.id);
      session.write(
        {
          action: `directory.recipient_${action}`,
          subject: e.id,
          detail: { revisionId, version: d.version, fingerprint: recipientFingerprintOf(db, revisionId) },
        },
        () => undefined,
      );
    }
    const listed = new Set(d.entries.map((e) => e.id));
    const stale = db
      .prepare(
        `SELECT id, revision_id FROM directory_entries
         WHERE source = 'directory' AND replaced_by IS NULL AND withdrawn_at IS NULL`,
      )
      .all() as { id: string; revision_id: string }[];
    for (const s of stale.filter((r) => !listed.has(r.id))) {
      db.prepare('UPDATE directory_entries SET withdrawn_at = ? WHERE revision_id = ?').run(at, s.revision_id);
      result.withdrawn.push(s.id);
      session.write(
        {
          action: 'directory.recipient_withdrawn',
          subject: s.id,
          detail: { revisionId: s.revision_id, version: d.version },
        },
        () => undefined,
      );
    }
    Object.assign(detail, {
      added: result.added.length,
      updated: result.updated.length,
      keyChanged: result.keyChanged.length,
      withdrawn: result.withdrawn.length,
    });
  });
  return result;
}

const recipientFingerprintOf = (db: Db, revisionId: string): string =>
  (
    db.prepare('SELECT fingerprint FROM directory_entries WHERE revision_id = ?').get(revisionId) as {
      fingerprint: string;
    }
  ).fingerprint;

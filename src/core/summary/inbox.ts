import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { ReceivedSummary, ReceivedSummaryItem, TrustedSender, TrustedSenderInput } from '../../shared/summary/dto';
import { worksWithCases } from '../cases/access';
import { AppError } from '../errors';
import { recipientFingerprint } from '../keys/directory/fingerprint';
import { isRecipientVault, withAgeIdentities } from '../keys/recipient';
import { encodePublicKeyLine, fingerprint, keyIdHex, parsePublicKey, publicKeyIn } from '../stats/package/minisign';
import type { VaultSession } from '../vault/vault';
import { LIMITS, openSummaryPackage, type OpenReason, type OpenResult } from './package';
import { canonicalJson } from './package/schema';

/**
 * The recipient's inbox (issue 5, "Recipient side"): a case summary package is decrypted with
 * this vault's age identities, its organisation signature checked against the senders this
 * vault trusts, its addressee checked against this vault's own keys, and only then stored,
 * whole, in the encrypted vault. Nothing of a refused package is kept but the refusal in the
 * audit chain.
 *
 * Trust in a sending organisation is pinned by hand (addTrustedSender): the NGO prints its
 * minisign public key with `sauga keys export-public`, the two compare its fingerprint by
 * phone or on paper, and a supervisor or administrator adds it. The institution directory
 * lists recipients, not senders, so it cannot vouch for an NGO.
 */

export { ReceivedSummary, ReceivedSummaryItem, TrustedSender, TrustedSenderInput };

const Id = z.uuid({ error: 'validation.idInvalid' });

/** Only a recipient installation receives; an NGO vault has no identity to decrypt with. */
function requireRecipient(session: VaultSession): void {
  if (!isRecipientVault(session))
    throw new AppError(
      ErrorCode.RecipientKeysMissing,
      'this vault is not a recipient installation; case summaries are opened only in the recipient role',
    );
}

/** Reading summaries is case work: as in an NGO vault, an administrator alone manages keys, not content. */
function requireReader(session: VaultSession, attempt: string): void {
  requireRecipient(session);
  if (!worksWithCases(session)) {
    session.audit({ action: 'summary.access_denied', subject: 'inbox', detail: { attempt } });
    throw new AppError(ErrorCode.Forbidden, 'only a caseworker or supervisor reads case summaries');
  }
}

// ---------------------------------------------------------------------------------------------
// Trusted senders

interface SenderRow {
  key_id: string;
  organisation: string;
  public_key: string;
  added_at: string;
  added_by: string;
}

function toSender(r: SenderRow): TrustedSender {
  const pk = parsePublicKey(r.public_key);
  if (!pk) throw new AppError(ErrorCode.Internal, 'a stored sender key is not a minisign key');
  return TrustedSender.parse({
    keyId: r.key_id,
    organisation: r.organisation,
    minisignPublicKey: r.public_key,
    fingerprint: fingerprint(pk.publicKey),
    addedAt: r.added_at,
    addedBy: r.added_by,
  });
}

const activeSenders = (session: VaultSession): SenderRow[] =>
  session.db
    .prepare('SELECT * FROM summary_trusted_senders WHERE revoked_at IS NULL ORDER BY organisation, key_id')
    .all() as SenderRow[];

/**
 * Pins an organisation's minisign public key for case summaries. Supervisors and
 * administrators only; audited with the key's fingerprint, which the caller must have
 * compared with the organisation out of band. The same key again is a no-op.
 */
export function addTrustedSender(session: VaultSession, input: TrustedSenderInput): TrustedSender {
  requireRecipient(session);
  if (!session.hasRole('supervisor') && !session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only a supervisor or an administrator can trust a sender');
  const parsed = TrustedSenderInput.safeParse(input);
  const organisation = parsed.success ? parsed.data.organisation.normalize('NFC').trim() : '';
  const pk = parsed.success ? publicKeyIn(parsed.data.minisignPublicKey) : null;
  if (!pk || organisation.length === 0)
    throw new AppError(ErrorCode.InvalidInput, 'the organisation or its minisign public key is not valid');
  const keyId = keyIdHex(pk.keyId);
  const line = encodePublicKeyLine(pk);
  const existing = session.db.prepare('SELECT * FROM summary_trusted_senders WHERE key_id = ?').get(keyId) as
    (SenderRow & { revoked_at: string | null }) | undefined;
  if (existing) {
    if (existing.public_key !== line)
      throw new AppError(ErrorCode.InvalidInput, 'another key with the same key id is already known');
    if (existing.organisation !== organisation)
      throw new AppError(ErrorCode.InvalidInput, 'this key is already trusted for another organisation');
    if (existing.revoked_at === null) return toSender(existing);
    throw new AppError(ErrorCode.InvalidInput, 'this key was revoked and cannot be trusted again');
  }
  session.write(
    {
      action: 'summary.sender_trusted',
      subject: keyId,
      detail: { organisation, fingerprint: fingerprint(pk.publicKey) },
    },
    (db) => {
      db.prepare(
        'INSERT INTO summary_trusted_senders (key_id, organisation, public_key, added_at, added_by) VALUES (?, ?, ?, ?, ?)',
      ).run(keyId, organisation, line, session.now().toISOString(), session.user.name);
    },
  );
  return toSender(session.db.prepare('SELECT * FROM summary_trusted_senders WHERE key_id = ?').get(keyId) as SenderRow);
}

export function listTrustedSenders(session: VaultSession): TrustedSender[] {
  requireRecipient(session);
  return activeSenders(session).map(toSender);
}

// ---------------------------------------------------------------------------------------------
// Receiving

/** Each refusal's code and the words the user reads first; the open step's detail follows. */
const REFUSALS: Record<Exclude<OpenReason, 'replayed'>, { code: ErrorCode; headline: string }> = {
  'too-large': { code: ErrorCode.SummaryPackageInvalid, headline: 'the file is too large to be a summary package' },
  'not-age': { code: ErrorCode.SummaryPackageInvalid, headline: 'this is not a case summary package' },
  'not-for-you': { code: ErrorCode.SummaryPackageNotForYou, headline: 'this package was encrypted for someone else' },
  damaged: { code: ErrorCode.SummaryPackageDamaged, headline: 'damaged or truncated file' },
  'bad-archive': { code: ErrorCode.SummaryPackageDamaged, headline: 'damaged or truncated file' },
  'hash-mismatch': { code: ErrorCode.SummaryPackageDamaged, headline: 'damaged or truncated file' },
  malformed: { code: ErrorCode.SummaryPackageInvalid, headline: 'the package content is not a valid case summary' },
  'unknown-sender': { code: ErrorCode.SummaryPackageUntrustedSender, headline: 'the sender is not trusted' },
  'bad-signature': { code: ErrorCode.SummaryPackageBadSignature, headline: 'the signature does not verify' },
  'wrong-recipient': {
    code: ErrorCode.SummaryPackageWrongRecipient,
    headline: 'this package was made for someone else (forwarded or re-encrypted)',
  },
};

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** Fingerprints of every key generation of this vault, current first (retired keys still open old packages). */
function ownFingerprints(session: VaultSession): string[] {
  const rows = session.db
    .prepare(
      'SELECT age_recipient, ed25519_public FROM recipient_keys ORDER BY retired_at IS NULL DESC, generation DESC',
    )
    .all() as { age_recipient: string; ed25519_public: Buffer }[];
  return rows.map((r) => recipientFingerprint(r.age_recipient, r.ed25519_public));
}

async function openHere(session: VaultSession, bytes: Uint8Array): Promise<OpenResult> {
  const trustedSenders = activeSenders(session).map((s) => ({
    organisation: s.organisation,
    minisignPublicKey: s.public_key,
  }));
  const fingerprints = ownFingerprints(session);
  return withAgeIdentities(session, async (ids) => {
    const identities = ids.map((i) => i.identity);
    let result: OpenResult | undefined;
    // Addressed to a retired generation is still addressed to us: try each own fingerprint.
    for (const ownFingerprint of fingerprints) {
      result = await openSummaryPackage(bytes, { identities, ownFingerprint, trustedSenders });
      if (result.ok || result.reason !== 'wrong-recipient') return result;
    }
    return result as OpenResult;
  });
}

interface ReceivedRow {
  id: string;
  package_id: string;
  received_at: string;
  sender_organisation: string;
  sender_key_id: string;
  fingerprint: string;
  created: string;
  case_code: string;
  purpose: string;
  summary: string;
  sha256: string;
  pdf_size: number;
  opened_by: string;
}

const ITEM_COLUMNS = `id, package_id, received_at, sender_organisation, sender_key_id, fingerprint, created, case_code,
  purpose, summary, sha256, length(pdf) AS pdf_size, opened_by`;

function toReceived(r: ReceivedRow): ReceivedSummary {
  const summary = JSON.parse(r.summary) as { override?: unknown };
  return ReceivedSummary.parse({
    id: r.id,
    packageId: r.package_id,
    receivedAt: r.received_at,
    openedBy: r.opened_by,
    sender: { organisation: r.sender_organisation, keyId: r.sender_key_id },
    caseCode: r.case_code,
    purpose: r.purpose,
    created: r.created,
    basis: summary.override ? 'override' : 'consent',
    recipientFingerprint: r.fingerprint,
    sha256: r.sha256,
    pdfSize: r.pdf_size,
    summary,
  });
}

const toItem = (r: ReceivedRow): ReceivedSummaryItem => {
  const { id, packageId, receivedAt, openedBy, sender, caseCode, purpose, created, basis } = toReceived(r);
  return { id, packageId, receivedAt, openedBy, sender, caseCode, purpose, created, basis };
};

/**
 * Opens a package and keeps it. Every refusal throws an AppError whose code names the reason
 * (not for this vault, forwarded, damaged, unsigned or badly signed, untrusted sender, already
 * received) and is recorded in the audit chain with the file's hash; nothing else is written.
 */
export async function receiveSummary(
  session: VaultSession,
  bytes: Uint8Array,
  opts: { now?: Date } = {},
): Promise<ReceivedSummary> {
  requireReader(session, 'summary.received');
  if (!(bytes instanceof Uint8Array)) throw new AppError(ErrorCode.InvalidInput, 'the package must be bytes');
  const fileHash = sha256(bytes.subarray(0, Math.min(bytes.length, LIMITS.package + 1)));
  const refuse = (code: ErrorCode, reason: string, message: string): AppError => {
    session.audit({ action: 'summary.receive_refused', subject: 'inbox', detail: { reason, sha256: fileHash } });
    return new AppError(code, message);
  };
  const r = await openHere(session, bytes);
  if (!r.ok) {
    if (r.reason === 'replayed')
      throw refuse(ErrorCode.SummaryPackageReplayed, r.reason, 'this package was already received');
    const { code, headline } = REFUSALS[r.reason];
    // The open step's detail quotes no package content: at most ids, key ids and fingerprints.
    throw refuse(code, r.reason, `${headline}: ${r.detail}`);
  }
  const m = r.manifest;
  const id = randomUUID();
  const at = (opts.now ?? session.now()).toISOString();
  try {
    session.write(
      {
        action: 'summary.received',
        subject: id,
        detail: {
          packageId: m.packageId,
          sender: r.sender.organisation,
          keyId: r.sender.keyId,
          sha256: r.sha256,
          basis: r.summary.override ? 'override' : 'consent',
        },
      },
      (db) => {
        // Checked inside the write lock; the UNIQUE index refuses it even if this check is raced.
        if (db.prepare('SELECT 1 FROM summary_received WHERE package_id = ?').get(m.packageId))
          throw new AppError(ErrorCode.SummaryPackageReplayed, 'this package was already received');
        db.prepare(
          `INSERT INTO summary_received (id, package_id, received_at, sender_organisation, sender_key_id, fingerprint,
             created, case_code, purpose, summary, consent, manifest, pdf, sha256, opened_by, opened_by_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          id,
          m.packageId,
          at,
          r.sender.organisation,
          r.sender.keyId,
          m.recipient.fingerprint,
          m.created,
          r.summary.caseCode,
          r.summary.purpose,
          canonicalJson(r.summary),
          canonicalJson(r.consent),
          canonicalJson(m),
          Buffer.from(r.pdf.buffer, r.pdf.byteOffset, r.pdf.byteLength),
          r.sha256,
          session.user.name,
          session.user.id,
        );
      },
    );
  } catch (e) {
    if (e instanceof AppError && e.code === ErrorCode.SummaryPackageReplayed)
      throw refuse(e.code, 'replayed', e.message);
    throw e;
  }
  return getReceivedRow(session, id);
}

function getReceivedRow(session: VaultSession, id: string): ReceivedSummary {
  const row = session.db.prepare(`SELECT ${ITEM_COLUMNS} FROM summary_received WHERE id = ?`).get(id) as
    ReceivedRow | undefined;
  if (!row) throw new AppError(ErrorCode.NotFound, 'no such received summary');
  return toReceived(row);
}

/** The inbox, newest first: who sent what and when, no content. The look is audited. */
export function listReceived(session: VaultSession): ReceivedSummaryItem[] {
  requireReader(session, 'summary.inbox_viewed');
  return session.write({ action: 'summary.inbox_viewed', subject: 'inbox' }, (db) =>
    (
      db.prepare(`SELECT ${ITEM_COLUMNS} FROM summary_received ORDER BY received_at DESC, id`).all() as ReceivedRow[]
    ).map(toItem),
  );
}

/** One received summary with its content; each reading is audited. */
export function getReceived(session: VaultSession, id: unknown): ReceivedSummary {
  requireReader(session, 'summary.received_viewed');
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'invalid input (id: validation.idInvalid)');
  const s = getReceivedRow(session, parsed.data);
  session.audit({ action: 'summary.received_viewed', subject: s.id });
  return s;
}

/** The PDF exactly as the sender signed it; each reading is audited. */
export function receivedPdf(session: VaultSession, id: unknown): Uint8Array {
  requireReader(session, 'summary.received_pdf_viewed');
  const parsed = Id.safeParse(id);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'invalid input (id: validation.idInvalid)');
  const row = session.db.prepare('SELECT pdf FROM summary_received WHERE id = ?').get(parsed.data) as
    { pdf: Buffer } | undefined;
  if (!row) throw new AppError(ErrorCode.NotFound, 'no such received summary');
  session.audit({ action: 'summary.received_pdf_viewed', subject: parsed.data });
  return new Uint8Array(row.pdf);
}

import { z } from 'zod';
import { ErrorCode } from '../../../shared/errors';
import type { Db } from '../../db/connection';
import { AppError } from '../../errors';
import type { VaultSession } from '../../vault/vault';
import { fingerprint, keyIdHex, publicKeyIn } from './minisign';

/**
 * Keys pinned by hand as signers of a kind of signed file (the institution directory, duty
 * rule sets), after their fingerprint was compared with the issuer by phone or on paper. Each
 * kind keeps its own table of the same shape, so trusting a key for one never trusts it for
 * another.
 */
export type SignerTable = 'directory_signers' | 'duty_rule_signers';

export interface PinnedSigner {
  keyId: string;
  organisation: string;
  publicKey: Buffer;
  /** The Ed25519 key's fingerprint, to compare with the issuer out of band. */
  fingerprint: string;
  addedAt: string;
  addedBy: string;
}

interface SignerRow {
  key_id: string;
  organisation: string;
  public_key: Buffer;
  added_at: string;
  added_by: string;
}

const toSigner = (r: SignerRow): PinnedSigner => ({
  keyId: r.key_id,
  organisation: r.organisation,
  publicKey: Buffer.from(r.public_key),
  fingerprint: fingerprint(r.public_key),
  addedAt: r.added_at,
  addedBy: r.added_by,
});

const Organisation = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s))
  .transform((s) => s.normalize('NFC'));

const fail = (what: string): AppError => new AppError(ErrorCode.InvalidInput, `invalid input (${what})`);

/**
 * Pins a minisign public key (the base64 line or the two-line .pub file). The caller checks
 * who may do it. Pinning the same key again is a no-op; another key under a known key id is
 * refused.
 */
export function pinSigner(
  session: VaultSession,
  table: SignerTable,
  auditAction: string,
  organisation: unknown,
  minisignPublicKey: unknown,
): PinnedSigner {
  const org = Organisation.safeParse(organisation);
  if (!org.success) throw fail('the organisation');
  const line = z.string().max(2000).safeParse(minisignPublicKey);
  const parsed = line.success ? publicKeyIn(line.data) : null;
  if (!parsed) throw new AppError(ErrorCode.InvalidInput, 'not a minisign Ed25519 public key');
  const keyId = keyIdHex(parsed.keyId);
  const byId = (db: Db): SignerRow | undefined =>
    db.prepare(`SELECT * FROM ${table} WHERE key_id = ?`).get(keyId) as SignerRow | undefined;
  const existing = byId(session.db);
  if (existing) {
    if (!existing.public_key.equals(parsed.publicKey))
      throw new AppError(ErrorCode.InvalidInput, 'another key with the same key id is already trusted');
    return toSigner(existing);
  }
  session.write(
    {
      action: auditAction,
      subject: keyId,
      detail: { organisation: org.data, fingerprint: fingerprint(parsed.publicKey) },
    },
    (db) => {
      db.prepare(
        `INSERT INTO ${table} (key_id, organisation, public_key, added_at, added_by) VALUES (?, ?, ?, ?, ?)`,
      ).run(keyId, org.data, parsed.publicKey, session.now().toISOString(), session.user.name);
    },
  );
  return toSigner(byId(session.db) as SignerRow);
}

/** The pinned, unrevoked signer with this key id, if any. */
export function pinnedSigner(db: Db, table: SignerTable, keyId: string): PinnedSigner | null {
  const row = db.prepare(`SELECT * FROM ${table} WHERE key_id = ? AND revoked_at IS NULL`).get(keyId) as
    SignerRow | undefined;
  return row ? toSigner(row) : null;
}

export function listPinnedSigners(db: Db, table: SignerTable): PinnedSigner[] {
  return (
    db.prepare(`SELECT * FROM ${table} WHERE revoked_at IS NULL ORDER BY organisation, key_id`).all() as SignerRow[]
  ).map(toSigner);
}

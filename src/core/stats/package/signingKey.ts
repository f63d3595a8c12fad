import { randomBytes } from 'node:crypto';
import type { SigningKeyInfo } from '../../../shared/stats/dto';
import type { Db } from '../../db/connection';
import type { VaultSession } from '../../vault/vault';
import {
  encodePublicKeyFile,
  fingerprint,
  generateRawKeyPair,
  keyIdBytes,
  keyIdHex,
  KEY_ID_BYTES,
  signMinisign,
  untrustedCommentFor,
} from './minisign';

/**
 * The organisation's signing key lives in the encrypted vault only (security.md). It is read
 * into a Buffer for one signature and zeroed at once; it is never exported in any form.
 */

interface KeyRow {
  key_id: string;
  public_key: Buffer;
  created_at: string;
}

function activeKey(db: Db): KeyRow | undefined {
  return db.prepare('SELECT key_id, public_key, created_at FROM stats_signing_keys WHERE retired_at IS NULL').get() as
    KeyRow | undefined;
}

function info(session: VaultSession, row: KeyRow): SigningKeyInfo {
  const keyId = keyIdBytes(row.key_id);
  return {
    keyId: row.key_id,
    fingerprint: fingerprint(row.public_key),
    minisignPublicKey: encodePublicKeyFile({ keyId, publicKey: row.public_key }).trimEnd(),
    createdAt: row.created_at,
    organisation: session.getMeta('org_name') ?? '',
  };
}

/** The active key's public part, or null when the organisation has not signed anything yet. */
export function signingKeyInfo(session: VaultSession): SigningKeyInfo | null {
  const row = activeKey(session.db);
  return row ? info(session, row) : null;
}

/** The active key, created (and recorded in the audit chain) on first need. */
export function ensureSigningKey(session: VaultSession): SigningKeyInfo {
  const existing = activeKey(session.db);
  if (existing) return info(session, existing);
  const pair = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
  const keyId = keyIdHex(pair.keyId);
  try {
    session.write({ action: 'stats.signing_key_created', subject: 'organisation', detail: { keyId } }, (db) => {
      // Another window may have created one meanwhile; the unique index would refuse a second.
      if (activeKey(db)) return;
      db.prepare(
        'INSERT INTO stats_signing_keys (key_id, secret_key, public_key, created_at, created_by) VALUES (?, ?, ?, ?, ?)',
      ).run(keyId, pair.secretKey, pair.publicKey, session.now().toISOString(), session.user.name);
    });
  } finally {
    pair.secretKey.fill(0);
  }
  return info(session, activeKey(session.db) as KeyRow);
}

export interface PackageSigner {
  /** minisign key id, 16 upper-case hex digits. */
  keyId: string;
  /** The minisign signature file for `message`. */
  sign: (message: Uint8Array, trustedComment: string) => string;
}

/** Signs with the vault's active key; the secret is read per signature and zeroed after. */
export function vaultSigner(session: VaultSession): PackageSigner {
  const { keyId } = ensureSigningKey(session);
  return {
    keyId,
    sign(message, trustedComment) {
      const row = session.db.prepare('SELECT secret_key FROM stats_signing_keys WHERE key_id = ?').get(keyId) as
        { secret_key: Buffer } | undefined;
      if (!row) throw new Error('signing key vanished');
      try {
        return signMinisign(message, {
          secretKey: row.secret_key,
          keyId: keyIdBytes(keyId),
          trustedComment,
          untrustedComment: untrustedCommentFor(keyId),
        });
      } finally {
        row.secret_key.fill(0);
      }
    },
  };
}

/** For tests and tools that hold a raw key pair. */
export function rawSigner(secretKey: Buffer, keyId: Buffer): PackageSigner {
  const hex = keyIdHex(keyId);
  return {
    keyId: hex,
    sign: (message, trustedComment) =>
      signMinisign(message, {
        secretKey,
        keyId,
        trustedComment,
        untrustedComment: untrustedCommentFor(hex),
      }),
  };
}

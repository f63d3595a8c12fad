import { deriveAuditKey } from '../audit/chain';
import type { Db } from '../db/connection';

/** The meta row that holds K_audit once the database key has changed (docs/vault-format.md). */
export const AUDIT_KEY_META = 'audit_key';

/**
 * K_audit is HKDF of the vault's FIRST database key. A rekey (user removal) replaces the DEK
 * but must not split the chain, so before the first rekey K_audit is stored in the meta table,
 * inside the encrypted database: whoever can read it could derive it from the DEK anyway.
 */
export function resolveAuditKey(db: Db, dek: Buffer, vaultId: string): Buffer {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(AUDIT_KEY_META) as { value: string } | undefined;
  if (row && /^[0-9a-f]{64}$/u.test(row.value)) return Buffer.from(row.value, 'hex');
  return deriveAuditKey(dek, vaultId);
}

/** Call inside a write transaction before the DEK changes. Keeps an existing row. */
export function pinAuditKey(db: Db, auditKey: Buffer): void {
  db.prepare('INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)').run(AUDIT_KEY_META, auditKey.toString('hex'));
}

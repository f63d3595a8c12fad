import { verifyAudit, type AuditVerdict } from '../audit/chain';
import { isCorruptionError } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import type { VaultSession } from './vault';

export interface CheckReport {
  ok: boolean;
  integrity: string[];
  foreignKeyViolations: number;
  schemaVersion: number;
  audit: AuditVerdict | { ok: false; error: 'unreadable' };
}

/**
 * Full read of every page. SQLCipher's cipher_integrity_check is a no-op in this build, but
 * integrity_check reads (and so HMAC-verifies) every page, which is what we need.
 */
export function checkVault(session: VaultSession): CheckReport {
  const db = session.db;
  let integrity: string[];
  try {
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (e) {
    if (!isCorruptionError(e)) throw e;
    integrity = ['database pages failed authentication or are corrupt'];
  }
  let fk = 0;
  let audit: CheckReport['audit'];
  try {
    fk = (db.pragma('foreign_key_check') as unknown[]).length;
    audit = verifyAudit(db, session.auditKeyForVerification());
  } catch (e) {
    if (!isCorruptionError(e)) throw e;
    audit = { ok: false, error: 'unreadable' };
  }
  const ok = integrity.length === 1 && integrity[0] === 'ok' && fk === 0 && audit.ok;
  return { ok, integrity, foreignKeyViolations: fk, schemaVersion: schemaVersion(db), audit };
}

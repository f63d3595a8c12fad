import type { AuditReceipt, AuditReport } from '../../shared/audit';
import type { Db } from '../db/connection';
import { checkAnchor } from './anchor';
import { auditHead, verifyAudit } from './chain';

/** The action of the entry written when an unlock finds the chain does not extend its anchor. */
export const ROLLBACK_ACTION = 'audit.rollback_detected';

/** The whole chain verified, compared with the anchor file, and the rollbacks it records. */
export function auditReport(db: Db, key: Buffer, vaultId: string, anchorFile: string): AuditReport {
  const v = verifyAudit(db, key);
  const rollbacks = db
    .prepare(`SELECT count(*) AS n, max(at) AS last FROM audit_log WHERE action = ?`)
    .get(ROLLBACK_ACTION) as { n: number; last: string | null };
  return {
    ok: v.ok,
    entries: v.entries,
    head: auditHead(db),
    firstBadSeq: v.ok ? null : v.firstBadSeq,
    reason: v.ok ? null : v.reason,
    anchor: checkAnchor(anchorFile, vaultId, db, key),
    rollbacksRecorded: rollbacks.n,
    lastRollbackAt: rollbacks.last,
  };
}

export function auditReceipt(db: Db, vaultId: string, orgName: string, now: Date = new Date()): AuditReceipt {
  const head = auditHead(db);
  return {
    format: 'sauga-audit-receipt',
    version: 1,
    vaultId,
    orgName,
    seq: head.seq,
    mac: head.mac,
    at: now.toISOString(),
  };
}

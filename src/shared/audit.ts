import { z } from 'zod';

const Mac = z.string().regex(/^[0-9a-f]{64}$/);

/** A point in the audit chain: entry number and its HMAC. */
export const AuditHeadView = z.strictObject({ seq: z.number().int().min(0), mac: Mac });
export type AuditHeadView = z.infer<typeof AuditHeadView>;

/**
 * On unlock the database's chain did not extend the head this installation recorded outside
 * the vault: an older copy was put back (rollback) or the chain was rewritten.
 */
export const AuditRollback = z.strictObject({
  recordedSeq: z.number().int().min(0),
  recordedAt: z.string(),
  currentSeq: z.number().int().min(0),
  /** missing: the recorded entry is not there; mac: another entry is; chain: broken before it. */
  reason: z.enum(['missing', 'mac', 'chain']),
});
export type AuditRollback = z.infer<typeof AuditRollback>;

/** The printed or saved receipt: enough to prove later that the chain went on from here. */
export const AuditReceipt = z.strictObject({
  format: z.literal('sauga-audit-receipt'),
  version: z.literal(1),
  vaultId: z.uuid(),
  orgName: z.string().max(200),
  seq: z.number().int().min(0),
  mac: Mac,
  at: z.iso.datetime(),
});
export type AuditReceipt = z.infer<typeof AuditReceipt>;

/** The anchor file's last head for this vault, compared with the database. */
export const AnchorState = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('none') }),
  z.strictObject({ state: z.literal('extends'), recordedSeq: z.number().int(), recordedAt: z.string() }),
  z.strictObject({
    state: z.literal('rollback'),
    recordedSeq: z.number().int(),
    recordedAt: z.string(),
    reason: AuditRollback.shape.reason,
    firstBadSeq: z.number().int(),
  }),
]);
export type AnchorState = z.infer<typeof AnchorState>;

export const AuditReport = z.strictObject({
  ok: z.boolean(),
  entries: z.number().int().min(0),
  /** The last entry as stored, even when the chain is broken before it. */
  head: AuditHeadView,
  firstBadSeq: z.number().int().nullable(),
  reason: z.enum(['mac', 'gap', 'truncated']).nullable(),
  anchor: AnchorState,
  /** Rollbacks found on earlier unlocks, as the chain itself records them. */
  rollbacksRecorded: z.number().int().min(0),
  lastRollbackAt: z.string().nullable(),
});
export type AuditReport = z.infer<typeof AuditReport>;

/** 64 hex digits as 16 groups of 4, to read out over the phone or compare on paper. */
export function macGroups(mac: string): string[] {
  return mac.match(/.{1,4}/g) ?? [];
}

import { z } from 'zod';
import { AuditRollback } from './audit';
import { Roles } from './roles';

// Control characters would make names ambiguous in the slot metadata and in audit entries.
const noControlChars = (s: string): boolean => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s);

export const UserName = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .refine(noControlChars, { message: 'control characters are not allowed' })
  .transform((s) => s.normalize('NFC'));
export type UserName = z.infer<typeof UserName>;

export const OrgName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine(noControlChars, { message: 'control characters are not allowed' })
  .transform((s) => s.normalize('NFC'));
export type OrgName = z.infer<typeof OrgName>;

export const PASSPHRASE_MIN_LENGTH = 12;

/** Input form of a passphrase; strength is judged separately by core (passphraseStrength). */
export const Passphrase = z.string().min(1).max(1024);
export type Passphrase = z.infer<typeof Passphrase>;

export const RECOVERY_WORD_COUNT = 24;
export const RecoveryWords = z.array(z.string().trim().toLowerCase().min(1).max(16)).length(RECOVERY_WORD_COUNT);
export type RecoveryWords = z.infer<typeof RecoveryWords>;

export const Language = z.enum(['lt', 'en']);
export type Language = z.infer<typeof Language>;

export const IdleLockMinutes = z.number().int().min(0).max(240);

export const SessionUser = z.strictObject({
  name: z.string(),
  roles: Roles,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const VaultStatus = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('none') }),
  /** This installation had a vault here, and the folder is gone (e.g. a removable drive). */
  z.strictObject({ state: z.literal('missing') }),
  z.strictObject({ state: z.literal('creating'), confirmPositions: z.array(z.number().int()) }),
  z.strictObject({ state: z.literal('locked'), users: z.array(z.string()) }),
  z.strictObject({
    state: z.literal('unlocked'),
    orgName: z.string(),
    user: SessionUser,
    idleLockMinutes: IdleLockMinutes,
    /** A vault made by `sauga demo`: synthetic cases only, said on every screen. */
    demo: z.boolean(),
    /** Administrators only: the last backup is older than the backup policy allows (or there is none). */
    backupDue: z.boolean().optional(),
    /** This unlock found the audit chain does not extend the head recorded outside the vault. */
    auditRollback: AuditRollback.optional(),
  }),
]);
export type VaultStatus = z.infer<typeof VaultStatus>;

export const SlotSummary = z.strictObject({
  slotId: z.string(),
  kind: z.enum(['passphrase', 'recovery']),
  user: z.string().nullable(),
  roles: Roles.nullable(),
  kdf: z.strictObject({ memoryKiB: z.number(), iterations: z.number(), parallelism: z.number() }),
  createdAt: z.string(),
});

/** What can be said about a vault without any secret: the slot file only. */
export const VaultInfo = z.strictObject({
  vaultId: z.string(),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  databaseBytes: z.number().int(),
  databaseLooksEncrypted: z.boolean(),
  slots: z.array(SlotSummary),
  pendingRekey: z.boolean(),
});
export type VaultInfo = z.infer<typeof VaultInfo>;

export const PassphraseStrength = z.strictObject({
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  problems: z.array(z.enum(['too_short', 'guessable', 'contains_name'])),
});
export type PassphraseStrength = z.infer<typeof PassphraseStrength>;

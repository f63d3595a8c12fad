import { z } from 'zod';
import { CaseId, IsoDate, ItemId } from '../cases/schemas';
import { Passphrase, RecoveryWords, UserName, VaultStatus } from '../vault';

/**
 * Backups and retention as the app sees them. The code lists repeat core/retention's (shared
 * may not import core); governance.test.ts pins them equal.
 */
export const RETENTION_CASE_TYPES = ['MINOR', 'IDENTIFIED', 'PRESUMED', 'AT_RISK', 'NOT_VICTIM', 'UNKNOWN'] as const;
export const RetentionCaseType = z.enum(RETENTION_CASE_TYPES);
export type RetentionCaseType = z.infer<typeof RetentionCaseType>;
export const HOLD_REASONS = [
  'CRIMINAL_PROCEEDINGS',
  'CIVIL_PROCEEDINGS',
  'COMPENSATION_CLAIM',
  'INSPECTION_OR_AUDIT',
  'DATA_SUBJECT_REQUEST',
  'OTHER',
] as const;
export const HoldReason = z.enum(HOLD_REASONS);
export const RELEASE_REASONS = ['PROCEEDINGS_ENDED', 'NO_LONGER_NEEDED', 'SET_IN_ERROR', 'OTHER'] as const;
export const ReleaseReason = z.enum(RELEASE_REASONS);

const Timestamp = z.string().max(40);
const FilePath = z.string().min(1).max(4096);
const Count = z.number().int().nonnegative();
const Note = z.string().trim().min(1).max(2000);
export const CaseCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/u);

// ---------------------------------------------------------------------------------------------
// Backups

export const BackupRecord = z.strictObject({
  file: FilePath,
  backupId: z.uuid(),
  createdAt: Timestamp,
  bytes: Count,
  cases: Count,
});
export type BackupRecord = z.infer<typeof BackupRecord>;

export const VerifyRecord = z.strictObject({
  file: FilePath,
  backupId: z.uuid(),
  createdAt: Timestamp,
  verifiedAt: Timestamp,
  /** The backup is of the vault that is open now. */
  sameVault: z.boolean(),
  /** Opened with the passphrase: seal, integrity, audit chain and counts checked, not only hashes. */
  authenticated: z.boolean(),
  cases: Count.nullable(),
  auditEntries: Count.nullable(),
});
export type VerifyRecord = z.infer<typeof VerifyRecord>;

export const BackupIntervalDays = z.number().int().min(1).max(365);
export const BackupKeepLast = z.number().int().min(1).max(100);

export const BackupStatusView = z.strictObject({
  lastBackupAt: Timestamp.nullable(),
  intervalDays: BackupIntervalDays,
  due: z.boolean(),
  /** Null: older backups in the folder are never removed. */
  keepLast: BackupKeepLast.nullable(),
  last: BackupRecord.nullable(),
  lastVerify: VerifyRecord.nullable(),
  restoredFrom: z
    .strictObject({ backupId: z.string().max(64), backupCreatedAt: Timestamp, restoredAt: Timestamp })
    .nullable(),
});
export type BackupStatusView = z.infer<typeof BackupStatusView>;

export const BackupPolicyInput = z.strictObject({
  intervalDays: BackupIntervalDays,
  keepLast: BackupKeepLast.nullable(),
});

export const BackupCreated = z.union([
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({
    saved: z.literal(true),
    backup: BackupRecord,
    seconds: z.number().nonnegative(),
    /** Older backups of this vault removed from the folder under the keep-last setting. */
    removed: Count,
  }),
]);
export type BackupCreated = z.infer<typeof BackupCreated>;

export const BackupVerifyInput = z.strictObject({ passphrase: Passphrase.optional() });
export const BackupVerified = z.union([
  z.strictObject({ opened: z.literal(false) }),
  z.strictObject({ opened: z.literal(true), verdict: VerifyRecord }),
]);

/** What the start screen learns from a picked backup before any secret is given. */
export const RestoreChoice = z.union([
  z.strictObject({ chosen: z.literal(false) }),
  z.strictObject({ chosen: z.literal(true), createdAt: Timestamp, users: z.array(UserName).max(1000) }),
]);
export type RestoreChoice = z.infer<typeof RestoreChoice>;

export const RestoreInput = z.strictObject({ words: RecoveryWords, userName: UserName, newPassphrase: Passphrase });
export const RestoreReportView = z.strictObject({
  orgName: z.string().max(200),
  cases: Count,
  auditEntries: Count,
  createdBy: z.string().max(200),
  backupCreatedAt: Timestamp,
  restoredAt: Timestamp,
});
export type RestoreReportView = z.infer<typeof RestoreReportView>;
export const RestoreDone = z.strictObject({ status: VaultStatus, report: RestoreReportView });

// ---------------------------------------------------------------------------------------------
// Retention

export const RetentionRuleView = z.strictObject({
  caseType: RetentionCaseType,
  years: z.number().int().min(1).max(100).nullable(),
  updatedAt: Timestamp.nullable(),
  updatedBy: z.string().max(200).nullable(),
});
export type RetentionRuleView = z.infer<typeof RetentionRuleView>;
export const RetentionPolicyView = z.array(RetentionRuleView).max(RETENTION_CASE_TYPES.length);
export const PolicyChangeInput = z.strictObject({
  caseType: RetentionCaseType,
  years: z.number().int().min(1).max(100).nullable(),
});

export const LegalHoldView = z.strictObject({
  caseCode: CaseCode,
  reason: HoldReason,
  setAt: Timestamp,
  setBy: z.string().max(200),
  releasedAt: Timestamp.nullable(),
  releasedBy: z.string().max(200).nullable(),
  releaseReason: ReleaseReason.nullable(),
});
export type LegalHoldView = z.infer<typeof LegalHoldView>;
/** A case by its code (as a supervisor reads it off a file or the plan) or its id. */
export const HoldRequest = z.strictObject({ caseRef: CaseCode, reason: HoldReason, note: Note.optional() });
export const ReleaseRequest = z.strictObject({ caseRef: CaseCode, reason: ReleaseReason, note: Note.optional() });

export const PurgePlanView = z.strictObject({
  today: IsoDate,
  policy: z.array(z.strictObject({ caseType: RetentionCaseType, years: z.number().int() })).max(10),
  due: z.strictObject({
    count: Count,
    caseCodes: z.array(CaseCode).max(1_000_000),
    byType: z.record(RetentionCaseType, Count),
    attachments: Count,
    attachmentBytes: Count,
  }),
  held: Count,
});
export type PurgePlanView = z.infer<typeof PurgePlanView>;
/** A day to plan for; today when absent. Purging itself always uses today. */
export const PlanRequest = z.strictObject({ asOf: IsoDate.optional() });
export const PurgeRequest = z.strictObject({ confirm: z.array(CaseCode).min(1).max(1_000_000) });
export const PurgeReportView = z.strictObject({
  today: IsoDate,
  purgedAt: Timestamp,
  cases: Count,
  attachments: Count,
  attachmentBytes: Count,
  rows: Count,
  fileBytesBefore: Count,
  fileBytesAfter: Count,
  compacted: z.boolean(),
  seconds: z.strictObject({ delete: z.number().nonnegative(), compact: z.number().nonnegative() }),
});
export type PurgeReportView = z.infer<typeof PurgeReportView>;

export const WithdrawalRequest = z.strictObject({ caseId: CaseId, consentId: ItemId });
export const WithdrawalHandlingInput = z.strictObject({
  caseId: CaseId,
  consentId: ItemId,
  cancelDrafts: z.boolean(),
  informedDisclosures: z.array(z.uuid()).max(1000),
  note: Note.optional(),
});
export const WithdrawalPlanView = z.strictObject({
  caseCode: CaseCode,
  consent: z.strictObject({
    id: z.string().max(64),
    recipient: z.string().max(64),
    purpose: z.string().max(64),
    givenOn: z.string().max(40),
    withdrawnOn: z.string().max(40).nullable(),
  }),
  restrict: z.strictObject({
    categories: z.array(z.string().max(64)).max(100),
    stillCovered: z.array(z.string().max(64)).max(100),
    unsentSummaries: z.array(z.strictObject({ draftId: z.string().max(64), status: z.string().max(40) })).max(1000),
    pendingReferrals: z.array(z.string().max(64)).max(1000),
    statistics: z.boolean(),
  }),
  erasureReview: z.boolean(),
  notify: z
    .array(
      z.strictObject({
        disclosureId: z.string().max(64),
        institution: z.string().max(500),
        recipient: z.string().max(64),
        sentAt: Timestamp,
        informed: z.boolean(),
      }),
    )
    .max(1000),
  keep: z.array(z.strictObject({ what: z.string().max(40), reason: z.string().max(80) })).max(10),
  handled: z
    .array(z.strictObject({ at: Timestamp, by: z.string().max(200), draftsCancelled: Count, informed: Count }))
    .max(1000),
});
export type WithdrawalPlanView = z.infer<typeof WithdrawalPlanView>;

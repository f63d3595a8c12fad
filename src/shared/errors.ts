import { z } from 'zod';

/**
 * Stable error codes. They cross IPC and the CLI's --json output, and each has a translated
 * message in i18n, so renderer and CLI can explain them without internal details.
 */
export const ErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  WrongPassphrase: 'WRONG_PASSPHRASE',
  UnknownUser: 'UNKNOWN_USER',
  RecoveryWordsInvalid: 'RECOVERY_WORDS_INVALID',
  RecoveryConfirmMismatch: 'RECOVERY_CONFIRM_MISMATCH',
  KdfBelowFloor: 'KDF_BELOW_FLOOR',
  SlotFileInvalid: 'SLOT_FILE_INVALID',
  VaultMissing: 'VAULT_MISSING',
  VaultExists: 'VAULT_EXISTS',
  VaultDamaged: 'VAULT_DAMAGED',
  VaultReplaced: 'VAULT_REPLACED',
  VaultTooNew: 'VAULT_TOO_NEW',
  VaultBusy: 'VAULT_BUSY',
  MigrationFailed: 'MIGRATION_FAILED',
  WeakPassphrase: 'WEAK_PASSPHRASE',
  UserExists: 'USER_EXISTS',
  Locked: 'LOCKED',
  Forbidden: 'FORBIDDEN',
  ForeignOrigin: 'FOREIGN_ORIGIN',
  UnknownChannel: 'UNKNOWN_CHANNEL',
  NoPendingCreation: 'NO_PENDING_CREATION',
  DiskFull: 'DISK_FULL',
  FileUnreadable: 'FILE_UNREADABLE',
  StaleVersion: 'STALE_VERSION',
  NotFound: 'NOT_FOUND',
  CaseClosed: 'CASE_CLOSED',
  ItemInUse: 'ITEM_IN_USE',
  AttachmentTooLarge: 'ATTACHMENT_TOO_LARGE',
  AttachmentTypeRefused: 'ATTACHMENT_TYPE_REFUSED',
  Internal: 'INTERNAL',
  StatsPackageRejected: 'STATS_PACKAGE_REJECTED',
  StatsTrustedKeysInvalid: 'STATS_TRUSTED_KEYS_INVALID',
  StatsPeriodMismatch: 'STATS_PERIOD_MISMATCH',
  StatsDuplicateReturn: 'STATS_DUPLICATE_RETURN',
  StatsAuditFailed: 'STATS_AUDIT_FAILED',
  ConsentMissing: 'CONSENT_MISSING',
  ConsentWithdrawn: 'CONSENT_WITHDRAWN',
  ConsentExpired: 'CONSENT_EXPIRED',
  ConsentNotYetValid: 'CONSENT_NOT_YET_VALID',
  ConsentWrongPurpose: 'CONSENT_WRONG_PURPOSE',
  ConsentWrongRecipient: 'CONSENT_WRONG_RECIPIENT',
  ConsentNoCategories: 'CONSENT_NO_CATEGORIES',
  SummaryWithholdingUnclear: 'SUMMARY_WITHHOLDING_UNCLEAR',
  SummaryDraftState: 'SUMMARY_DRAFT_STATE',
  SummaryApprovalRequired: 'SUMMARY_APPROVAL_REQUIRED',
  SummaryOverrideInvalid: 'SUMMARY_OVERRIDE_INVALID',
  SummaryConsentChanged: 'SUMMARY_CONSENT_CHANGED',
  DisclosureDuplicate: 'DISCLOSURE_DUPLICATE',
  RecipientKeysExist: 'RECIPIENT_KEYS_EXIST',
  RecipientKeysMissing: 'RECIPIENT_KEYS_MISSING',
  OutputExists: 'OUTPUT_EXISTS',
  DirectoryEntryUnverified: 'DIRECTORY_ENTRY_UNVERIFIED',
  DirectoryKeyChanged: 'DIRECTORY_KEY_CHANGED',
  DirectoryEntryExpired: 'DIRECTORY_ENTRY_EXPIRED',
  DirectoryEntryReplaced: 'DIRECTORY_ENTRY_REPLACED',
  DirectoryFingerprintMismatch: 'DIRECTORY_FINGERPRINT_MISMATCH',
  DirectoryFileRejected: 'DIRECTORY_FILE_REJECTED',
  DirectoryVersionOld: 'DIRECTORY_VERSION_OLD',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ErrorCodeSchema = z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]);

export const AppErrorData = z.strictObject({
  code: ErrorCodeSchema,
  message: z.string(),
});
export type AppErrorData = z.infer<typeof AppErrorData>;

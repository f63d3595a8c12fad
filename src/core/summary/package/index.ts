export {
  buildSummaryPackage,
  summaryFileName,
  type BuildSummaryInput,
  type BuiltSummaryPackage,
  type SummaryRecipientKey,
} from './build';
export {
  OPEN_REASONS,
  openSummaryPackage,
  type OpenedSummary,
  type OpenOptions,
  type OpenReason,
  type OpenRejected,
  type OpenResult,
  type TrustedSender,
} from './open';
export {
  AuthorisingConsent,
  CaseSummary,
  Fingerprint,
  LIMITS,
  PACKAGE_FORMAT,
  PATHS,
  SUMMARY_FORMAT,
  SUMMARY_FORMAT_VERSION,
  SummaryField,
  SummaryManifest,
  SummarySection,
  type AuthorisingConsentInput,
  type CaseSummaryInput,
  type FieldValue,
  type Label,
} from './schema';

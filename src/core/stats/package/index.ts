export { aggregateReturns, nationalCsv, nationalHtml, type NationalCell, type NationalReturn } from './aggregate';
export { Manifest, PACKAGE_MIMETYPE, PATHS } from './manifest';
export { fingerprint, parsePublicKey } from './minisign';
export {
  addTrustedKey,
  listExports,
  listReceived,
  listTrustedKeys,
  nextSequence,
  priorReleases,
  recordReceived,
  registerExport,
  type ExportRecord,
} from './register';
export { ensureSigningKey, signingKeyInfo, vaultSigner, type PackageSigner } from './signingKey';
export { parseTrustedKeys, ReceivedFile, ReceivedPackage, TrustedKeysFile, type TrustedKey } from './trust';
export {
  REJECT_REASONS,
  verifyStatsPackage,
  type RejectReason,
  type VerifiedPackage,
  type VerifyResult,
} from './verify';
export { writeStatsPackage, type StatsPackageInput, type WrittenPackage } from './writer';

export { decodeAgeRecipient } from './bech32';
export {
  DIRECTORY_LIMITS,
  DIRECTORY_PATHS,
  directoryTrustedComment,
  importDirectory,
  verifyDirectoryFile,
  writeDirectory,
  type DirectoryImportResult,
  type VerifiedDirectory,
  type WriteDirectoryOptions,
} from './file';
export { fingerprintMatches, normaliseTypedFingerprint, recipientFingerprint } from './fingerprint';
export {
  DIRECTORY_FORMAT,
  DirectoryDocument,
  DirectoryFileEntry,
  RecipientInput,
  type DirectoryEntry,
  type EntryState,
} from './schema';
export {
  addDirectorySigner,
  addRecipient,
  assertCanManageDirectory,
  assertSendable,
  getRecipient,
  installedDirectory,
  listDirectorySigners,
  listRecipients,
  verifyRecipient,
  type DirectorySigner,
  type InstalledDirectory,
} from './store';

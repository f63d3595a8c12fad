export {
  backupDue,
  backupStatus,
  createBackup,
  restoreBackup,
  setBackupIntervalDays,
  verifyBackup,
  BACKUP_INTERVAL_SETTING,
  DEFAULT_BACKUP_INTERVAL_DAYS,
  type BackupContents,
  type BackupResult,
  type BackupSecret,
  type BackupStatus,
  type BackupVerdict,
  type RestoreReport,
} from './backup';
export { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './format';

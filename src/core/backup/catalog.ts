import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { fsyncDir } from '../fs/atomic';
import { parsedSlots } from '../vault/keyslots';
import type { VaultSession } from '../vault/vault';
import { LAST_BACKUP_FILE_META, openSeal, readContainer } from './backup';

export const BACKUP_KEEP_SETTING = 'backup_keep_last';
const VERIFY_META = 'last_backup_verify';

export interface LastBackup {
  file: string;
  backupId: string;
  createdAt: string;
  bytes: number;
  cases: number;
}

export interface BackupCheck {
  file: string;
  backupId: string;
  createdAt: string;
  verifiedAt: string;
  sameVault: boolean;
  authenticated: boolean;
  cases: number | null;
  auditEntries: number | null;
}

function parseJson<T>(raw: string | undefined): T | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Where the last backup made from this vault went, and its size. */
export const lastBackup = (session: VaultSession): LastBackup | null =>
  parseJson<LastBackup>(session.getMeta(LAST_BACKUP_FILE_META));

/** The outcome of the last check of a backup made in the app. */
export const lastBackupCheck = (session: VaultSession): BackupCheck | null =>
  parseJson<BackupCheck>(session.getMeta(VERIFY_META));

export function recordBackupCheck(session: VaultSession, check: BackupCheck): void {
  session.write(
    {
      action: 'backup.verified',
      subject: 'vault',
      detail: { backupId: check.backupId, sameVault: check.sameVault, authenticated: check.authenticated },
    },
    (db) => {
      db.prepare(
        `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(VERIFY_META, JSON.stringify(check));
    },
  );
}

/** Null: never remove older backups (the default). */
export function backupKeepLast(session: VaultSession): number | null {
  const n = Number(session.getSetting(BACKUP_KEEP_SETTING));
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : null;
}

export function setBackupKeepLast(session: VaultSession, keep: number | null): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can set the backup policy');
  if (keep !== null && (!Number.isInteger(keep) || keep < 1 || keep > 100))
    throw new AppError(ErrorCode.InvalidInput, 'keep 1 to 100 backups');
  session.write({ action: 'settings.backup_keep_changed', subject: 'vault', detail: { keep } }, (db) => {
    if (keep === null) db.prepare('DELETE FROM settings WHERE key = ?').run(BACKUP_KEEP_SETTING);
    else
      db.prepare(
        `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(BACKUP_KEEP_SETTING, String(keep));
  });
}

/** What a backup says about itself before any secret: when it was made and whose slots it holds. */
export function inspectBackup(file: string): { backupId: string; vaultId: string; createdAt: string; users: string[] } {
  const c = readContainer(file);
  return {
    backupId: c.pub.backupId,
    vaultId: c.pub.vaultId,
    createdAt: c.pub.createdAt,
    users: parsedSlots(c.slots).flatMap((s) => (s.meta.kind === 'passphrase' && s.meta.user ? [s.meta.user] : [])),
  };
}

/**
 * The backups of this vault in a folder, oldest first. A file counts only if it parses as a
 * Sauga backup, names this vault, and its sealed manifest opens with this vault's key: a file
 * of another vault, a damaged one, or a look-alike is never listed (and so never removed).
 */
export function vaultBackupsIn(session: VaultSession, folder: string): { file: string; createdAt: string }[] {
  const found: { file: string; createdAt: string }[] = [];
  for (const name of readdirSync(folder)) {
    if (name.startsWith('.')) continue;
    const file = join(folder, name);
    try {
      if (!lstatSync(file).isFile()) continue;
      const c = readContainer(file);
      if (c.pub.vaultId !== session.vaultId) continue;
      session.withDek((dek) => openSeal(c, dek));
      found.push({ file, createdAt: c.pub.createdAt });
    } catch {
      // Not a backup of this vault that we can vouch for: leave it alone.
    }
  }
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.file.localeCompare(b.file));
}

/**
 * After a backup into `justMade`'s folder: keep the newest `keep` backups of this vault there
 * (the new one always among them) and remove the rest. Returns how many were removed.
 */
export function rotateBackups(session: VaultSession, justMade: string, keep: number): number {
  const made = resolve(justMade);
  const folder = dirname(made);
  const older = vaultBackupsIn(session, folder).filter((b) => resolve(b.file) !== made);
  const excess = older.slice(0, Math.max(0, older.length - (keep - 1)));
  let removed = 0;
  for (const b of excess) {
    try {
      unlinkSync(b.file);
      removed++;
    } catch {
      // Read-only or already gone: the next backup tries again.
    }
  }
  if (removed > 0) {
    fsyncDir(folder);
    session.audit({ action: 'backup.rotated', subject: 'vault', detail: { removed, keep } });
  }
  return removed;
}

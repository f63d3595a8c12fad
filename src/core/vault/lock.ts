import Database from 'better-sqlite3-multiple-ciphers';
import { chmodSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import { AppError, fsErrorCode } from '../errors';

export const LOCK_FILE = 'vault.lock';

/**
 * One open vault per process at a time: a second Sauga (app or CLI) gets VAULT_IN_USE.
 *
 * The lock is an OS file lock, taken through SQLite on an empty side file (`vault.lock`) with
 * `BEGIN EXCLUSIVE` held open for as long as the vault is. Why not a pid file with O_EXCL:
 * the kernel drops an OS lock when its process dies (SIGKILL, crash, power cut), so there is
 * no stale lock to guess about and no pid that may have been reused; SQLite already speaks
 * fcntl on POSIX and LockFileEx on Windows, which Node itself does not. Why not
 * `locking_mode=EXCLUSIVE` on vault.db: it would also shut out the second connection that a
 * backup snapshot reads through, and it changes how the WAL index is kept.
 *
 * Inside one process the lock is shared and counted: code that unlocks the same vault twice
 * (a second supervisor's confirmation) is not another instance.
 */
interface Held {
  db: Database.Database;
  refs: number;
}

const held = new Map<string, Held>();

function isBusy(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

/** Takes the vault's lock or throws VAULT_IN_USE. Call the returned function once to let go. */
export function acquireVaultLock(dir: string, options: { nativeBinding?: string } = {}): () => void {
  let key: string;
  try {
    key = realpathSync(dir);
  } catch (e) {
    throw new AppError(fsErrorCode(e), 'the vault folder cannot be read', { cause: e });
  }
  const existing = held.get(key);
  if (existing) {
    existing.refs++;
    return releaseOnce(key);
  }
  const path = join(key, LOCK_FILE);
  let db: Database.Database;
  try {
    db = new Database(path, {
      timeout: 0,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    throw new AppError(fsErrorCode(e), 'the vault lock file cannot be opened', { cause: e });
  }
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if (isBusy(e)) throw new AppError(ErrorCode.VaultInUse, 'the vault is open in another Sauga window or program');
    throw new AppError(ErrorCode.FileUnreadable, 'the vault lock file cannot be locked', { cause: e });
  }
  try {
    chmodSync(path, 0o600);
  } catch {
    // The file is empty; its mode only keeps the folder tidy.
  }
  held.set(key, { db, refs: 1 });
  return releaseOnce(key);
}

function releaseOnce(key: string): () => void {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const h = held.get(key);
    if (!h) return;
    h.refs--;
    if (h.refs > 0) return;
    held.delete(key);
    try {
      h.db.exec('ROLLBACK');
    } finally {
      h.db.close();
    }
  };
}

/** For tests: whether this process holds the lock of `dir`. */
export function holdsVaultLock(dir: string): boolean {
  try {
    return held.has(realpathSync(dir));
  } catch {
    return false;
  }
}

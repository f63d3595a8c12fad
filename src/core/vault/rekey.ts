import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { ErrorCode } from '../../shared/errors';
import { type Db, isPlaintextSqlite, openEncrypted, rawKeyLiteral } from '../db/connection';
import { AppError } from '../errors';
import { fsyncDir } from '../fs/atomic';

export interface RekeyPaths {
  dir: string;
  db: string;
  /** The rekeyed copy, renamed over `db` once it is complete and on disk. */
  rekeyTmp: string;
}

export interface RekeyOptions {
  nativeBinding?: string;
}

const binding = (o: RekeyOptions) => (o.nativeBinding ? { nativeBinding: o.nativeBinding } : {});

/**
 * True when this key opens the database; false when SQLite says it is not a database under it.
 * Read-write, as an unlock opens it: a read-only connection cannot rebuild the WAL index a
 * crash may have left stale. A wrong key changes nothing (SQLite fails on page 1).
 */
export function keyOpens(path: string, dek: Buffer, options: RekeyOptions = {}, readonly = false): boolean {
  try {
    openEncrypted(path, dek, { readonly, ...binding(options) }).close();
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === ErrorCode.VaultDamaged) return false;
    throw e;
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replace the database with a copy under newDek. `source` is open under oldDek and is closed
 * here. SQLCipher's in-place `PRAGMA rekey` rewrites every page under a rollback journal, and
 * a crash late in it left a file that neither key opened (measured with
 * better-sqlite3-multiple-ciphers 12.11.1). So the copy is made beside the database
 * (VACUUM INTO keeps the old key), rekeyed there, fsynced, and renamed over the original:
 * until the rename the old file is untouched, after it the new one is complete.
 */
export function rekeyByCopy(
  paths: RekeyPaths,
  source: Db,
  oldDek: Buffer,
  newDek: Buffer,
  options: RekeyOptions = {},
): void {
  const tmp = paths.rekeyTmp;
  try {
    rmSync(tmp, { force: true });
    source.pragma('wal_checkpoint(TRUNCATE)');
    // Out of WAL mode the database is whole in one file, and no old WAL can sit beside the copy.
    const mode = source.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete')
      throw new AppError(ErrorCode.VaultBusy, 'the database is still in use by another connection');
    source.prepare('VACUUM INTO ?').run(tmp);
  } finally {
    source.close();
  }
  rekeyCopy(tmp, oldDek, newDek, options);
  if (existsSync(`${paths.db}-wal`)) {
    rmSync(tmp, { force: true });
    throw new AppError(ErrorCode.VaultBusy, 'the database still has a write-ahead log; not replacing it');
  }
  // The shared-memory index holds no data and would describe the old file.
  rmSync(`${paths.db}-shm`, { force: true });
  renameSync(tmp, paths.db);
  fsyncDir(paths.dir);
}

function rekeyCopy(tmp: string, oldDek: Buffer, newDek: Buffer, options: RekeyOptions): void {
  try {
    const copy = new Database(tmp, { fileMustExist: true, ...binding(options) });
    try {
      // Same order as openEncrypted: cipher and legacy before the key, or another cipher is used.
      copy.pragma(`cipher = 'sqlcipher'`);
      copy.pragma('legacy = 4');
      withKey(oldDek, (k) => copy.key(k));
      copy.prepare('SELECT count(*) FROM sqlite_master').get();
      // No journal: a crash here only spoils the copy, which is thrown away.
      copy.pragma('journal_mode = OFF');
      withKey(newDek, (k) => copy.rekey(k));
    } finally {
      copy.close();
    }
    fsyncFile(tmp);
    // Read-only: the copy must stay out of WAL mode until it replaces the database.
    if (isPlaintextSqlite(tmp) || !keyOpens(tmp, newDek, options, true)) {
      throw new Error('the rekeyed copy does not open with the new key');
    }
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function withKey(dek: Buffer, fn: (literal: Buffer) => void): void {
  const literal = rawKeyLiteral(dek);
  try {
    fn(literal);
  } finally {
    literal.fill(0);
  }
}

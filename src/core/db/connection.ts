import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, openSync, readSync } from 'node:fs';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  readonly?: boolean;
  /** Only for creating a vault: the file may not exist yet. */
  create?: boolean;
}

/** The page cache per connection, in KiB (SQLite's negative cache_size form). */
export const PAGE_CACHE_KIB = 128 * 1024;

const SQLITE_PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * SQLCipher's raw-key form x'<64 hex>' built straight into a Buffer, so the key never becomes
 * an immutable JS string that lingers in the heap. The caller zeroes the result.
 */
export function rawKeyLiteral(dek: Buffer): Buffer {
  if (dek.length !== 32) throw new Error('database key must be 32 bytes');
  const out = Buffer.alloc(67);
  out[0] = 0x78;
  out[1] = 0x27;
  for (let i = 0; i < 32; i++) {
    const b = dek[i] as number;
    out[2 + 2 * i] = HEX[b >> 4] as number;
    out[3 + 2 * i] = HEX[b & 15] as number;
  }
  out[66] = 0x27;
  return out;
}

/** True when the first 16 bytes are SQLite's plaintext magic: an unencrypted file was swapped in. */
export function isPlaintextSqlite(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return n === 16 && head.equals(SQLITE_PLAIN_HEADER);
  } finally {
    closeSync(fd);
  }
}

export function isCorruptionError(e: unknown): boolean {
  const code = (e as { code?: string } | undefined)?.code ?? '';
  return code.startsWith('SQLITE_NOTADB') || code.startsWith('SQLITE_CORRUPT');
}

/** Translate SQLite's damage errors into the user-facing "damaged" error; rethrow others. */
export function rethrowDamage(e: unknown): never {
  if (isCorruptionError(e)) throw new AppError(ErrorCode.VaultDamaged, 'the vault database is damaged', { cause: e });
  const code = (e as { code?: string } | undefined)?.code ?? '';
  if (code === 'SQLITE_FULL') throw new AppError(ErrorCode.DiskFull, 'the disk is full', { cause: e });
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    throw new AppError(ErrorCode.VaultBusy, 'the vault is in use by another program', { cause: e });
  }
  throw e;
}

/**
 * Open the SQLCipher database with a raw 32-byte key. Order matters: with
 * better-sqlite3-multiple-ciphers, cipher='sqlcipher' and legacy=4 must come before the key,
 * or the library silently uses its own default cipher.
 */
export function openEncrypted(path: string, dek: Buffer, opts: OpenOptions = {}): Db {
  if (!opts.create && isPlaintextSqlite(path)) {
    throw new AppError(ErrorCode.VaultReplaced, 'the vault database is an unencrypted SQLite file');
  }
  let db: Db;
  try {
    db = new Database(path, {
      fileMustExist: !opts.create,
      readonly: opts.readonly ?? false,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_CANTOPEN')
      throw new AppError(ErrorCode.VaultMissing, 'the vault database is missing', { cause: e });
    throw e;
  }
  const keyLiteral = rawKeyLiteral(dek);
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(keyLiteral);
  } finally {
    keyLiteral.fill(0);
  }
  try {
    // PRAGMA key answers ok for any key: only a real read proves the key and the file fit.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 2000');
    // Every page read from disk costs an AES decryption and an HMAC check; a cache that holds
    // the indexes of a 100,000-case vault (about 100 MiB, filled only as pages are used) keeps
    // the case list and search near the speed of an unencrypted file (bench/, issue 3).
    db.pragma(`cache_size = ${-PAGE_CACHE_KIB}`);
  } catch (e) {
    db.close();
    rethrowDamage(e);
  }
  return db;
}

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  closeSync,
  constants as fsConstants,
  copyFileSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { copyFile, open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import { defaultAnchorFile, recordAnchor } from '../audit/anchor';
import { appendAudit, auditHead, verifyAudit, type AuditHead } from '../audit/chain';
import { resolveAuditKey } from '../vault/auditKey';
import { isCorruptionError, isPlaintextSqlite, openEncrypted, type Db } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { migrations } from '../db/migrations';
import { AppError, fsErrorCode } from '../errors';
import { fsyncDir, writeFileAtomic } from '../fs/atomic';
import { parsedSlots, parseSlotFile, unwrapSlot, type SlotFile } from '../vault/keyslots';
import { wordsToEntropy } from '../vault/recovery';
import { DB_FILE, SLOT_FILE, encodePassphrase, type VaultOptions, type VaultSession } from '../vault/vault';
import {
  backupKey,
  decodeTrailer,
  encodeTrailer,
  openManifestSeal,
  parseManifest,
  sealManifest,
  TRAILER_BYTES,
  type BackupManifest,
  type BackupPublic,
  type BackupSealed,
} from './format';

/** The secret that opens a backup: the recovery sheet, or a user's passphrase. */
export type BackupSecret = { recoveryWords: readonly string[] } | { userName: string; passphrase: string };

export interface BackupResult {
  file: string;
  backupId: string;
  createdAt: string;
  bytes: number;
  databaseBytes: number;
  databaseSha256: string;
  cases: number;
  auditHead: { seq: number; mac: string };
}

export interface BackupContents {
  orgName: string;
  cases: number;
  auditEntries: number;
  createdBy: string;
}

export interface BackupVerdict {
  backupId: string;
  vaultId: string;
  createdAt: string;
  schemaVersion: number;
  databaseBytes: number;
  /** The seal was opened with the secret: the manifest is the one Sauga wrote. */
  authenticated: boolean;
  /** Decrypted copy opened: integrity_check, audit chain and counts match the manifest. */
  contents?: BackupContents;
}

export interface RestoreReport extends BackupContents {
  dir: string;
  vaultId: string;
  backupId: string;
  backupCreatedAt: string;
  restoredAt: string;
  schemaVersion: number;
}

export interface BackupStatus {
  lastBackupAt: string | null;
  intervalDays: number;
  due: boolean;
  restoredFrom: { backupId: string; backupCreatedAt: string; restoredAt: string } | null;
}

export const BACKUP_INTERVAL_SETTING = 'backup_interval_days';
export const DEFAULT_BACKUP_INTERVAL_DAYS = 7;
const LAST_BACKUP_META = 'last_backup_at';
const RESTORED_FROM_META = 'restored_from';
export const LAST_BACKUP_FILE_META = 'last_backup_file';
const CHUNK = 8 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Create

function walBytes(dbPath: string): number {
  try {
    return statSync(`${dbPath}-wal`).size;
  } catch {
    return 0;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Freezes vault.db for the length of a read transaction on `snap`. After a complete
 * checkpoint the WAL is empty, so the reader takes SQLite's read lock 0 ("reads the database
 * file only"); while that lock is held no checkpoint may copy pages into the file, so its
 * bytes stay exactly this snapshot while the app keeps writing into the WAL. An empty WAL
 * after BEGIN proves no write slipped in between; otherwise try again.
 */
async function freeze(session: VaultSession, snap: Db): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const [ck] = session.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (ck?.busy === 0) {
      snap.exec('BEGIN');
      snap.prepare('SELECT count(*) FROM sqlite_master').get();
      if (walBytes(session.paths.db) === 0) return;
      snap.exec('COMMIT');
    }
    await sleep(25 * (attempt + 1));
  }
  throw new AppError(ErrorCode.VaultBusy, 'the vault was too busy to take a consistent backup');
}

async function sha256OfRange(path: string, bytes: number): Promise<string> {
  const h = createHash('sha256');
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    while (pos < bytes) {
      const { bytesRead } = await fh.read(buf, 0, Math.min(CHUNK, bytes - pos), pos);
      if (bytesRead === 0) throw new AppError(ErrorCode.BackupDamaged, 'the database part is cut short');
      h.update(buf.subarray(0, bytesRead));
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
  return h.digest('hex');
}

function writeAll(fd: number, data: Uint8Array, position: number): number {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off, position + off);
  return position + data.length;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/**
 * Put the finished temp file in place without ever replacing a file. A hard link fails
 * atomically if the name exists; FAT and exFAT sticks have no hard links, so there the name
 * is checked, then renamed (a race only with another program writing that very name).
 */
function publish(tmp: string, out: string): void {
  try {
    linkSync(tmp, out);
    unlinkSync(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') throw new AppError(ErrorCode.OutputExists, 'the backup file already exists');
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV'].includes(code)) throw e;
    if (existsSync(out)) throw new AppError(ErrorCode.OutputExists, 'the backup file already exists');
    renameSync(tmp, out);
  }
  fsyncDir(dirname(out));
}

/**
 * One backup file from a consistent snapshot while the app keeps working. The database part
 * is the vault's own SQLCipher file, so the backup is encrypted with the vault's key from the
 * first byte written and no decrypted page ever reaches a disk; the key slots travel with it
 * so that the recovery words open it on a new machine.
 */
export async function createBackup(session: VaultSession, outFile: string): Promise<BackupResult> {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can make backups');
  const out = resolve(outFile);
  if (existsSync(out)) throw new AppError(ErrorCode.OutputExists, 'the backup file already exists');
  if (!existsSync(dirname(out))) throw new AppError(ErrorCode.FileUnreadable, 'the backup folder does not exist');
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  const dek = session.withDek((d) => Buffer.from(d));
  const nativeBinding = session.options.nativeBinding;
  let snap: Db | undefined;
  let inSnapshot = false;
  let fd: number | undefined;
  try {
    snap = openEncrypted(session.paths.db, dek, nativeBinding ? { nativeBinding } : {});
    await freeze(session, snap);
    inSnapshot = true;
    const vaultId = (snap.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string }).value;
    if (vaultId !== session.vaultId)
      throw new AppError(ErrorCode.VaultReplaced, 'the database belongs to another vault');
    const orgName = (snap.prepare(`SELECT value FROM meta WHERE key = 'org_name'`).get() as { value: string }).value;
    const cases = (snap.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    const head = auditHead(snap);
    const schema = schemaVersion(snap);
    const databaseBytes = statSync(session.paths.db).size;
    const slotsRaw = readFileSync(session.paths.slots);
    if (parseSlotFile(slotsRaw).vaultId !== vaultId)
      throw new AppError(ErrorCode.SlotFileInvalid, 'the key slot file belongs to another vault');

    // The kernel copies (copy_file_range) while this thread hashes the same frozen bytes.
    const [, databaseSha256] = await Promise.all([
      copyFile(session.paths.db, tmp, fsConstants.COPYFILE_EXCL),
      sha256OfRange(session.paths.db, databaseBytes),
    ]);
    snap.exec('COMMIT');
    inSnapshot = false;
    snap.close();
    snap = undefined;

    fd = openSync(tmp, 'r+');
    if (fstatSync(fd).size !== databaseBytes)
      throw new AppError(ErrorCode.Internal, 'the database changed size while it was copied');
    if (isPlaintextSqlite(tmp)) throw new AppError(ErrorCode.Internal, 'refusing to write an unencrypted backup');
    const createdAt = session.now().toISOString();
    const pub: BackupPublic = {
      format: 'sauga-backup',
      formatVersion: 1,
      backupId: randomUUID(),
      vaultId,
      createdAt,
      schemaVersion: schema,
      database: { bytes: databaseBytes, sha256: databaseSha256 },
      keySlots: { bytes: slotsRaw.length, sha256: sha256(slotsRaw) },
    };
    const key = backupKey(dek, vaultId);
    let manifestRaw: Buffer;
    try {
      const sealed: BackupSealed = { orgName, cases, auditHead: head, createdBy: session.user.name };
      manifestRaw = Buffer.from(JSON.stringify(sealManifest(key, pub, sealed)), 'utf8');
    } finally {
      key.fill(0);
    }
    let pos = writeAll(fd, slotsRaw, databaseBytes);
    pos = writeAll(fd, manifestRaw, pos);
    pos = writeAll(
      fd,
      encodeTrailer({ databaseBytes, slotBytes: slotsRaw.length, manifestBytes: manifestRaw.length }),
      pos,
    );
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    publish(tmp, out);

    session.write(
      {
        action: 'backup.created',
        subject: 'vault',
        detail: { backupId: pub.backupId, bytes: pos, cases, auditSeq: head.seq },
      },
      (db) => {
        db.prepare(
          `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        ).run(LAST_BACKUP_META, createdAt);
        // Where it went and how big, for the app's backup screen; the path stays inside the vault.
        db.prepare(
          `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        ).run(
          LAST_BACKUP_FILE_META,
          JSON.stringify({ file: out, backupId: pub.backupId, createdAt, bytes: pos, cases }),
        );
      },
    );
    return {
      file: out,
      backupId: pub.backupId,
      createdAt,
      bytes: pos,
      databaseBytes,
      databaseSha256,
      cases,
      auditHead: head,
    };
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    if (e instanceof AppError) throw e;
    if (isCorruptionError(e)) throw new AppError(ErrorCode.VaultDamaged, 'the vault database is damaged', { cause: e });
    const code = (e as { code?: string }).code ?? '';
    // A checkpoint needs room too: on a full disk the snapshot fails before the copy starts.
    if (code === 'SQLITE_FULL') throw new AppError(ErrorCode.DiskFull, 'the disk is full', { cause: e });
    if (code === 'SQLITE_BUSY') throw new AppError(ErrorCode.VaultBusy, 'the vault is busy', { cause: e });
    throw new AppError(fsErrorCode(e), 'the backup could not be written', { cause: e });
  } finally {
    if (snap) {
      if (inSnapshot) snap.exec('COMMIT');
      snap.close();
    }
    dek.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Read, verify, restore

export interface Container {
  file: string;
  databaseBytes: number;
  slotsRaw: Buffer;
  slots: SlotFile;
  manifest: BackupManifest;
  pub: BackupPublic;
}

function readAt(fd: number, length: number, position: number): Buffer {
  const b = Buffer.alloc(length);
  let off = 0;
  while (off < length) {
    const n = readSync(fd, b, off, length - off, position + off);
    if (n === 0) throw new AppError(ErrorCode.BackupDamaged, 'the backup file is cut short');
    off += n;
  }
  return b;
}

/** Structure, manifest and key slots; cheap. The database hash is checked separately. */
export function readContainer(file: string): Container {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError(code === 'ENOENT' ? ErrorCode.FileUnreadable : fsErrorCode(e), 'the backup file cannot be read');
  }
  try {
    const size = fstatSync(fd).size;
    const parts = decodeTrailer(
      size >= TRAILER_BYTES ? readAt(fd, TRAILER_BYTES, size - TRAILER_BYTES) : Buffer.alloc(0),
      size,
    );
    const slotsRaw = readAt(fd, parts.slotBytes, parts.databaseBytes);
    const manifestRaw = readAt(fd, parts.manifestBytes, parts.databaseBytes + parts.slotBytes);
    const { manifest, pub } = parseManifest(manifestRaw);
    if (pub.database.bytes !== parts.databaseBytes || pub.keySlots.bytes !== parts.slotBytes)
      throw new AppError(ErrorCode.BackupDamaged, 'the manifest does not describe this file');
    if (sha256(slotsRaw) !== pub.keySlots.sha256)
      throw new AppError(ErrorCode.BackupDamaged, 'the key slot part does not match its hash');
    let slots: SlotFile;
    try {
      slots = parseSlotFile(slotsRaw);
    } catch {
      throw new AppError(ErrorCode.BackupDamaged, 'the key slot part is not valid');
    }
    if (slots.vaultId !== pub.vaultId)
      throw new AppError(ErrorCode.BackupDamaged, 'the key slots belong to another vault');
    if (pub.schemaVersion > migrations.length)
      throw new AppError(ErrorCode.VaultTooNew, 'the backup holds a vault from a newer Sauga');
    return { file, databaseBytes: parts.databaseBytes, slotsRaw, slots, manifest, pub };
  } finally {
    closeSync(fd);
  }
}

async function unwrapBackup(c: Container, secret: BackupSecret): Promise<{ dek: Buffer; actor: string }> {
  if ('recoveryWords' in secret) {
    const entropy = wordsToEntropy(secret.recoveryWords);
    try {
      const slot = parsedSlots(c.slots).find((s) => s.meta.kind === 'recovery');
      if (!slot) throw new AppError(ErrorCode.BackupDamaged, 'the backup has no recovery slot');
      try {
        return { dek: await unwrapSlot(slot, entropy), actor: 'recovery words' };
      } catch (e) {
        if (e instanceof AppError && e.code === ErrorCode.WrongPassphrase)
          throw new AppError(ErrorCode.RecoveryWordsInvalid, 'these recovery words do not open this backup');
        throw e;
      }
    } finally {
      entropy.fill(0);
    }
  }
  const name = secret.userName.normalize('NFC');
  const slot = parsedSlots(c.slots).find((s) => s.meta.kind === 'passphrase' && s.meta.user === name);
  if (!slot) throw new AppError(ErrorCode.UnknownUser, 'no user of that name in this backup');
  const pass = encodePassphrase(secret.passphrase);
  try {
    return { dek: await unwrapSlot(slot, pass), actor: name };
  } finally {
    pass.fill(0);
  }
}

/**
 * The database part copied out by the kernel and cut at its length: still SQLCipher
 * ciphertext, so the copy is no more readable than the backup it came from.
 */
async function extractDatabase(c: Container, dbPath: string): Promise<void> {
  copyFileSync(c.file, dbPath, fsConstants.COPYFILE_EXCL);
  truncateSync(dbPath, c.databaseBytes);
  if ((await sha256OfRange(dbPath, c.databaseBytes)) !== c.pub.database.sha256)
    throw new AppError(ErrorCode.BackupDamaged, 'the database part does not match its hash');
}

/** Opens the extracted copy and checks it against the sealed manifest. Returns the open db. */
function openAndCheck(
  dbPath: string,
  dek: Buffer,
  c: Container,
  sealed: BackupSealed,
): { db: Db; auditEntries: number } {
  let db: Db;
  try {
    db = openEncrypted(dbPath, dek);
  } catch (e) {
    if (e instanceof AppError && (e.code === ErrorCode.VaultDamaged || e.code === ErrorCode.VaultReplaced))
      throw new AppError(ErrorCode.BackupDamaged, 'the database part does not open with this key', { cause: e });
    throw e;
  }
  try {
    let integrity: string[];
    try {
      integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
    } catch (e) {
      if (!isCorruptionError(e)) throw e;
      integrity = ['pages failed authentication'];
    }
    if (integrity.length !== 1 || integrity[0] !== 'ok')
      throw new AppError(ErrorCode.BackupDamaged, 'the database part fails its integrity check');
    const vaultId = (db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string } | undefined)
      ?.value;
    if (vaultId !== c.pub.vaultId) throw new AppError(ErrorCode.BackupDamaged, 'the database is of another vault');
    if (schemaVersion(db) !== c.pub.schemaVersion)
      throw new AppError(ErrorCode.BackupAltered, 'the schema version differs from the manifest');
    const audit = verifyAudit(db, resolveAuditKey(db, dek, c.pub.vaultId));
    if (!audit.ok)
      throw new AppError(
        ErrorCode.BackupDamaged,
        `the audit chain breaks at entry ${audit.firstBadSeq} (${audit.reason})`,
      );
    if (audit.head.seq !== sealed.auditHead.seq || audit.head.mac !== sealed.auditHead.mac)
      throw new AppError(ErrorCode.BackupAltered, 'the audit chain head differs from the manifest');
    const cases = (db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    if (cases !== sealed.cases) throw new AppError(ErrorCode.BackupAltered, 'the case count differs from the manifest');
    return { db, auditEntries: audit.entries };
  } catch (e) {
    db.close();
    if (e instanceof AppError) throw e;
    if (isCorruptionError(e)) throw new AppError(ErrorCode.BackupDamaged, 'the database part is damaged', { cause: e });
    throw e;
  }
}

export function openSeal(c: Container, dek: Buffer): BackupSealed {
  const key = backupKey(dek, c.pub.vaultId);
  try {
    return openManifestSeal(key, c.manifest);
  } finally {
    key.fill(0);
  }
}

/**
 * Checks a backup without restoring it. Without a secret: structure and hashes, which catch
 * damage but not a deliberate edit. With the recovery words or a passphrase: the seal too, and
 * a full check of an extracted (still encrypted) copy in a private temp folder.
 */
export async function verifyBackup(file: string, secret?: BackupSecret): Promise<BackupVerdict> {
  const c = readContainer(file);
  const base = {
    backupId: c.pub.backupId,
    vaultId: c.pub.vaultId,
    createdAt: c.pub.createdAt,
    schemaVersion: c.pub.schemaVersion,
    databaseBytes: c.databaseBytes,
  };
  if (!secret) {
    if ((await sha256OfRange(file, c.databaseBytes)) !== c.pub.database.sha256)
      throw new AppError(ErrorCode.BackupDamaged, 'the database part does not match its hash');
    return { ...base, authenticated: false };
  }
  const { dek } = await unwrapBackup(c, secret);
  const dir = mkdtempSync(join(tmpdir(), 'sauga-verify-'));
  try {
    const sealed = openSeal(c, dek);
    const dbPath = join(dir, DB_FILE);
    await extractDatabase(c, dbPath);
    const { db, auditEntries } = openAndCheck(dbPath, dek, c, sealed);
    db.close();
    return {
      ...base,
      authenticated: true,
      contents: { orgName: sealed.orgName, cases: sealed.cases, auditEntries, createdBy: sealed.createdBy },
    };
  } finally {
    dek.fill(0);
    rmSync(dir, { recursive: true, force: true });
  }
}

function assertEmptyTarget(target: string): boolean {
  if (!existsSync(target)) {
    if (!existsSync(dirname(target)))
      throw new AppError(ErrorCode.FileUnreadable, 'the folder to restore into has no parent folder');
    return false;
  }
  if (!statSync(target).isDirectory() || readdirSync(target).length > 0)
    throw new AppError(ErrorCode.RestoreTargetNotEmpty, 'the folder to restore into is not empty');
  return true;
}

/**
 * Restore a backup into a new or empty folder. Everything is built and checked in a hidden
 * sibling folder, then renamed into place, so a failure or a crash leaves no half-restored
 * vault under the target name. The restored vault records which backup it came from.
 */
export async function restoreBackup(
  file: string,
  targetDir: string,
  secret: BackupSecret,
  options: Pick<VaultOptions, 'now'> & { anchorFile?: string } = {},
): Promise<RestoreReport> {
  const target = resolve(targetDir);
  assertEmptyTarget(target);
  const c = readContainer(file);
  const { dek, actor } = await unwrapBackup(c, secret);
  const staging = join(dirname(target), `.${basename(target)}.restoring-${randomBytes(6).toString('hex')}`);
  try {
    const sealed = openSeal(c, dek);
    mkdirSync(staging, { mode: 0o700 });
    const dbPath = join(staging, DB_FILE);
    await extractDatabase(c, dbPath);
    writeFileAtomic(join(staging, SLOT_FILE), c.slotsRaw);
    const { db, auditEntries } = openAndCheck(dbPath, dek, c, sealed);
    const now = options.now?.() ?? new Date();
    const restoredAt = now.toISOString();
    let head: AuditHead | undefined;
    try {
      const auditKey = resolveAuditKey(db, dek, c.pub.vaultId);
      try {
        db.transaction(() => {
          const meta = db.prepare(
            `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
          );
          meta.run(
            RESTORED_FROM_META,
            JSON.stringify({ backupId: c.pub.backupId, backupCreatedAt: c.pub.createdAt, restoredAt }),
          );
          // The backup just restored is, from now on, this vault's last backup.
          meta.run(LAST_BACKUP_META, c.pub.createdAt);
          head = appendAudit(
            db,
            auditKey,
            {
              actor,
              action: 'backup.restored',
              subject: 'vault',
              detail: { backupId: c.pub.backupId, backupCreatedAt: c.pub.createdAt, cases: sealed.cases },
            },
            now,
          );
        }).immediate();
      } finally {
        auditKey.fill(0);
      }
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    const fd = openSync(dbPath, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    fsyncDir(staging);
    if (assertEmptyTarget(target)) rmdirSync(target);
    renameSync(staging, target);
    fsyncDir(dirname(target));
    // Knowingly reset the rollback anchor: the restored chain is older than the last head this
    // installation recorded, and that is what a restore means (the chain records it above).
    if (head) {
      try {
        recordAnchor(options.anchorFile ?? defaultAnchorFile(target), c.pub.vaultId, head, 'restore', now);
      } catch {
        // The vault is restored; a read-only anchor location only means no rollback check.
      }
    }
    return {
      dir: target,
      vaultId: c.pub.vaultId,
      backupId: c.pub.backupId,
      backupCreatedAt: c.pub.createdAt,
      restoredAt,
      schemaVersion: c.pub.schemaVersion,
      orgName: sealed.orgName,
      cases: sealed.cases,
      auditEntries: auditEntries + 1,
      createdBy: sealed.createdBy,
    };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (e instanceof AppError) throw e;
    throw new AppError(fsErrorCode(e), 'the backup could not be restored', { cause: e });
  } finally {
    dek.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------
// Reminder

export function backupStatus(session: VaultSession): BackupStatus {
  const raw = session.getSetting(BACKUP_INTERVAL_SETTING);
  const parsed = raw === undefined ? NaN : Number(raw);
  const intervalDays = Number.isInteger(parsed) && parsed > 0 ? parsed : DEFAULT_BACKUP_INTERVAL_DAYS;
  const lastBackupAt = session.getMeta(LAST_BACKUP_META) ?? null;
  const last = lastBackupAt ? Date.parse(lastBackupAt) : NaN;
  const due = Number.isNaN(last) || session.now().getTime() - last >= intervalDays * 86_400_000;
  let restoredFrom: BackupStatus['restoredFrom'] = null;
  const r = session.getMeta(RESTORED_FROM_META);
  if (r) {
    try {
      restoredFrom = JSON.parse(r) as NonNullable<BackupStatus['restoredFrom']>;
    } catch {
      restoredFrom = null;
    }
  }
  return { lastBackupAt, intervalDays, due, restoredFrom };
}

/** True when the last backup is older than the policy allows (or there is none). */
export const backupDue = (session: VaultSession): boolean => backupStatus(session).due;

export function setBackupIntervalDays(session: VaultSession, days: number): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can set the backup policy');
  if (!Number.isInteger(days) || days < 1 || days > 365)
    throw new AppError(ErrorCode.InvalidInput, 'the backup interval must be 1 to 365 days');
  session.write({ action: 'settings.backup_interval_changed', subject: 'vault', detail: { days } }, (db) => {
    db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
    ).run(BACKUP_INTERVAL_SETTING, String(days));
  });
}

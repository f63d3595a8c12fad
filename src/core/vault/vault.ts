import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { VaultInfo } from '../../shared/vault';
import { appendAudit, deriveAuditKey, type AuditEvent } from '../audit/chain';
import { isPlaintextSqlite, openEncrypted, rethrowDamage, type Db } from '../db/connection';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { AppError, fsErrorCode } from '../errors';
import {
  createSlot,
  unwrapSlot,
  parsedSlots,
  readSlotFile,
  writeSlotFile,
  SLOT_FILE_FORMAT,
  SLOT_FORMAT_VERSION,
  type ParsedSlot,
  type SlotFile,
} from './keyslots';
import { acquireVaultLock } from './lock';
import { entropyToWords, wordsToEntropy } from './recovery';
import { assertPassphraseAcceptable } from './strength';

export const DB_FILE = 'vault.db';
export const SLOT_FILE = 'keyslots.json';

export interface VaultPaths {
  dir: string;
  db: string;
  slots: string;
}

export const vaultPaths = (dir: string): VaultPaths => ({ dir, db: join(dir, DB_FILE), slots: join(dir, SLOT_FILE) });

export interface VaultOptions {
  nativeBinding?: string;
  now?: () => Date;
  /** Only tests lower this, never below the compiled floor (the KDF refuses that). */
  kdf?: { memoryKiB: number; iterations: number; parallelism: number };
}

export interface SessionUser {
  id: string;
  name: string;
  roles: Role[];
}

/** A passphrase as the KDF takes it: NFC, UTF-8, in a Buffer the caller zeroes. */
export const encodePassphrase = (p: string): Buffer => Buffer.from(p.normalize('NFC'), 'utf8');

/**
 * An unlocked vault: the open database, the keys, and who is working. Holding one is the
 * only way to reach case data; lock() closes the database and zeroes the keys.
 */
export class VaultSession {
  private locked = false;
  private releaseLock: (() => void) | undefined;
  constructor(
    readonly paths: VaultPaths,
    readonly vaultId: string,
    private readonly database: Db,
    private readonly dek: Buffer,
    private readonly auditKey: Buffer,
    readonly user: SessionUser,
    readonly options: VaultOptions,
  ) {}

  get db(): Db {
    if (this.locked) throw new AppError(ErrorCode.Locked, 'the vault is locked');
    return this.database;
  }

  get isLocked(): boolean {
    return this.locked;
  }

  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  hasRole(role: Role): boolean {
    return this.user.roles.includes(role);
  }

  /** Runs fn and the audit entry in one transaction, so a change is never unrecorded. */
  write<T>(event: Omit<AuditEvent, 'actor'>, fn: (db: Db) => T): T {
    const db = this.db;
    try {
      return db
        .transaction(() => {
          const out = fn(db);
          appendAudit(db, this.auditKey, { ...event, actor: this.user.name }, this.now());
          return out;
        })
        .immediate();
    } catch (e) {
      if (e instanceof AppError) throw e;
      rethrowDamage(e);
    }
  }

  /** The audit key, for verifying the chain. Never log it. */
  auditKeyForVerification(): Buffer {
    if (this.locked) throw new AppError(ErrorCode.Locked, 'the vault is locked');
    return this.auditKey;
  }

  audit(event: Omit<AuditEvent, 'actor'>): void {
    this.write(event, () => undefined);
  }

  /** Only for code that must re-wrap slots (passphrase change, new users). Never log it. */
  withDek<T>(fn: (dek: Buffer) => T): T {
    if (this.locked) throw new AppError(ErrorCode.Locked, 'the vault is locked');
    return fn(this.dek);
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  getSetting(key: string): string | undefined {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  /** The process lock taken by unlock (lock.ts); let go when this session locks. */
  holdProcessLock(release: () => void): void {
    this.releaseLock = release;
  }

  lock(): void {
    if (this.locked) return;
    this.locked = true;
    try {
      this.database.close();
    } finally {
      this.dek.fill(0);
      this.auditKey.fill(0);
      const release = this.releaseLock;
      this.releaseLock = undefined;
      release?.();
    }
  }
}

function ensureVaultFolder(paths: VaultPaths): void {
  if (!existsSync(paths.dir) || !statSync(paths.dir).isDirectory()) {
    throw new AppError(ErrorCode.VaultMissing, 'the vault folder does not exist');
  }
  if (!existsSync(paths.slots)) {
    throw new AppError(
      existsSync(paths.db) ? ErrorCode.SlotFileInvalid : ErrorCode.VaultMissing,
      existsSync(paths.db) ? 'the key slot file is missing' : 'there is no vault in this folder',
    );
  }
}

export function vaultExists(dir: string): boolean {
  const p = vaultPaths(dir);
  return existsSync(p.slots) || existsSync(p.db);
}

export interface CreateVaultInput {
  dir: string;
  orgName: string;
  userName: string;
  passphrase: string;
  /** 32 bytes; generated when absent. The caller has already shown the words to the user. */
  recoveryEntropy?: Buffer;
}

export interface CreatedVault {
  session: VaultSession;
  recoveryWords: string[];
}

/**
 * Create a vault folder: a new random database key, the first administrator's slot and the
 * recovery slot. The slot file is written last, so a crash leaves no vault that looks usable.
 */
export async function createVault(input: CreateVaultInput, options: VaultOptions = {}): Promise<CreatedVault> {
  const paths = vaultPaths(input.dir);
  const now = options.now?.() ?? new Date();
  // Unlock looks names up in NFC; store them that way whatever the caller passed.
  input = { ...input, orgName: input.orgName.normalize('NFC'), userName: input.userName.normalize('NFC') };
  assertPassphraseAcceptable(input.passphrase, [input.orgName, input.userName]);
  try {
    mkdirSync(paths.dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    throw new AppError(fsErrorCode(e), 'the vault folder cannot be created', { cause: e });
  }
  const leftovers = readdirSync(paths.dir).filter(
    (f) => f === DB_FILE || f === SLOT_FILE || f.startsWith(`${DB_FILE}-`),
  );
  if (leftovers.length > 0) throw new AppError(ErrorCode.VaultExists, 'this folder already holds a vault');
  const release = acquireVaultLock(paths.dir, options);
  try {
    const created = await createLocked(input, paths, now, options);
    created.session.holdProcessLock(release);
    return created;
  } catch (e) {
    release();
    throw e;
  }
}

async function createLocked(
  input: CreateVaultInput,
  paths: VaultPaths,
  now: Date,
  options: VaultOptions,
): Promise<CreatedVault> {
  const vaultId = randomUUID();
  const dek = randomBytes(32);
  const entropy = input.recoveryEntropy ?? randomBytes(32);
  const roles: Role[] = ['administrator'];
  try {
    const userSlot = await createSlot({
      vaultId,
      kind: 'passphrase',
      user: input.userName,
      roles,
      secret: encodePassphrase(input.passphrase),
      dek,
      ...(options.kdf ? { kdf: options.kdf } : {}),
      now,
    });
    const recoverySlot = await createSlot({
      vaultId,
      kind: 'recovery',
      user: null,
      roles: null,
      secret: entropy,
      dek,
      ...(options.kdf ? { kdf: options.kdf } : {}),
      now,
    });
    const userSlotId = (JSON.parse(userSlot.meta) as { slotId: string }).slotId;

    const db = openEncrypted(paths.db, dek, {
      create: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    const auditKey = deriveAuditKey(dek, vaultId);
    const user: SessionUser = { id: randomUUID(), name: input.userName, roles };
    try {
      migrate(db, migrations);
      const at = now.toISOString();
      db.transaction(() => {
        const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
        meta.run('vault_id', vaultId);
        meta.run('org_name', input.orgName);
        meta.run('created_at', at);
        db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('idle_lock_minutes', '10');
        db.prepare('INSERT INTO users (id, name, roles, slot_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
          user.id,
          user.name,
          JSON.stringify(roles),
          userSlotId,
          at,
        );
        appendAudit(db, auditKey, { actor: user.name, action: 'vault.created', subject: 'vault' }, now);
        appendAudit(
          db,
          auditKey,
          { actor: user.name, action: 'user.added', subject: user.name, detail: { roles: roles.join(',') } },
          now,
        );
      })();
    } catch (e) {
      db.close();
      rethrowDamage(e);
    }
    if (isPlaintextSqlite(paths.db)) throw new Error('database was written unencrypted; refusing to continue');
    chmodSync(paths.db, 0o600);

    const file: SlotFile = {
      format: SLOT_FILE_FORMAT,
      formatVersion: SLOT_FORMAT_VERSION,
      vaultId,
      createdAt: now.toISOString(),
      slots: [userSlot, recoverySlot],
    };
    writeSlotFile(paths.slots, file);
    const session = new VaultSession(paths, vaultId, db, Buffer.from(dek), auditKey, user, options);
    return { session, recoveryWords: entropyToWords(entropy) };
  } finally {
    dek.fill(0);
    if (!input.recoveryEntropy) entropy.fill(0);
  }
}

/** Open the database with an unwrapped key and bind the session to the user row. */
function openSession(
  paths: VaultPaths,
  file: SlotFile,
  dek: Buffer,
  slot: ParsedSlot,
  options: VaultOptions,
): VaultSession {
  let db: Db;
  try {
    db = openEncrypted(paths.db, dek, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (e) {
    dek.fill(0);
    throw e;
  }
  try {
    migrate(db, migrations);
    const vaultId = (db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string } | undefined)
      ?.value;
    if (vaultId !== file.vaultId) throw new AppError(ErrorCode.VaultReplaced, 'the database belongs to another vault');
    const row = db.prepare('SELECT id, name, roles, disabled_at FROM users WHERE slot_id = ?').get(slot.meta.slotId) as
      { id: string; name: string; roles: string; disabled_at: string | null } | undefined;
    if (!row || row.disabled_at !== null)
      throw new AppError(ErrorCode.Forbidden, 'this user may no longer open the vault');
    const roles = JSON.parse(row.roles) as Role[];
    // The database is the authority on roles; a slot claiming more is refused.
    if (JSON.stringify([...roles].sort()) !== JSON.stringify([...(slot.meta.roles ?? [])].sort())) {
      throw new AppError(ErrorCode.SlotFileInvalid, 'key slot roles do not match the vault');
    }
    const auditKey = deriveAuditKey(dek, file.vaultId);
    return new VaultSession(paths, file.vaultId, db, dek, auditKey, { id: row.id, name: row.name, roles }, options);
  } catch (e) {
    db.close();
    dek.fill(0);
    if (e instanceof AppError) throw e;
    rethrowDamage(e);
  }
}

function findUserSlot(file: SlotFile, userName: string): ParsedSlot {
  const wanted = userName.normalize('NFC');
  const slot = parsedSlots(file).find((s) => s.meta.kind === 'passphrase' && s.meta.user === wanted);
  if (!slot) throw new AppError(ErrorCode.UnknownUser, 'no user of that name in this vault');
  return slot;
}

async function unwrapWith(slot: ParsedSlot, secret: Buffer): Promise<Buffer> {
  try {
    return await unwrapSlot(slot, secret);
  } finally {
    secret.fill(0);
  }
}

function assertDatabasePresent(paths: VaultPaths, dek: Buffer): void {
  if (!existsSync(paths.db)) {
    dek.fill(0);
    throw new AppError(ErrorCode.VaultMissing, 'the vault database file is missing');
  }
}

export async function unlockVault(
  dir: string,
  userName: string,
  passphrase: string,
  options: VaultOptions = {},
): Promise<VaultSession> {
  const paths = vaultPaths(dir);
  ensureVaultFolder(paths);
  return withProcessLock(paths, options, async () => {
    const file = readSlotFile(paths.slots);
    const slot = findUserSlot(file, userName);
    // The AEAD unwrap comes first: a wrong passphrase never opens the database.
    const dek = await unwrapWith(slot, encodePassphrase(passphrase));
    assertDatabasePresent(paths, dek);
    return openSession(paths, file, dek, slot, options);
  });
}

/**
 * Runs fn holding this vault's process lock (VAULT_IN_USE if another process has it). A
 * session that fn returns keeps the lock until it is locked; anything else lets go at once.
 */
async function withProcessLock<T>(paths: VaultPaths, options: VaultOptions, fn: () => Promise<T>): Promise<T> {
  const release = acquireVaultLock(paths.dir, options);
  try {
    const out = await fn();
    if (out instanceof VaultSession) out.holdProcessLock(release);
    else release();
    return out;
  } catch (e) {
    release();
    throw e;
  }
}

/** A fresh wrap of the same key for the same slot id, user and roles. */
async function rewrap(
  file: SlotFile,
  old: ParsedSlot,
  passphrase: string,
  dek: Buffer,
  options: VaultOptions,
): Promise<SlotFile> {
  const slot = await createSlot({
    vaultId: file.vaultId,
    kind: 'passphrase',
    user: old.meta.user,
    roles: old.meta.roles,
    secret: encodePassphrase(passphrase),
    dek,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    now: options.now?.() ?? new Date(),
    slotId: old.meta.slotId,
  });
  return { ...file, slots: file.slots.map((s) => (s === old.slot ? slot : s)) };
}

/**
 * Forgotten passphrase: the recovery words open the recovery slot, the user's slot is
 * re-wrapped under the new passphrase, and the vault opens as that user. The words are
 * checked against the word list and checksum before any key derivation.
 */
export async function recoverWithWords(
  dir: string,
  words: readonly string[],
  userName: string,
  newPassphrase: string,
  options: VaultOptions = {},
): Promise<VaultSession> {
  const entropy = wordsToEntropy(words);
  const paths = vaultPaths(dir);
  ensureVaultFolder(paths);
  return withProcessLock(paths, options, () => recoverLocked(paths, entropy, userName, newPassphrase, options));
}

async function recoverLocked(
  paths: VaultPaths,
  entropy: Buffer,
  userName: string,
  newPassphrase: string,
  options: VaultOptions,
): Promise<VaultSession> {
  const file = readSlotFile(paths.slots);
  const target = findUserSlot(file, userName);
  assertPassphraseAcceptable(newPassphrase, [userName]);
  const recovery = parsedSlots(file).find((s) => s.meta.kind === 'recovery');
  if (!recovery) throw new AppError(ErrorCode.SlotFileInvalid, 'this vault has no recovery slot');
  const dek = await unwrapWith(recovery, entropy);
  assertDatabasePresent(paths, dek);
  let next: SlotFile;
  try {
    next = await rewrap(file, target, newPassphrase, dek, options);
  } catch (e) {
    dek.fill(0);
    throw e;
  }
  // Open first: if the database is damaged, the old passphrase must still be in place.
  const session = openSession(paths, file, dek, target, options);
  writeSlotFile(paths.slots, next);
  session.audit({ action: 'user.passphrase_reset_with_recovery', subject: session.user.name });
  return session;
}

/** Re-wraps this user's slot only; the database bytes do not change. */
export async function changePassphrase(session: VaultSession, current: string, next: string): Promise<void> {
  const file = readSlotFile(session.paths.slots);
  const slot = findUserSlot(file, session.user.name);
  assertPassphraseAcceptable(next, [session.user.name]);
  const check = await unwrapWith(slot, encodePassphrase(current));
  check.fill(0);
  const updated = await session.withDek((dek) => rewrap(file, slot, next, dek, sessionOptions(session)));
  writeSlotFile(session.paths.slots, updated);
  session.audit({ action: 'user.passphrase_changed', subject: session.user.name });
}

const sessionOptions = (session: VaultSession): VaultOptions => session.options;

/**
 * Change a passphrase from the slot file alone (CLI `vault passwd`): the current passphrase
 * unwraps the key, the new one wraps it again. The database is not opened and its bytes do
 * not change; the change is recorded in the audit log at the next unlock.
 */
export async function rewrapPassphrase(
  dir: string,
  userName: string,
  current: string,
  next: string,
  options: VaultOptions = {},
): Promise<void> {
  const paths = vaultPaths(dir);
  ensureVaultFolder(paths);
  // Held while the slot file is rewritten, so an open app cannot write it at the same time.
  await withProcessLock(paths, options, async () => {
    const file = readSlotFile(paths.slots);
    const slot = findUserSlot(file, userName);
    assertPassphraseAcceptable(next, [slot.meta.user ?? '']);
    const dek = await unwrapWith(slot, encodePassphrase(current));
    try {
      writeSlotFile(paths.slots, await rewrap(file, slot, next, dek, options));
    } finally {
      dek.fill(0);
    }
  });
}

export async function addUser(
  session: VaultSession,
  input: { userName: string; roles: Role[]; passphrase: string },
): Promise<void> {
  if (!session.hasRole('administrator')) throw new AppError(ErrorCode.Forbidden, 'only an administrator can add users');
  const name = input.userName.normalize('NFC');
  const file = readSlotFile(session.paths.slots);
  if (parsedSlots(file).some((s) => s.meta.user === name))
    throw new AppError(ErrorCode.UserExists, 'a user of that name exists');
  assertPassphraseAcceptable(input.passphrase, [name]);
  const roles = [...new Set(input.roles)];
  const slot = await session.withDek((dek) =>
    createSlot({
      vaultId: file.vaultId,
      kind: 'passphrase',
      user: name,
      roles,
      secret: encodePassphrase(input.passphrase),
      dek,
      ...(session.options.kdf ? { kdf: session.options.kdf } : {}),
      now: session.now(),
    }),
  );
  const slotId = (JSON.parse(slot.meta) as { slotId: string }).slotId;
  // Database row first, slot second: a crash between them leaves a user who cannot log in yet,
  // never a slot that opens the vault without a user row.
  session.write({ action: 'user.added', subject: name, detail: { roles: roles.join(',') } }, (db) => {
    db.prepare('INSERT INTO users (id, name, roles, slot_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
      randomUUID(),
      name,
      JSON.stringify(roles),
      slotId,
      session.now().toISOString(),
    );
  });
  writeSlotFile(session.paths.slots, { ...file, slots: [...file.slots, slot] });
}

/** Everything that can be said from the slot file and the file system, without a secret. */
export function vaultInfo(dir: string): VaultInfo {
  const paths = vaultPaths(dir);
  ensureVaultFolder(paths);
  const file = readSlotFile(paths.slots);
  const dbBytes = existsSync(paths.db) ? statSync(paths.db).size : 0;
  return {
    vaultId: file.vaultId,
    formatVersion: file.formatVersion,
    createdAt: file.createdAt,
    databaseBytes: dbBytes,
    databaseLooksEncrypted: dbBytes > 0 && !isPlaintextSqlite(paths.db),
    slots: parsedSlots(file).map(({ meta }) => ({
      slotId: meta.slotId,
      kind: meta.kind,
      user: meta.user,
      roles: meta.roles,
      kdf: { memoryKiB: meta.kdf.memoryKiB, iterations: meta.kdf.iterations, parallelism: meta.kdf.parallelism },
      createdAt: meta.createdAt,
    })),
    pendingRekey: false,
  };
}

export function listUserNames(dir: string): string[] {
  const file = readSlotFile(vaultPaths(dir).slots);
  return parsedSlots(file).flatMap((s) => (s.meta.kind === 'passphrase' && s.meta.user ? [s.meta.user] : []));
}

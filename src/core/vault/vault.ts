import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { VaultInfo } from '../../shared/vault';
import { appendAudit, deriveAuditKey, type AuditEvent } from '../audit/chain';
import { pinAuditKey, resolveAuditKey } from './auditKey';
import { isPlaintextSqlite, openEncrypted, rethrowDamage, type Db } from '../db/connection';
import { fsyncDir } from '../fs/atomic';
import { migrate } from '../db/migrate';
import { migrations } from '../db/migrations';
import { AppError, fsErrorCode } from '../errors';
import {
  createSlot,
  dekFromOpened,
  openSlotKey,
  sealDek,
  unsealDek,
  zeroOpened,
  type OpenedSlot,
  parsedSlots,
  readSlotFile,
  writeSlotFile,
  SLOT_FILE_FORMAT,
  SLOT_FORMAT_VERSION,
  type ParsedSlot,
  type SlotFile,
} from './keyslots';
import { acquireVaultLock } from './lock';
import { keyOpens, rekeyByCopy } from './rekey';
import { entropyToWords, wordsToEntropy } from './recovery';
import { assertPassphraseAcceptable } from './strength';

export const DB_FILE = 'vault.db';
export const SLOT_FILE = 'keyslots.json';
/** The slot file of a rekey in progress (user removal); see settlePendingRekey. */
export const PENDING_SLOT_FILE = 'keyslots.pending.json';
export const REKEY_TMP_FILE = 'vault.db.rekey';

export interface VaultPaths {
  dir: string;
  db: string;
  slots: string;
  pending: string;
  rekeyTmp: string;
}

export const vaultPaths = (dir: string): VaultPaths => ({
  dir,
  db: join(dir, DB_FILE),
  slots: join(dir, SLOT_FILE),
  pending: join(dir, PENDING_SLOT_FILE),
  rekeyTmp: join(dir, REKEY_TMP_FILE),
});

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
    private database: Db,
    private dek: Buffer,
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

  /**
   * Move the database to a new key (user removal): the database is replaced by a rekeyed copy
   * (rekey.ts) and reopened. The audit key does not change (auditKey.ts). If anything fails
   * before the copy replaces the database, the session goes on under the old key.
   */
  replaceDatabaseKey(newDek: Buffer): void {
    const db = this.db;
    let failure: unknown;
    try {
      rekeyByCopy(this.paths, db, this.dek, newDek, this.options);
    } catch (e) {
      failure = e ?? new Error('rekey failed');
    }
    // A failure after the rename (the folder fsync) still leaves the copy in place.
    if (failure !== undefined && keyOpens(this.paths.db, this.dek, this.options)) {
      this.database = openEncrypted(this.paths.db, this.dek, binding(this.options));
      if (failure instanceof AppError) throw failure;
      rethrowDamage(failure);
    }
    this.database = openEncrypted(this.paths.db, newDek, binding(this.options));
    this.dek.fill(0);
    this.dek = Buffer.from(newDek);
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

const binding = (o: VaultOptions): { nativeBinding?: string } =>
  o.nativeBinding ? { nativeBinding: o.nativeBinding } : {};

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
    // The database is the authority on roles: a slot's copy is refreshed at this user's next
    // unlock (an administrator cannot re-wrap another user's slot), and never widens anything.
    const roles = JSON.parse(row.roles) as Role[];
    const auditKey = resolveAuditKey(db, dek, file.vaultId);
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

async function openWith(slot: ParsedSlot, secret: Buffer): Promise<OpenedSlot> {
  try {
    return await openSlotKey(slot, secret);
  } finally {
    secret.fill(0);
  }
}

function assertDatabasePresent(paths: VaultPaths): void {
  if (!existsSync(paths.db)) throw new AppError(ErrorCode.VaultMissing, 'the vault database file is missing');
}

interface Settled {
  file: SlotFile;
  slot: ParsedSlot;
  dek: Buffer;
}

/**
 * Every unlock passes here. A user removal writes keyslots.pending.json (the remaining slots,
 * sealed to the new key) before the database is replaced by a copy under the new key, and
 * only then replaces keyslots.json. After a crash at any point, this finishes the job with the
 * key pair the unlocking slot just opened: the database opens under the new key (copy in
 * place: commit the slot file) or the old one (roll forward: make the copy again). The opened
 * key material is zeroed here.
 */
function settlePendingRekey(
  paths: VaultPaths,
  file: SlotFile,
  slot: ParsedSlot,
  opened: OpenedSlot,
  options: VaultOptions,
): Settled {
  let oldDek: Buffer | undefined;
  try {
    oldDek = dekFromOpened(slot, opened);
    rmSync(paths.rekeyTmp, { force: true });
    if (!existsSync(paths.pending)) return { file, slot, dek: oldDek };
    assertDatabasePresent(paths);
    let pending: SlotFile | undefined;
    try {
      pending = readSlotFile(paths.pending);
    } catch {
      pending = undefined;
    }
    const mine =
      pending && pending.vaultId === file.vaultId
        ? parsedSlots(pending).find((p) => p.meta.slotId === slot.meta.slotId && p.slot.meta === slot.slot.meta)
        : undefined;
    if (!pending || !mine || opened.formatVersion !== 2) {
      // No new key for this slot (a removed user, or a pending file that is not whole).
      if (keyOpens(paths.db, oldDek, options)) {
        if (!pending) rmSync(paths.pending, { force: true });
        return { file, slot, dek: oldDek };
      }
      throw new AppError(ErrorCode.Forbidden, 'this key slot no longer opens the vault');
    }
    const newDek = unsealDek(mine, opened.privateKey);
    if (!newDek.equals(oldDek) && !keyOpens(paths.db, newDek, options)) {
      if (!keyOpens(paths.db, oldDek, options)) {
        newDek.fill(0);
        throw new AppError(ErrorCode.VaultDamaged, 'neither the old nor the new database key opens the vault');
      }
      const db = openEncrypted(paths.db, oldDek, binding(options));
      try {
        rekeyByCopy(paths, db, oldDek, newDek, options);
      } catch (e) {
        newDek.fill(0);
        if (e instanceof AppError) throw e;
        rethrowDamage(e);
      }
    }
    writeSlotFile(paths.slots, pending);
    rmSync(paths.pending, { force: true });
    fsyncDir(paths.dir);
    oldDek.fill(0);
    return { file: pending, slot: mine, dek: newDek };
  } catch (e) {
    oldDek?.fill(0);
    throw e;
  } finally {
    zeroOpened(opened);
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
    const found = findUserSlot(readSlotFile(paths.slots), userName);
    // The AEAD unwrap comes first: a wrong passphrase never opens the database.
    const opened = await openWith(found, encodePassphrase(passphrase));
    assertDatabasePresentOr(paths, opened);
    const { file, slot, dek } = settlePendingRekey(paths, readSlotFile(paths.slots), found, opened, options);
    const session = openSession(paths, file, dek, slot, options);
    await refreshSlot(session, slot, encodePassphrase(passphrase), slot.meta.user);
    finishStoppedRemovalsQuietly(session);
    return session;
  });
}

function assertDatabasePresentOr(paths: VaultPaths, opened: OpenedSlot): void {
  try {
    assertDatabasePresent(paths);
  } catch (e) {
    zeroOpened(opened);
    throw e;
  }
}

/**
 * With the secret at hand, bring this slot up to date: a version 1 slot becomes version 2 (so
 * a later user removal can seal a new key to it), and roles changed by an administrator are
 * copied into the slot. The database bytes do not change. A failure here does not stop the
 * unlock; the slot stays as it was and the next unlock tries again.
 */
async function refreshSlot(
  session: VaultSession,
  slot: ParsedSlot,
  secret: Buffer,
  user: string | null,
): Promise<void> {
  try {
    const sameRoles =
      slot.meta.kind === 'recovery' ||
      JSON.stringify([...(slot.meta.roles ?? [])].sort()) === JSON.stringify([...session.user.roles].sort());
    if (slot.meta.formatVersion === SLOT_FORMAT_VERSION && sameRoles) return;
    const file = readSlotFile(session.paths.slots);
    if (!file.slots.some((s) => s.meta === slot.slot.meta)) return;
    const fresh = await session.withDek((dek) =>
      createSlot({
        vaultId: file.vaultId,
        kind: slot.meta.kind,
        user,
        roles: slot.meta.kind === 'recovery' ? null : [...session.user.roles],
        secret,
        dek,
        ...(session.options.kdf ? { kdf: session.options.kdf } : {}),
        now: session.now(),
        slotId: slot.meta.slotId,
      }),
    );
    writeSlotFile(session.paths.slots, {
      ...file,
      formatVersion: SLOT_FORMAT_VERSION,
      slots: file.slots.map((s) => (s.meta === slot.slot.meta ? fresh : s)),
    });
    session.audit({
      action: 'keyslot.refreshed',
      subject: slot.meta.kind === 'recovery' ? 'recovery' : (user ?? ''),
      detail: { fromVersion: slot.meta.formatVersion },
    });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  } finally {
    secret.fill(0);
  }
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

/** A fresh wrap (a new key pair, sealed to the same key) for the same slot id, user and roles. */
async function rewrap(
  file: SlotFile,
  old: ParsedSlot,
  passphrase: string,
  dek: Buffer,
  options: VaultOptions,
  roles: Role[] | null = old.meta.roles,
): Promise<SlotFile> {
  const slot = await createSlot({
    vaultId: file.vaultId,
    kind: 'passphrase',
    user: old.meta.user,
    roles,
    secret: encodePassphrase(passphrase),
    dek,
    ...(options.kdf ? { kdf: options.kdf } : {}),
    now: options.now?.() ?? new Date(),
    slotId: old.meta.slotId,
  });
  return {
    ...file,
    formatVersion: SLOT_FORMAT_VERSION,
    slots: file.slots.map((s) => (s.meta === old.slot.meta ? slot : s)),
  };
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
  try {
    return await withProcessLock(paths, options, () => recoverLocked(paths, entropy, userName, newPassphrase, options));
  } finally {
    entropy.fill(0);
  }
}

async function recoverLocked(
  paths: VaultPaths,
  entropy: Buffer,
  userName: string,
  newPassphrase: string,
  options: VaultOptions,
): Promise<VaultSession> {
  const first = readSlotFile(paths.slots);
  findUserSlot(first, userName);
  assertPassphraseAcceptable(newPassphrase, [userName]);
  const recovery = parsedSlots(first).find((s) => s.meta.kind === 'recovery');
  if (!recovery) throw new AppError(ErrorCode.SlotFileInvalid, 'this vault has no recovery slot');
  const opened = await openWith(recovery, Buffer.from(entropy));
  assertDatabasePresentOr(paths, opened);
  const settled = settlePendingRekey(paths, first, recovery, opened, options);
  const { file, dek } = settled;
  const target = findUserSlot(file, userName);
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
  // The words are at hand: a version 1 recovery slot becomes version 2.
  await refreshSlot(session, settled.slot, Buffer.from(entropy), null);
  finishStoppedRemovalsQuietly(session);
  return session;
}

/** Re-wraps this user's slot only; the database bytes do not change. */
export async function changePassphrase(session: VaultSession, current: string, next: string): Promise<void> {
  const file = readSlotFile(session.paths.slots);
  const slot = findUserSlot(file, session.user.name);
  assertPassphraseAcceptable(next, [session.user.name]);
  zeroOpened(await openWith(slot, encodePassphrase(current)));
  const updated = await session.withDek((dek) =>
    rewrap(file, slot, next, dek, sessionOptions(session), [...session.user.roles]),
  );
  writeSlotFile(session.paths.slots, updated);
  session.audit({ action: 'user.passphrase_changed', subject: session.user.name });
}

const sessionOptions = (session: VaultSession): VaultOptions => session.options;

/**
 * Change a passphrase from the slot file alone (CLI `vault passwd`): the current passphrase
 * unwraps the key, the new one wraps it again. The database is not opened and its bytes do
 * not change (unless an interrupted user removal has to be finished first); the change is
 * recorded in the audit log at the next unlock.
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
    const found = findUserSlot(readSlotFile(paths.slots), userName);
    assertPassphraseAcceptable(next, [found.meta.user ?? '']);
    const opened = await openWith(found, encodePassphrase(current));
    // A pending rekey is settled first, or the pending file would bring the old passphrase back.
    const { file, slot, dek } = existsSync(paths.pending)
      ? settlePendingRekey(paths, readSlotFile(paths.slots), found, opened, options)
      : { file: readSlotFile(paths.slots), slot: found, dek: takeDek(found, opened) };
    try {
      writeSlotFile(paths.slots, await rewrap(file, slot, next, dek, options));
    } finally {
      dek.fill(0);
    }
  });
}

function takeDek(slot: ParsedSlot, opened: OpenedSlot): Buffer {
  try {
    return dekFromOpened(slot, opened);
  } finally {
    zeroOpened(opened);
  }
}

const sameName = (a: string, b: string): boolean => a.normalize('NFC') === b.normalize('NFC');

interface UserRow {
  id: string;
  name: string;
  roles: string;
  slot_id: string;
  created_at: string;
  disabled_at: string | null;
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
  if (roles.length === 0) throw new AppError(ErrorCode.InvalidInput, 'a user needs at least one role');
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
  const removed = session.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  // Database row first, slot second: a crash between them leaves a user who cannot log in yet,
  // never a slot that opens the vault without a user row.
  if (removed) {
    // A removed user comes back with a new slot (and passphrase); their old one was destroyed.
    if (removed.disabled_at === null) throw new AppError(ErrorCode.UserExists, 'a user of that name exists');
    session.write({ action: 'user.reenabled', subject: name, detail: { roles: roles.join(',') } }, (db) => {
      db.prepare('UPDATE users SET roles = ?, slot_id = ?, disabled_at = NULL WHERE id = ?').run(
        JSON.stringify(roles),
        slotId,
        removed.id,
      );
    });
  } else {
    session.write({ action: 'user.added', subject: name, detail: { roles: roles.join(',') } }, (db) => {
      db.prepare('INSERT INTO users (id, name, roles, slot_id, created_at) VALUES (?, ?, ?, ?, ?)').run(
        randomUUID(),
        name,
        JSON.stringify(roles),
        slotId,
        session.now().toISOString(),
      );
    });
  }
  writeSlotFile(session.paths.slots, { ...file, formatVersion: SLOT_FORMAT_VERSION, slots: [...file.slots, slot] });
}

export interface UserListing {
  name: string;
  roles: Role[];
  createdAt: string;
  /** Set for a removed user (no slot any more). */
  removedAt: string | null;
  /** The slot is still version 1: this user must log in once before anyone can be removed. */
  needsLogin: boolean;
}

/** Users as the database knows them (the authority), with what their slots say. Administrators only. */
export function listUsers(session: VaultSession): UserListing[] {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can list users');
  const slots = new Map(parsedSlots(readSlotFile(session.paths.slots)).map((p) => [p.meta.slotId, p.meta]));
  const rows = session.db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[];
  return rows.map((r) => ({
    name: r.name,
    roles: JSON.parse(r.roles) as Role[],
    createdAt: r.created_at,
    removedAt: r.disabled_at,
    needsLogin: slots.get(r.slot_id)?.formatVersion === 1,
  }));
}

function activeUser(session: VaultSession, name: string): UserRow {
  const row = session.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  if (!row || row.disabled_at !== null) throw new AppError(ErrorCode.UnknownUser, 'no active user of that name');
  return row;
}

function otherActiveAdministrators(session: VaultSession, name: string): number {
  const rows = session.db.prepare('SELECT name, roles FROM users WHERE disabled_at IS NULL').all() as UserRow[];
  return rows.filter((r) => r.name !== name && (JSON.parse(r.roles) as Role[]).includes('administrator')).length;
}

/**
 * Change a user's roles in the database, the authority (openSession reads them from there).
 * The copy in their slot is refreshed at their next unlock, when their secret is at hand.
 */
export function changeRole(session: VaultSession, userName: string, roles: Role[]): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can change roles');
  const name = userName.normalize('NFC');
  const next = [...new Set(roles)];
  if (next.length === 0) throw new AppError(ErrorCode.InvalidInput, 'a user needs at least one role');
  const row = activeUser(session, name);
  if (!next.includes('administrator') && otherActiveAdministrators(session, name) === 0)
    throw new AppError(ErrorCode.LastAdministrator, 'the vault must keep an administrator');
  session.write(
    {
      action: 'user.roles_changed',
      subject: name,
      detail: { from: (JSON.parse(row.roles) as Role[]).join(','), to: next.join(',') },
    },
    (db) => {
      db.prepare('UPDATE users SET roles = ? WHERE id = ?').run(JSON.stringify(next), row.id);
    },
  );
}

/**
 * Remove a user: their row is disabled (audited), the database moves to a new random key
 * sealed to every remaining slot (no one else's secret is needed), and their slot is gone.
 * Whatever key material they copied no longer opens the database or a new backup. Crash
 * safety: see settlePendingRekey and rekey.ts.
 */
export function removeUser(session: VaultSession, userName: string): void {
  if (!session.hasRole('administrator'))
    throw new AppError(ErrorCode.Forbidden, 'only an administrator can remove users');
  const name = userName.normalize('NFC');
  if (sameName(name, session.user.name))
    throw new AppError(ErrorCode.CannotRemoveSelf, 'an administrator cannot remove themself');
  const paths = session.paths;
  if (existsSync(paths.pending)) throw new AppError(ErrorCode.VaultBusy, 'another rekey is pending');
  const file = readSlotFile(paths.slots);
  const slots = parsedSlots(file);
  const target = slots.find((s) => s.meta.kind === 'passphrase' && s.meta.user === name);
  const row = session.db.prepare('SELECT * FROM users WHERE name = ?').get(name) as UserRow | undefined;
  // A row already disabled but still holding a slot is a removal that stopped early: redo it.
  if (!target || !row || row.slot_id !== target.meta.slotId)
    throw new AppError(ErrorCode.UnknownUser, 'no user of that name in this vault');
  const remaining = slots.filter((s) => s !== target);
  const old = remaining.filter((s) => s.meta.formatVersion !== SLOT_FORMAT_VERSION);
  if (old.length > 0) {
    const who = old.map((s) => (s.meta.kind === 'recovery' ? 'the recovery sheet' : (s.meta.user ?? '?')));
    throw new AppError(
      ErrorCode.RekeyNeedsUpgrade,
      `old-format key slots must be opened once before a removal: ${who.join(', ')}`,
    );
  }
  if ((JSON.parse(row.roles) as Role[]).includes('administrator') && otherActiveAdministrators(session, name) === 0)
    throw new AppError(ErrorCode.LastAdministrator, 'the vault must keep an administrator');
  session.write({ action: 'user.removed', subject: name }, (db) => {
    // The chain keeps its key across the rekey (auditKey.ts).
    pinAuditKey(db, session.auditKeyForVerification());
    db.prepare('UPDATE users SET disabled_at = coalesce(disabled_at, ?) WHERE id = ?').run(
      session.now().toISOString(),
      row.id,
    );
  });
  rekeyWithout(session, file, remaining, 'user.removed');
}

/** Seal a new DEK to `remaining`, replace the database under it, then commit the slot file. */
function rekeyWithout(session: VaultSession, file: SlotFile, remaining: ParsedSlot[], reason: string): void {
  const paths = session.paths;
  const newDek = randomBytes(32);
  try {
    const next: SlotFile = {
      ...file,
      formatVersion: SLOT_FORMAT_VERSION,
      slots: remaining.map((p) => ({ ...p.slot, sealedKey: sealDek(p.meta, newDek) })),
    };
    writeSlotFile(paths.pending, next);
    try {
      session.replaceDatabaseKey(newDek);
    } catch (e) {
      // replaceDatabaseKey left the database under the old key: the pending file must go.
      rmSync(paths.pending, { force: true });
      throw e;
    }
    writeSlotFile(paths.slots, next);
    rmSync(paths.pending, { force: true });
    fsyncDir(paths.dir);
  } finally {
    newDek.fill(0);
  }
  session.audit({ action: 'vault.rekeyed', subject: 'vault', detail: { reason } });
}

/**
 * A removal that stopped after its row was disabled but before its pending slot file was
 * written leaves the removed user's slot in place (the row already refuses them). Any unlock
 * finishes it: the removal was decided and audited, and only the DEK is needed to rekey.
 * Skipped while a remaining slot is still version 1 (nothing can be sealed to it yet).
 */
/** Never stops an unlock: if finishing fails (a full disk), the next unlock tries again. */
function finishStoppedRemovalsQuietly(session: VaultSession): void {
  try {
    finishStoppedRemovals(session);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
}

function finishStoppedRemovals(session: VaultSession): void {
  const file = readSlotFile(session.paths.slots);
  const slots = parsedSlots(file);
  const disabled = new Set(
    (session.db.prepare('SELECT slot_id FROM users WHERE disabled_at IS NOT NULL').all() as { slot_id: string }[]).map(
      (r) => r.slot_id,
    ),
  );
  const stale = slots.filter((s) => s.meta.kind === 'passphrase' && disabled.has(s.meta.slotId));
  if (stale.length === 0) return;
  const remaining = slots.filter((s) => !stale.includes(s));
  if (remaining.some((s) => s.meta.formatVersion !== SLOT_FORMAT_VERSION)) return;
  session.write({ action: 'user.removal_resumed', subject: stale.map((s) => s.meta.user).join(', ') }, (db) =>
    pinAuditKey(db, session.auditKeyForVerification()),
  );
  rekeyWithout(session, file, remaining, 'user.removed');
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
    pendingRekey: existsSync(paths.pending),
  };
}

export function listUserNames(dir: string): string[] {
  const file = readSlotFile(vaultPaths(dir).slots);
  return parsedSlots(file).flatMap((s) => (s.meta.kind === 'passphrase' && s.meta.user ? [s.meta.user] : []));
}

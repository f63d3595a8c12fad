import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { Roles, type Role } from '../../shared/roles';
import { AppError, fsErrorCode } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { KDF_DEFAULT, KdfParams, deriveKek, assertKdfStrongEnough } from './kdf';

export const SLOT_FILE_FORMAT = 'sauga-keyslots';
/** What Sauga writes. Version 1 files and slots are still read (and a v1 slot is upgraded at its next unlock). */
export const SLOT_FORMAT_VERSION = 2;
/** A slot file is tiny; anything bigger is hostile or not ours. */
const SLOT_FILE_MAX_BYTES = 1024 * 1024;

const b64Bytes = (n: number, what: string) =>
  z.base64().refine((s) => Buffer.from(s, 'base64').length === n, { message: `${what} must be ${n} bytes` });

const metaFields = {
  vaultId: z.uuid(),
  slotId: z.uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  user: z.string().min(1).max(64).nullable(),
  roles: Roles.nullable(),
  kdf: KdfParams,
};

/**
 * The slot metadata. It is stored as an exact JSON string and those exact UTF-8 bytes are
 * the AES-GCM associated data, so any edit (role, user, KDF parameters, public key) breaks the
 * slot and no canonical re-serialisation is needed by an independent reader.
 */
export const SlotMetaV1 = z.strictObject({
  formatVersion: z.literal(1),
  ...metaFields,
  createdAt: z.iso.datetime(),
});
/**
 * Version 2: the KEK wraps the slot's X25519 private key, and the DEK is sealed to the public
 * key named here. Whoever holds the DEK can seal a new one to every slot without its secret,
 * which is what removing a user needs (rekey).
 */
export const SlotMetaV2 = z.strictObject({
  formatVersion: z.literal(2),
  ...metaFields,
  publicKey: b64Bytes(32, 'public key'),
  createdAt: z.iso.datetime(),
});
export const SlotMeta = z.discriminatedUnion('formatVersion', [SlotMetaV1, SlotMetaV2]);
export type SlotMeta = z.infer<typeof SlotMeta>;

/** The DEK sealed to a v2 slot's public key: ephemeral X25519, HKDF-SHA256, AES-256-GCM. */
export const SealedKey = z.strictObject({
  ephemeralPublicKey: b64Bytes(32, 'ephemeral public key'),
  iv: b64Bytes(12, 'iv'),
  ciphertext: b64Bytes(48, 'sealed key'),
});
export type SealedKey = z.infer<typeof SealedKey>;

export const Slot = z.strictObject({
  meta: z.string().max(4096),
  iv: b64Bytes(12, 'iv'),
  /** v1: the DEK; v2: the slot's X25519 private key. 32 bytes + 16-byte tag either way. */
  wrappedKey: b64Bytes(48, 'wrapped key'),
  /** v2 only. */
  sealedKey: SealedKey.optional(),
});
export type Slot = z.infer<typeof Slot>;

export const SlotFile = z.strictObject({
  format: z.literal(SLOT_FILE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(SLOT_FORMAT_VERSION)]),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  slots: z.array(Slot).min(1).max(256),
});
export type SlotFile = z.infer<typeof SlotFile>;

export interface ParsedSlot {
  slot: Slot;
  meta: SlotMeta;
}

export function parseSlotMeta(slot: Slot, vaultId: string): SlotMeta {
  let json: unknown;
  try {
    json = JSON.parse(slot.meta);
  } catch {
    throw new AppError(ErrorCode.SlotFileInvalid, 'key slot metadata is not JSON');
  }
  const meta = SlotMeta.safeParse(json);
  if (!meta.success) throw new AppError(ErrorCode.SlotFileInvalid, 'key slot metadata is malformed');
  if (meta.data.vaultId !== vaultId) throw new AppError(ErrorCode.SlotFileInvalid, 'key slot belongs to another vault');
  if (meta.data.kind === 'passphrase' && (meta.data.user === null || meta.data.roles === null)) {
    throw new AppError(ErrorCode.SlotFileInvalid, 'passphrase slot without user');
  }
  if ((meta.data.formatVersion === 2) !== (slot.sealedKey !== undefined)) {
    throw new AppError(ErrorCode.SlotFileInvalid, 'key slot version and sealed key do not match');
  }
  return meta.data;
}

export function readSlotFile(path: string): SlotFile {
  let raw: Buffer;
  try {
    raw = readFileSync(path);
  } catch (e) {
    throw new AppError(fsErrorCode(e), 'key slot file cannot be read', { cause: e });
  }
  return parseSlotFile(raw);
}

/** The same checks as readSlotFile, for slot file bytes carried elsewhere (a backup). */
export function parseSlotFile(raw: Buffer): SlotFile {
  if (raw.length > SLOT_FILE_MAX_BYTES) throw new AppError(ErrorCode.SlotFileInvalid, 'key slot file is too large');
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError(ErrorCode.SlotFileInvalid, 'key slot file is not JSON');
  }
  const file = SlotFile.safeParse(json);
  if (!file.success) throw new AppError(ErrorCode.SlotFileInvalid, 'key slot file is malformed');
  const ids = new Set<string>();
  for (const slot of file.data.slots) {
    const meta = parseSlotMeta(slot, file.data.vaultId);
    if (meta.formatVersion > file.data.formatVersion)
      throw new AppError(ErrorCode.SlotFileInvalid, 'key slot is newer than its file');
    if (ids.has(meta.slotId)) throw new AppError(ErrorCode.SlotFileInvalid, 'duplicate key slot id');
    ids.add(meta.slotId);
  }
  return file.data;
}

export function writeSlotFile(path: string, file: SlotFile): void {
  writeFileAtomic(path, `${JSON.stringify(SlotFile.parse(file), null, 2)}\n`);
}

export function parsedSlots(file: SlotFile): ParsedSlot[] {
  return file.slots.map((slot) => ({ slot, meta: parseSlotMeta(slot, file.vaultId) }));
}

export interface NewSlot {
  vaultId: string;
  kind: 'passphrase' | 'recovery';
  user: string | null;
  roles: Role[] | null;
  secret: Uint8Array;
  dek: Buffer;
  kdf?: { memoryKiB: number; iterations: number; parallelism: number };
  now: Date;
  /** Re-wrapping an existing slot keeps its id (the users table points at it). */
  slotId?: string;
}

// DER framing of a raw X25519 key (RFC 8410), so Node's KeyObject takes and gives 32 raw bytes.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

const privateKeyObject = (raw: Buffer): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_X25519, raw]), format: 'der', type: 'pkcs8' });
const publicKeyObject = (raw: Buffer): KeyObject =>
  createPublicKey({ key: Buffer.concat([SPKI_X25519, raw]), format: 'der', type: 'spki' });
const rawPrivate = (k: KeyObject): Buffer => k.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_X25519.length);
const rawPublic = (k: KeyObject): Buffer => k.export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length);

/** The AAD of a seal: a sealed key moved to another slot or vault does not open. */
const sealAad = (vaultId: string, slotId: string): Buffer =>
  Buffer.from(`sauga-dek-seal-v2\n${vaultId}\n${slotId}`, 'utf8');

function sealKey(ikm: Buffer, ephemeralPublic: Buffer, slotPublic: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', ikm, Buffer.concat([ephemeralPublic, slotPublic]), Buffer.from('sauga dek seal v2', 'utf8'), 32),
  );
}

/** Seal a DEK to a v2 slot's public key. Needs no secret of the slot's owner. */
export function sealDek(meta: SlotMeta, dek: Buffer): SealedKey {
  if (meta.formatVersion !== 2) throw new Error('only a version 2 slot takes a sealed key');
  if (dek.length !== 32) throw new Error('database key must be 32 bytes');
  const slotPublic = Buffer.from(meta.publicKey, 'base64');
  const eph = generateKeyPairSync('x25519');
  const ephPublic = rawPublic(eph.publicKey);
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyObject(slotPublic) });
  const key = sealKey(shared, ephPublic, slotPublic);
  shared.fill(0);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(sealAad(meta.vaultId, meta.slotId));
    const ct = Buffer.concat([cipher.update(dek), cipher.final(), cipher.getAuthTag()]);
    return {
      ephemeralPublicKey: ephPublic.toString('base64'),
      iv: iv.toString('base64'),
      ciphertext: ct.toString('base64'),
    };
  } finally {
    key.fill(0);
  }
}

/** Open a v2 slot's sealed DEK with its private key (from openSlotKey). */
export function unsealDek(p: ParsedSlot, privateKey: Buffer): Buffer {
  const sealed = p.slot.sealedKey;
  if (p.meta.formatVersion !== 2 || !sealed) throw new Error('only a version 2 slot has a sealed key');
  const slotPublic = Buffer.from(p.meta.publicKey, 'base64');
  const ephPublic = Buffer.from(sealed.ephemeralPublicKey, 'base64');
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey: privateKeyObject(privateKey), publicKey: publicKeyObject(ephPublic) });
  } catch {
    throw new AppError(ErrorCode.SlotFileInvalid, 'sealed key has an unusable ephemeral key');
  }
  const key = sealKey(shared, ephPublic, slotPublic);
  shared.fill(0);
  try {
    const blob = Buffer.from(sealed.ciphertext, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(sealAad(p.meta.vaultId, p.meta.slotId));
    decipher.setAuthTag(blob.subarray(32));
    try {
      return Buffer.concat([decipher.update(blob.subarray(0, 32)), decipher.final()]);
    } catch {
      // The slot's own AEAD opened, so the passphrase is right: the seal was altered.
      throw new AppError(ErrorCode.SlotFileInvalid, 'sealed key did not open: the key slot was altered');
    }
  } finally {
    key.fill(0);
  }
}

/** A v2 slot's meta and its sealed copy of the DEK; v1 slots carry the DEK in wrappedKey. */
export async function createSlot(n: NewSlot): Promise<Slot> {
  const params = n.kdf ?? KDF_DEFAULT;
  const pair = generateKeyPairSync('x25519');
  const privateKey = rawPrivate(pair.privateKey);
  const meta: SlotMeta = {
    formatVersion: SLOT_FORMAT_VERSION,
    vaultId: n.vaultId,
    slotId: n.slotId ?? randomUUID(),
    kind: n.kind,
    user: n.user,
    roles: n.roles,
    kdf: {
      alg: 'argon2id',
      version: 19,
      memoryKiB: params.memoryKiB,
      iterations: params.iterations,
      parallelism: params.parallelism,
      salt: randomBytes(16).toString('base64'),
    },
    publicKey: rawPublic(pair.publicKey).toString('base64'),
    createdAt: n.now.toISOString(),
  };
  const metaJson = JSON.stringify(SlotMeta.parse(meta));
  const kek = await deriveKek(n.secret, meta.kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(metaJson, 'utf8'));
    const ct = Buffer.concat([cipher.update(privateKey), cipher.final(), cipher.getAuthTag()]);
    return {
      meta: metaJson,
      iv: iv.toString('base64'),
      wrappedKey: ct.toString('base64'),
      sealedKey: sealDek(meta, n.dek),
    };
  } finally {
    kek.fill(0);
    privateKey.fill(0);
  }
}

/** What a slot's secret opens: the DEK itself (v1) or the slot's private key (v2). */
export type OpenedSlot = { formatVersion: 1; dek: Buffer } | { formatVersion: 2; privateKey: Buffer };

/** Throws WrongPassphrase when the AEAD check fails. The caller zeroes what it gets. */
export async function openSlotKey(p: ParsedSlot, secret: Uint8Array): Promise<OpenedSlot> {
  assertKdfStrongEnough(p.meta.kdf);
  const kek = await deriveKek(secret, p.meta.kdf);
  let inner: Buffer;
  try {
    const blob = Buffer.from(p.slot.wrappedKey, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(p.slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(p.slot.meta, 'utf8'));
    decipher.setAuthTag(blob.subarray(32));
    try {
      inner = Buffer.concat([decipher.update(blob.subarray(0, 32)), decipher.final()]);
    } catch {
      throw new AppError(ErrorCode.WrongPassphrase, 'key slot did not open: wrong passphrase or altered slot');
    }
  } finally {
    kek.fill(0);
  }
  if (p.meta.formatVersion === 1) return { formatVersion: 1, dek: inner };
  // The meta is authenticated, so its public key is the one this private key must give.
  if (!rawPublic(createPublicKey(privateKeyObject(inner))).equals(Buffer.from(p.meta.publicKey, 'base64'))) {
    inner.fill(0);
    throw new AppError(ErrorCode.SlotFileInvalid, 'key slot private and public keys do not match');
  }
  return { formatVersion: 2, privateKey: inner };
}

/** The DEK a slot gives under a given file (its own seal for v2). */
export function dekFromOpened(p: ParsedSlot, opened: OpenedSlot): Buffer {
  return opened.formatVersion === 1 ? Buffer.from(opened.dek) : unsealDek(p, opened.privateKey);
}

export function zeroOpened(opened: OpenedSlot): void {
  if (opened.formatVersion === 1) opened.dek.fill(0);
  else opened.privateKey.fill(0);
}

/** Returns the DEK, or throws WrongPassphrase when the AEAD check fails. Any slot version. */
export async function unwrapSlot(p: ParsedSlot, secret: Uint8Array): Promise<Buffer> {
  const opened = await openSlotKey(p, secret);
  try {
    return dekFromOpened(p, opened);
  } finally {
    zeroOpened(opened);
  }
}

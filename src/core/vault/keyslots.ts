import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { Roles, type Role } from '../../shared/roles';
import { AppError, fsErrorCode } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { KDF_DEFAULT, KdfParams, deriveKek, assertKdfStrongEnough } from './kdf';

export const SLOT_FILE_FORMAT = 'sauga-keyslots';
export const SLOT_FORMAT_VERSION = 1;
/** A slot file is tiny; anything bigger is hostile or not ours. */
const SLOT_FILE_MAX_BYTES = 1024 * 1024;

/**
 * The slot metadata. It is stored as an exact JSON string and those exact UTF-8 bytes are
 * the AES-GCM associated data, so any edit (role, user, KDF parameters) breaks the slot and
 * no canonical re-serialisation is needed by an independent reader.
 */
export const SlotMeta = z.strictObject({
  formatVersion: z.literal(SLOT_FORMAT_VERSION),
  vaultId: z.uuid(),
  slotId: z.uuid(),
  kind: z.enum(['passphrase', 'recovery']),
  user: z.string().min(1).max(64).nullable(),
  roles: Roles.nullable(),
  kdf: KdfParams,
  createdAt: z.iso.datetime(),
});
export type SlotMeta = z.infer<typeof SlotMeta>;

export const Slot = z.strictObject({
  meta: z.string().max(4096),
  iv: z.base64().refine((s) => Buffer.from(s, 'base64').length === 12, { message: 'iv must be 12 bytes' }),
  wrappedKey: z.base64().refine((s) => Buffer.from(s, 'base64').length === 48, {
    message: 'wrapped key must be 48 bytes',
  }),
});
export type Slot = z.infer<typeof Slot>;

export const SlotFile = z.strictObject({
  format: z.literal(SLOT_FILE_FORMAT),
  formatVersion: z.literal(SLOT_FORMAT_VERSION),
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

export async function createSlot(n: NewSlot): Promise<Slot> {
  const params = n.kdf ?? KDF_DEFAULT;
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
    createdAt: n.now.toISOString(),
  };
  const metaJson = JSON.stringify(SlotMeta.parse(meta));
  const kek = await deriveKek(n.secret, meta.kdf);
  try {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', kek, iv);
    cipher.setAAD(Buffer.from(metaJson, 'utf8'));
    const ct = Buffer.concat([cipher.update(n.dek), cipher.final(), cipher.getAuthTag()]);
    return { meta: metaJson, iv: iv.toString('base64'), wrappedKey: ct.toString('base64') };
  } finally {
    kek.fill(0);
  }
}

/** Returns the DEK, or throws WrongPassphrase when the AEAD check fails. */
export async function unwrapSlot(p: ParsedSlot, secret: Uint8Array): Promise<Buffer> {
  assertKdfStrongEnough(p.meta.kdf);
  const kek = await deriveKek(secret, p.meta.kdf);
  try {
    const blob = Buffer.from(p.slot.wrappedKey, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(p.slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(p.slot.meta, 'utf8'));
    decipher.setAuthTag(blob.subarray(32));
    try {
      return Buffer.concat([decipher.update(blob.subarray(0, 32)), decipher.final()]);
    } catch {
      throw new AppError(ErrorCode.WrongPassphrase, 'key slot did not open: wrong passphrase or altered slot');
    }
  } finally {
    kek.fill(0);
  }
}

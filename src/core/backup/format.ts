import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/**
 * The backup file (docs/backup-format.md):
 *
 *   [database: the vault's SQLCipher file, byte for byte][key slot file][manifest JSON][trailer]
 *
 * The database comes first so that it can be written by a kernel copy of vault.db (the only
 * way to stay inside the 10 s target at 100,000 cases on a slow disk) and read back by a copy
 * cut at its length; everything Sauga needs to find the parts is in the fixed-size trailer.
 */
export const BACKUP_FORMAT = 'sauga-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const TRAILER_MAGIC = Buffer.from('SAUGABAK', 'latin1');
export const TRAILER_BYTES = 32;
/** Bounds on the small parts, checked before anything is parsed. */
export const SLOTS_MAX_BYTES = 1024 * 1024;
export const MANIFEST_MAX_BYTES = 64 * 1024;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);

/** What anyone holding the file may read: enough to list backups and check their hashes. */
export const BackupPublic = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  backupId: z.uuid(),
  vaultId: z.uuid(),
  createdAt: z.iso.datetime(),
  schemaVersion: z.number().int().min(1).max(10_000),
  database: z.strictObject({ bytes: z.number().int().positive(), sha256: Sha256Hex }),
  keySlots: z.strictObject({ bytes: z.number().int().positive(), sha256: Sha256Hex }),
});
export type BackupPublic = z.infer<typeof BackupPublic>;

/**
 * Sealed (AES-256-GCM under a key derived from the database key): a lost backup stick must
 * not tell a finder which organisation it belongs to, who made it or how many people it holds.
 */
export const BackupSealed = z.strictObject({
  orgName: z.string().min(1).max(500),
  cases: z.number().int().min(0),
  auditHead: z.strictObject({ seq: z.number().int().min(0), mac: Sha256Hex }),
  createdBy: z.string().min(1).max(200),
});
export type BackupSealed = z.infer<typeof BackupSealed>;

/**
 * `public` is kept as the exact JSON string whose UTF-8 bytes are the seal's associated data,
 * as the key slots do, so no canonical re-serialisation is needed to check it.
 */
export const BackupManifest = z.strictObject({
  public: z.string().min(2).max(8192),
  sealed: z.strictObject({
    iv: z.base64().refine((s) => Buffer.from(s, 'base64').length === 12, { message: 'iv must be 12 bytes' }),
    data: z.base64().max(16_384),
  }),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface TrailerParts {
  databaseBytes: number;
  slotBytes: number;
  manifestBytes: number;
}

const damaged = (why: string): AppError => new AppError(ErrorCode.BackupDamaged, why);

export function encodeTrailer(p: TrailerParts): Buffer {
  const t = Buffer.alloc(TRAILER_BYTES);
  t.writeBigUInt64BE(BigInt(p.databaseBytes), 0);
  t.writeUInt32BE(p.slotBytes, 8);
  t.writeUInt32BE(p.manifestBytes, 12);
  t.writeUInt32BE(BACKUP_FORMAT_VERSION, 16);
  TRAILER_MAGIC.copy(t, 24);
  return t;
}

export function decodeTrailer(t: Buffer, fileBytes: number): TrailerParts {
  if (fileBytes < TRAILER_BYTES || t.length !== TRAILER_BYTES)
    throw damaged('the file is too short to be a Sauga backup');
  if (!t.subarray(24).equals(TRAILER_MAGIC))
    throw damaged('no Sauga backup trailer: not a backup, or the file was cut short');
  const version = t.readUInt32BE(16);
  if (version > BACKUP_FORMAT_VERSION)
    throw new AppError(ErrorCode.VaultTooNew, 'the backup was made by a newer Sauga');
  if (version !== BACKUP_FORMAT_VERSION || !t.subarray(20, 24).equals(Buffer.alloc(4)))
    throw damaged('the backup trailer is malformed');
  const parts = {
    databaseBytes: Number(t.readBigUInt64BE(0)),
    slotBytes: t.readUInt32BE(8),
    manifestBytes: t.readUInt32BE(12),
  };
  if (parts.slotBytes === 0 || parts.slotBytes > SLOTS_MAX_BYTES) throw damaged('the key slot part has a bad size');
  if (parts.manifestBytes === 0 || parts.manifestBytes > MANIFEST_MAX_BYTES)
    throw damaged('the manifest part has a bad size');
  if (parts.databaseBytes + parts.slotBytes + parts.manifestBytes + TRAILER_BYTES !== fileBytes)
    throw damaged('the parts do not add up to the file size: cut short or padded');
  return parts;
}

/** K_backup = HKDF-SHA256(DEK, salt = vault id, info = "sauga backup manifest v1"). */
export function backupKey(dek: Buffer, vaultId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), Buffer.from('sauga backup manifest v1', 'utf8'), 32),
  );
}

export function sealManifest(key: Buffer, pub: BackupPublic, sealed: BackupSealed): BackupManifest {
  const publicJson = JSON.stringify(BackupPublic.parse(pub));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(publicJson, 'utf8'));
  const data = Buffer.concat([
    cipher.update(JSON.stringify(BackupSealed.parse(sealed)), 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return { public: publicJson, sealed: { iv: iv.toString('base64'), data: data.toString('base64') } };
}

/** The sealed part, or BACKUP_ALTERED when the public part or the sealed bytes were edited. */
export function openManifestSeal(key: Buffer, m: BackupManifest): BackupSealed {
  const blob = Buffer.from(m.sealed.data, 'base64');
  if (blob.length < 17) throw new AppError(ErrorCode.BackupAltered, 'the manifest seal is too short');
  let plain: Buffer;
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(m.sealed.iv, 'base64'));
    d.setAAD(Buffer.from(m.public, 'utf8'));
    d.setAuthTag(blob.subarray(blob.length - 16));
    plain = Buffer.concat([d.update(blob.subarray(0, blob.length - 16)), d.final()]);
  } catch {
    throw new AppError(ErrorCode.BackupAltered, 'the manifest seal does not verify: the manifest was edited');
  }
  let json: unknown;
  try {
    json = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new AppError(ErrorCode.BackupAltered, 'the sealed manifest is not JSON');
  }
  const r = BackupSealed.safeParse(json);
  if (!r.success) throw new AppError(ErrorCode.BackupAltered, 'the sealed manifest is malformed');
  return r.data;
}

export function parseManifest(raw: Buffer): { manifest: BackupManifest; pub: BackupPublic } {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    throw damaged('the backup manifest is not JSON');
  }
  const m = BackupManifest.safeParse(json);
  if (!m.success) throw damaged('the backup manifest is malformed');
  let pubJson: unknown;
  try {
    pubJson = JSON.parse(m.data.public);
  } catch {
    throw damaged('the backup manifest is malformed');
  }
  const pub = BackupPublic.safeParse(pubJson);
  if (!pub.success) {
    const version = (pubJson as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION)
      throw new AppError(ErrorCode.VaultTooNew, 'the backup was made by a newer Sauga');
    throw damaged('the backup manifest is malformed');
  }
  return { manifest: m.data, pub: pub.data };
}

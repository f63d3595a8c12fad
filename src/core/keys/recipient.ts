import { randomBytes, sign, verify } from 'node:crypto';
import { Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import { RecipientCategory } from '../../shared/cases/codes';
import { ErrorCode } from '../../shared/errors';
import { OrgName, Passphrase } from '../../shared/vault';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { generateRawKeyPair, privateKeyObject, publicKeyObject, KEY_ID_BYTES } from '../stats/package/minisign';
import { assertPassphraseAcceptable } from '../vault/strength';
import type { VaultSession } from '../vault/vault';
import { recipientFingerprint } from './directory/fingerprint';
import { AgeRecipient, type RecipientInput } from './directory/schema';

/**
 * The keys of a recipient installation (security.md, "Institution keys"): an age X25519
 * identity that case summaries are encrypted to, and an Ed25519 key the institution signs its
 * directory entry (and later receipts) with. Both secrets live only in the encrypted vault;
 * the only way out is exportIdentity, an explicit, passphrase-protected and audited action.
 */

/** meta key marking the vault as a recipient installation; its value is always 'recipient'. */
export const INSTALLATION_ROLE_META = 'installation_role';

/** Installations that receive packages; the victim's family or our own organisation never do. */
export const InstallationCategory = RecipientCategory.exclude(['FAMILY', 'OWN_ORGANISATION']);
export type InstallationCategory = z.infer<typeof InstallationCategory>;

export const RecipientInit = z.strictObject({ institution: OrgName, category: InstallationCategory });
export type RecipientInit = z.input<typeof RecipientInit>;

export const IdentityExportInput = z.strictObject({ passphrase: Passphrase });

const Ed25519Base64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]{43}=$/u)
  .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, { message: 'not canonical base64' });
const Fingerprint = z.string().regex(/^\d{5}( \d{5}){7}$/u);

export interface RecipientPublicInfo {
  institution: string;
  category: InstallationCategory;
  ageRecipient: string;
  /** Raw 32-byte Ed25519 public key, base64. */
  ed25519PublicKey: string;
  /** Digit groups over both public keys, to compare by phone or on paper. */
  fingerprint: string;
  createdAt: string;
  /** Key generation; grows by one with each rotation. */
  generation: number;
}

export const DIRECTORY_ENTRY_FORMAT = 'sauga-recipient-entry';

/**
 * What an NGO imports into its directory. `signature` is the institution's Ed25519 signature
 * over signedEntryBytes: it proves that whoever made the entry holds the Ed25519 secret, so an
 * age key cannot be paired with someone else's signing key. It does not prove who the holder
 * is; only comparing the fingerprint out of band does.
 */
export const RecipientDirectoryEntry = z.strictObject({
  format: z.literal(DIRECTORY_ENTRY_FORMAT),
  version: z.literal(1),
  institution: OrgName,
  category: InstallationCategory,
  ageRecipient: AgeRecipient,
  ed25519PublicKey: Ed25519Base64,
  fingerprint: Fingerprint,
  validFrom: z.iso.datetime(),
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/u),
});
export type RecipientDirectoryEntry = z.infer<typeof RecipientDirectoryEntry>;

/** The bytes the directory entry's signature covers: a JSON array, so field order is fixed. */
export function signedEntryBytes(e: Omit<RecipientDirectoryEntry, 'signature'>): Buffer {
  return Buffer.from(
    JSON.stringify([e.format, e.version, e.institution, e.category, e.ageRecipient, e.ed25519PublicKey, e.validFrom]),
    'utf8',
  );
}

/** Strict parse plus both checks a directory import needs: the fingerprint and the self-signature. */
export function verifyDirectoryEntry(input: unknown): RecipientDirectoryEntry | null {
  const r = RecipientDirectoryEntry.safeParse(input);
  if (!r.success) return null;
  const e = r.data;
  const pk = Buffer.from(e.ed25519PublicKey, 'base64');
  if (recipientFingerprint(e.ageRecipient, pk) !== e.fingerprint) return null;
  const ok = verify(null, signedEntryBytes(e), publicKeyObject(pk), Buffer.from(e.signature, 'base64'));
  return ok ? e : null;
}

/** A verified entry in the shape the NGO's directory takes for a recipient added by hand. */
export function recipientInputFromEntry(e: RecipientDirectoryEntry): RecipientInput {
  return {
    institution: e.institution,
    category: e.category,
    ageRecipient: e.ageRecipient,
    ed25519PublicKey: e.ed25519PublicKey,
    validFrom: e.validFrom,
  };
}

interface PublicRow {
  generation: number;
  institution: string;
  category: string;
  age_recipient: string;
  ed25519_public: Buffer;
  created_at: string;
}

const PUBLIC_COLUMNS = 'generation, institution, category, age_recipient, ed25519_public, created_at';

function currentRow(db: Db): PublicRow | undefined {
  return db.prepare(`SELECT ${PUBLIC_COLUMNS} FROM recipient_keys WHERE retired_at IS NULL`).get() as
    PublicRow | undefined;
}

function requireCurrent(session: VaultSession): PublicRow {
  const row = currentRow(session.db);
  if (!row || session.getMeta(INSTALLATION_ROLE_META) !== 'recipient')
    throw new AppError(ErrorCode.RecipientKeysMissing, 'this vault is not a recipient installation');
  return row;
}

function toInfo(row: PublicRow): RecipientPublicInfo {
  return {
    institution: row.institution,
    category: InstallationCategory.parse(row.category),
    ageRecipient: row.age_recipient,
    ed25519PublicKey: row.ed25519_public.toString('base64'),
    fingerprint: recipientFingerprint(row.age_recipient, row.ed25519_public),
    createdAt: row.created_at,
    generation: row.generation,
  };
}

/** True when the vault has been set up with `keys init`; never throws for an ordinary vault. */
export function isRecipientVault(session: VaultSession): boolean {
  return session.getMeta(INSTALLATION_ROLE_META) === 'recipient' && currentRow(session.db) !== undefined;
}

function requireAdministrator(session: VaultSession, what: string): void {
  if (!session.hasRole('administrator')) throw new AppError(ErrorCode.Forbidden, `only an administrator can ${what}`);
}

/**
 * Makes this vault a recipient installation: new age X25519 identity and Ed25519 key pair,
 * stored with the institution's name and category, and the meta marker, in one audited
 * transaction. Refused when the vault already has recipient keys.
 */
export async function initRecipientKeys(session: VaultSession, input: RecipientInit): Promise<RecipientPublicInfo> {
  requireAdministrator(session, 'set up the recipient keys');
  const parsed = RecipientInit.safeParse(input);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'institution or category is not valid');
  const { institution, category } = parsed.data;
  if (isRecipientVault(session) || session.getMeta(INSTALLATION_ROLE_META) !== undefined)
    throw new AppError(ErrorCode.RecipientKeysExist, 'this vault already has recipient keys');

  // The age library deals in strings; the copy we keep is a Buffer, the string is dropped here.
  const identityText = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(identityText);
  const identity = Buffer.from(identityText, 'utf8');
  const ed = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
  const fingerprint = recipientFingerprint(ageRecipient, ed.publicKey);
  try {
    session.write(
      {
        action: 'recipient.keys_initialised',
        subject: 'installation',
        detail: { institution, category, ageRecipient, fingerprint, generation: 1 },
      },
      (db) => {
        // Checked again inside the write lock: another window may have initialised meanwhile.
        if (currentRow(db) || session.getMeta(INSTALLATION_ROLE_META) !== undefined)
          throw new AppError(ErrorCode.RecipientKeysExist, 'this vault already has recipient keys');
        db.prepare(
          `INSERT INTO recipient_keys
             (generation, institution, category, age_identity, age_recipient, ed25519_secret, ed25519_public, created_at, created_by)
           VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          institution,
          category,
          identity,
          ageRecipient,
          ed.secretKey,
          ed.publicKey,
          session.now().toISOString(),
          session.user.name,
        );
        db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(INSTALLATION_ROLE_META, 'recipient');
      },
    );
  } finally {
    identity.fill(0);
    ed.secretKey.fill(0);
  }
  return recipientPublicInfo(session);
}

/** The current generation's public keys. Anyone who can unlock the vault may read them. */
export function recipientPublicInfo(session: VaultSession): RecipientPublicInfo {
  return toInfo(requireCurrent(session));
}

/** The signed entry an NGO imports into its directory of institution keys. */
export function recipientDirectoryEntry(session: VaultSession): RecipientDirectoryEntry {
  const info = recipientPublicInfo(session);
  const unsigned = {
    format: DIRECTORY_ENTRY_FORMAT,
    version: 1,
    institution: info.institution,
    category: info.category,
    ageRecipient: info.ageRecipient,
    ed25519PublicKey: info.ed25519PublicKey,
    fingerprint: info.fingerprint,
    validFrom: info.createdAt,
  } as const;
  const row = session.db
    .prepare('SELECT ed25519_secret FROM recipient_keys WHERE generation = ?')
    .get(info.generation) as { ed25519_secret: Buffer };
  try {
    const signature = sign(null, signedEntryBytes(unsigned), privateKeyObject(row.ed25519_secret));
    return RecipientDirectoryEntry.parse({ ...unsigned, signature: signature.toString('base64') });
  } finally {
    row.ed25519_secret.fill(0);
  }
}

export interface AgeIdentity {
  generation: number;
  ageRecipient: string;
  /** "AGE-SECRET-KEY-1…". Use it inside the callback only; never store, log or return it. */
  identity: string;
  current: boolean;
}

/**
 * Lends the age identities (the current one first, then retired ones, newest first) to `fn`
 * for decrypting packages; they are never returned. The Buffers read from the database are
 * zeroed afterwards. JavaScript strings cannot be zeroed, and the age library takes strings,
 * so the strings live until garbage collection: that is why this runs in the main process
 * only and never crosses IPC. The caller checks the user's role and audits the package it
 * opens; lending the keys is not itself an event.
 */
export async function withAgeIdentities<T>(
  session: VaultSession,
  fn: (identities: readonly AgeIdentity[]) => T | Promise<T>,
): Promise<T> {
  requireCurrent(session);
  const rows = session.db
    .prepare(
      `SELECT generation, age_recipient, age_identity, retired_at IS NULL AS current
         FROM recipient_keys ORDER BY current DESC, generation DESC`,
    )
    .all() as { generation: number; age_recipient: string; age_identity: Buffer; current: number }[];
  try {
    const identities = rows.map((r) => ({
      generation: r.generation,
      ageRecipient: r.age_recipient,
      identity: r.age_identity.toString('utf8'),
      current: r.current === 1,
    }));
    return await fn(identities);
  } finally {
    for (const r of rows) r.age_identity.fill(0);
  }
}

/** Minimum strength of the passphrase on an exported identity: the vault's own rules. */
export function assertIdentityPassphrase(session: VaultSession, passphrase: string): void {
  const info = recipientPublicInfo(session);
  assertPassphraseAcceptable(passphrase, [info.institution, session.user.name]);
}

/**
 * The age identity file (every generation, current first, each with age-keygen's comment
 * lines) encrypted with an age passphrase (scrypt), so that `age -d` opens it with that
 * passphrase and the result serves as `age -d -i identity.txt package.age`. Administrators
 * only; audited by action and fingerprint, never the secret.
 */
export async function exportIdentity(session: VaultSession, input: { passphrase: string }): Promise<Uint8Array> {
  requireAdministrator(session, 'export the recipient identity');
  const parsed = IdentityExportInput.safeParse(input);
  if (!parsed.success) throw new AppError(ErrorCode.InvalidInput, 'the identity passphrase is not valid');
  const info = recipientPublicInfo(session);
  assertIdentityPassphrase(session, parsed.data.passphrase);
  const rows = session.db
    .prepare(
      `SELECT age_recipient, age_identity, created_at FROM recipient_keys
        ORDER BY retired_at IS NULL DESC, generation DESC`,
    )
    .all() as { age_recipient: string; age_identity: Buffer; created_at: string }[];
  // Assembled as bytes so the only copies of the secret are Buffers that are zeroed below.
  const parts: Buffer[] = [];
  for (const r of rows) {
    parts.push(Buffer.from(`# created: ${r.created_at}\n# public key: ${r.age_recipient}\n`, 'utf8'));
    parts.push(r.age_identity, Buffer.from('\n', 'utf8'));
  }
  const plain = Buffer.concat(parts);
  let sealed: Uint8Array;
  try {
    const e = new Encrypter();
    e.setPassphrase(parsed.data.passphrase);
    sealed = await e.encrypt(plain);
  } finally {
    plain.fill(0);
    for (const r of rows) r.age_identity.fill(0);
  }
  session.audit({
    action: 'recipient.identity_exported',
    subject: 'installation',
    detail: { fingerprint: info.fingerprint, generations: rows.length, protection: 'age-scrypt' },
  });
  return sealed;
}

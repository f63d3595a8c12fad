import { z } from 'zod';
import { RecipientCategory } from '../../../shared/cases/codes';
import { decodeAgeRecipient } from './bech32';

/** Names of institutions and people: one line, NFC, so the same name is stored one way. */
export const DirectoryText = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(s), { message: 'control characters' })
  .transform((s) => s.normalize('NFC'));

export const AgeRecipient = z
  .string()
  .max(100)
  .refine((s) => decodeAgeRecipient(s) !== null, { message: 'not a lower-case age X25519 recipient (age1…)' });

const BASE64_32 = /^[A-Za-z0-9+/]{43}=$/u;

/** Raw bytes or canonical base64 of exactly 32 bytes; always a Buffer afterwards. */
export const Ed25519PublicKey = z
  .union([
    z.custom<Uint8Array>((b) => b instanceof Uint8Array && b.length === 32, { message: 'must be 32 bytes' }),
    z
      .string()
      .regex(BASE64_32)
      .refine((s) => Buffer.from(s, 'base64').toString('base64') === s, { message: 'not canonical base64' }),
  ])
  .transform((k) => (typeof k === 'string' ? Buffer.from(k, 'base64') : Buffer.from(k)));

const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime()]);

/**
 * Validity bounds are stored as UTC instants. A bare date means the whole day in UTC: from its
 * first millisecond, to its last, so "valid to 2027-12-31" still allows sending on that day.
 */
export const ValidFrom = DateOrDateTime.transform((s) =>
  new Date(s.length === 10 ? `${s}T00:00:00.000Z` : s).toISOString(),
);
export const ValidTo = DateOrDateTime.transform((s) =>
  new Date(s.length === 10 ? `${s}T23:59:59.999Z` : s).toISOString(),
);

const validityInOrder = (v: { validFrom: string; validTo?: string | null | undefined }): boolean =>
  v.validTo === undefined || v.validTo === null || v.validTo > v.validFrom;

/** A recipient typed in by hand (or through the app's form); it starts unverified. */
export const RecipientInput = z
  .strictObject({
    institution: DirectoryText,
    category: RecipientCategory,
    person: DirectoryText.nullable().optional(),
    ageRecipient: AgeRecipient,
    ed25519PublicKey: Ed25519PublicKey,
    validFrom: ValidFrom,
    validTo: ValidTo.nullable().optional(),
  })
  .refine(validityInOrder, { message: 'validTo must be after validFrom', path: ['validTo'] });
export type RecipientInput = z.input<typeof RecipientInput>;

export const RecipientId = z.uuid();

export const DIRECTORY_FORMAT = 'sauga-institution-directory/1';
export const MAX_DIRECTORY_ENTRIES = 5000;

/** One entry of a directory file. `person` is left out rather than null when there is none. */
export const DirectoryFileEntry = z
  .strictObject({
    id: RecipientId,
    institution: DirectoryText,
    category: RecipientCategory,
    person: DirectoryText.optional(),
    ageRecipient: AgeRecipient,
    ed25519PublicKey: z.string().regex(BASE64_32),
    validFrom: ValidFrom,
    validTo: ValidTo.nullable(),
  })
  .refine(validityInOrder, { message: 'validTo must be after validFrom', path: ['validTo'] });
export type DirectoryFileEntry = z.input<typeof DirectoryFileEntry>;

export const DirectoryDocument = z
  .strictObject({
    format: z.literal(DIRECTORY_FORMAT),
    version: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1),
    issuedAt: z.iso.datetime(),
    issuer: DirectoryText,
    entries: z.array(DirectoryFileEntry).max(MAX_DIRECTORY_ENTRIES),
  })
  .refine((d) => new Set(d.entries.map((e) => e.id)).size === d.entries.length, {
    message: 'an id is listed twice',
    path: ['entries'],
  });
export type DirectoryDocument = z.output<typeof DirectoryDocument>;

export type EntryState = 'verified' | 'unverified';

/** A directory row as the app and CLI see it. The key stays a Buffer; encode it only for display. */
export interface DirectoryEntry {
  /** The recipient's stable id: what `summary create --recipient` takes. */
  id: string;
  /** This exact key set; a key change makes a new revision and keeps the old one. */
  revisionId: string;
  institution: string;
  category: RecipientCategory;
  person: string | null;
  ageRecipient: string;
  ed25519PublicKey: Buffer;
  fingerprint: string;
  validFrom: string;
  validTo: string | null;
  state: EntryState;
  verifiedAt: string | null;
  verifiedBy: string | null;
  verifiedHow: 'fingerprint' | 'directory' | null;
  /** This revision's keys differ from the revision it replaced. */
  keyChanged: boolean;
  source: 'manual' | 'directory';
  sourceVersion: number | null;
  createdAt: string;
  createdBy: string;
  replacedBy: string | null;
  replacedAt: string | null;
  /** Set when a newer directory no longer lists the entry. */
  withdrawnAt: string | null;
}

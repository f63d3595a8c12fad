import { z } from 'zod';
import { ConsentPurpose, RecipientCategory } from '../cases/codes';
import { Consent } from '../cases/schemas';

/**
 * What crosses IPC for sending summaries (core/summary/send.ts) and for the recipient's inbox
 * (core/summary/inbox.ts). Core's package schemas are stricter about text (NFC, one line);
 * these only fix the shape, so a screen gets exactly the fields listed and nothing else.
 */

const Uuid = z.uuid();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const Fingerprint = z.string().regex(/^\d{5}( \d{5}){7}$/u);
const KeyId = z.string().regex(/^[0-9A-F]{16}$/u);
const Text = (max: number) => z.string().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Sending

/** The metadata of an exported package; the bytes go to a file, never across IPC. */
export const ExportedSummaryMeta = z.strictObject({
  fileName: z.string().regex(/^sauga-summary-[0-9a-f]{12}\.age$/u),
  sha256: Sha256,
  size: z.number().int().min(1),
  packageId: Uuid,
  draftId: Uuid,
  disclosureId: Uuid,
});
export type ExportedSummaryMeta = z.infer<typeof ExportedSummaryMeta>;

// ---------------------------------------------------------------------------------------------
// Trusted senders (recipient role)

export const TrustedSenderInput = z.strictObject({
  organisation: Text(200),
  /** The minisign public key: the base64 line, the .pub file, or all that `sauga keys export-public` prints. */
  minisignPublicKey: Text(2000),
});
export type TrustedSenderInput = z.infer<typeof TrustedSenderInput>;

export const TrustedSender = z.strictObject({
  keyId: KeyId,
  organisation: z.string(),
  /** The base64 key line. */
  minisignPublicKey: z.string(),
  /** Digit groups over the key, to compare with the organisation by phone or on paper. */
  fingerprint: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type TrustedSender = z.infer<typeof TrustedSender>;

// ---------------------------------------------------------------------------------------------
// Received summaries (recipient role)

const Label = z.strictObject({ lt: z.string(), en: z.string() });

export const ReceivedSection = z.strictObject({
  key: z.string(),
  label: Label,
  fields: z.array(z.strictObject({ key: z.string(), label: Label, value: z.union([z.string(), z.array(z.string())]) })),
});
export type ReceivedSection = z.infer<typeof ReceivedSection>;

export const ReceivedConsent = z.strictObject({ id: Uuid, version: z.number().int().min(1), record: Consent });
export const ReceivedOverride = z.strictObject({
  kind: z.literal('override'),
  legalBasis: z.string(),
  decidedAt: z.string(),
});

/** The summary as the sending organisation signed it (format sauga-case-summary, version 1). */
export const ReceivedSummaryContent = z.strictObject({
  format: z.literal('sauga-case-summary'),
  formatVersion: z.literal(1),
  id: Uuid,
  created: z.string(),
  organisation: z.strictObject({ name: z.string() }),
  caseCode: z.string(),
  purpose: ConsentPurpose,
  recipient: z.strictObject({ institution: z.string(), category: RecipientCategory, fingerprint: Fingerprint }),
  sections: z.array(ReceivedSection),
  consent: ReceivedConsent.optional(),
  override: ReceivedOverride.optional(),
});
export type ReceivedSummaryContent = z.infer<typeof ReceivedSummaryContent>;

/** One row of the inbox list: enough to find a summary, none of its content. */
export const ReceivedSummaryItem = z.strictObject({
  id: Uuid,
  packageId: Uuid,
  receivedAt: z.string(),
  openedBy: z.string(),
  sender: z.strictObject({ organisation: z.string(), keyId: KeyId }),
  caseCode: z.string(),
  purpose: ConsentPurpose,
  created: z.string(),
  /** Sent under the person's consent, or under an override with a legal basis. */
  basis: z.enum(['consent', 'override']),
});
export type ReceivedSummaryItem = z.infer<typeof ReceivedSummaryItem>;

export const ReceivedSummary = ReceivedSummaryItem.extend({
  recipientFingerprint: Fingerprint,
  /** SHA-256 of the .age file as received; the sender's disclosure log holds the same value. */
  sha256: Sha256,
  pdfSize: z.number().int().min(1),
  summary: ReceivedSummaryContent,
});
export type ReceivedSummary = z.infer<typeof ReceivedSummary>;

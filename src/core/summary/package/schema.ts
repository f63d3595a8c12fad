import { z } from 'zod';
import { ConsentPurpose, RecipientCategory } from '../../../shared/cases/codes';
import { Consent } from '../../../shared/cases/schemas';

/**
 * The case summary a prosecutor receives, and the manifest of the package that carries it
 * (docs/summary-package.md). Strict everywhere: an unknown field is a different format, not
 * something to ignore. No schema here transforms what the composer wrote (the consent record
 * keeps its own trimming), so the JSON in a package is the composer's content, field for field.
 */

export const SUMMARY_FORMAT = 'sauga-case-summary';
export const SUMMARY_FORMAT_VERSION = 1;
export const PACKAGE_FORMAT = 'sauga-case-summary-package';
export const PACKAGE_FORMAT_VERSION = 1;

export const PATHS = {
  manifest: 'manifest.json',
  signature: 'manifest.json.sig',
  summary: 'summary.json',
  pdf: 'summary.pdf',
  consent: 'consent.json',
} as const;

/** The whole inner archive, in order. */
export const ARCHIVE_PATHS = [PATHS.manifest, PATHS.signature, PATHS.summary, PATHS.pdf, PATHS.consent] as const;

export const LIMITS = {
  /** The .age file. */
  package: 40 * 1024 * 1024,
  entry: {
    [PATHS.manifest]: 16 * 1024,
    [PATHS.signature]: 2048,
    [PATHS.summary]: 4 * 1024 * 1024,
    [PATHS.pdf]: 32 * 1024 * 1024,
    [PATHS.consent]: 64 * 1024,
  } as Record<string, number>,
  sections: 50,
  fieldsPerSection: 200,
  fieldText: 20_000,
  listItems: 200,
  listItemText: 5_000,
};

// Control characters would make text ambiguous on screen, in the PDF and in a terminal.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;

const isNfc = (s: string): boolean => s === s.normalize('NFC');

/** Non-empty, one line, already in NFC: checked, never rewritten. */
export const Line = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !SINGLE_LINE_FORBIDDEN.test(s) && isNfc(s) && s.trim() === s, 'one trimmed NFC line');

const MultiLine = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !MULTI_LINE_FORBIDDEN.test(s) && isNfc(s) && s.trim() !== '', 'NFC text, not blank');

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/u);
export const KeyIdHex = z.string().regex(/^[0-9A-F]{16}$/u);

/**
 * The recipient fingerprint of src/core/keys/directory/fingerprint.ts: 8 groups of 5 digits
 * joined by single spaces. Compared byte for byte.
 */
export const Fingerprint = z.string().regex(/^\d{5}(?: \d{5}){7}$/u);

/** A native X25519 age recipient, `age1` + 58 bech32 characters. */
export const AgeRecipient = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/u);

/** The pseudonymous case code (e.g. `2026-00042`), never a name. */
export const CaseCode = z.string().regex(/^[0-9A-Za-z][0-9A-Za-z-]{0,39}$/u);

const Key = z.string().regex(/^[a-z][A-Za-z0-9_.-]{0,63}$/u);

export const Label = z.strictObject({ lt: Line(300), en: Line(300) });
export type Label = z.infer<typeof Label>;

/** Text, or a list of texts (one bullet each). Empty fields are left out, not sent blank. */
export const FieldValue = z.union([
  MultiLine(LIMITS.fieldText),
  z.array(MultiLine(LIMITS.listItemText)).min(1).max(LIMITS.listItems),
]);
export type FieldValue = z.infer<typeof FieldValue>;

export const SummaryField = z.strictObject({ key: Key, label: Label, value: FieldValue });
export type SummaryField = z.infer<typeof SummaryField>;

const uniqueKeys = (a: readonly { key: string }[]): boolean => new Set(a.map((x) => x.key)).size === a.length;

export const SummarySection = z.strictObject({
  key: Key,
  label: Label,
  fields: z.array(SummaryField).min(1).max(LIMITS.fieldsPerSection).refine(uniqueKeys, 'field keys must be unique'),
});
export type SummarySection = z.infer<typeof SummarySection>;

/** The consent that authorises the disclosure, as stored in the case (item id and its revision). */
export const AuthorisingConsent = z.strictObject({
  id: z.uuid(),
  version: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  record: Consent,
});
export type AuthorisingConsent = z.infer<typeof AuthorisingConsent>;
export type AuthorisingConsentInput = z.input<typeof AuthorisingConsent>;

/**
 * Sent without a covering consent: the legal basis two supervisors recorded (a GDPR code such
 * as ART6_1_C, or a citation in words) and when the override was decided. The supervisors'
 * names stay in the organisation's own disclosure log; the recipient needs the basis, not them.
 */
export const OverrideAuthority = z.strictObject({
  kind: z.literal('override'),
  legalBasis: Line(500),
  decidedAt: z.iso.datetime(),
});
export type OverrideAuthority = z.infer<typeof OverrideAuthority>;

/** What authorises a disclosure, as carried in consent.json: a consent, or an override. */
export const Authority = z.union([AuthorisingConsent, OverrideAuthority]);
export type Authority = z.infer<typeof Authority>;
export type AuthorityInput = z.input<typeof Authority>;

export const CaseSummary = z
  .strictObject({
    format: z.literal(SUMMARY_FORMAT),
    formatVersion: z.literal(SUMMARY_FORMAT_VERSION),
    /** Also the package id: one summary, one package. */
    id: z.uuid(),
    created: z.iso.datetime(),
    organisation: z.strictObject({ name: Line(200) }),
    caseCode: CaseCode,
    purpose: ConsentPurpose,
    recipient: z.strictObject({ institution: Line(200), category: RecipientCategory, fingerprint: Fingerprint }),
    sections: z.array(SummarySection).max(LIMITS.sections).refine(uniqueKeys, 'section keys must be unique'),
    /** Exactly one of consent and override. */
    consent: AuthorisingConsent.optional(),
    override: OverrideAuthority.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.consent === undefined) === (s.override === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'exactly one of consent and override', path: ['consent'] });
      return;
    }
    if (s.override) {
      if (s.override.decidedAt < s.created)
        ctx.addIssue({ code: 'custom', message: 'the override predates the summary', path: ['override'] });
      return;
    }
    // The format itself refuses a summary its consent does not cover, whoever built it.
    const c = (s.consent as AuthorisingConsent).record;
    const day = s.created.slice(0, 10);
    const issue = (message: string): void => ctx.addIssue({ code: 'custom', message, path: ['consent', 'record'] });
    if (c.purpose !== s.purpose) issue('the consent is for another purpose');
    if (c.recipient !== s.recipient.category) issue('the consent is for another kind of recipient');
    if (c.withdrawnOn) issue('the consent is withdrawn');
    if (c.givenOn > day) issue('the consent was given after the summary was made');
    if (c.expiresOn && c.expiresOn < day) issue('the consent had expired when the summary was made');
  });
export type CaseSummary = z.infer<typeof CaseSummary>;
export type CaseSummaryInput = z.input<typeof CaseSummary>;

const file = <P extends string>(path: P) =>
  z.strictObject({ path: z.literal(path), size: z.number().int().min(0).max(LIMITS.package), sha256: Hex64 });

export const SummaryManifest = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  packageId: z.uuid(),
  created: z.iso.datetime(),
  organisation: z.strictObject({ name: Line(200), signingKeyId: KeyIdHex }),
  recipient: z.strictObject({ fingerprint: Fingerprint, ageRecipient: AgeRecipient }),
  files: z.tuple([file(PATHS.summary), file(PATHS.pdf), file(PATHS.consent)]),
});
export type SummaryManifest = z.infer<typeof SummaryManifest>;

/** One spelling per value: what is signed and hashed is exactly what is parsed and shown. */
export const canonicalJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** minisign's trusted comment for a manifest, so the signed comment names package and recipient. */
export function trustedCommentFor(m: SummaryManifest): string {
  return [
    `timestamp:${Math.floor(Date.parse(m.created) / 1000)}`,
    `file:${PATHS.manifest}`,
    'hashed',
    `package:${m.packageId}`,
    `recipient:${m.recipient.fingerprint}`,
  ].join('\t');
}

/** The authority a summary names, as consent.json carries it. */
export const authorityOf = (s: CaseSummary): Authority => (s.consent ?? s.override) as Authority;

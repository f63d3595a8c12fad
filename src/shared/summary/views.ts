import { z } from 'zod';
import { ConsentPurpose, DataCategory, GdprLegalBasis, RecipientCategory } from '../cases/codes';
import { CaseId, IsoDate, ItemId } from '../cases/schemas';
import { ErrorCodeSchema } from '../errors';
import { Language, Passphrase, UserName } from '../vault';

/**
 * What the desktop screens send and receive for case summaries and the key directory. Core
 * has richer types (keys as Buffers, whole consent records); these carry only what a screen
 * shows, so no more case data than needed crosses IPC.
 */

const Uuid = z.uuid();
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/u);
const Fingerprint = z.string().regex(/^\d{5}( \d{5}){7}$/u);
const Text = z.string().max(20_000);

export const SummaryRecipientView = z.strictObject({
  institution: z.string().max(200),
  category: RecipientCategory,
  fingerprint: Fingerprint,
});
export type SummaryRecipientView = z.infer<typeof SummaryRecipientView>;

// ---------------------------------------------------------------------------------------------
// Key directory

export const RecipientView = z.strictObject({
  id: Uuid,
  institution: z.string().max(200),
  category: RecipientCategory,
  person: z.string().max(200).nullable(),
  fingerprint: Fingerprint,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  state: z.enum(['verified', 'unverified']),
  keyChanged: z.boolean(),
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedHow: z.enum(['fingerprint', 'directory']).nullable(),
  source: z.enum(['manual', 'directory']),
  withdrawn: z.boolean(),
  /** Null when a summary may be encrypted to it now; otherwise the code saying why not. */
  blockedBy: ErrorCodeSchema.nullable(),
});
export type RecipientView = z.infer<typeof RecipientView>;

export const DirectoryView = z.strictObject({
  recipients: z.array(RecipientView).max(10_000),
  installed: z
    .strictObject({ version: z.number().int(), issuer: z.string(), issuedAt: z.string(), installedAt: z.string() })
    .nullable(),
  /** Supervisors and administrators add, verify and import; caseworkers only choose. */
  canManage: z.boolean(),
});
export type DirectoryView = z.infer<typeof DirectoryView>;

/** A recipient typed in by hand: the keys as the institution's Sauga prints them. */
export const AddRecipientInput = z.strictObject({
  institution: z.string().trim().min(1).max(200),
  category: RecipientCategory,
  person: z.string().trim().min(1).max(200).nullable().optional(),
  ageRecipient: z.string().trim().min(1).max(100),
  ed25519PublicKey: z.string().trim().min(1).max(100),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
});
export type AddRecipientInput = z.infer<typeof AddRecipientInput>;

export const VerifyRecipientInput = z.strictObject({ id: Uuid, fingerprint: z.string().max(200) });

export const DirectoryImportView = z.strictObject({
  version: z.number().int(),
  issuer: z.string(),
  added: z.number().int(),
  updated: z.number().int(),
  keyChanged: z.number().int(),
  withdrawn: z.number().int(),
  unchanged: z.number().int(),
});
export type DirectoryImportView = z.infer<typeof DirectoryImportView>;

// ---------------------------------------------------------------------------------------------
// Composing, drafts, approval

export const ComposeInput = z.strictObject({
  caseId: CaseId,
  /** A directory entry's stable id; core resolves it and refuses one that cannot be sent to. */
  recipientId: Uuid,
  purpose: ConsentPurpose,
  /** The caseworker's local date: the consent must be in force on it. */
  today: IsoDate,
  categories: z.array(DataCategory).min(1).max(20).nullable().optional(),
  /** No consent covers it: `categories` is the proposal two supervisors must override for. */
  withoutConsent: z.literal(true).optional(),
});
export type ComposeInput = z.infer<typeof ComposeInput>;

export const OMISSION_REASONS = [
  'NOT_CONSENTED',
  'NOT_REQUESTED',
  'WITHHELD',
  'OTHER_PEOPLE',
  'NEVER_DISCLOSED',
  'INCOMPLETE',
] as const;
export const OmissionReasonView = z.enum(OMISSION_REASONS);
export type OmissionReasonView = z.infer<typeof OmissionReasonView>;

const LabelView = z.strictObject({ lt: z.string().max(300), en: z.string().max(300) });

export const PreviewSection = z.strictObject({
  key: z.string().max(100),
  label: LabelView,
  fields: z.array(
    z.strictObject({
      key: z.string().max(100),
      label: LabelView,
      value: z.union([Text, z.array(Text).max(1000)]),
    }),
  ),
});
export type PreviewSection = z.infer<typeof PreviewSection>;

/** Exactly what the package would carry, and what is left out and why (never the values). */
export const SummaryPreview = z.strictObject({
  id: Uuid,
  caseId: CaseId,
  caseCode: z.string(),
  composedAt: z.string(),
  composedBy: z.string(),
  recipient: SummaryRecipientView,
  purpose: ConsentPurpose,
  basis: z.enum(['consent', 'override']),
  consent: z
    .strictObject({ id: ItemId, givenOn: IsoDate, expiresOn: IsoDate.nullable(), formVersion: z.string().nullable() })
    .nullable(),
  categories: z.array(DataCategory),
  /** The `group.field` keys that go. */
  fields: z.array(z.string().max(100)).max(1000),
  sections: z.array(PreviewSection).max(100),
  omitted: z.strictObject({
    categories: z.array(z.strictObject({ category: DataCategory, reason: OmissionReasonView })),
    fields: z
      .array(
        z.strictObject({
          field: z.string(),
          category: z.union([DataCategory, z.literal('NEVER')]),
          reason: OmissionReasonView,
        }),
      )
      .max(5000),
  }),
});
export type SummaryPreview = z.infer<typeof SummaryPreview>;

export const DRAFT_STATUSES = ['draft', 'pending_approval', 'needs_override', 'approved', 'sent', 'cancelled'] as const;

export const DraftView = z.strictObject({
  id: Uuid,
  status: z.enum(DRAFT_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  requestedAt: z.string().nullable(),
  requestedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  legalBasis: z.string().nullable(),
  secondApprover: z.string().nullable(),
  preview: SummaryPreview,
  /** May be exported now under the organisation's rule. */
  sendable: z.boolean(),
  /** The package file's name: it names the summary, never the person. */
  fileName: z.string().nullable(),
});
export type DraftView = z.infer<typeof DraftView>;

export const SummarySettings = z.strictObject({ approvalRequired: z.boolean() });

export const DraftRef = z.strictObject({ draftId: Uuid });

export const OverrideRequest = z.strictObject({
  draftId: Uuid,
  legalBasis: z.union([GdprLegalBasis, z.string().trim().min(1).max(500)]),
  /** The second supervisor proves presence by unlocking with their own passphrase here. */
  secondApprover: z.strictObject({ userName: UserName, passphrase: Passphrase }),
});

export const ExportRequest = z.strictObject({ draftId: Uuid, language: Language });

export const DisclosureView = z.strictObject({
  id: Uuid,
  draftId: Uuid,
  packageId: Uuid,
  sha256: Sha256,
  recipient: z.strictObject({ institution: z.string(), category: RecipientCategory, fingerprint: z.string() }),
  purpose: ConsentPurpose,
  categories: z.array(DataCategory),
  fieldCount: z.number().int().min(0),
  consentId: ItemId.nullable(),
  legalBasis: z.string().nullable(),
  approvedBy: z.string().nullable(),
  secondApprover: z.string().nullable(),
  sentAt: z.string(),
  sentBy: z.string(),
});
export type DisclosureView = z.infer<typeof DisclosureView>;

export const SummaryExportResult = z.union([
  z.strictObject({ saved: z.literal(false) }),
  z.strictObject({ saved: z.literal(true), fileName: z.string(), sha256: Sha256, disclosure: DisclosureView }),
]);
export type SummaryExportResult = z.infer<typeof SummaryExportResult>;

// ---------------------------------------------------------------------------------------------
// The installation (NGO or recipient) and the recipient's inbox

export const InstallationView = z.union([
  z.strictObject({ role: z.literal('ngo') }),
  z.strictObject({
    role: z.literal('recipient'),
    institution: z.string(),
    category: RecipientCategory,
    fingerprint: Fingerprint,
  }),
]);
export type InstallationView = z.infer<typeof InstallationView>;

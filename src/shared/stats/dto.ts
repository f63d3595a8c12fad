import { z } from 'zod';
import { CellStatus, Dimension, DisclosureParams, Period, TableId } from './model';

/**
 * What the statistics screen receives over IPC. Inside the NGO a supervisor already sees every
 * case, so the preview carries true values beside the status each cell will leave with.
 */

export const SuppressionReason = z.enum([
  /** 1..k-1 persons. */
  'threshold',
  /** A service cell with fewer than k distinct persons behind it. */
  'few-persons',
  /** A zero that would tell that all but at most one member of a group share an attribute. */
  'revealing-zero',
  /** Hidden so that a primary cell cannot be worked out from totals. */
  'linked',
  /** Hidden because of what an earlier, overlapping return published. */
  'revision',
]);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

export const PreviewCell = z.strictObject({
  table: TableId,
  dims: z.partialRecord(Dimension, z.string().max(20)),
  value: z.number().int().min(0),
  status: CellStatus,
  reason: SuppressionReason.nullable(),
});
export type PreviewCell = z.infer<typeof PreviewCell>;

export const AuditFinding = z.strictObject({
  table: TableId,
  dims: z.partialRecord(Dimension, z.string().max(20)),
  /** Which attacker pins the cell: one who knows only the published values and the table
   * relations, one who also knows the suppression rule, or a person who knows their own cell. */
  attacker: z.enum(['relations', 'rule', 'own-cell', 'revision']),
  low: z.number(),
  high: z.number(),
});
export type AuditFinding = z.infer<typeof AuditFinding>;

export const AuditVerdict = z.strictObject({
  ok: z.boolean(),
  /** Cells whose feasible range is too narrow; empty when ok. */
  findings: z.array(AuditFinding).max(10_000),
  /** Linear programmes solved (two per suppressed cell and attacker). */
  programmes: z.number().int().min(0),
});
export type AuditVerdict = z.infer<typeof AuditVerdict>;

export const PreviewInput = z.strictObject({ period: Period, params: DisclosureParams.optional() });
export type PreviewInput = z.infer<typeof PreviewInput>;

export const ReturnPreview = z.strictObject({
  period: Period,
  params: DisclosureParams,
  /** Cases that fall in the period (and, with consentedOnly, have consent) / persons counted. */
  cases: z.number().int().min(0),
  cells: z.array(PreviewCell).max(10_000),
  audit: AuditVerdict,
  /** Earlier returns of overlapping periods audited together with this one. */
  overlapping: z.array(z.strictObject({ sequence: z.number().int().min(1), period: Period })).max(1000),
});
export type ReturnPreview = z.infer<typeof ReturnPreview>;

export const ExportInput = PreviewInput;
export type ExportInput = z.infer<typeof ExportInput>;

export const ExportedReturn = z.strictObject({
  packageId: z.uuid(),
  sequence: z.number().int().min(1),
  period: Period,
  params: DisclosureParams,
  createdAt: z.iso.datetime(),
  createdBy: z.string().max(200),
  /** The package this one replaces (a revised return for the same period), if any. */
  replaces: z.uuid().nullable(),
  /** SHA-256 of the whole package file, hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: z.string().max(255),
});
export type ExportedReturn = z.infer<typeof ExportedReturn>;

/** Result of an export: saved, or the user closed the save dialog (nothing written or logged). */
export const ExportResult = z.discriminatedUnion('saved', [
  z.strictObject({ saved: z.literal(true), exported: ExportedReturn }),
  z.strictObject({ saved: z.literal(false) }),
]);
export type ExportResult = z.infer<typeof ExportResult>;

export const SigningKeyInfo = z.strictObject({
  /** minisign key id, 16 hex digits. */
  keyId: z.string().regex(/^[0-9A-F]{16}$/),
  /** SHA-256 of the raw public key, as 8 groups of 5 digits for reading aloud. */
  fingerprint: z.string().max(100),
  /** The two lines of a minisign public key file. */
  minisignPublicKey: z.string().max(500),
  createdAt: z.iso.datetime(),
  organisation: z.string().max(200),
});
export type SigningKeyInfo = z.infer<typeof SigningKeyInfo>;

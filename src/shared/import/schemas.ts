import { z } from 'zod';

/**
 * Importing case records from a spreadsheet (docs/import.md). Every importable field is one
 * flat key here; core knows where each lands in the case record and how its value is read.
 */
export const IMPORT_FIELDS = [
  'openedOn',
  'givenNames',
  'familyNames',
  'aliases',
  'dateOfBirth',
  'estimatedAge',
  'sex',
  'gender',
  'citizenships',
  'languages',
  'interpreterNeeded',
  'phone',
  'email',
  'address',
  'victimStatus',
  'firstIdentifier',
  'firstContactOn',
  'decidedOn',
  'exploitationForms',
  'traffickingType',
  'recruiterRelationship',
  'exploitationFrom',
  'exploitationTo',
  'experienceSummary',
  'flags',
  'managementNote',
  'owner',
  'note',
] as const;
export const ImportField = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportField>;

/** The one field every row needs: a case cannot be opened without its opening date. */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['openedOn'];

export const IMPORT_LIMITS = {
  /** The file on disk; checked before a byte is read. */
  fileBytes: 50 * 1024 * 1024,
  /** All parts of an XLSX once unpacked, declared and counted while inflating. */
  unpackedBytes: 200 * 1024 * 1024,
  /** One XLSX part once unpacked. */
  partBytes: 150 * 1024 * 1024,
  /** Unpacked to packed size of one XLSX part; real sheets stay far below, bombs far above. */
  ratio: 200,
  zipEntries: 1000,
  rows: 100_000,
  columns: 200,
  cellChars: 20_000,
  headerChars: 200,
  sharedStrings: 2_000_000,
} as const;

const Header = z.string().min(1).max(IMPORT_LIMITS.headerChars);
/** A value as it appears in the file, trimmed; matched without case and diacritics. */
const SourceValue = z.string().max(IMPORT_LIMITS.headerChars);

/**
 * A reusable mapping: which column feeds which field, and which spreadsheet values stand for
 * which codes. Saved in the vault under a name, or as a JSON file for the CLI.
 */
export const MappingProfile = z.strictObject({
  format: z.literal('sauga-import-mapping'),
  version: z.literal(1),
  name: z.string().trim().min(1).max(100),
  /** Header text of the column → field; a column not listed is ignored. */
  columns: z.array(z.strictObject({ header: Header, field: ImportField })).max(IMPORT_LIMITS.columns),
  /** Per field: spreadsheet value → code, applied before the built-in label matching. */
  values: z
    .array(
      z.strictObject({
        field: ImportField,
        value: SourceValue,
        code: z.string().min(1).max(64),
      }),
    )
    .max(5000)
    .default([]),
  /** Separator of list fields (citizenships, languages, forms, aliases, flags). */
  listSeparator: z.enum([';', ',', '|']).default(';'),
});
export type MappingProfile = z.infer<typeof MappingProfile>;
export type MappingProfileInput = z.input<typeof MappingProfile>;

export const IMPORT_PROBLEMS = [
  'required',
  'invalid',
  'unknownValue',
  'dateInvalid',
  'tooLong',
  'notNumber',
  'formula',
  'unknownOwner',
  'duplicateExisting',
  'duplicateInFile',
  'record',
] as const;
export const ImportProblemKind = z.enum(IMPORT_PROBLEMS);
export type ImportProblemKind = z.infer<typeof ImportProblemKind>;

/**
 * Warnings let the import go on: possible duplicates, and formula cells (their cached value is
 * taken as text, never recalculated). Every other problem blocks the import.
 */
export const WARNING_PROBLEMS: readonly ImportProblemKind[] = ['duplicateExisting', 'duplicateInFile', 'formula'];

export const ImportProblem = z.strictObject({
  /** The row as the spreadsheet numbers it (the header is row 1). */
  row: z.number().int().min(1),
  /** The header of the column, or the field when no single column is to blame. */
  column: z.string(),
  value: z.string(),
  problem: ImportProblemKind,
  /** A translation key or case codes (duplicates, for supervisors only), never names. */
  detail: z.string().nullable(),
});
export type ImportProblem = z.infer<typeof ImportProblem>;

export const DryRunReport = z.strictObject({
  rows: z.number().int(),
  /** Rows that would be imported as they are. */
  ready: z.number().int(),
  /** Rows with at least one blocking problem. */
  blocked: z.number().int(),
  warnings: z.number().int(),
  problems: z.array(ImportProblem),
  /** True when the report stopped listing problems (the counts are still complete). */
  truncated: z.boolean(),
});
export type DryRunReport = z.infer<typeof DryRunReport>;

export const ImportResult = z.strictObject({
  batchId: z.uuid(),
  cases: z.number().int(),
  firstCode: z.string().nullable(),
  lastCode: z.string().nullable(),
  warnings: z.number().int(),
});
export type ImportResult = z.infer<typeof ImportResult>;

export const ImportBatch = z.strictObject({
  id: z.uuid(),
  importedAt: z.string(),
  importedBy: z.string(),
  /** SHA-256 of the file name (never the name or the content): tells batches of one file apart. */
  fileNameHash: z.string(),
  fileKind: z.enum(['xlsx', 'csv']),
  profileName: z.string(),
  cases: z.number().int(),
  undoneAt: z.string().nullable(),
  undoneBy: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof ImportBatch>;

export const ValueSuggestion = z.strictObject({
  field: ImportField,
  value: z.string(),
  /** The suggested code, or null when nothing matched (the user must choose). */
  code: z.string().nullable(),
  rows: z.number().int(),
});
export type ValueSuggestion = z.infer<typeof ValueSuggestion>;

/** A file picked for import, as read (the rows stay in main's memory, never in the renderer). */
export const PickedSpreadsheet = z.strictObject({
  kind: z.enum(['xlsx', 'csv']),
  rows: z.number().int(),
  headers: z.array(z.string()).max(IMPORT_LIMITS.columns),
  suggestion: MappingProfile,
  values: z.array(ValueSuggestion),
});
export type PickedSpreadsheet = z.infer<typeof PickedSpreadsheet>;

export const UndoResult = z.strictObject({ batchId: z.uuid(), cases: z.number().int(), compacted: z.boolean() });
export type UndoResult = z.infer<typeof UndoResult>;

import { z } from 'zod';
import { DisclosureParams, Period } from '../../../shared/stats/model';

/**
 * manifest.json of a statistics return (docs/stats-package.md). Strict everywhere: an unknown
 * field is a different format, not something to ignore.
 */

export const PACKAGE_FORMAT = 'sauga-stats-return';
export const PACKAGE_FORMAT_VERSION = 1;
export const PACKAGE_MIMETYPE = 'application/vnd.sauga.stats+zip';

export const PATHS = {
  mimetype: 'mimetype',
  manifest: 'manifest.json',
  signature: 'manifest.json.sig',
  observations: 'data/observations.csv',
  dataValueSet: 'data/datavalueset.json',
  tables: 'data/tables.xlsx',
  report: 'report.html',
  sdcReport: 'sdc/report.json',
} as const;

/** Every file the manifest lists, in archive order (the manifest and its signature list nothing). */
export const LISTED_PATHS = [
  PATHS.mimetype,
  PATHS.observations,
  PATHS.dataValueSet,
  PATHS.tables,
  PATHS.report,
  PATHS.sdcReport,
] as const;

/** The whole archive, in order: mimetype first so `file` and friends can sniff it. */
export const ARCHIVE_PATHS = [
  PATHS.mimetype,
  PATHS.manifest,
  PATHS.signature,
  PATHS.observations,
  PATHS.dataValueSet,
  PATHS.tables,
  PATHS.report,
  PATHS.sdcReport,
] as const;

const IsoDate = z.iso.date();
const Hex64 = z.string().regex(/^[0-9a-f]{64}$/u);
export const KeyIdHex = z.string().regex(/^[0-9A-F]{16}$/u);
const Text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/u.test(s));

const periodExtra = { code: z.string().regex(/^\d{4}(-Q[1-4]|-\d{2})?$/u), from: IsoDate, to: IsoDate };
export const ManifestPeriod = z.discriminatedUnion('kind', [
  Period.options[0].extend(periodExtra),
  Period.options[1].extend(periodExtra),
  Period.options[2].extend(periodExtra),
]);
export type ManifestPeriod = z.infer<typeof ManifestPeriod>;

export const ManifestFile = z.strictObject({
  path: z.enum(LISTED_PATHS),
  size: z
    .number()
    .int()
    .min(0)
    .max(64 * 1024 * 1024),
  sha256: Hex64,
});
export type ManifestFile = z.infer<typeof ManifestFile>;

// The engine describes each step in a sentence or two; the limit only bounds hostile input.
export const SdcMethod = z.strictObject({
  primary: Text(2000),
  secondary: Text(2000),
  audit: Text(2000),
  solver: Text(2000),
});
export type SdcMethod = z.infer<typeof SdcMethod>;

export const Manifest = z.strictObject({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  packageId: z.uuid(),
  replaces: z.uuid().nullable(),
  organisation: z.strictObject({ name: Text(200), signingKeyId: KeyIdHex }),
  period: ManifestPeriod,
  sequence: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  created: z.iso.datetime(),
  software: z.strictObject({ name: z.literal('Sauga'), version: Text(50) }),
  disclosureControl: z.strictObject({
    params: DisclosureParams,
    method: SdcMethod,
    // An export whose audit failed is never written, so a package that says otherwise is forged or broken.
    audit: z.strictObject({ ok: z.literal(true), programmes: z.number().int().min(0) }),
  }),
  auditChainHead: z.strictObject({ seq: z.number().int().min(0), mac: Hex64 }),
  files: z.array(ManifestFile).length(LISTED_PATHS.length),
});
export type Manifest = z.infer<typeof Manifest>;

export const SdcReport = z.strictObject({
  format: z.literal('sauga-sdc-report'),
  formatVersion: z.literal(1),
  method: SdcMethod,
  params: DisclosureParams,
  audit: z.strictObject({ ok: z.literal(true), programmes: z.number().int().min(0) }),
  cells: z.strictObject({
    total: z.number().int().min(0),
    published: z.number().int().min(0),
    primary: z.number().int().min(0),
    secondary: z.number().int().min(0),
  }),
  suppressedByReason: z.strictObject({
    threshold: z.number().int().min(0),
    'few-persons': z.number().int().min(0),
    'revealing-zero': z.number().int().min(0),
    linked: z.number().int().min(0),
    revision: z.number().int().min(0),
  }),
  notes: z.array(Text(500)).max(20),
});
export type SdcReport = z.infer<typeof SdcReport>;

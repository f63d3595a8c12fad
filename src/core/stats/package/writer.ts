import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { SuppressionReason } from '../../../shared/stats/dto';
import { DisclosureParams, Period, periodCode, periodRange, PublishedCell } from '../../../shared/stats/model';
import type { AuditHead } from '../../audit/chain';
import type { SdcResult } from '../sdc/types';
import { canonicalCells, keyOf } from './cells';
import { dataValueSet, dataValueSetJson, observationsCsv } from './formats';
import {
  LISTED_PATHS,
  Manifest,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PACKAGE_MIMETYPE,
  PATHS,
  SdcReport,
  type ManifestFile,
} from './manifest';
import type { PackageSigner } from './signingKey';
import { tablesWorkbook } from './xlsx';
import { writeCanonicalZip } from './zip';

export interface StatsPackageInput {
  packageId: string;
  replaces: string | null;
  organisation: string;
  period: Period;
  sequence: number;
  created: Date;
  softwareVersion: string;
  params: DisclosureParams;
  /** What leaves the NGO: value null for every suppressed cell. */
  cells: readonly PublishedCell[];
  /** The engine's verdict: statuses and reasons per cell, audit, method names. Findings are never written. */
  sdc: Pick<SdcResult, 'cells' | 'audit' | 'method'>;
  auditChainHead: AuditHead;
  /** The readable report, produced elsewhere; written as given. */
  reportHtml: string;
  signer: PackageSigner;
}

export interface WrittenPackage {
  bytes: Uint8Array;
  manifest: Manifest;
  /** SHA-256 of the whole package file, hex. */
  sha256: string;
}

const Head = z.strictObject({
  packageId: z.uuid(),
  replaces: z.uuid().nullable(),
  organisation: z.string().min(1).max(200),
  period: Period,
  sequence: z.number().int().min(1),
  softwareVersion: z.string().min(1).max(50),
  params: DisclosureParams,
  cells: z.array(PublishedCell).max(10_000),
});

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

const NOTES = [
  'PERS counts distinct persons assisted by this organisation in the period; SERV counts services rendered.',
  'T4 and T6: a person with several forms of exploitation or several kinds of service counts under each.',
  'Suppressed cells carry no value anywhere in this package; only counts of suppressed cells by reason are given.',
];

function sdcReport(input: StatsPackageInput, cells: readonly PublishedCell[]): SdcReport {
  const reasons = new Map(input.sdc.cells.map((c) => [c.key, c.reason]));
  const byReason: Record<SuppressionReason, number> = {
    threshold: 0,
    'few-persons': 0,
    'revealing-zero': 0,
    linked: 0,
    revision: 0,
  };
  for (const c of cells) {
    if (c.status === 'published') continue;
    const reason = reasons.get(keyOf(c)) ?? (c.status === 'primary' ? 'threshold' : 'linked');
    byReason[reason]++;
  }
  return {
    format: 'sauga-sdc-report',
    formatVersion: 1,
    method: input.sdc.method,
    params: input.params,
    audit: { ok: true, programmes: input.sdc.audit.programmes },
    cells: {
      total: cells.length,
      published: cells.filter((c) => c.status === 'published').length,
      primary: cells.filter((c) => c.status === 'primary').length,
      secondary: cells.filter((c) => c.status === 'secondary').length,
    },
    suppressedByReason: byReason,
    notes: NOTES,
  };
}

/**
 * Builds the signed return (docs/stats-package.md). Refuses, as a programming error, anything
 * that could carry a suppressed value or a failed audit. Same input, same bytes.
 */
export async function writeStatsPackage(input: StatsPackageInput): Promise<WrittenPackage> {
  const head = Head.parse({
    packageId: input.packageId,
    replaces: input.replaces,
    organisation: input.organisation,
    period: input.period,
    sequence: input.sequence,
    softwareVersion: input.softwareVersion,
    params: input.params,
    cells: input.cells,
  });
  if (!input.sdc.audit.ok) throw new Error('the disclosure audit failed: nothing may be written');
  const cells = canonicalCells(head.cells);
  const engine = new Map(input.sdc.cells.map((c) => [c.key, c.status]));
  for (const c of cells) {
    if (engine.get(keyOf(c)) !== c.status) throw new Error(`cell ${keyOf(c)} does not have the engine's status`);
  }

  const code = periodCode(head.period);
  const created = input.created.toISOString();
  const files: Record<(typeof LISTED_PATHS)[number], Uint8Array> = {
    [PATHS.mimetype]: utf8(PACKAGE_MIMETYPE),
    [PATHS.observations]: utf8(observationsCsv(cells, code)),
    [PATHS.dataValueSet]: utf8(
      dataValueSetJson(
        dataValueSet(cells, {
          period: head.period,
          organisation: head.organisation,
          completeDate: created.slice(0, 10),
        }),
      ),
    ),
    [PATHS.tables]: await tablesWorkbook(cells, { periodCode: code, organisation: head.organisation }),
    [PATHS.report]: utf8(input.reportHtml),
    [PATHS.sdcReport]: utf8(`${JSON.stringify(SdcReport.parse(sdcReport(input, cells)), null, 2)}\n`),
  };
  const listed: ManifestFile[] = LISTED_PATHS.map((path) => ({
    path,
    size: files[path].length,
    sha256: sha256(files[path]),
  }));
  const manifest = Manifest.parse({
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: head.packageId,
    replaces: head.replaces,
    organisation: { name: head.organisation, signingKeyId: input.signer.keyId },
    period: { ...head.period, code, ...periodRange(head.period) },
    sequence: head.sequence,
    created,
    software: { name: 'Sauga', version: head.softwareVersion },
    disclosureControl: {
      params: head.params,
      method: input.sdc.method,
      audit: { ok: true, programmes: input.sdc.audit.programmes },
    },
    auditChainHead: input.auditChainHead,
    files: listed,
  } satisfies Manifest);
  const manifestBytes = utf8(`${JSON.stringify(manifest, null, 2)}\n`);
  const trustedComment = [
    `timestamp:${Math.floor(input.created.getTime() / 1000)}`,
    'file:manifest.json',
    'hashed',
    `package:${manifest.packageId}`,
    `sequence:${manifest.sequence}`,
  ].join('\t');
  const signature = utf8(input.signer.sign(manifestBytes, trustedComment));

  // Every entry stored: deflate streams are malleable (a changed byte can inflate to the same
  // content), so only stored entries make every byte of the archive a header the verifier
  // pins or content a signed hash covers. The workbook is compressed inside already.
  const bytes = writeCanonicalZip(
    [
      { path: PATHS.mimetype, data: files[PATHS.mimetype] },
      { path: PATHS.manifest, data: manifestBytes },
      { path: PATHS.signature, data: signature },
      ...LISTED_PATHS.filter((p) => p !== PATHS.mimetype).map((path) => ({ path, data: files[path] })),
    ].map((e) => ({ ...e, stored: true })),
  );
  return { bytes, manifest, sha256: sha256(bytes) };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import {
  DIMENSIONS,
  TABLES,
  cellKey,
  type CellDims,
  type Dimension,
  type PublishedCell,
} from '../../../shared/stats/model';
import { tableRelations } from '../relations';
import { keyOf } from './cells';
import {
  categoryOptionComboUid,
  dataElementUid,
  DataValueSet,
  DHIS2_DATASET,
  dhis2Period,
  orgUnitUid,
  parseJson,
  parseObservationsCsv,
} from './formats';
import { ARCHIVE_PATHS, Manifest, PACKAGE_MIMETYPE, PATHS, SdcReport } from './manifest';
import { keyIdHex, parseSignature, untrustedCommentFor, verifyMinisign } from './minisign';
import type { ReceivedPackage, TrustedKey } from './trust';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip';

/**
 * Reasons a package is refused, in the order they are checked (security.md, "Verifying any
 * incoming file"). Stable codes: the CLI prints them and a ministry may script on them.
 */
export const REJECT_REASONS = [
  'size-limit',
  'zip-bomb',
  'malformed-archive',
  'unsafe-path',
  'duplicate-entry',
  'link-entry',
  'unexpected-entry',
  'missing-entry',
  'mimetype',
  'signature-malformed',
  'unknown-key',
  'bad-signature',
  'manifest-invalid',
  'wrong-organisation',
  'file-list-mismatch',
  'hash-mismatch',
  'replay',
  'audit-chain-regressed',
  'bad-replacement',
  'inconsistent',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

export const LIMITS = {
  package: 16 * 1024 * 1024,
  entries: 64,
  total: 48 * 1024 * 1024,
  ratio: 200,
  entry: {
    [PATHS.mimetype]: PACKAGE_MIMETYPE.length,
    [PATHS.manifest]: 64 * 1024,
    [PATHS.signature]: 2048,
    [PATHS.observations]: 4 * 1024 * 1024,
    [PATHS.dataValueSet]: 4 * 1024 * 1024,
    [PATHS.tables]: 8 * 1024 * 1024,
    [PATHS.report]: 16 * 1024 * 1024,
    [PATHS.sdcReport]: 64 * 1024,
  } as Record<string, number>,
  otherEntry: 1024 * 1024,
};

export interface VerifiedPackage {
  ok: true;
  manifest: Manifest;
  /** Every cell in canonical order; value null when suppressed. */
  cells: PublishedCell[];
  signedBy: { organisation: string; keyId: string };
  trustedComment: string;
  /** SHA-256 of the whole package file, hex. */
  sha256: string;
  /** The record to keep so the same package, or an older one, is refused next time. */
  received: ReceivedPackage;
}
export type Rejected = { ok: false; reason: RejectReason; detail: string };
export type VerifyResult = VerifiedPackage | Rejected;

export interface VerifyOptions {
  trustedKeys: readonly TrustedKey[];
  received: readonly ReceivedPackage[];
  now?: () => Date;
}

const reject = (reason: RejectReason, detail: string): Rejected => ({ ok: false, reason, detail });
const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const decoder = new TextDecoder('utf-8', { fatal: true });

function text(b: Uint8Array): string | null {
  try {
    return decoder.decode(b);
  } catch {
    return null;
  }
}

/**
 * Checks a statistics return before anything of it is used or stored. Never throws on hostile
 * input: every failure is a reason code and a data-free detail.
 */
export function verifyStatsPackage(bytes: Uint8Array, o: VerifyOptions): VerifyResult {
  try {
    return verify(bytes, o);
  } catch {
    return reject('malformed-archive', 'the package could not be read');
  }
}

function verify(bytes: Uint8Array, o: VerifyOptions): VerifyResult {
  // 1. Size limits, from what the archive declares, before anything is inflated.
  if (bytes.length > LIMITS.package) return reject('size-limit', `the package is over ${LIMITS.package} bytes`);
  const dir = readZipDirectory(bytes, {
    maxEntries: LIMITS.entries,
    maxEntrySize: (name) => LIMITS.entry[name] ?? LIMITS.otherEntry,
    maxTotalSize: LIMITS.total,
    maxRatio: LIMITS.ratio,
  });
  if (!dir.ok) return reject(dir.reason, dir.detail);

  // 2. Archive entries: exactly the files of the format, mimetype first, stored and exact.
  const names = dir.entries.map((e) => e.name);
  const unexpected = names.find((n) => !(ARCHIVE_PATHS as readonly string[]).includes(n));
  if (unexpected) return reject('unexpected-entry', `${unexpected} is not part of a statistics return`);
  const missing = ARCHIVE_PATHS.find((p) => !names.includes(p));
  if (missing) return reject('missing-entry', `${missing} is missing`);
  const entry = (path: string): ZipEntry => dir.entries.find((e) => e.name === path) as ZipEntry;
  const first = dir.entries[0] as ZipEntry;
  if (first.name !== PATHS.mimetype || first.method !== 0)
    return reject('mimetype', 'mimetype must be the first entry, stored');
  const mime = inflateEntry(bytes, first);
  if (!mime.ok || Buffer.from(mime.data).toString('latin1') !== PACKAGE_MIMETYPE)
    return reject('mimetype', `mimetype must read ${PACKAGE_MIMETYPE}`);
  // Sauga stores every entry (see writer.ts); a compressed one is not a package it wrote, and
  // refusing it means nothing is ever inflated.
  const compressed = dir.entries.find((e) => e.method !== 0);
  if (compressed) return reject('malformed-archive', `${compressed.name} is compressed; every entry must be stored`);

  // 3. Signature over the exact manifest bytes, by a pinned key.
  const manifestEntry = inflateEntry(bytes, entry(PATHS.manifest));
  if (!manifestEntry.ok)
    return reject(manifestEntry.reason === 'zip-bomb' ? 'zip-bomb' : 'bad-signature', manifestEntry.detail);
  const sigEntry = inflateEntry(bytes, entry(PATHS.signature));
  if (!sigEntry.ok) return reject(sigEntry.reason === 'zip-bomb' ? 'zip-bomb' : 'signature-malformed', sigEntry.detail);
  const sig = parseSignature(sigEntry.data);
  if (!sig) return reject('signature-malformed', 'manifest.json.sig is not a minisign signature');
  const keyId = keyIdHex(sig.keyId);
  if (sig.untrustedComment !== untrustedCommentFor(keyId))
    return reject('signature-malformed', 'manifest.json.sig does not carry the comment Sauga writes');
  const candidates = o.trustedKeys.filter((k) => k.keyId.equals(sig.keyId));
  if (candidates.length === 0) return reject('unknown-key', `signed by key ${keyId}, which is not registered`);
  const signer = candidates.find((k) => verifyMinisign(manifestEntry.data, sig, k));
  if (!signer) return reject('bad-signature', `the signature of manifest.json does not verify with key ${keyId}`);

  // 4. Strict parse of what was signed.
  const manifestText = text(manifestEntry.data);
  const json = manifestText === null ? null : parseJson(manifestText);
  if (!json?.ok) return reject('manifest-invalid', 'manifest.json is not UTF-8 JSON');
  const parsed = Manifest.safeParse(json.value);
  if (!parsed.success)
    return reject('manifest-invalid', `manifest.json: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const manifest = parsed.data;
  if (manifest.organisation.signingKeyId !== keyId)
    return reject('wrong-organisation', 'the manifest names another signing key than the one that signed it');
  if (manifest.organisation.name.normalize('NFC') !== signer.organisation)
    return reject('wrong-organisation', `key ${keyId} is registered for another organisation`);

  // 5. Every listed file: exactly the archive's other entries, with the signed size and hash.
  const listed = manifest.files.map((f) => f.path);
  const others = names.filter((n) => n !== PATHS.manifest && n !== PATHS.signature);
  if (
    new Set(listed).size !== listed.length ||
    listed.length !== others.length ||
    others.some((n) => !listed.includes(n as never))
  )
    return reject('file-list-mismatch', 'manifest.json does not list exactly the files of the archive');
  const contents = new Map<string, Uint8Array>();
  for (const f of manifest.files) {
    const e = entry(f.path);
    if (e.size !== f.size) return reject('hash-mismatch', `${f.path}: size differs from the manifest`);
    const got = inflateEntry(bytes, e);
    if (!got.ok) return reject(got.reason === 'zip-bomb' ? 'zip-bomb' : 'hash-mismatch', got.detail);
    if (!timingSafeEqual(sha256(got.data), Buffer.from(f.sha256, 'hex')))
      return reject('hash-mismatch', `${f.path}: SHA-256 differs from the manifest`);
    contents.set(f.path, got.data);
  }

  // 6. Replay: a package id once, sequence numbers and audit chain heads only ever growing.
  const organisation = signer.organisation;
  const fromOrg = o.received.filter((r) => r.organisation === organisation);
  if (o.received.some((r) => r.packageId === manifest.packageId))
    return reject('replay', `package ${manifest.packageId} was already received`);
  const lastSeq = Math.max(0, ...fromOrg.map((r) => r.sequence));
  if (manifest.sequence <= lastSeq)
    return reject(
      'replay',
      `sequence ${manifest.sequence} is not after ${lastSeq}, the last received from this organisation`,
    );
  const lastAudit = Math.max(-1, ...fromOrg.map((r) => r.auditSeq));
  if (manifest.auditChainHead.seq <= lastAudit)
    return reject(
      'audit-chain-regressed',
      `audit chain head ${manifest.auditChainHead.seq} does not extend ${lastAudit}`,
    );
  if (manifest.replaces !== null) {
    const replaced = o.received.find((r) => r.packageId === manifest.replaces);
    if (replaced && (replaced.organisation !== organisation || replaced.periodCode !== manifest.period.code))
      return reject('bad-replacement', 'the replaced package is of another organisation or period');
  }

  // 7. Internal consistency of the data files.
  const consistent = checkConsistency(manifest, contents);
  if (!consistent.ok) return reject('inconsistent', consistent.detail);

  const packageHash = sha256(bytes).toString('hex');
  return {
    ok: true,
    manifest,
    cells: consistent.cells,
    signedBy: { organisation, keyId },
    trustedComment: sig.trustedComment,
    sha256: packageHash,
    received: {
      packageId: manifest.packageId,
      organisation,
      keyId,
      sequence: manifest.sequence,
      periodCode: manifest.period.code,
      replaces: manifest.replaces,
      sha256: packageHash,
      auditSeq: manifest.auditChainHead.seq,
      auditMac: manifest.auditChainHead.mac,
      receivedAt: (o.now?.() ?? new Date()).toISOString(),
    },
  };
}

type Consistency = { ok: true; cells: PublishedCell[] } | { ok: false; detail: string };

function checkConsistency(manifest: Manifest, files: Map<string, Uint8Array>): Consistency {
  const csvText = text(files.get(PATHS.observations) as Uint8Array);
  if (csvText === null) return { ok: false, detail: 'observations.csv is not UTF-8' };
  const csv = parseObservationsCsv(csvText, manifest.period.code);
  if (!csv.ok) return csv;
  const cells = csv.value;

  const dvsText = text(files.get(PATHS.dataValueSet) as Uint8Array);
  const dvsJson = dvsText === null ? null : parseJson(dvsText);
  const dvs = dvsJson?.ok ? DataValueSet.safeParse(dvsJson.value) : null;
  if (!dvs?.success) return { ok: false, detail: 'datavalueset.json is not a DHIS2 dataValueSet' };
  const period = dhis2Period(manifest.period);
  const orgUnit = orgUnitUid(manifest.organisation.name);
  if (
    dvs.data.dataSet !== DHIS2_DATASET ||
    dvs.data.period !== period ||
    dvs.data.orgUnit !== orgUnit ||
    dvs.data.completeDate !== manifest.created.slice(0, 10)
  )
    return { ok: false, detail: 'datavalueset.json names another data set, period, organisation or date' };
  const expected = new Map<string, string>();
  for (const c of cells) {
    if (c.status === 'published')
      expected.set(`${dataElementUid(c.table)}/${categoryOptionComboUid(c.dims)}`, String(c.value));
  }
  if (dvs.data.dataValues.length !== expected.size)
    return { ok: false, detail: 'datavalueset.json and observations.csv publish a different number of values' };
  const seen = new Set<string>();
  for (const v of dvs.data.dataValues) {
    const k = `${v.dataElement}/${v.categoryOptionCombo}`;
    if (seen.has(k) || v.period !== period || v.orgUnit !== orgUnit || expected.get(k) !== v.value)
      return { ok: false, detail: 'datavalueset.json and observations.csv disagree on a published value' };
    seen.add(k);
  }

  const sdcText = text(files.get(PATHS.sdcReport) as Uint8Array);
  const sdcJson = sdcText === null ? null : parseJson(sdcText);
  const sdc = sdcJson?.ok ? SdcReport.safeParse(sdcJson.value) : null;
  if (!sdc?.success) return { ok: false, detail: 'sdc/report.json is not a disclosure control report' };
  const count = (s: PublishedCell['status']): number => cells.filter((c) => c.status === s).length;
  const r = sdc.data;
  const dc = manifest.disclosureControl;
  if (
    JSON.stringify(r.params) !== JSON.stringify(dc.params) ||
    JSON.stringify(r.method) !== JSON.stringify(dc.method) ||
    r.audit.programmes !== dc.audit.programmes ||
    r.cells.total !== cells.length ||
    r.cells.published !== count('published') ||
    r.cells.primary !== count('primary') ||
    r.cells.secondary !== count('secondary') ||
    Object.values(r.suppressedByReason).reduce((a, b) => a + b, 0) !== count('primary') + count('secondary')
  )
    return { ok: false, detail: 'sdc/report.json disagrees with the manifest or the cells' };

  const additive = checkAdditivity(cells) ?? checkRelations(cells);
  if (additive) return { ok: false, detail: additive };
  return { ok: true, cells };
}

/** The engine's relations (what any reader of the table definitions knows), where every term is published. */
function checkRelations(cells: readonly PublishedCell[]): string | null {
  const value = new Map(cells.map((c) => [keyOf(c), c.value]));
  for (const r of tableRelations()) {
    let sum = 0;
    let known = true;
    for (const t of r.terms) {
      const v = value.get(t.key);
      if (v === null || v === undefined) {
        known = false;
        break;
      }
      sum += t.coef * v;
    }
    if (known && (r.op === '=' ? sum !== 0 : sum < 0))
      return `the published values break a table relation (${r.terms[0]?.key ?? ''})`;
  }
  return null;
}

/** How codes add up within a dimension: VOT is identified + presumed, _T the sum of the rest. */
export const HIERARCHY: Record<Dimension, { total: string; parts: string[] }[]> = Object.fromEntries(
  (Object.keys(DIMENSIONS) as Dimension[]).map((d) => [
    d,
    d === 'VICTIM_STATUS'
      ? [
          { total: 'VOT', parts: ['VOT_IDENT', 'VOT_PRES'] },
          { total: '_T', parts: ['VOT', 'AT_RISK'] },
        ]
      : [{ total: '_T', parts: DIMENSIONS[d].filter((c) => c !== '_T') }],
  ]),
) as Record<Dimension, { total: string; parts: string[] }[]>;

/**
 * Totals must equal the sum of their parts wherever all of them are published; where a
 * person may count under several codes (multiCount), each part is at most the total. The
 * persons receiving a kind of service never outnumber those services. Only relations that hold
 * by definition of the tables are checked, so a correct return is never refused for a
 * modelling choice. Returns the first violation.
 */
export function checkAdditivity(cells: readonly PublishedCell[]): string | null {
  const value = new Map(cells.map((c) => [keyOf(c), c.value]));
  for (const c of cells) {
    const def = TABLES[c.table];
    for (const d of def.dims) {
      for (const h of HIERARCHY[d]) {
        if (c.dims[d] !== h.total) continue;
        const total = c.value;
        const parts = h.parts.map((p) => value.get(cellKey(c.table, { ...c.dims, [d]: p } as CellDims)));
        if (total === null || parts.some((p) => p === null || p === undefined)) {
          if (def.multiCount === d && total !== null && parts.some((p) => typeof p === 'number' && p > total))
            return `${keyOf(c)}: a part exceeds its total`;
          continue;
        }
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        if (def.multiCount === d ? parts.some((p) => (p as number) > total) : sum !== total)
          return `${keyOf(c)}: does not add up`;
      }
    }
    if (c.table === 'T6' && c.value !== null && c.dims.SERVICE !== '_T') {
      const services = value.get(cellKey('T7', c.dims));
      if (typeof services === 'number' && c.value > services) return `${keyOf(c)}: more persons than services`;
    }
  }
  return null;
}

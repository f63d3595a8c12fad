import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { cellKey, type PublishedCell } from '../../../shared/stats/model';
import type { SdcResult } from '../sdc/types';
import { allCells } from './cells';
import { Manifest, PATHS } from './manifest';
import { encodePublicKeyLine, generateRawKeyPair, keyIdHex, type RawKeyPair } from './minisign';
import { rawSigner, type PackageSigner } from './signingKey';
import { parseTrustedKeys, type TrustedKey } from './trust';
import { protect } from '../sdc';
import { cellsOf, problemOf, times, type SyntheticPerson } from '../sdc/testing';
import type { StatsPackageInput } from './writer';
import { inflateEntry, readZipDirectory } from './zip';

/** Test helpers: consistent synthetic cells, keys, and a raw zip builder for hostile archives. */

const hash = (s: string): number => createHash('sha256').update(s).digest().readUInt32BE(0);

/**
 * Cells whose true values satisfy every table relation (they are counted from synthetic persons),
 * with a stand-in suppression: 1..4 primary, and a fixed scattering of secondary cells.
 */
export function syntheticCells(scale = 1): PublishedCell[] {
  const values = new Map(cellsOf(crowd(scale)).map((c) => [c.key, c.value]));
  return allCells().map(({ table, dims, key }) => {
    const value = values.get(key) ?? 0;
    const primary = value > 0 && value < 5;
    const secondary = !primary && hash(`s:${key}`) % 9 === 0;
    const status = primary ? 'primary' : secondary ? 'secondary' : 'published';
    return { table, dims, value: status === 'published' ? value : null, status } as PublishedCell;
  });
}

export function sdcFor(cells: readonly PublishedCell[]): Pick<SdcResult, 'cells' | 'audit' | 'method'> {
  return {
    cells: cells.map((c) => ({
      key: cellKey(c.table, c.dims),
      status: c.status,
      reason: c.status === 'published' ? null : c.status === 'primary' ? 'threshold' : 'linked',
    })),
    audit: { ok: true, findings: [], programmes: 84 },
    method: { primary: 'threshold k', secondary: 'test stand-in', audit: 'interval LP', solver: 'none' },
  };
}

export interface TestOrg {
  name: string;
  pair: RawKeyPair;
  signer: PackageSigner;
  trusted: TrustedKey;
  publicKeyLine: string;
}

export function testOrg(name: string, seed: number): TestOrg {
  const pair = generateRawKeyPair(Buffer.alloc(8, seed));
  const publicKeyLine = encodePublicKeyLine(pair);
  const parsed = parseTrustedKeys([{ organisation: name, publicKey: publicKeyLine }]);
  if (!parsed.ok) throw new Error(parsed.detail);
  return {
    name,
    pair,
    signer: rawSigner(pair.secretKey, pair.keyId),
    trusted: parsed.value[0] as TrustedKey,
    publicKeyLine,
  };
}

export function packageInput(org: TestOrg, over: Partial<StatsPackageInput> = {}): StatsPackageInput {
  const cells = over.cells ?? syntheticCells();
  return {
    packageId: '6f1c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f',
    replaces: null,
    organisation: org.name,
    period: { kind: 'quarter', year: 2026, quarter: 1 },
    sequence: 1,
    created: new Date('2026-04-02T09:30:00.000Z'),
    softwareVersion: '0.1.0',
    params: { k: 5, consentedOnly: false },
    cells,
    sdc: sdcFor(cells),
    auditChainHead: { seq: 42, mac: 'ab'.repeat(32) },
    reportHtml: '<!doctype html><html lang="lt"><title>Ataskaita</title><p>Ataskaita / Report</p></html>\n',
    signer: org.signer,
    ...over,
  };
}

/** The files of a package (no checks beyond the zip layer), in archive order. */
export function unpack(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const dir = readZipDirectory(bytes, {
    maxEntries: 100,
    maxEntrySize: () => 1 << 30,
    maxTotalSize: 1 << 30,
    maxRatio: 1e9,
  });
  if (!dir.ok) throw new Error(dir.detail);
  return dir.entries.map((e) => {
    const r = inflateEntry(bytes, e);
    if (!r.ok) throw new Error(r.detail);
    return { name: e.name, data: r.data };
  });
}

export interface RawEntry {
  name: string;
  data: Uint8Array;
  stored?: boolean;
  externalAttrs?: number;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
}

/** A zip in the canonical layout but with whatever names, attributes and sizes a test wants. */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'latin1');
    const body = e.stored ? Buffer.from(e.data) : deflateRawSync(e.data);
    const fields = Buffer.alloc(26);
    fields.writeUInt16LE(20, 0);
    fields.writeUInt16LE(0, 2);
    fields.writeUInt16LE(e.stored ? 0 : 8, 4);
    fields.writeUInt16LE(0, 6);
    fields.writeUInt16LE(0x21, 8);
    fields.writeUInt32LE(crc32(e.data) >>> 0, 10);
    fields.writeUInt32LE(body.length, 14);
    fields.writeUInt32LE(e.declaredSize ?? e.data.length, 18);
    fields.writeUInt16LE(name.length, 22);
    fields.writeUInt16LE(0, 24);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), fields, name, body]);
    // comment length, disk start, internal attributes, external attributes, local header offset
    const tail = Buffer.alloc(14);
    tail.writeUInt32LE(e.externalAttrs ?? 0, 6);
    tail.writeUInt32LE(offset, 10);
    centrals.push(Buffer.concat([Buffer.from([0x50, 0x4b, 0x01, 0x02, 20, 0]), fields, tail, name]));
    locals.push(local);
    offset += local.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, eocd]));
}

/**
 * Rebuilds a package with changed files and a fresh, valid manifest signed by `signer`: what
 * an insider holding the key could produce. Used to reach the checks after the signature.
 */
export function resign(
  bytes: Uint8Array,
  signer: PackageSigner,
  change: (files: Map<string, Uint8Array>, manifest: Manifest) => Manifest | void,
  zip: (entries: RawEntry[]) => RawEntry[] = (e) => e,
): Uint8Array {
  const files = new Map(unpack(bytes).map((e) => [e.name, e.data]));
  const manifest = Manifest.parse(JSON.parse(Buffer.from(files.get(PATHS.manifest) as Uint8Array).toString('utf8')));
  const next = change(files, manifest) ?? manifest;
  const listed = next.files.map((f) => {
    const data = files.get(f.path);
    return data ? { ...f, size: data.length, sha256: createHash('sha256').update(data).digest('hex') } : f;
  });
  const manifestBytes = Buffer.from(`${JSON.stringify({ ...next, files: listed }, null, 2)}\n`);
  files.set(PATHS.manifest, manifestBytes);
  files.set(PATHS.signature, Buffer.from(signer.sign(manifestBytes, 'resigned')));
  return rawZip(zip([...files].map(([name, data]) => ({ name, data, stored: true }))));
}

export const keyIdOf = (org: TestOrg): string => keyIdHex(org.pair.keyId);

/** A crowd of synthetic persons, varied enough to give published, primary and secondary cells. */
export function crowd(scale = 1): SyntheticPerson[] {
  return [
    ...times(12 * scale, { status: 'VOT_IDENT', sex: 'F', services: { PSYCH: 2, HOUSING: 1 } }),
    ...times(7 * scale, {
      status: 'VOT_PRES',
      sex: 'M',
      age: 'Y_LT18',
      exploit: ['LAB_EXPL'],
      referral: 'NGO',
      services: { LEGAL: 1 },
    }),
    ...times(9 * scale, { status: 'AT_RISK', sex: 'F', exploit: [], referral: 'SELF', services: { SOCIAL: 3 } }),
    ...times(2, {
      status: 'VOT_IDENT',
      sex: 'M',
      exploit: ['BEGGING'],
      citizenship: 'NEU_FOR',
      services: { MEDICAL: 1 },
    }),
    ...times(6 * scale, {
      status: 'VOT_PRES',
      sex: 'F',
      citizenship: 'EU_FOR',
      exploit: ['SEX_EXPL', 'LAB_EXPL'],
      services: {},
    }),
  ];
}

/** Cells as the real engine leaves them: what an NGO would publish for these persons. */
export async function protectedReturn(
  persons: readonly SyntheticPerson[],
): Promise<{ cells: PublishedCell[]; sdc: Pick<SdcResult, 'cells' | 'audit' | 'method'> }> {
  const problem = problemOf(persons, { from: '2026-01-01', to: '2026-03-31' });
  const result = await protect(problem);
  const status = new Map(result.cells.map((c) => [c.key, c.status]));
  const cells = allCells().map(({ table, dims, key }) => {
    const st = status.get(key) ?? 'published';
    const value = problem.cells.find((c) => c.key === key)?.value ?? 0;
    return { table, dims, value: st === 'published' ? value : null, status: st } as PublishedCell;
  });
  return { cells, sdc: result };
}

import { crc32, inflateRawSync } from 'node:zlib';
import { zipSync, type ZipOptions } from 'fflate';

/**
 * The one zip layout Sauga writes and the only one it reads back: no comments, no extra fields,
 * no data descriptors, no zip64, fixed time stamps, zero attributes, entries packed back to
 * back and the central directory in the same order. Anything else is refused, so no byte of a
 * package can change without the verifier noticing, and standard `unzip` still reads it.
 */

/** 1980-01-01 00:00 as local time: fflate encodes DOS times from local fields, so any time zone gives the same bytes. */
export const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const DOS_TIME = 0x0000;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const VERSION = 20;

export interface ZipInput {
  path: string;
  data: Uint8Array;
  /** Stored (no compression): for `mimetype`, which must be readable at a fixed offset. */
  stored?: boolean;
}

/** `innerNames` allows the bracketed names of an XLSX part list; a package never needs them. */
export function writeCanonicalZip(entries: readonly ZipInput[], o: { innerNames?: boolean } = {}): Uint8Array {
  const files: Record<string, [Uint8Array, ZipOptions]> = {};
  for (const e of entries) {
    if (files[e.path]) throw new Error(`duplicate zip entry ${e.path}`);
    if (!o.innerNames && pathProblem(e.path)) throw new Error(`unsafe zip entry name ${e.path}`);
    files[e.path] = [e.data, { level: e.stored ? 0 : 6, mtime: FIXED_MTIME }];
  }
  return zipSync(files);
}

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  size: number;
  externalAttrs: number;
  dataOffset: number;
}

export type ZipProblem =
  'malformed-archive' | 'size-limit' | 'zip-bomb' | 'unsafe-path' | 'duplicate-entry' | 'link-entry';

export type DirectoryResult = { ok: true; entries: ZipEntry[] } | { ok: false; reason: ZipProblem; detail: string };

export interface ZipLimits {
  maxEntries: number;
  maxEntrySize: (name: string) => number;
  maxTotalSize: number;
  maxRatio: number;
}

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

const SAFE_NAME = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/u;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function pathProblem(name: string): string | null {
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/u.test(name)) return 'drive letter';
  if (name.split('/').some((s) => s === '..' || s === '.')) return 'dot segment';
  if (!SAFE_NAME.test(name)) return 'characters outside [A-Za-z0-9._-/]';
  return null;
}

const fail = (reason: ZipProblem, detail: string): DirectoryResult => ({ ok: false, reason, detail });

/**
 * Reads the central directory and checks every local header against it, without inflating
 * anything: sizes, counts and ratios are judged from what the archive declares, and the
 * inflater is later capped at the declared size.
 */
export function readZipDirectory(b: Uint8Array, limits: ZipLimits): DirectoryResult {
  if (b.length < 22) return fail('malformed-archive', 'too short for a zip archive');
  const eocd = b.length - 22;
  if (u32(b, eocd) !== 0x06054b50) return fail('malformed-archive', 'no end-of-directory record (or a comment)');
  const count = u16(b, eocd + 10);
  if (u16(b, eocd + 4) !== 0 || u16(b, eocd + 6) !== 0 || u16(b, eocd + 8) !== count || u16(b, eocd + 20) !== 0)
    return fail('malformed-archive', 'multi-disk archive or comment');
  if (count > limits.maxEntries) return fail('size-limit', `${count} entries, at most ${limits.maxEntries}`);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  if (cdOffset + cdSize !== eocd) return fail('malformed-archive', 'central directory is not where it claims');

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  let expectedLocal = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || u32(b, p) !== 0x02014b50) return fail('malformed-archive', `bad directory entry ${i}`);
    const nameLen = u16(b, p + 28);
    if (p + 46 + nameLen > eocd) return fail('malformed-archive', `directory entry ${i} overruns`);
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = Buffer.from(nameBytes).toString('latin1');
    const externalAttrs = u32(b, p + 38);
    const unixMode = externalAttrs >>> 16;
    if ((unixMode & S_IFMT) === S_IFLNK) return fail('link-entry', `${JSON.stringify(name)} is a symbolic link`);
    if (name.endsWith('/') || (externalAttrs & 0x10) !== 0)
      return fail('link-entry', `${JSON.stringify(name)} is a directory entry`);
    const problem = pathProblem(name);
    if (problem) return fail('unsafe-path', `${JSON.stringify(name)}: ${problem}`);
    if (names.has(name)) return fail('duplicate-entry', `${name} appears twice`);
    names.add(name);

    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const canonical =
      u16(b, p + 4) === VERSION &&
      u16(b, p + 6) === VERSION &&
      u16(b, p + 8) === 0 &&
      (method === 0 || method === 8) &&
      u16(b, p + 12) === DOS_TIME &&
      u16(b, p + 14) === DOS_DATE &&
      u16(b, p + 30) === 0 &&
      u16(b, p + 32) === 0 &&
      u16(b, p + 34) === 0 &&
      u16(b, p + 36) === 0 &&
      externalAttrs === 0 &&
      (method === 8 || compressedSize === size);
    if (!canonical) return fail('malformed-archive', `${name}: directory entry is not in Sauga's canonical form`);

    if (size > limits.maxEntrySize(name)) return fail('size-limit', `${name}: ${size} bytes is over the limit`);
    total += size;
    if (total > limits.maxTotalSize) return fail('size-limit', 'the files together are over the size limit');
    if (size > Math.max(1024, compressedSize * limits.maxRatio))
      return fail('zip-bomb', `${name}: compression ratio over ${limits.maxRatio}`);

    const local = u32(b, p + 42);
    if (local !== expectedLocal) return fail('malformed-archive', `${name}: entries are not packed in order`);
    if (local + 30 + nameLen > cdOffset || u32(b, local) !== 0x04034b50)
      return fail('malformed-archive', `${name}: bad local header`);
    // The local header must repeat the directory entry field for field (bytes 4..29).
    for (let k = 0; k < 26; k++) {
      const cdIndex = k < 22 ? p + 6 + k : p + 28 + (k - 22);
      if (b[local + 4 + k] !== b[cdIndex]) return fail('malformed-archive', `${name}: local header disagrees`);
    }
    if (!Buffer.from(b.subarray(local + 30, local + 30 + nameLen)).equals(nameBytes))
      return fail('malformed-archive', `${name}: local name disagrees`);
    const dataOffset = local + 30 + nameLen;
    if (dataOffset + compressedSize > cdOffset) return fail('malformed-archive', `${name}: data overruns`);
    expectedLocal = dataOffset + compressedSize;
    entries.push({ name, method: method as 0 | 8, crc, compressedSize, size, externalAttrs, dataOffset });
    p += 46 + nameLen;
  }
  if (p !== eocd) return fail('malformed-archive', 'trailing bytes in the central directory');
  if (expectedLocal !== cdOffset)
    return fail('malformed-archive', 'bytes hidden between the entries and the directory');
  return { ok: true, entries };
}

export type InflateResult =
  { ok: true; data: Uint8Array } | { ok: false; reason: 'zip-bomb' | 'damaged'; detail: string };

/** Inflates one entry, never past its declared size, and checks length and CRC-32. */
export function inflateEntry(b: Uint8Array, e: ZipEntry): InflateResult {
  const raw = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  let data: Uint8Array;
  if (e.method === 0) data = raw;
  else {
    try {
      data = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_BUFFER_TOO_LARGE')
        return { ok: false, reason: 'zip-bomb', detail: `${e.name} inflates past its size` };
      return { ok: false, reason: 'damaged', detail: `${e.name} does not inflate` };
    }
  }
  if (data.length !== e.size) return { ok: false, reason: 'damaged', detail: `${e.name} has the wrong length` };
  if (crc32(data) >>> 0 !== e.crc) return { ok: false, reason: 'damaged', detail: `${e.name} fails its CRC` };
  return { ok: true, data };
}

import { Inflate } from 'fflate';
import { IMPORT_LIMITS } from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/**
 * A ZIP archive from a hostile source, read without trusting it: the central directory is
 * checked as a whole (entry count, declared sizes and their total, compression ratio, no
 * encryption, no odd methods or names) before a single byte is inflated, and each part is then
 * inflated in slices with a byte counter that stops at the size the directory declared, so a
 * part that lies about its size cannot grow past it (zip bombs, docs/import.md).
 */

export interface ZipLimits {
  entries: number;
  unpackedBytes: number;
  partBytes: number;
  ratio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  entries: IMPORT_LIMITS.zipEntries,
  unpackedBytes: IMPORT_LIMITS.unpackedBytes,
  partBytes: IMPORT_LIMITS.partBytes,
  ratio: IMPORT_LIMITS.ratio,
};

/** Parts this small may compress as well as they like: the ratio is checked above it. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const SLICE = 64 * 1024;

export interface ZipEntry {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const invalid = (why: string): AppError => new AppError(ErrorCode.ImportFileInvalid, `not a readable xlsx: ${why}`);
const refused = (why: string): AppError => new AppError(ErrorCode.ImportArchiveRefused, `archive refused: ${why}`);

function findEndOfDirectory(buf: Uint8Array, view: DataView): number {
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  throw invalid('no end of central directory');
}

/** The archive's entries, after every check that can be made without inflating anything. */
export function scanZip(buf: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, ZipEntry> {
  if (buf.length < 22) throw invalid('too short');
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const eocd = findEndOfDirectory(buf, view);
  const diskEntries = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  // Multi-disk and ZIP64 archives never come out of a spreadsheet program at our sizes.
  if (view.getUint16(eocd + 4, true) !== 0 || diskEntries !== count) throw refused('split archive');
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw refused('zip64');
  if (count > limits.entries) throw refused('too many entries');
  if (dirOffset + dirSize > eocd) throw invalid('central directory out of bounds');

  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = dirOffset;
  const names = new TextDecoder('utf-8', { fatal: false });
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== 0x02014b50) throw invalid('damaged central directory');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen > eocd) throw invalid('damaged central directory');
    const name = names.decode(buf.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;

    if (flags & 0x1 || flags & 0x40) throw refused('encrypted entry');
    if (method !== 0 && method !== 8) throw refused('unsupported compression');
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) throw refused('zip64');
    if (name.length === 0 || name.startsWith('/') || name.includes('\\') || name.split('/').includes('..'))
      throw refused('entry name');
    if (entries.has(name)) throw refused('duplicate entry');
    if (size > limits.partBytes) throw new AppError(ErrorCode.ImportTooLarge, 'a part is too large once unpacked');
    total += size;
    if (total > limits.unpackedBytes) throw new AppError(ErrorCode.ImportTooLarge, 'too large once unpacked');
    if (size > RATIO_FLOOR_BYTES && size > compressedSize * limits.ratio) throw refused('compression ratio');
    if (method === 0 && size !== compressedSize) throw invalid('stored entry sizes differ');
    if (localOffset + 30 > dirOffset) throw invalid('entry out of bounds');
    entries.set(name, { name, method: method as 0 | 8, compressedSize, size, localOffset });
  }
  return entries;
}

/**
 * Inflates one part, handing out its bytes in slices (never the whole part at once), and
 * stops as soon as it would produce more than the directory declared: the declaration was
 * checked against the limits, so the output is bounded by them whatever the data says.
 */
export function readEntry(buf: Uint8Array, entry: ZipEntry, onData: (chunk: Uint8Array) => void): void {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || view.getUint32(at, true) !== 0x04034b50) throw invalid('damaged local header');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw invalid('entry cut short');
  const data = buf.subarray(start, end);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += SLICE) onData(data.subarray(i, Math.min(data.length, i + SLICE)));
    return;
  }
  let produced = 0;
  let finished = false;
  const inflater = new Inflate((chunk, final) => {
    produced += chunk.length;
    if (produced > entry.size) throw refused('part larger than declared');
    if (chunk.length > 0) onData(chunk);
    if (final) finished = true;
  });
  try {
    for (let i = 0; i < data.length; i += SLICE) {
      const last = i + SLICE >= data.length;
      inflater.push(data.subarray(i, Math.min(data.length, i + SLICE)), last);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw invalid('damaged compressed data');
  }
  if (!finished || produced !== entry.size) throw invalid('part shorter than declared');
}

/** A small part (workbook, relationships, styles) as text, bounded by `max` bytes. */
export function readEntryText(buf: Uint8Array, entry: ZipEntry, max: number): string {
  if (entry.size > max) throw new AppError(ErrorCode.ImportTooLarge, 'a part is too large');
  const out = new Uint8Array(entry.size);
  let at = 0;
  readEntry(buf, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return new TextDecoder('utf-8').decode(out);
}

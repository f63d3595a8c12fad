import type { AttachmentMime } from '../../shared/cases/codes';
import { ATTACHMENT_MAX_BYTES } from '../../shared/cases/schemas';

export { ATTACHMENT_MAX_BYTES };

const startsWith = (buf: Uint8Array, bytes: readonly number[], at = 0): boolean =>
  buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

/**
 * The type of a file from its first bytes; the name and any claimed type are ignored, since a
 * hostile file can lie in both. Undefined for anything but PDF, PNG, JPEG, TIFF and WebP.
 */
export function detectMime(buf: Uint8Array): AttachmentMime | undefined {
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  return undefined;
}

/** A file name as shown and exported: the last path part, without control characters. */
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  return last
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, '')
    .trim()
    .normalize('NFC')
    .slice(0, 255);
}

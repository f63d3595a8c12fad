import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { IMPORT_LIMITS } from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { readBoundedFile } from '../fs/read';
import { readCsv } from './csv';
import type { Table } from './table';
import { readXlsx } from './xlsx';

export interface SourceFile {
  table: Table;
  /** SHA-256 of the file's base name: marks the batch without keeping the name. */
  fileNameHash: string;
}

export const fileNameHash = (path: string): string =>
  createHash('sha256').update(basename(path).normalize('NFC'), 'utf8').digest('hex');

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** A spreadsheet's bytes (already in memory, e.g. from a dialog pick) as a table. */
export function parseSpreadsheet(bytes: Uint8Array, name: string): Table {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw new AppError(ErrorCode.ImportTooLarge, 'the file is too large');
  if (isZip(bytes)) return readXlsx(bytes);
  if (/\.(xlsx|xlsm)$/iu.test(name)) throw new AppError(ErrorCode.ImportFileInvalid, 'not a zip archive');
  return readCsv(bytes);
}

/**
 * Reads the file into memory only (never into a temp file or the vault), refusing it by its
 * size before reading a byte.
 */
export function readSpreadsheet(path: string): SourceFile {
  let bytes: Uint8Array;
  try {
    bytes = readBoundedFile(path, IMPORT_LIMITS.fileBytes, ErrorCode.ImportTooLarge);
  } catch (e) {
    // A missing spreadsheet is not a missing vault.
    if (e instanceof AppError && e.code === ErrorCode.VaultMissing)
      throw new AppError(ErrorCode.FileUnreadable, 'cannot read the file');
    throw e;
  }
  return { table: parseSpreadsheet(bytes, path), fileNameHash: fileNameHash(path) };
}

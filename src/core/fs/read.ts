import { readFileSync, statSync } from 'node:fs';
import { ErrorCode } from '../../shared/errors';
import { AppError, fsErrorCode } from '../errors';

/**
 * A whole file the user picked, refused as `tooLarge` when it is over `maxBytes`: the size is
 * checked before reading, so a wrong pick cannot exhaust memory.
 */
export function readBoundedFile(path: string, maxBytes: number, tooLarge: ErrorCode): Uint8Array {
  try {
    if (statSync(path).size > maxBytes) throw new AppError(tooLarge, 'the file is too large');
    return new Uint8Array(readFileSync(path));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = fsErrorCode(e);
    throw new AppError(code === ErrorCode.Internal ? ErrorCode.FileUnreadable : code, 'cannot read the file', {
      cause: e,
    });
  }
}

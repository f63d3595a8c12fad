import { ErrorCode } from '../shared/errors';

/**
 * An error a user can be told about. `message` is an English, data-free explanation for logs
 * and developers; the UI and CLI translate by `code`. Never put case data or secrets in it.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

/** Maps a file-system error to a code we can explain; anything else stays internal. */
export function fsErrorCode(e: unknown): ErrorCode {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return ErrorCode.DiskFull;
  if (code === 'ENOENT' || code === 'ENOTDIR') return ErrorCode.VaultMissing;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EISDIR') return ErrorCode.FileUnreadable;
  return ErrorCode.Internal;
}

import type { z } from 'zod';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/** The codes the case service raises, as named in the shared error list. */
export const CaseErrorCode = {
  StaleVersion: ErrorCode.StaleVersion,
  NotFound: ErrorCode.NotFound,
  CaseClosed: ErrorCode.CaseClosed,
  ItemInUse: ErrorCode.ItemInUse,
  AttachmentTooLarge: ErrorCode.AttachmentTooLarge,
  AttachmentTypeRefused: ErrorCode.AttachmentTypeRefused,
} as const;
export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];

/** Messages are for developers and logs: never case content, names or search text. */
export function caseError(code: CaseErrorCode, message: string, options?: { cause?: unknown }): AppError {
  return new AppError(code, message, options);
}

/**
 * Raised inside a case transaction when the user may not see the case; the service catches
 * it after the rollback, records the attempt in the audit chain, and rethrows.
 */
export class AccessDenied extends AppError {
  constructor() {
    super(ErrorCode.Forbidden, 'not permitted for this case');
    this.name = 'AccessDenied';
  }
}

/** Invalid input: the message names the fields and the translation keys, never the values. */
export function invalidInput(error: z.ZodError): AppError {
  const where = error.issues
    .slice(0, 10)
    .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return new AppError(ErrorCode.InvalidInput, `invalid input (${where})`);
}

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalidInput(r.error);
  return r.data;
}

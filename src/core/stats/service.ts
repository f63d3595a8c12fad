import type { ExportedReturn, ExportInput, PreviewInput, ReturnPreview, SigningKeyInfo } from '../../shared/stats/dto';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import type { VaultSession } from '../vault/vault';

/**
 * Statistics returns for one session: build the tables for a period, protect them, preview,
 * write the signed package, and keep the register of what was published.
 */
export class StatsService {
  constructor(readonly session: VaultSession) {}

  preview(_input: PreviewInput): Promise<ReturnPreview> {
    return Promise.reject(new AppError(ErrorCode.Internal, 'statistics are being integrated'));
  }

  /** A file name that says nothing about any person: organisation-neutral, period and sequence. */
  suggestedFileName(_input: ExportInput): string {
    return 'sauga-stats.zip';
  }

  /** Build, protect, audit and sign the return, write it to `path`, and register it. */
  exportReturn(_input: ExportInput, _path: string): Promise<ExportedReturn> {
    return Promise.reject(new AppError(ErrorCode.Internal, 'statistics are being integrated'));
  }

  history(): ExportedReturn[] {
    return [];
  }

  signingKey(): SigningKeyInfo {
    throw new AppError(ErrorCode.Internal, 'statistics are being integrated');
  }
}

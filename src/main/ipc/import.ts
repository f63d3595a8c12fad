import type { AppCore } from '../../core/app';
import { AppError } from '../../core/errors';
import { writeFileAtomic } from '../../core/fs/atomic';
import {
  ImportService,
  localizedReportCsv,
  parseSpreadsheet,
  fileNameHash,
  suggestMapping,
  type SourceFile,
} from '../../core/import';
import { readBoundedFile } from '../../core/fs/read';
import type { VaultSession } from '../../core/vault/vault';
import { ErrorCode } from '../../shared/errors';
import { IMPORT_LIMITS } from '../../shared/import/schemas';
import type { importContract } from '../../shared/ipc/import';
import type { ChannelOutput, ChannelParsedInput } from '../../shared/ipc/contract';

type ImportChannel = keyof typeof importContract;
type Handler<C extends ImportChannel> = (
  input: ChannelParsedInput<C>,
  core: AppCore,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/**
 * The picked file's rows, per unlocked session, in memory only: locking drops the session and
 * with it the rows; the file itself is never copied anywhere.
 */
const picked = new WeakMap<VaultSession, SourceFile>();

function pending(core: AppCore): { session: VaultSession; source: SourceFile } {
  const session = core.requireSession();
  const source = picked.get(session);
  if (!source) throw new AppError(ErrorCode.InvalidInput, 'pick a file first');
  return { session, source };
}

/** Importing from spreadsheets: spread into the handler table. */
export const importHandlers: { [C in ImportChannel]: Handler<C> } = {
  'import.pick': async (_, core) => {
    const session = core.requireSession();
    // Supervisor only, checked in core before the file is read.
    new ImportService(session).listProfiles();
    const path = await core.config.chooseOpenPath?.('spreadsheet');
    if (!path) return { picked: false };
    const bytes = readBoundedFile(path, IMPORT_LIMITS.fileBytes, ErrorCode.ImportTooLarge);
    const source: SourceFile = { table: parseSpreadsheet(bytes, path), fileNameHash: fileNameHash(path) };
    picked.set(session, source);
    const { profile, values } = suggestMapping(source.table, 'import');
    return {
      picked: true,
      file: {
        kind: source.table.kind,
        rows: source.table.rows.length,
        headers: source.table.headers,
        suggestion: profile,
        values,
      },
    };
  },
  'import.dryRun': (input, core) => {
    const { session, source } = pending(core);
    return new ImportService(session).dryRun(source.table, input.profile);
  },
  'import.exportReport': async (input, core) => {
    const { session, source } = pending(core);
    const report = new ImportService(session).dryRun(source.table, input.profile);
    const path = await core.config.chooseSavePath?.(
      input.language === 'lt' ? 'importo-ataskaita.csv' : 'import-report.csv',
    );
    if (!path) return { saved: false };
    writeFileAtomic(path, Buffer.from(localizedReportCsv(report, input.language), 'utf8'));
    return { saved: true };
  },
  'import.run': (input, core) => {
    const { session, source } = pending(core);
    const result = new ImportService(session).importTable(source, input.profile);
    picked.delete(session);
    return result;
  },
  'import.batches': (_, core) => new ImportService(core.requireSession()).listBatches(),
  'import.undo': (input, core) => new ImportService(core.requireSession()).undo(input.batchId),
  'import.profiles': (_, core) => new ImportService(core.requireSession()).listProfiles(),
  'import.saveProfile': (input, core) => new ImportService(core.requireSession()).saveProfile(input.profile),
};

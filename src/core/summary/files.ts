import { ErrorCode } from '../../shared/errors';
import type { Language } from '../../shared/vault';
import type { SummaryExportResult } from '../../shared/summary/views';
import { writeFileAtomic } from '../fs/atomic';
import { readBoundedFile } from '../fs/read';
import { DIRECTORY_LIMITS } from '../keys/directory';
import { LIMITS } from './package';
import { checkExportable, exportDraft } from './send';
import { toDisclosureView, type SummaryService } from './service';

/**
 * The desktop's file steps around summaries: the user picks every path in a dialog in main;
 * the renderer never names one. Reading is bounded so a wrong pick cannot exhaust memory.
 */

const MAX_BYTES = { directory: DIRECTORY_LIMITS.file, summaryPackage: LIMITS.package } as const;

/** The bytes of the file the user chose, or undefined when the dialog was closed. */
export async function readImportFile(
  choose: () => Promise<string | undefined> | undefined,
  kind: keyof typeof MAX_BYTES = 'directory',
): Promise<Uint8Array | undefined> {
  const path = await choose();
  if (!path) return undefined;
  return readBoundedFile(
    path,
    MAX_BYTES[kind],
    kind === 'directory' ? ErrorCode.DirectoryFileRejected : ErrorCode.SummaryPackageInvalid,
  );
}

/**
 * Checks first (so nobody picks a path for a draft that cannot go), then asks where to save;
 * a closed dialog builds nothing and logs nothing. Then core builds the package and writes the
 * file inside the transaction that records the disclosure: a failed write records nothing.
 */
export async function exportSummaryDraft(
  summaries: SummaryService,
  draftId: string,
  language: Language,
  choose: (suggestedName: string) => Promise<string | undefined> | undefined,
): Promise<SummaryExportResult> {
  const fileName = checkExportable(summaries.session, draftId);
  const path = await choose(fileName);
  if (!path) return { saved: false };
  const out = await exportDraft(summaries.session, draftId, {
    lang: language,
    deliver: (bytes) => writeFileAtomic(path, bytes),
  });
  return { saved: true, fileName: out.fileName, sha256: out.sha256, disclosure: toDisclosureView(out.disclosure) };
}

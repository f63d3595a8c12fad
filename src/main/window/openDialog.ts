import type { BrowserWindow, Dialog, OpenDialogOptions } from 'electron';

export type OpenKind = 'directory' | 'summaryPackage' | 'ruleSet' | 'institutions' | 'backup' | 'spreadsheet';

/** Only the file types each import reads, so a wrong pick is unlikely and one file is read. */
const FILTERS: Record<OpenKind, OpenDialogOptions['filters']> = {
  directory: [{ name: 'Sauga directory', extensions: ['zip'] }],
  summaryPackage: [{ name: 'Sauga summary', extensions: ['age'] }],
  ruleSet: [{ name: 'Sauga rule set', extensions: ['zip'] }],
  institutions: [{ name: 'Institutions (JSON, CSV)', extensions: ['json', 'csv'] }],
  backup: [{ name: 'Sauga backup', extensions: ['sauga'] }],
  spreadsheet: [{ name: 'Spreadsheet (XLSX, CSV)', extensions: ['xlsx', 'csv', 'txt'] }],
};

/**
 * The only way a file comes into the vault: a path the user picked in the OS open dialog;
 * the renderer never names a path itself.
 */
export function openDialogChooser(
  dialog: Pick<Dialog, 'showOpenDialog'>,
  getWindow: () => BrowserWindow | undefined,
): (kind: OpenKind) => Promise<string | undefined> {
  return async (kind) => {
    const options: OpenDialogOptions = { properties: ['openFile'], filters: FILTERS[kind] };
    const win = getWindow();
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return r.canceled ? undefined : r.filePaths[0];
  };
}

import type { BrowserWindow, Dialog } from 'electron';

/**
 * The only way a plaintext copy leaves the vault is a path the user picked in the OS save
 * dialog; the renderer never names a path itself.
 */
export function saveDialogChooser(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  getWindow: () => BrowserWindow | undefined,
): (suggestedName: string) => Promise<string | undefined> {
  return async (suggestedName) => {
    // Only the base name: a stored name must not steer the dialog into another folder.
    const defaultPath = suggestedName.replace(/^.*[\\/]/u, '').replace(/^\.+/u, '') || 'attachment';
    const win = getWindow();
    const r = win ? await dialog.showSaveDialog(win, { defaultPath }) : await dialog.showSaveDialog({ defaultPath });
    return r.canceled || !r.filePath ? undefined : r.filePath;
  };
}

import type { Menu, MenuItemConstructorOptions } from 'electron';

/**
 * Electron's default menu has Help items that call shell.openExternal (electronjs.org, GitHub),
 * so we always replace it. macOS needs an app and Edit menu for Quit and copy/paste; Windows
 * and Linux get no menu bar (text fields handle copy/paste themselves). Unpackaged builds also
 * get View (reload, DevTools) for development.
 */
export function applicationMenuTemplate(platform: NodeJS.Platform, isPackaged: boolean): MenuItemConstructorOptions[] {
  const dev: MenuItemConstructorOptions[] = isPackaged ? [] : [{ role: 'viewMenu' }];
  if (platform === 'darwin') return [{ role: 'appMenu' }, { role: 'editMenu' }, ...dev, { role: 'windowMenu' }];
  return dev;
}

export function installApplicationMenu(
  menu: Pick<typeof Menu, 'setApplicationMenu' | 'buildFromTemplate'>,
  platform: NodeJS.Platform,
  isPackaged: boolean,
): void {
  const template = applicationMenuTemplate(platform, isPackaged);
  menu.setApplicationMenu(template.length ? menu.buildFromTemplate(template) : null);
}

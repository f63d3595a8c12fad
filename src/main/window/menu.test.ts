import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate, installApplicationMenu } from './menu';

describe('application menu', () => {
  it('removes the menu bar on Windows and Linux in packaged builds', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() };
      installApplicationMenu(menu, platform, true);
      expect(menu.setApplicationMenu).toHaveBeenCalledWith(null);
      expect(menu.buildFromTemplate).not.toHaveBeenCalled();
    }
  });

  it('keeps only built-in roles on macOS: no Help menu, no links, no click handlers', () => {
    for (const isPackaged of [true, false]) {
      const template = applicationMenuTemplate('darwin', isPackaged);
      expect(template.map((i) => i.role)).toEqual(
        isPackaged ? ['appMenu', 'editMenu', 'windowMenu'] : ['appMenu', 'editMenu', 'viewMenu', 'windowMenu'],
      );
      for (const item of template) {
        expect(item).not.toHaveProperty('click');
        expect(item).not.toHaveProperty('submenu');
        expect(item.role).not.toBe('help');
      }
    }
  });

  it('adds View (reload, DevTools) only to unpackaged builds', () => {
    expect(applicationMenuTemplate('linux', false)).toEqual([{ role: 'viewMenu' }]);
    expect(applicationMenuTemplate('linux', true)).toEqual([]);
  });

  it('builds the macOS menu from the template', () => {
    const built = {};
    const menu = { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn(() => built) };
    installApplicationMenu(menu as never, 'darwin', true);
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(built);
  });
});

import { describe, expect, it } from 'vitest';
import { mainWindowOptions, webPreferences } from './webPreferences';

describe('webPreferences', () => {
  it('locks the renderer down as security.md asks', () => {
    expect(webPreferences({ preloadPath: '/app/out/preload/index.js', isPackaged: true })).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      safeDialogs: true,
      navigateOnDragDrop: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      preload: '/app/out/preload/index.js',
    });
  });

  it('allows DevTools only in an unpackaged build', () => {
    expect(webPreferences({ preloadPath: 'p', isPackaged: true }).devTools).toBe(false);
    expect(webPreferences({ preloadPath: 'p', isPackaged: false }).devTools).toBe(true);
  });

  it('enables nothing that loosens the sandbox', () => {
    const prefs = webPreferences({ preloadPath: 'p', isPackaged: false }) as Record<string, unknown>;
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
    expect(prefs).not.toHaveProperty('partition');
  });

  it('puts the hardened preferences on the main window, which starts hidden', () => {
    const opts = mainWindowOptions({ preloadPath: 'p', isPackaged: true });
    expect(opts.show).toBe(false);
    expect(opts.webPreferences).toEqual(webPreferences({ preloadPath: 'p', isPackaged: true }));
  });
});

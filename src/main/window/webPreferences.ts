import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  isPackaged: boolean;
}

/** Every window gets these; each line closes one way from page script to Node or the network. */
export function webPreferences({ preloadPath, isPackaged }: WindowOptionsInput): WebPreferences {
  return {
    // The renderer runs in Chromium's OS sandbox: a renderer exploit lands without Node.
    sandbox: true,
    // Preload and page have separate JS worlds, so the page cannot tamper with the bridge.
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // No <webview>: it could be given its own, weaker preferences.
    webviewTag: false,
    // Spellcheck sends words (case text) to dictionaries and may download them.
    spellcheck: false,
    // DevTools in a packaged build would let anyone at the desk script the unlocked vault.
    devTools: !isPackaged,
    // A page cannot trap the user in an endless chain of alert() dialogs.
    safeDialogs: true,
    // Dropping a file on the window must not navigate to it (file:// content, foreign origin).
    navigateOnDragDrop: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // No WebGL or plugins: less GPU/driver attack surface, and we draw nothing with them.
    webgl: false,
    plugins: false,
    preload: preloadPath,
  };
}

/** The main window; shown only once painted so no blank or half-drawn case screen flashes. */
export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Sauga',
    backgroundColor: '#ffffff',
    webPreferences: webPreferences(input),
  };
}

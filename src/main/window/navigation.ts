import type { App, WebContents } from 'electron';
import { isAppUrl } from './appUrl';

/** The parts of WebContents whose events we guard; plain stubs stand in for tests. */
export type GuardableWebContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

type Preventable = { preventDefault(): void };

/**
 * Navigation stays inside app://sauga; new windows, <webview> and foreign pages never open.
 * There is no shell.openExternal: a link can never hand a URL to the OS browser.
 */
export function guardWebContents(contents: GuardableWebContents): void {
  const stayInApp = (event: Preventable, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  // A link or script must not take the window (and the bridge) to another origin.
  contents.on('will-navigate', (event, url) => stayInApp(event, url ?? event.url));
  contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
  // A redirect from an allowed URL is still a navigation to somewhere else.
  contents.on('will-redirect', (event, url) => stayInApp(event, url ?? event.url));
  // window.open and target=_blank would create a window we did not configure.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // A <webview> could carry its own, weaker webPreferences.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Guards every WebContents Electron creates, including ones we did not create ourselves. */
export function guardAllWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

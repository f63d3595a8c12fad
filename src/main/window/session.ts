import type { Session } from 'electron';
import { APP_SCHEME } from './appUrl';

/** The parts of a Session we harden; a plain object with these methods can stand in for tests. */
export type HardenableSession = Pick<
  Session,
  | 'setPermissionRequestHandler'
  | 'setPermissionCheckHandler'
  | 'setDevicePermissionHandler'
  | 'setDisplayMediaRequestHandler'
  | 'setBluetoothPairingHandler'
  | 'setSpellCheckerEnabled'
  | 'setProxy'
  | 'on'
> & { webRequest: Pick<Session['webRequest'], 'onBeforeRequest'> };

/**
 * data: and blob: never leave the process (CSP allows them only for images); devtools:// is
 * the DevTools front end, which exists only in unpackaged builds.
 */
export function isAllowedRequestUrl(url: string, allowDevtools: boolean): boolean {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === APP_SCHEME || scheme === 'data' || scheme === 'blob') return true;
  return allowDevtools && scheme === 'devtools';
}

/** Every camera, microphone, notification, clipboard, HID, USB, serial... request is refused. */
export function denyAllPermissions(session: HardenableSession): void {
  // A compromised page must not reach devices, the screen, the clipboard or the OS.
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  // An empty answer denies the capture of screens and windows.
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  // Device pickers: choosing no device ('') refuses the page's request.
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback('');
  });
  // Downloads would write page-chosen bytes to disk; exports go through main's own code.
  session.on('will-download', (event) => event.preventDefault());
}

export interface HardenSessionOptions {
  allowDevtools: boolean;
}

/** Permission denial, request filter, no spellcheck service and no proxy discovery, for one session. */
export async function hardenSession(
  session: HardenableSession,
  { allowDevtools }: HardenSessionOptions,
): Promise<void> {
  denyAllPermissions(session);
  // Air gap: anything that is not our own app:// content is cancelled before it is sent.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, allowDevtools) });
  });
  // Spellcheck would download dictionaries from Google's CDN.
  session.setSpellCheckerEnabled(false);
  // "direct" skips WPAD/PAC discovery, which otherwise probes the local network.
  await session.setProxy({ mode: 'direct' });
}

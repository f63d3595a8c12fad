import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenSession, isAllowedRequestUrl, type HardenableSession } from './session';

type Listener = (...args: unknown[]) => void;

function stubSession() {
  const listeners = new Map<string, Listener>();
  const stub = {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    setDisplayMediaRequestHandler: vi.fn(),
    setBluetoothPairingHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setProxy: vi.fn(async () => undefined),
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, fn);
      return stub;
    }),
    webRequest: { onBeforeRequest: vi.fn() },
  };
  return { stub, session: stub as unknown as HardenableSession, listeners };
}

const handlerOf = (fn: { mock: { calls: unknown[][] } }) => fn.mock.calls[0]?.[0] as Listener;

describe('denyAllPermissions', () => {
  it('answers every permission request with false', () => {
    const { stub, session } = stubSession();
    denyAllPermissions(session);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fileSystem',
      'unknown',
    ]) {
      const callback = vi.fn();
      handlerOf(stub.setPermissionRequestHandler)({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check and device permission with false', () => {
    const { stub, session } = stubSession();
    denyAllPermissions(session);
    const check = stub.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check(null, 'clipboard-read', 'app://sauga', {})).toBe(false);
    expect(check(null, 'hid', 'app://sauga', {})).toBe(false);
    const device = stub.setDevicePermissionHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(device({ deviceType: 'usb', origin: 'app://sauga' })).toBe(false);
  });

  it('refuses screen capture and Bluetooth pairing', () => {
    const { stub, session } = stubSession();
    denyAllPermissions(session);
    const media = vi.fn();
    handlerOf(stub.setDisplayMediaRequestHandler)({}, media);
    expect(media).toHaveBeenCalledWith({});
    const pair = vi.fn();
    handlerOf(stub.setBluetoothPairingHandler)({}, pair);
    expect(pair).toHaveBeenCalledWith({ confirmed: false });
  });

  it('cancels HID, serial and USB pickers and every download', () => {
    const { session, listeners } = stubSession();
    denyAllPermissions(session);
    for (const name of ['select-hid-device', 'select-usb-device']) {
      const event = { preventDefault: vi.fn() };
      const callback = vi.fn();
      listeners.get(name)?.(event, {}, callback);
      expect(event.preventDefault).toHaveBeenCalled();
      expect(callback).toHaveBeenCalledWith('');
    }
    const event = { preventDefault: vi.fn() };
    const callback = vi.fn();
    listeners.get('select-serial-port')?.(event, [], {}, callback);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(callback).toHaveBeenCalledWith('');
    const download = { preventDefault: vi.fn() };
    listeners.get('will-download')?.(download, {}, {});
    expect(download.preventDefault).toHaveBeenCalled();
  });
});

describe('isAllowedRequestUrl', () => {
  it('lets through app://, data: and blob: only', () => {
    expect(isAllowedRequestUrl('app://sauga/assets/index.js', false)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', false)).toBe(true);
    expect(isAllowedRequestUrl('blob:app://sauga/1234', false)).toBe(true);
    for (const url of [
      'https://example.org/',
      'http://127.0.0.1:8080/',
      'ws://localhost/',
      'file:///etc/passwd',
      'ftp://x/',
      'chrome://gpu',
      '',
    ]) {
      expect(isAllowedRequestUrl(url, false)).toBe(false);
      expect(isAllowedRequestUrl(url, true)).toBe(false);
    }
  });

  it('lets devtools:// through only when allowed (unpackaged)', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', false)).toBe(false);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', true)).toBe(true);
  });
});

describe('hardenSession', () => {
  it('cancels every foreign request and keeps app:// ones', async () => {
    const { stub, session } = stubSession();
    await hardenSession(session, { allowDevtools: false });
    const filter = handlerOf(stub.webRequest.onBeforeRequest);
    const decide = (url: string) => {
      const callback = vi.fn();
      filter({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://example.org/track')).toEqual({ cancel: true });
    expect(decide('http://localhost:5173/')).toEqual({ cancel: true });
    expect(decide('devtools://devtools/x')).toEqual({ cancel: true });
    expect(decide('app://sauga/index.html')).toEqual({ cancel: false });
  });

  it('turns off the spellchecker, skips proxy discovery and denies permissions', async () => {
    const { stub, session } = stubSession();
    await hardenSession(session, { allowDevtools: true });
    expect(stub.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(stub.setProxy).toHaveBeenCalledWith({ mode: 'direct' });
    expect(stub.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(stub.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
  });
});

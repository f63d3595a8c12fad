import { describe, expect, it, vi } from 'vitest';
import { guardAllWebContents, guardWebContents, type GuardableWebContents } from './navigation';

type Listener = (...args: unknown[]) => void;

function stubContents() {
  const listeners = new Map<string, Listener>();
  const stub = {
    on: vi.fn((name: string, fn: Listener) => {
      listeners.set(name, fn);
      return stub;
    }),
    setWindowOpenHandler: vi.fn(),
  };
  return { stub, contents: stub as unknown as GuardableWebContents, listeners };
}

const event = (url?: string) => ({ url, preventDefault: vi.fn() });

describe('guardWebContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: prevents leaving app://sauga', (name) => {
    const { contents, listeners } = stubContents();
    guardWebContents(contents);
    for (const url of [
      'https://example.org/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'about:blank',
      'javascript:alert(1)',
    ]) {
      const e = event(url);
      listeners.get(name)?.(e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
    const ok = event('app://sauga/index.html');
    listeners.get(name)?.(ok, 'app://sauga/index.html');
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('will-frame-navigate: prevents frames leaving app://sauga', () => {
    const { contents, listeners } = stubContents();
    guardWebContents(contents);
    const bad = event('https://example.org/');
    listeners.get('will-frame-navigate')?.(bad);
    expect(bad.preventDefault).toHaveBeenCalled();
    const ok = event('app://sauga/index.html');
    listeners.get('will-frame-navigate')?.(ok);
    expect(ok.preventDefault).not.toHaveBeenCalled();
  });

  it('uses the event URL when the legacy url argument is absent', () => {
    const { contents, listeners } = stubContents();
    guardWebContents(contents);
    const bad = event('https://example.org/');
    listeners.get('will-navigate')?.(bad);
    expect(bad.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window', () => {
    const { stub, contents } = stubContents();
    guardWebContents(contents);
    const open = stub.setWindowOpenHandler.mock.calls[0]?.[0] as (d: unknown) => unknown;
    expect(open({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://sauga/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a webview', () => {
    const { contents, listeners } = stubContents();
    guardWebContents(contents);
    const e = event();
    listeners.get('will-attach-webview')?.(e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('guardAllWebContents', () => {
  it('guards every web contents the app creates', () => {
    let created: Listener | undefined;
    const app = { on: vi.fn((_: string, fn: Listener) => (created = fn)) };
    guardAllWebContents(app as never);
    expect(app.on).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const { stub, contents } = stubContents();
    created?.({}, contents);
    expect(stub.setWindowOpenHandler).toHaveBeenCalled();
    expect(stub.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
    expect(stub.on).toHaveBeenCalledWith('will-attach-webview', expect.any(Function));
  });
});

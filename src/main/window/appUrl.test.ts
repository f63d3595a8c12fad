import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './appUrl';

describe('isAppUrl', () => {
  it('accepts our own pages', () => {
    expect(APP_ORIGIN).toBe('app://sauga');
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://sauga/index.html#/cases')).toBe(true);
  });

  it.each([
    undefined,
    '',
    'about:blank',
    'https://example.org/',
    'http://sauga/index.html',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://sauga.evil/',
    'app://user:pw@sauga/',
    'app://sauga:99/',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

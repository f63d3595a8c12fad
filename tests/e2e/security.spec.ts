import { channels } from '../../src/shared/ipc/contract';
import { lt } from '../../src/shared/i18n';
import { APP_ORIGIN, APP_URL, DEFAULT_SEED, expect, headerCsp, test } from './host';
import { heading } from './screens';

const EXPECTED_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
  "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

test('a page on a foreign origin is refused on every channel', async ({ page, host }) => {
  await host.seedVault();
  const evil = 'http://evil.localhost/';
  // Its own script runs first thing and tries the raw binding, then the built API.
  host.foreignPages.set(evil, '<!doctype html><title>x</title><p>x</p>');
  await page.context().addInitScript(() => {
    if (location.origin !== 'http://evil.localhost') return;
    const w = window as unknown as {
      __saugaInvoke: (c: string, i: unknown) => Promise<unknown>;
      attempts: Promise<unknown[]>;
    };
    w.attempts = Promise.all([
      w.__saugaInvoke('vault.status', {}),
      w.__saugaInvoke('vault.unlock', {
        userName: 'Rūta Petraitienė',
        passphrase: 'žalias traukinys miega po senu tiltu 1987',
      }),
      w.__saugaInvoke('app.setLanguage', { language: 'en' }),
    ]);
  });
  const foreign = await page.context().newPage();
  await foreign.goto(evil);
  const attempts = (await foreign.evaluate(() => (window as unknown as { attempts: Promise<unknown[]> }).attempts)) as {
    ok: boolean;
    error?: { code: string };
  }[];
  expect(attempts).toHaveLength(3);
  for (const a of attempts)
    expect(a).toEqual({ ok: false, error: { code: 'FOREIGN_ORIGIN', message: expect.any(String) } });

  const viaApi = await foreign.evaluate(() =>
    (window as unknown as { sauga: { vault: { lock: (i: object) => Promise<unknown> } } }).sauga.vault.lock({}),
  );
  expect(viaApi).toMatchObject({ ok: false, error: { code: 'FOREIGN_ORIGIN' } });
  expect(host.core.status().state).toBe('locked');
  expect(host.core.language()).toBe('lt');
  await foreign.close();

  // The app's own origin, with the same binding, is served normally.
  await page.goto(APP_URL);
  await expect(heading(page)).toHaveText(lt.unlock.title);
  expect(host.calls.filter((c) => c.origin === APP_ORIGIN).every((c) => c.ok)).toBe(true);
  expect(host.calls.filter((c) => c.origin !== APP_ORIGIN).every((c) => c.code === 'FOREIGN_ORIGIN')).toBe(true);
  await host.core.unlock(DEFAULT_SEED.userName, DEFAULT_SEED.passphrase);
  host.core.lock();
});

test('the window exposes only the contract, and unknown channels are refused', async ({ page, host }) => {
  await page.goto(APP_URL);
  await expect(heading(page)).toHaveText(lt.create.details.title);
  const areas = await page.evaluate(() => {
    const api = (window as unknown as { sauga: Record<string, Record<string, unknown>> }).sauga;
    return Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.keys(v).sort()]));
  });
  // Exactly the contract's channels, grouped by area: nothing more (no generic invoke, no Node).
  const expected: Record<string, string[]> = {};
  for (const name of channels) {
    const [area, method] = name.split('.') as [string, string];
    (expected[area] ??= []).push(method);
  }
  for (const list of Object.values(expected)) list.sort();
  expect(areas).toEqual(expected);
  const unknown = await page.evaluate(() =>
    (window as unknown as { __saugaInvoke: (c: string, i: unknown) => Promise<unknown> }).__saugaInvoke('fs.readFile', {
      path: '/etc/passwd',
    }),
  );
  expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  const extra = await page.evaluate(() =>
    (window as unknown as { sauga: { app: { setLanguage: (i: object) => Promise<unknown> } } }).sauga.app.setLanguage({
      language: 'en',
      extra: 1,
    }),
  );
  expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(host.core.language()).toBe('lt');
});

test('the content security policy is in the page and in the response, and is enforced', async ({ page, host }) => {
  const response = await page.goto(APP_URL);
  expect(response?.headers()['content-security-policy']).toBe(headerCsp());
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(EXPECTED_CSP);
  await expect(heading(page)).toHaveText(lt.create.details.title);

  expect(await page.locator('script:not([src])').count()).toBe(0);
  expect(await page.locator('[style]').count()).toBe(0);
  const enforced = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const div = document.createElement('div');
    div.setAttribute('style', 'width: 123px');
    document.body.append(div);
    const width = div.getBoundingClientRect().width;
    div.remove();
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    const inlineRan = (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    const fetched = await fetch('http://sauga.localhost/index.html').then(
      () => true,
      () => false,
    );
    await new Promise((r) => setTimeout(r, 50));
    return { width, inlineRan, fetched, violations };
  });
  expect(enforced.width).not.toBe(123);
  expect(enforced.inlineRan).toBe(false);
  expect(enforced.fetched).toBe(false);
  expect(enforced.violations).toEqual(expect.arrayContaining(['style-src-attr', 'script-src-elem', 'connect-src']));
  // The probes above were refused on purpose; nothing else may have been.
  host.problems.splice(
    0,
    host.problems.length,
    ...host.problems.filter((p) => !/Content Security Policy|Failed to fetch/iu.test(p)),
  );
});

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { lt } from '../../src/shared/i18n';
import { electronExecutable, ROOT } from './electronBinary';

// The real desktop shell: the built main, preload and renderer in a real Electron. Runs only
// where an Electron binary exists; elsewhere the report shows it skipped, with the reason.

const exe = electronExecutable();
const MAIN = join(ROOT, 'out', 'main', 'index.js');

let app: ElectronApplication;
let page: Page;
let profile: string;

test.beforeAll(async () => {
  // The list reporter does not print skip reasons; say it where everyone sees it.
  const reason = 'reason' in exe ? exe.reason : '';
  if (reason) console.log(`electron smoke test skipped: ${reason}`);
  test.skip(!exe.path, reason);
  expect(existsSync(MAIN), 'out/main/index.js is missing: run `npx electron-vite build` first').toBe(true);
  profile = mkdtempSync(join(tmpdir(), 'sauga-smoke-'));
  app = await electron.launch({
    executablePath: exe.path,
    args: [MAIN],
    // A fresh user-data folder (Linux: XDG_CONFIG_HOME, Windows: APPDATA), so no real vault is touched.
    env: { ...process.env, XDG_CONFIG_HOME: profile, APPDATA: profile, ELECTRON_ENABLE_LOGGING: '1' },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('opens on the create-vault screen, served from app://', async () => {
  expect(page.url()).toMatch(/^app:\/\/sauga\//);
  await expect(page).toHaveTitle(/Sauga/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lt.create.details.title);
  await expect(page.locator('input[type="password"]').first()).toBeVisible();
});

test('the bridge works end to end and exposes nothing else', async () => {
  const status = await page.evaluate(() =>
    (window as unknown as { sauga: { vault: { status(i: object): Promise<unknown> } } }).sauga.vault.status({}),
  );
  expect(status).toEqual({ ok: true, value: { state: 'none' } });
  const probe = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    areas: Object.keys((window as unknown as { sauga: object }).sauga).sort(),
  }));
  expect(probe.require).toBe('undefined');
  expect(probe.process).toBe('undefined');
  expect(probe.areas).toEqual(['app', 'settings', 'vault']);
});

test('the window is sandboxed, stays on app://, and no request leaves the machine', async () => {
  // Content protection and the OS sandbox flag are reported on Windows and macOS only.
  const shell = await app.evaluate(({ app: electronApp, BrowserWindow }) => {
    const wins = BrowserWindow.getAllWindows();
    const renderers = electronApp.getAppMetrics().filter((m) => m.type === 'Tab');
    return {
      platform: process.platform,
      windows: wins.length,
      contentProtected: wins[0]?.isContentProtected(),
      renderersSandboxed: renderers.every((m) => m.sandboxed === true),
    };
  });
  expect(shell.windows).toBe(1);
  if (shell.platform === 'win32' || shell.platform === 'darwin') {
    expect(shell.contentProtected).toBe(true);
    expect(shell.renderersSandboxed).toBe(true);
  }
  // CSP connect-src 'none' and the request filter both stop this.
  const fetched = await page.evaluate(() =>
    fetch('https://example.org/').then(
      () => 'reached',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
  // Navigation away and new windows are refused.
  await page.evaluate(() => {
    window.open('https://example.org/');
    location.href = 'https://example.org/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toMatch(/^app:\/\/sauga\//);
  expect(app.windows()).toHaveLength(1);
});

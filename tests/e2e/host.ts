import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { AppCore } from '../../src/core/app';
import { createIpcInvoker } from '../../src/main/ipc/handlers';
import { buildApi } from '../../src/shared/ipc/api';
import { contract } from '../../src/shared/ipc/contract';
import type { IpcResult } from '../../src/shared/ipc/result';

/**
 * The test host stands in for Electron's main process and preload, and nothing else: the
 * built renderer is served from disk on a fake origin (no socket), and `window.sauga` is
 * bound to the very handler table main registers (origin check, strict parse, session and
 * role checks), over a real AppCore and a real vault in a temp folder. No mock of core.
 */

export const APP_ORIGIN = 'http://sauga.localhost';
export const APP_URL = `${APP_ORIGIN}/index.html`;
export const RENDERER_DIR = resolve(__dirname, '../../out/renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** The CSP from the built page's own meta tag, so header and meta can never drift apart. */
export function metaCsp(): string {
  const html = readFileSync(join(RENDERER_DIR, 'index.html'), 'utf8');
  const match = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/u.exec(html);
  if (!match?.[1]) throw new Error('out/renderer/index.html has no CSP meta tag');
  return match[1];
}

/** frame-ancestors only works as a header; the app:// protocol handler sends it the same way. */
export const headerCsp = (): string => `${metaCsp()}; frame-ancestors 'none'`;

export interface CallRecord {
  channel: string;
  origin: string;
  ok: boolean;
  code?: string;
}

export interface SeedOptions {
  orgName?: string;
  userName?: string;
  passphrase?: string;
  /** Extra users added by the first administrator. */
  users?: { userName: string; roles: ('caseworker' | 'supervisor' | 'administrator')[]; passphrase: string }[];
}

export const DEFAULT_SEED = {
  orgName: 'Vilties namai',
  userName: 'Rūta Petraitienė',
  passphrase: 'žalias traukinys miega po senu tiltu 1987',
} as const;

export class Host {
  readonly dir = mkdtempSync(join(tmpdir(), 'sauga-e2e-'));
  readonly vaultDir = join(this.dir, 'vault');
  readonly configFile = join(this.dir, 'config.json');
  /**
   * Where the stubbed save dialog "saves" an exported attachment; undefined answers as a
   * cancelled dialog. Stands in for Electron's dialog.showSaveDialog in main.
   */
  savePath: string | undefined;
  /** The file names the save dialog was opened with. */
  readonly saveDialogs: string[] = [];
  /**
   * The file the stubbed open dialog "picks" (a directory or a summary package); undefined
   * answers as a cancelled dialog. Stands in for Electron's dialog.showOpenDialog in main.
   */
  openPath: string | undefined;
  /** The kinds of file the open dialog was asked for. */
  readonly openDialogs: string[] = [];
  readonly core = new AppCore({
    vaultDir: this.vaultDir,
    configFile: this.configFile,
    version: '0.1.0-e2e',
    chooseSavePath: async (suggestedName) => {
      this.saveDialogs.push(suggestedName);
      return this.savePath;
    },
    chooseOpenPath: async (kind) => {
      this.openDialogs.push(kind);
      return this.openPath;
    },
  });
  readonly invoke = createIpcInvoker(this.core, { allowedOrigins: [APP_ORIGIN] });
  /** Every call the renderer made: channel and outcome only, never inputs or outputs. */
  readonly calls: CallRecord[] = [];
  /** Requests for anything but the app's own files; the app must never make one. */
  readonly blocked: string[] = [];
  /** Console errors, uncaught exceptions and CSP violations seen in any page. */
  readonly problems: string[] = [];
  /** Extra pages served on other fake origins (for attack tests), by full URL. */
  readonly foreignPages = new Map<string, string>();

  async attach(context: BrowserContext): Promise<void> {
    const csp = headerCsp();
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      const foreign = this.foreignPages.get(url.href);
      if (foreign !== undefined) {
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: foreign });
      }
      if (url.origin !== APP_ORIGIN) {
        this.blocked.push(url.href);
        return route.abort('blockedbyclient');
      }
      const headers = { 'content-security-policy': csp, 'x-content-type-options': 'nosniff' };
      const path = decodeURIComponent(url.pathname);
      const file = resolve(RENDERER_DIR, `.${path === '/' ? '/index.html' : path}`);
      // Same rule as the app:// handler: nothing outside the renderer folder is ever served.
      if (!file.startsWith(RENDERER_DIR + sep) || !existsSync(file) || !statSync(file).isFile()) {
        return route.fulfill({ status: 404, headers, contentType: 'text/plain', body: 'not found' });
      }
      return route.fulfill({
        status: 200,
        headers: { ...headers, 'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' },
        body: readFileSync(file),
      });
    });

    await context.exposeBinding('__saugaInvoke', async (source, channel: string, input: unknown) => {
      const senderUrl = source.frame.url();
      const result = (await this.invoke(channel, input, { senderUrl })) as IpcResult<unknown>;
      this.calls.push({
        channel,
        origin: new URL(senderUrl).origin,
        ok: result.ok,
        ...(result.ok ? {} : { code: result.error.code }),
      });
      return result;
    });

    // Exactly what preload does: buildApi over the contract's channel names, one transport.
    // The real buildApi is inlined as source (no eval: the page's CSP forbids it).
    await context.addInitScript({
      content: `(() => {
        const buildApi = ${buildApi.toString()};
        const names = ${JSON.stringify(Object.keys(contract))};
        const freeze = (o) => { for (const v of Object.values(o)) if (v && typeof v === 'object') freeze(v); return Object.freeze(o); };
        const api = freeze(buildApi(names, (channel, input) => window.__saugaInvoke(channel, input)));
        Object.defineProperty(window, 'sauga', { value: api, enumerable: true, configurable: false, writable: false });
      })();`,
    });
  }

  watch(page: Page): void {
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/iu.test(message.text())) {
        this.problems.push(`console ${message.type()}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
  }

  /** A vault made through core itself, as the wizard would; returns the recovery words. */
  async seedVault(options: SeedOptions = {}): Promise<string[]> {
    const orgName = options.orgName ?? DEFAULT_SEED.orgName;
    const userName = options.userName ?? DEFAULT_SEED.userName;
    const passphrase = options.passphrase ?? DEFAULT_SEED.passphrase;
    const { words, confirmPositions } = this.core.beginCreate({ orgName, userName, passphrase });
    await this.core.finishCreate(confirmPositions.map((p) => words[p] ?? ''));
    for (const user of options.users ?? []) await this.core.addUser(user);
    this.core.lock();
    return words;
  }

  /** The audit chain of the unlocked vault, oldest first (read through the test's own session). */
  audit(): { action: string; actor: string; subject: string; detail: Record<string, unknown> }[] {
    const rows = this.core
      .requireSession()
      .db.prepare('SELECT action, actor, subject, detail FROM audit_log ORDER BY seq')
      .all() as { action: string; actor: string; subject: string; detail: string | null }[];
    return rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : {} }));
  }

  dispose(): void {
    this.core.cancelCreate();
    this.core.lock();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export const test = base.extend<{ host: Host }>({
  // Automatic: no test can open the app without the host, its checks and its clean-up.
  host: [
    async ({ context, page }, use) => {
      const host = new Host();
      await host.attach(context);
      host.watch(page);
      context.on('page', (p) => host.watch(p));
      try {
        await use(host);
        expect(host.problems, 'console errors, page errors or CSP violations').toEqual([]);
        expect(host.blocked, 'requests outside the app').toEqual([]);
      } finally {
        host.dispose();
      }
    },
    { auto: true },
  ],
});

export { expect };

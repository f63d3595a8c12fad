import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blankComments, scanText } from './check-static.mjs';

const SCRIPT = join(__dirname, 'check-static.mjs');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sauga-static-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function write(rel: string, text: string) {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
}

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

type Finding = { rule: string; line: number };
const rulesIn = (text: string, path = 'main/x.ts') => (scanText(text, path) as Finding[]).map((f) => f.rule);

describe('check-static (CLI over a fixture folder)', () => {
  it('fails with exit 1 and names the file, line and rule of each bad pattern', () => {
    write(
      'main/window.ts',
      [
        "import { BrowserWindow, shell } from 'electron';",
        "import net from 'node:net';",
        'new BrowserWindow({ webPreferences: { sandbox: false, nodeIntegration: true, contextIsolation: false } });',
        "shell.openExternal('https://example.org');",
        "win.loadURL('http://localhost:5173');",
        "win.loadURL('file:///app/index.html');",
      ].join('\n'),
    );
    write('renderer/api.ts', "export const x = () => fetch('https://example.org');\n");
    const { code, out } = run(dir);
    expect(code).toBe(1);
    expect(out).toMatch(/main[\\/]window\.ts:2:\d+\s+network-import/);
    expect(out).toMatch(/main[\\/]window\.ts:3:\d+\s+sandbox-not-true/);
    expect(out).toMatch(/main[\\/]window\.ts:3:\d+\s+nodeIntegration-not-false/);
    expect(out).toMatch(/main[\\/]window\.ts:3:\d+\s+contextIsolation-not-true/);
    expect(out).toMatch(/main[\\/]window\.ts:4:\d+\s+open-external/);
    expect(out).toMatch(/main[\\/]window\.ts:5:\d+\s+load-remote-url/);
    expect(out).toMatch(/main[\\/]window\.ts:6:\d+\s+file-url-in-main/);
    expect(out).toMatch(/renderer[\\/]api\.ts:1:\d+\s+fetch/);
    expect(out).toContain('why:');
    expect(out).toMatch(/FAILED: \d+ finding/);
  });

  it('passes with exit 0 on a clean folder', () => {
    write(
      'main/ok.ts',
      '// never shell.openExternal, never fetch(): comments do not count\nexport const prefs = { sandbox: true, nodeIntegration: false };\n',
    );
    const { code, out } = run(dir);
    expect(code).toBe(0);
    expect(out).toContain('check-static: ok');
  });

  it('skips test files unless asked', () => {
    write('main/a.test.ts', "it('refuses', () => check('file:///etc/passwd'));\n");
    expect(run(dir).code).toBe(0);
    expect(run(dir, '--include-tests').code).toBe(1);
  });

  it('fails a preload bundle that requires anything but electron', () => {
    write('preload.js', 'const { contextBridge } = require("electron");\nconst z = require("zod");\n');
    const { code, out } = run('--preload-bundle', join(dir, 'preload.js'));
    expect(code).toBe(1);
    expect(out).toContain('preload-bundle-require');
    expect(out).toContain('require("zod")');
  });

  it('refuses a missing folder with exit 2', () => {
    expect(run(join(dir, 'nope')).code).toBe(2);
  });
});

describe('check-static rules', () => {
  it.each([
    ['nodeIntegration: true', 'nodeIntegration-not-false'],
    ['nodeIntegration: isDev', 'nodeIntegration-not-false'],
    ['nodeIntegrationInWorker: true', 'nodeIntegrationInWorker-not-false'],
    ['nodeIntegrationInSubFrames: true', 'nodeIntegrationInSubFrames-not-false'],
    ['webviewTag: true', 'webviewTag-not-false'],
    ['allowRunningInsecureContent: true', 'allowRunningInsecureContent-not-false'],
    ['experimentalFeatures: true', 'experimentalFeatures-not-false'],
    ['sandbox: false', 'sandbox-not-true'],
    ['contextIsolation: false', 'contextIsolation-not-true'],
    ['webSecurity: false', 'webSecurity-not-true'],
    ['enableRemoteModule: false', 'remote-module'],
    ['shell.openExternal(url)', 'open-external'],
    ["import http from 'http';", 'network-import'],
    ["import * as https from 'node:https';", 'network-import'],
    ["import { connect } from 'node:tls';", 'network-import'],
    ["import { lookup } from 'node:dns/promises';", 'network-import'],
    ["const d = require('dgram');", 'network-import'],
    ["const u = await import('undici');", 'network-import'],
    ["import WebSocketServer from 'ws';", 'network-import'],
    ["import { request } from 'http2';", 'network-import'],
    ["import { net } from 'electron';", 'electron-net'],
    ['await net.fetch(u)', 'electron-net'],
    ['await fetch(u)', 'fetch'],
    ['new XMLHttpRequest()', 'xhr'],
    ["new WebSocket('ws://x')", 'websocket'],
    ["new EventSource('/e')", 'event-source'],
    ["navigator.sendBeacon('/b', d)", 'send-beacon'],
    ["new Worker('https://cdn.example/w.js')", 'remote-worker'],
    ["win.loadURL('https://example.org')", 'load-remote-url'],
    ['win.loadURL(`http://localhost`)', 'load-remote-url'],
    ["const u = 'file:///x';", 'file-url-in-main'],
    ["win.loadFile('index.html')", 'load-file-in-main'],
    ["ipcMain.on('any', h)", 'generic-ipc'],
    ['privileges: { bypassCSP: true }', 'bypass-csp'],
    ['privileges: { corsEnabled: true }', 'cors-enabled-scheme'],
    ["const csp = \"script-src 'self' 'unsafe-inline'\";", 'unsafe-csp'],
    ['eval(code)', 'eval'],
    ["new Function('return 1')", 'eval'],
    ['el.innerHTML = s', 'inner-html'],
  ])('%s -> %s', (code, rule) => {
    expect(rulesIn(code)).toContain(rule);
  });

  it('does not flag the safe forms', () => {
    const safe = [
      "import { join } from 'node:path';",
      "import { createHash } from 'node:crypto';",
      'const prefs = { sandbox: true, contextIsolation: true, webSecurity: true, nodeIntegration: false, webviewTag: false };',
      'ipcMain.handle(channel, fn);',
      "win.loadURL('app://sauga/index.html');",
      'const prefetchAll = () => 1;',
      "const s = 'netherlands';",
    ].join('\n');
    expect(rulesIn(safe)).toEqual([]);
  });

  it('scopes main-only rules to main and preload folders', () => {
    expect(rulesIn("const u = 'file:///x';", 'renderer/x.ts')).not.toContain('file-url-in-main');
    expect(rulesIn("const u = 'file:///x';", 'preload/x.ts')).toContain('file-url-in-main');
  });

  it('flags a preload that exposes ipcRenderer but not one that calls invoke', () => {
    expect(rulesIn("contextBridge.exposeInMainWorld('x', ipcRenderer);", 'preload/index.ts')).toContain(
      'preload-exposes-ipc',
    );
    expect(rulesIn("contextBridge.exposeInMainWorld('x', { on: ipcRenderer.on });", 'preload/index.ts')).toContain(
      'preload-exposes-ipc',
    );
    expect(
      rulesIn(
        "import { contextBridge, ipcRenderer } from 'electron';\nconst f = (c, i) => ipcRenderer.invoke(c, i);",
        'preload/index.ts',
      ),
    ).toEqual([]);
  });

  it('ignores comments but not strings, templates or regexes that look like comments', () => {
    expect(rulesIn('// shell.openExternal is forbidden\n/* fetch( */ const a = 1;')).toEqual([]);
    expect(rulesIn("const re = /\\/\\//; const s = '//'; fetch(x);")).toContain('fetch');
    expect(rulesIn('const t = `/* ${a} */`; eval(t);')).toContain('eval');
    expect(blankComments('a // b\nc', 'x.ts')).toBe('a     \nc');
  });

  it('honours a static-allow with a reason, and flags one without', () => {
    expect(rulesIn('// static-allow fetch: test double, never shipped\nfetch(x);')).toEqual([]);
    expect(rulesIn('fetch(x); // static-allow fetch: reason here')).toEqual([]);
    expect(rulesIn('// static-allow fetch:\nfetch(x);')).toEqual(
      expect.arrayContaining(['allow-without-reason', 'fetch']),
    );
    expect(rulesIn('// static-allow eval: other rule\nfetch(x);')).toContain('fetch');
  });

  it('checks HTML too, ignoring HTML comments', () => {
    expect(
      rulesIn(
        '<meta http-equiv="Content-Security-Policy" content="script-src \'unsafe-inline\'">',
        'renderer/index.html',
      ),
    ).toContain('unsafe-csp');
    expect(rulesIn('<!-- <webview src="x"> -->', 'renderer/index.html')).toEqual([]);
    expect(rulesIn('<webview src="https://x">', 'renderer/index.html')).toContain('webview-tag');
  });
});

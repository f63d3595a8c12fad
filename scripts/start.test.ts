import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = join(__dirname, 'start.mjs');
const REPO = join(__dirname, '..');

function start(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_EXEC_PATH: undefined, SAUGA_START_ROOT: undefined, ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

const pathTxt = join(REPO, 'node_modules', 'electron', 'path.txt');
const electronHere =
  existsSync(pathTxt) &&
  existsSync(join(REPO, 'node_modules', 'electron', 'dist', readFileSync(pathTxt, 'utf8').trim()));

describe('scripts/start.mjs on this machine', () => {
  it.skipIf(electronHere)('exits 1 and names the missing Electron binary and how to get it', () => {
    const { code, out } = start(['--check-only']);
    expect(code).toBe(1);
    expect(out).toContain('Electron binary not installed (node_modules/electron/dist missing)');
    expect(out).toContain('node node_modules/electron/install.js');
    expect(out).toContain('ELECTRON_EXEC_PATH');
  });
});

describe('scripts/start.mjs in a scratch project', () => {
  let root: string;
  const put = (rel: string, text = '') => {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), text);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'sauga-start-'));
    put('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '41.7.1' }));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without --check-only still exits 1 before building when both are missing, naming both', () => {
    const { code, out } = start([], { SAUGA_START_ROOT: root });
    expect(code).toBe(1);
    expect(out).toContain('2 thing(s) missing');
    expect(out).toContain('Electron binary not installed');
    expect(out).toContain('path.txt is missing');
    expect(out).toContain(join('native', 'electron', 'better_sqlite3.node'));
    expect(out).toContain('npm run rebuild:electron-native');
    expect(out).not.toMatch(/electron-vite|transforming|building/);
  });

  it('names a path.txt whose binary is missing', () => {
    put('node_modules/electron/path.txt', 'electron');
    const { code, out } = start(['--check-only'], { SAUGA_START_ROOT: root });
    expect(code).toBe(1);
    expect(out).toContain(`${join('dist', 'electron')} is missing`);
  });

  it('names only the native build when Electron is present', () => {
    put('node_modules/electron/path.txt', 'electron');
    put('node_modules/electron/dist/electron', '#!/bin/sh');
    const { code, out } = start(['--check-only'], { SAUGA_START_ROOT: root });
    expect(code).toBe(1);
    expect(out).toContain('1 thing(s) missing');
    expect(out).not.toContain('Electron binary not installed');
    expect(out).toContain('better-sqlite3-multiple-ciphers missing');
  });

  it('refuses a native build made for another Electron version', () => {
    put('node_modules/electron/path.txt', 'electron');
    put('node_modules/electron/dist/electron');
    put('native/electron/better_sqlite3.node');
    put(
      'native/electron/build-info.json',
      JSON.stringify({ electron: '40.0.0', platform: process.platform, arch: process.arch }),
    );
    const { code, out } = start(['--check-only'], { SAUGA_START_ROOT: root });
    expect(code).toBe(1);
    expect(out).toContain('was built for Electron 40.0.0, but Electron 41.7.1 is installed');
  });

  it('passes the check when both exist (and launches nothing with --check-only)', () => {
    put('node_modules/electron/path.txt', 'electron');
    put('node_modules/electron/dist/electron');
    put('native/electron/better_sqlite3.node');
    put(
      'native/electron/build-info.json',
      JSON.stringify({ electron: '41.7.1', platform: process.platform, arch: process.arch }),
    );
    const { code, out } = start(['--check-only'], { SAUGA_START_ROOT: root });
    expect(out).toContain('Electron 41.7.1');
    expect(code).toBe(0);
  });

  it('accepts ELECTRON_EXEC_PATH, and names it when it does not exist', () => {
    put('native/electron/better_sqlite3.node');
    put('bin/electron');
    expect(
      start(['--check-only'], { SAUGA_START_ROOT: root, ELECTRON_EXEC_PATH: join(root, 'bin/electron') }).code,
    ).toBe(0);
    const missing = start(['--check-only'], { SAUGA_START_ROOT: root, ELECTRON_EXEC_PATH: join(root, 'nope') });
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('ELECTRON_EXEC_PATH points at');
  });
});

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The real build needs internet (Electron's headers), so only the plan is checked here.
const SCRIPT = join(__dirname, 'rebuild-electron-native.mjs');
const electronVersion = JSON.parse(
  readFileSync(join(__dirname, '..', 'node_modules', 'electron', 'package.json'), 'utf8'),
).version as string;

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('rebuild-electron-native --dry-run', () => {
  it('builds with node-gyp against the installed Electron version and its headers', () => {
    const nativeBefore = existsSync(join(__dirname, '..', 'native', 'electron', 'better_sqlite3.node'));
    const { code, out } = run('--dry-run');
    expect(code).toBe(0);
    expect(out).toContain(`for Electron ${electronVersion}`);
    expect(out).toMatch(/node-gyp(\.js)? rebuild --release/);
    expect(out).toContain(`--target=${electronVersion}`);
    expect(out).toContain('--dist-url=https://electronjs.org/headers');
    expect(out).toContain('needs internet');
    expect(out).toContain(join('native', 'electron', 'better_sqlite3.node'));
    expect(out).toContain('dry run, nothing changed');
    expect(existsSync(join(__dirname, '..', 'native', 'electron', 'better_sqlite3.node'))).toBe(nativeBefore);
  });

  it('uses unpacked headers instead of the download with --headers', () => {
    const { code, out } = run('--dry-run', '--headers', '/opt/electron-headers');
    expect(code).toBe(0);
    expect(out).toContain('--nodedir=/opt/electron-headers');
    expect(out).not.toContain('--dist-url');
  });

  it('can use a pinned @electron/rebuild that still runs on Node 20', () => {
    const { code, out } = run('--dry-run', '--method', 'electron-rebuild');
    expect(code).toBe(0);
    expect(out).toContain(`npx -y @electron/rebuild@3.7.2 --version ${electronVersion}`);
    expect(out).toContain('--only better-sqlite3-multiple-ciphers');
  });

  it('refuses unknown options with exit 2', () => {
    expect(run('--method', 'magic').code).toBe(2);
    expect(run('--frobnicate').code).toBe(2);
  });
});

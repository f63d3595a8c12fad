import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAllowlist, findingsFromSarif, loadAllowlist } from './electronegativity-gate.mjs';

const SCRIPT = join(__dirname, 'electronegativity-gate.mjs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sauga-eneg-'));
  mkdirSync(join(dir, 'app', 'main'), { recursive: true });
  writeFileSync(
    join(dir, 'app', 'main', 'index.ts'),
    [
      "import { app, BrowserWindow, shell } from 'electron';",
      'app.whenReady().then(() => {',
      '  const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } });',
      "  win.loadURL('http://example.org');",
      "  win.webContents.on('will-navigate', (e, url) => shell.openExternal(url));",
      '});',
    ].join('\n'),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout + r.stderr };
}

function writeAllow(name: string, allow: unknown[]) {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ allow }));
  return file;
}

describe('electronegativity-gate (runs Electronegativity offline)', () => {
  it('fails with exit 1 on an insecure window, naming each check and line', () => {
    const { code, out } = run(['--input', 'app', '--allow', writeAllow('empty.json', [])]);
    expect(code).toBe(1);
    expect(out).toMatch(/FINDING\s+SANDBOX_JS_CHECK\s+app\/main\/index\.ts:3/);
    expect(out).toMatch(/FINDING\s+CONTEXT_ISOLATION_JS_CHECK/);
    expect(out).toMatch(/FINDING\s+WEB_SECURITY_JS_CHECK/);
    expect(out).toMatch(/FINDING\s+OPEN_EXTERNAL_JS_CHECK\s+app\/main\/index\.ts:5/);
    expect(out).toMatch(/FINDING\s+CSP_GLOBAL_CHECK/);
    expect(out).toContain('FAILED');
  });

  it('passes with exit 0 when every finding is allowed with a reason', () => {
    const why = 'fixture for the gate test only, never shipped';
    const allow = writeAllow('all.json', [
      ...[
        'SANDBOX_JS_CHECK',
        'CONTEXT_ISOLATION_JS_CHECK',
        'WEB_SECURITY_JS_CHECK',
        'HTTP_RESOURCES_JS_CHECK',
        'AUXCLICK_JS_CHECK',
        'OPEN_EXTERNAL_JS_CHECK',
      ].map((check) => ({ check, file: 'app/main/index.ts', why })),
      ...['CSP_GLOBAL_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'].map(
        (check) => ({ check, file: '*', why }),
      ),
    ]);
    const { code, out } = run(['--input', 'app', '--allow', allow]);
    expect(out).toContain('electronegativity-gate: ok');
    expect(code).toBe(0);
  });

  it('refuses an allowlist entry without a reason (exit 2)', () => {
    const { code, out } = run([
      '--input',
      'app',
      '--allow',
      writeAllow('noreason.json', [{ check: 'SANDBOX_JS_CHECK', file: '*' }]),
    ]);
    expect(code).toBe(2);
    expect(out).toContain('needs a "why"');
  });
});

describe('allowlist matching', () => {
  const f = (check: string, file: string) => ({ check, file, line: 1, level: 'warning', message: '' });

  it('allows only the listed check in the listed file, count times', () => {
    const allow = [{ check: 'A', file: 'src/x.ts', why: 'a good reason here', count: 1 }];
    const { blocked, allowed, stale } = applyAllowlist(
      [f('A', 'src/x.ts'), f('A', 'src/x.ts'), f('A', 'src/y.ts'), f('B', 'src/x.ts')],
      allow,
    );
    expect(allowed).toHaveLength(1);
    expect(blocked.map((b) => `${b.check} ${b.file}`)).toEqual(['A src/x.ts', 'A src/y.ts', 'B src/x.ts']);
    expect(stale).toEqual([]);
  });

  it('reports entries that matched nothing', () => {
    const allow = [{ check: 'A', file: '*', why: 'a good reason here' }];
    expect(applyAllowlist([], allow).stale).toEqual(allow);
  });

  it('maps SARIF results to repository paths, and file-less ones to *', () => {
    const sarif = {
      runs: [
        {
          results: [
            {
              ruleId: 'X',
              level: 'note',
              message: { text: 'm' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'main/a.ts' }, region: { startLine: 4 } } }],
            },
            {
              ruleId: 'Y',
              message: { text: 'n' },
              locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///' } } }],
            },
          ],
        },
      ],
    };
    expect(findingsFromSarif(sarif, 'src')).toEqual([
      { check: 'X', file: 'src/main/a.ts', line: 4, level: 'note', message: 'm' },
      { check: 'Y', file: '*', line: 0, level: 'warning', message: 'n' },
    ]);
  });

  it('the shipped allowlist explains every entry', () => {
    const entries = loadAllowlist(join(__dirname, 'electronegativity-allow.json'));
    for (const e of entries) expect(e.why.length).toBeGreaterThan(40);
  });
});

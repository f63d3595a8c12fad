#!/usr/bin/env node
// Our own static checks over the source tree, for what Electronegativity misses or we forbid
// on top of it (security.md, "The desktop shell"; the air gap: nothing is ever sent or fetched).
//
// Usage: node scripts/check-static.mjs [dir ...] [--preload-bundle <file>] [--include-tests]
//   dir               folders to scan (default: src). Rule scopes such as "main/" are relative
//                     to each scanned folder, so a fixture folder with main/x.ts is scoped alike.
//   --preload-bundle  also check a built preload file: sandboxed preloads may require only
//                     'electron'. Without arguments, out/preload/*.js is checked when built.
//   --include-tests   also scan *.test.* and *.spec.* files (skipped by default: they never
//                     ship, and they quote hostile URLs on purpose).
//
// Suppress one line only with a reason, on that line or the line above:
//   // static-allow <rule-id>: <why this is safe>
// Exit code: 0 clean, 1 findings, 2 usage error.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SOURCE_EXT = /\.(?:[cm]?[jt]sx?)$/;
const HTML_EXT = /\.html?$/;
const TEST_FILE = /\.(?:test|spec)\.[cm]?[jt]sx?$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.vite', 'coverage']);

const NETWORK_MODULES = ['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'undici', 'ws'];
const netModule = `(?:node:)?(?:${NETWORK_MODULES.join('|')})(?:/[^'"\`]*)?`;

/** Each rule: id, why (printed with every finding), pattern, optional scope (path prefixes). */
export const RULES = [
  // webPreferences that must keep their safe value; anything but the literal safe value fails.
  ...[
    'nodeIntegration',
    'nodeIntegrationInWorker',
    'nodeIntegrationInSubFrames',
    'webviewTag',
    'allowRunningInsecureContent',
    'experimentalFeatures',
  ].map((key) => ({
    id: `${key}-not-false`,
    why: `${key} must be the literal false: Electronegativity misses it next to sandbox:false`,
    pattern: new RegExp(`\\b${key}\\s*:(?!\\s*false\\b)`, 'g'),
  })),
  ...['sandbox', 'contextIsolation', 'webSecurity'].map((key) => ({
    id: `${key}-not-true`,
    why: `${key} must be the literal true on every window`,
    pattern: new RegExp(`\\b${key}\\s*:(?!\\s*true\\b)`, 'g'),
  })),
  {
    id: 'enable-blink-features',
    why: 'enableBlinkFeatures turns on experimental, unreviewed web features',
    pattern: /\benableBlinkFeatures\b/g,
  },
  {
    id: 'remote-module',
    why: 'the remote module gives renderers main-process objects',
    pattern: /\benableRemoteModule\b|@electron\/remote/g,
  },
  {
    id: 'open-external',
    why: 'no shell.openExternal: a link must never reach the OS browser',
    pattern: /\bopenExternal\b/g,
  },
  {
    id: 'bypass-csp',
    why: 'a scheme that bypasses CSP would defeat the content security policy',
    pattern: /\bbypassCSP\s*:\s*true\b/g,
  },
  {
    id: 'cors-enabled-scheme',
    why: 'corsEnabled makes app:// files readable from any origin',
    pattern: /\bcorsEnabled\s*:\s*true\b/g,
  },
  {
    id: 'webview-tag',
    why: 'no <webview>: it carries its own, weaker preferences',
    pattern: /<webview\b|\ballowpopups\b/gi,
  },
  {
    id: 'network-import',
    why: 'the air gap: no module that opens sockets or resolves names may be imported',
    pattern: new RegExp(
      `\\bfrom\\s*['"\`]${netModule}['"\`]|\\b(?:require|import)\\s*\\(\\s*['"\`]${netModule}['"\`]\\s*\\)|\\bimport\\s*['"\`]${netModule}['"\`]`,
      'g',
    ),
  },
  {
    id: 'electron-net',
    why: "Electron's net module makes network requests",
    pattern: /\bimport\s*(?:type\s*)?\{[^}]*\bnet\b[^}]*\}\s*from\s*['"]electron['"]|\bnet\.(?:fetch|request)\s*\(/g,
  },
  { id: 'fetch', why: 'the air gap: nothing is fetched (CSP connect-src is none)', pattern: /\bfetch\s*\(/g },
  { id: 'xhr', why: 'the air gap: no XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { id: 'websocket', why: 'the air gap: no WebSocket', pattern: /\bWebSocket\b/g },
  { id: 'event-source', why: 'the air gap: no EventSource', pattern: /\bEventSource\b/g },
  { id: 'send-beacon', why: 'the air gap: no beacons', pattern: /\bsendBeacon\b/g },
  {
    id: 'webrtc',
    why: 'WebRTC opens network connections and leaks local addresses',
    pattern: /\bRTCPeerConnection\b/g,
  },
  {
    id: 'remote-worker',
    why: 'workers and imported scripts must come from app:// only',
    pattern:
      /\bnew\s+(?:Shared)?Worker\s*\(\s*['"`](?:https?:|\/\/|data:|blob:|file:)|\bimportScripts\s*\(\s*['"`](?:https?:|\/\/)/g,
  },
  {
    id: 'load-remote-url',
    why: 'windows load app:// only, never http(s)',
    pattern: /\bloadURL\s*\(\s*['"`](?:https?|file):/g,
  },
  {
    id: 'file-url-in-main',
    why: 'content comes from app://, never file:// (readable by any page)',
    pattern: /file:\/\//g,
    scope: ['main/', 'preload/'],
  },
  {
    id: 'load-file-in-main',
    why: 'loadFile serves file://, which has no path checks and no CSP header',
    pattern: /\bloadFile\s*\(/g,
    scope: ['main/'],
  },
  {
    id: 'generic-ipc',
    why: 'one ipcMain.handle per contract channel; no fire-and-forget or generic channels',
    pattern: /\bipcMain\.(?:on|once|handleOnce)\s*\(/g,
    scope: ['main/'],
  },
  {
    id: 'preload-exposes-ipc',
    why: 'preload must expose named functions only, never ipcRenderer, its send/on, or a generic invoke',
    pattern: /\bipcRenderer\s*(?:[,})\]:;]|\.\s*(?:send|sendSync|on|once|postMessage|sendToHost)\b)/g,
    scope: ['preload/'],
    skipImportLines: true,
  },
  {
    id: 'unsafe-csp',
    why: "CSP must not allow 'unsafe-inline' or 'unsafe-eval'",
    pattern: /'unsafe-(?:inline|eval|hashes)'|wasm-unsafe-eval/g,
  },
  {
    id: 'eval',
    why: 'no eval or new Function: code comes from app:// files only',
    pattern: /(?<![\w$.])eval\s*\(|\bnew\s+Function\s*\(/g,
  },
  {
    id: 'inner-html',
    why: 'no raw HTML injection; React escapes, this would not',
    pattern: /\bdangerouslySetInnerHTML\b|\.(?:innerHTML|outerHTML)\s*=|\binsertAdjacentHTML\s*\(/g,
  },
];

function listFiles(dir, includeTests) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, includeTests));
    else if ((SOURCE_EXT.test(entry.name) && !entry.name.endsWith('.d.ts')) || HTML_EXT.test(entry.name)) {
      if (!includeTests && TEST_FILE.test(entry.name)) continue;
      out.push(full);
    }
  }
  return out;
}

/** Blanks comments (keeping offsets and newlines) so a "why" comment naming a rule is not a finding. */
export function blankComments(text, fileName) {
  // UTF-16 units, the same offsets the TypeScript parser reports.
  const units = text.split('');
  const blank = (start, end) => {
    for (let i = start; i < end; i++) if (units[i] !== '\n' && units[i] !== '\r') units[i] = ' ';
  };
  if (HTML_EXT.test(fileName)) {
    for (const m of text.matchAll(/<!--[\s\S]*?-->/g)) blank(m.index, m.index + m[0].length);
    return units.join('');
  }
  // The parser knows where strings, templates and regexes end; a hand lexer would not. Every
  // comment is trivia next to some token, so visiting every token (getChildren) finds all.
  const kind = /\.[cm]?tsx$|\.jsx$/.test(fileName)
    ? ts.ScriptKind.TSX
    : /\.[cm]?ts$/.test(fileName)
      ? ts.ScriptKind.TS
      : ts.ScriptKind.JS;
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const seen = new Set();
  const visit = (node) => {
    // Leading ranges skip a comment on the same line as the previous token: that one is the
    // previous token's trailing comment, so both kinds are collected.
    const ranges = [
      ...(ts.getLeadingCommentRanges(text, node.pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, node.end) ?? []),
    ];
    for (const r of ranges) {
      if (seen.has(r.pos)) continue;
      seen.add(r.pos);
      blank(r.pos, r.end);
    }
    for (const child of node.getChildren(sf)) visit(child);
  };
  visit(sf);
  if (text.startsWith('#!')) blank(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  return units.join('');
}

const ALLOW = /static-allow\s+([a-z0-9-]+)\s*:\s*(\S.*)?$/;

function allowances(rawLines) {
  const byLine = new Map();
  const problems = [];
  rawLines.forEach((line, i) => {
    const m = ALLOW.exec(line);
    if (!m) return;
    const reason = (m[2] ?? '').replace(/\*\/\s*$/, '').trim();
    if (!reason) {
      problems.push({
        line: i + 1,
        column: line.indexOf('static-allow') + 1,
        rule: 'allow-without-reason',
        text: m[0],
        why: 'every static-allow needs a reason after the colon',
      });
      return;
    }
    for (const target of [i + 1, i + 2]) byLine.set(`${target}:${m[1]}`, reason);
  });
  return { byLine, problems };
}

export function scanText(text, relPath) {
  const posix = relPath.split(sep).join('/');
  const clean = blankComments(text, posix);
  const rawLines = text.split(/\r?\n/);
  const cleanLines = clean.split(/\r?\n/);
  const { byLine, problems } = allowances(rawLines);
  const findings = problems.map((p) => ({ file: posix, ...p }));
  for (const rule of RULES) {
    if (rule.scope && !rule.scope.some((s) => posix.startsWith(s) || posix.includes(`/${s}`))) continue;
    cleanLines.forEach((line, i) => {
      if (rule.skipImportLines && /^\s*import\b/.test(line)) return;
      rule.pattern.lastIndex = 0;
      for (const m of line.matchAll(rule.pattern)) {
        if (byLine.has(`${i + 1}:${rule.id}`)) continue;
        findings.push({
          file: posix,
          line: i + 1,
          column: m.index + 1,
          rule: rule.id,
          text: m[0].trim() || line.trim(),
          why: rule.why,
        });
      }
    });
  }
  return findings;
}

/** A sandboxed preload runs with a require that knows only 'electron' (and a few polyfills). */
export function checkPreloadBundle(file) {
  const text = readFileSync(file, 'utf8');
  const findings = [];
  const lineOf = (index) => text.slice(0, index).split('\n').length;
  for (const m of text.matchAll(/\brequire\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g)) {
    if (m[2] !== 'electron') {
      findings.push({
        file,
        line: lineOf(m.index),
        column: 1,
        rule: 'preload-bundle-require',
        text: m[0],
        why: "a sandboxed preload can require only 'electron': bundle everything else",
      });
    }
  }
  for (const m of text.matchAll(/^\s*(?:import\s[^;]*?from\s*['"][^'"]+['"]|export\s)/gm)) {
    findings.push({
      file,
      line: lineOf(m.index),
      column: 1,
      rule: 'preload-bundle-esm',
      text: m[0].trim(),
      why: 'a sandboxed preload must be CommonJS',
    });
  }
  return findings;
}

function parseArgs(argv) {
  const dirs = [];
  const bundles = [];
  let includeTests = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--include-tests') includeTests = true;
    else if (a === '--preload-bundle') {
      const next = argv[++i];
      if (!next) throw new Error('--preload-bundle needs a file');
      bundles.push(resolve(next));
    } else if (a === '--help' || a === '-h') return { help: true };
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else dirs.push(resolve(a));
  }
  return { dirs, bundles, includeTests, defaults: dirs.length === 0 && bundles.length === 0 };
}

export function main(argv = process.argv.slice(2)) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`check-static: ${e.message}`);
    return 2;
  }
  if (args.help) {
    console.log('usage: node scripts/check-static.mjs [dir ...] [--preload-bundle <file>] [--include-tests]');
    return 0;
  }
  const dirs = args.dirs.length ? args.dirs : args.defaults ? [join(ROOT, 'src')] : [];
  const bundles = [...args.bundles];
  if (args.defaults) {
    const preloadOut = join(ROOT, 'out', 'preload');
    if (existsSync(preloadOut)) {
      for (const f of readdirSync(preloadOut)) if (/\.[cm]?js$/.test(f)) bundles.push(join(preloadOut, f));
    } else {
      console.log('check-static: out/preload not built; preload bundle check skipped (run electron-vite build first)');
    }
  }

  const findings = [];
  let files = 0;
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      console.error(`check-static: not a folder: ${dir}`);
      return 2;
    }
    for (const file of listFiles(dir, args.includeTests)) {
      files++;
      for (const f of scanText(readFileSync(file, 'utf8'), relative(dir, file))) {
        findings.push({ ...f, file: relative(process.cwd(), join(dir, f.file)) || f.file });
      }
    }
  }
  for (const bundle of bundles) {
    if (!existsSync(bundle)) {
      console.error(`check-static: no such preload bundle: ${bundle}`);
      return 2;
    }
    files++;
    for (const f of checkPreloadBundle(bundle)) findings.push({ ...f, file: relative(process.cwd(), bundle) });
  }

  for (const f of findings) console.log(`${f.file}:${f.line}:${f.column}  ${f.rule}  ${f.text}\n    why: ${f.why}`);
  const where = [...dirs, ...bundles].map((d) => relative(process.cwd(), d) || '.').join(', ');
  if (findings.length) {
    console.log(`\ncheck-static: FAILED: ${findings.length} finding(s) in ${files} file(s) scanned (${where})`);
    return 1;
  }
  console.log(`check-static: ok: ${files} file(s) scanned (${where}), ${RULES.length} rules, no findings`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}

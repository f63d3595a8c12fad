#!/usr/bin/env node
// `npm start`: build and launch the desktop app, but only when it can really run. Two things
// cannot be fetched on our build machines (environment.md) and are checked first:
//   1. the Electron binary (its postinstall download is disabled or fails offline);
//   2. better-sqlite3-multiple-ciphers built for Electron's ABI (node_modules has the Node
//      build, which Electron refuses to load), at native/electron/better_sqlite3.node.
// If either is missing this prints exactly what and how to get it, and exits 1. Never silently.
//
// Usage: node scripts/start.mjs [--check-only]
//   --check-only   check the prerequisites and exit 0/1 without building or launching
// Environment:
//   ELECTRON_EXEC_PATH   use this Electron executable (e.g. an unzipped official release)
//   SAUGA_START_ROOT     project root to check (tests); default: this script's parent folder

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(process.env.SAUGA_START_ROOT || fileURLToPath(new URL('..', import.meta.url)));
const NATIVE = join('native', 'electron', 'better_sqlite3.node');

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function platformZip(version) {
  const platform = { win32: 'win32', darwin: 'darwin', linux: 'linux' }[process.platform] ?? process.platform;
  return `electron-v${version}-${platform}-${process.arch}.zip`;
}

/** Returns the Electron executable, or a problem naming what is missing and how to get it. */
export function findElectron(root = ROOT, env = process.env) {
  const pkgDir = join(root, 'node_modules', 'electron');
  const version = readJson(join(pkgDir, 'package.json'))?.version;
  if (!version) {
    return { problem: `Electron is not installed: ${join(pkgDir, 'package.json')} is missing.\n    Fix: npm ci` };
  }
  if (env.ELECTRON_EXEC_PATH) {
    if (existsSync(env.ELECTRON_EXEC_PATH)) return { path: env.ELECTRON_EXEC_PATH, version };
    return { problem: `ELECTRON_EXEC_PATH points at ${env.ELECTRON_EXEC_PATH}, which does not exist.` };
  }
  const pathTxt = join(pkgDir, 'path.txt');
  const relExe = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : undefined;
  const exe = relExe ? join(pkgDir, 'dist', relExe) : undefined;
  if (exe && existsSync(exe)) return { path: exe, version };
  const missing = !relExe ? `${pathTxt} is missing` : `${exe} is missing`;
  return {
    problem: [
      `Electron binary not installed (node_modules/electron/dist missing): ${missing}.`,
      `    electron@${version} is installed as a package, but its binary was never downloaded`,
      `    (ELECTRON_SKIP_BINARY_DOWNLOAD, or "allowScripts": { "electron": false }, or no internet).`,
      `    Fix, on a machine with internet:`,
      `      node node_modules/electron/install.js`,
      `      (or: unset ELECTRON_SKIP_BINARY_DOWNLOAD; npm rebuild electron)`,
      `    Fix, offline: fetch ${platformZip(version)} from`,
      `      https://github.com/electron/electron/releases/tag/v${version} on another machine, check its`,
      `      SHA-256 against node_modules/electron/checksums.json, unzip it anywhere and run`,
      `      ELECTRON_EXEC_PATH=/path/to/unzipped/${process.platform === 'win32' ? 'electron.exe' : 'electron'} npm start`,
    ].join('\n'),
  };
}

/** Returns the Electron-ABI SQLite binding, or a problem naming what is missing and how to get it. */
export function findNativeBinding(root = ROOT, electronVersion) {
  const file = join(root, NATIVE);
  const fix = [
    `    Fix, on a machine with internet (it downloads Electron's headers) and the same OS/arch:`,
    `      npm run rebuild:electron-native      (node scripts/rebuild-electron-native.mjs)`,
    `    then copy the native/electron/ folder here.`,
  ].join('\n');
  if (!existsSync(file)) {
    return {
      problem: `Electron build of better-sqlite3-multiple-ciphers missing: ${file}\n    (node_modules holds the Node build, which Electron cannot load.)\n${fix}`,
    };
  }
  const info = readJson(join(root, 'native', 'electron', 'build-info.json'));
  if (info && electronVersion && info.electron !== electronVersion) {
    return {
      problem: `${file} was built for Electron ${info.electron}, but Electron ${electronVersion} is installed.\n${fix}`,
    };
  }
  if (info && (info.platform !== process.platform || info.arch !== process.arch)) {
    return {
      problem: `${file} was built for ${info.platform}-${info.arch}, this machine is ${process.platform}-${process.arch}.\n${fix}`,
    };
  }
  return { path: file };
}

export function checkPrerequisites(root = ROOT, env = process.env) {
  const electron = findElectron(root, env);
  const native = findNativeBinding(root, electron.version);
  const problems = [electron.problem, native.problem].filter(Boolean);
  return { electron, native, problems };
}

function run(args) {
  const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: 'inherit' });
  return r.status ?? 1;
}

export function main(argv = process.argv.slice(2)) {
  const checkOnly = argv.includes('--check-only');
  const { electron, problems } = checkPrerequisites();
  if (problems.length) {
    console.error(`sauga start: cannot start the desktop app; ${problems.length} thing(s) missing:\n`);
    problems.forEach((p, i) => console.error(`${i + 1}. ${p}\n`));
    console.error('Tests that need no Electron still work: npx vitest run, and the Playwright e2e suite in Chromium.');
    return 1;
  }
  console.log(`sauga start: Electron ${electron.version} at ${electron.path}; Electron build of SQLite found.`);
  if (checkOnly) return 0;
  // electron-vite reads this, so it launches exactly the binary we checked.
  process.env.ELECTRON_EXEC_PATH = electron.path;
  const built = run(['build']);
  if (built !== 0) {
    console.error('sauga start: electron-vite build failed.');
    return built;
  }
  return run(['preview', '--skipBuild']);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}

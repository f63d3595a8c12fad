#!/usr/bin/env node
// Builds better-sqlite3-multiple-ciphers for Electron's ABI into native/electron/.
//
// Why: node_modules holds the Node build (tests and the CLI use it). Electron embeds a
// different V8/ABI and refuses that file, so the desktop app loads this second build through
// better-sqlite3's `nativeBinding` option (src/main/services.ts). The build happens in a
// temporary copy of the package so node_modules is never touched.
//
// NEEDS INTERNET (Electron's headers come from https://electronjs.org/headers) unless you pass
// --headers with an unpacked node-v<electron>-headers.tar.gz. It cannot run on our offline build
// machines: run it on a machine with internet and the SAME OS and CPU as the target (a Windows
// build must be made on Windows), then copy native/electron/ back.
//
// Usage: node scripts/rebuild-electron-native.mjs [options]
//   --method node-gyp          (default) npm's bundled node-gyp against Electron's headers
//   --method electron-rebuild  npx -y @electron/rebuild@3.7.2 (4.x needs Node 22)
//   --headers <dir>            offline: unpacked Electron headers (node-gyp --nodedir)
//   --arch <arch>              target CPU (default: this machine's, e.g. x64, arm64)
//   --dry-run                  print the plan and commands, change nothing
//   --keep-temp                keep the temporary build folder for inspection
// Output: native/electron/better_sqlite3.node and native/electron/build-info.json.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const MODULE = 'better-sqlite3-multiple-ciphers';
const HEADERS_URL = 'https://electronjs.org/headers';
const ELECTRON_REBUILD = '@electron/rebuild@3.7.2';
const OUT_DIR = join(ROOT, 'native', 'electron');

function parseArgs(argv) {
  const args = { method: 'node-gyp', headers: undefined, arch: process.arch, dryRun: false, keepTemp: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--method') args.method = next();
    else if (a === '--headers') args.headers = resolve(next());
    else if (a === '--arch') args.arch = next();
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--keep-temp') args.keepTemp = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!['node-gyp', 'electron-rebuild'].includes(args.method)) throw new Error(`unknown --method ${args.method}`);
  if (args.headers && args.method !== 'node-gyp') throw new Error('--headers works with --method node-gyp only');
  return args;
}

const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

/** npm ships node-gyp; `npm run` tells us where, otherwise look beside node. */
function nodeGypCommand() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  return found ? [process.execPath, found] : ['npx', '-y', 'node-gyp@12'];
}

export function plan(argv = []) {
  const args = parseArgs(argv);
  const electronPkg = join(ROOT, 'node_modules', 'electron', 'package.json');
  const modulePkg = join(ROOT, 'node_modules', MODULE, 'package.json');
  if (!existsSync(electronPkg)) throw new Error(`${electronPkg} is missing: run npm ci first`);
  if (!existsSync(modulePkg)) throw new Error(`${modulePkg} is missing: run npm ci first`);
  const electron = readJson(electronPkg).version;
  const abiFile = join(ROOT, 'node_modules', 'electron', 'abi_version');
  const abi = existsSync(abiFile) ? readFileSync(abiFile, 'utf8').trim() : undefined;
  const moduleVersion = readJson(modulePkg).version;
  const work = args.dryRun ? join(tmpdir(), 'sauga-native-XXXXXX') : mkdtempSync(join(tmpdir(), 'sauga-native-'));
  const moduleDir = join(work, 'node_modules', MODULE);

  let command;
  if (args.method === 'node-gyp') {
    command = {
      cmd: nodeGypCommand(),
      args: [
        'rebuild',
        '--release',
        `--target=${electron}`,
        `--arch=${args.arch}`,
        ...(args.headers ? [`--nodedir=${args.headers}`] : [`--dist-url=${HEADERS_URL}`]),
        // Electron's headers go to their own cache, never mixed with Node's.
        `--devdir=${join(work, '.electron-gyp')}`,
      ],
      cwd: moduleDir,
    };
  } else {
    command = {
      cmd: ['npx', '-y', ELECTRON_REBUILD],
      args: ['--version', electron, '--arch', args.arch, '--module-dir', work, '--only', MODULE, '--force'],
      cwd: work,
    };
  }
  return {
    args,
    electron,
    abi,
    moduleVersion,
    work,
    moduleDir,
    command,
    output: join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
  };
}

/** Loading it in plain Node must fail with Electron's NODE_MODULE_VERSION: proof of the ABI. */
function checkAbi(file, abi) {
  try {
    process.dlopen({ exports: {} }, file);
    return { ok: false, message: 'it loads in plain Node, so it is a Node build, not an Electron build' };
  } catch (e) {
    const m = /NODE_MODULE_VERSION (\d+)\. This version of Node\.js requires NODE_MODULE_VERSION (\d+)/.exec(
      String(e.message),
    );
    if (!m) return { ok: true, message: `could not confirm the ABI (${String(e.message).split('\n')[0]})` };
    if (abi && m[1] !== abi)
      return { ok: false, message: `built for NODE_MODULE_VERSION ${m[1]}, Electron needs ${abi}` };
    return { ok: true, message: `NODE_MODULE_VERSION ${m[1]} (Electron's)` };
  }
}

export function main(argv = process.argv.slice(2)) {
  let p;
  try {
    p = plan(argv);
  } catch (e) {
    console.error(`rebuild-electron-native: ${e.message}`);
    return 2;
  }
  const shown = [...p.command.cmd, ...p.command.args].join(' ');
  console.log(
    `rebuild-electron-native: ${MODULE}@${p.moduleVersion} for Electron ${p.electron} (ABI ${p.abi ?? '?'}), ${process.platform}-${p.args.arch}`,
  );
  console.log(`  1. copy node_modules/${MODULE} to ${p.moduleDir} (without its Node build)`);
  console.log(`  2. in ${p.command.cwd}: ${shown}`);
  console.log(
    `     (needs internet for ${p.args.headers ? 'nothing: --headers given' : `${HEADERS_URL}/v${p.electron}/`}${p.args.method === 'electron-rebuild' ? ` and the npm registry (${ELECTRON_REBUILD})` : ''})`,
  );
  console.log(
    `  3. copy build/Release/better_sqlite3.node to ${join(OUT_DIR, 'better_sqlite3.node')} with build-info.json`,
  );
  if (p.args.dryRun) {
    console.log('rebuild-electron-native: dry run, nothing changed');
    return 0;
  }

  try {
    const source = join(ROOT, 'node_modules', MODULE);
    const nodeBuild = join(source, 'build');
    cpSync(source, p.moduleDir, {
      recursive: true,
      filter: (src) => src !== nodeBuild && !src.startsWith(`${nodeBuild}${sep}`),
    });
    if (p.args.method === 'electron-rebuild') {
      writeFileSync(
        join(p.work, 'package.json'),
        JSON.stringify({ name: 'sauga-native-build', private: true, dependencies: { [MODULE]: p.moduleVersion } }),
      );
    }
    const [cmd, ...pre] = p.command.cmd;
    const r = spawnSync(cmd, [...pre, ...p.command.args], {
      cwd: p.command.cwd,
      stdio: 'inherit',
      shell: process.platform === 'win32' && cmd === 'npx',
    });
    if (r.status !== 0 || !existsSync(p.output)) {
      console.error(
        [
          `rebuild-electron-native: FAILED (${r.error ? r.error.message : `exit ${r.status}`}); nothing was written to native/electron.`,
          `  This step downloads Electron's headers from ${HEADERS_URL} and needs internet.`,
          `  Offline: fetch ${HEADERS_URL}/v${p.electron}/node-v${p.electron}-headers.tar.gz elsewhere, unpack it,`,
          `  and run: node scripts/rebuild-electron-native.mjs --headers <unpacked folder>`,
          `  It also needs a C/C++ toolchain and Python (node-gyp's usual requirements).`,
        ].join('\n'),
      );
      return 1;
    }
    const abi = checkAbi(p.output, p.abi);
    if (!abi.ok) {
      console.error(`rebuild-electron-native: FAILED: ${abi.message}; nothing was written to native/electron.`);
      return 1;
    }
    mkdirSync(OUT_DIR, { recursive: true });
    const target = join(OUT_DIR, 'better_sqlite3.node');
    copyFileSync(p.output, target);
    const info = {
      module: MODULE,
      moduleVersion: p.moduleVersion,
      electron: p.electron,
      abi: p.abi,
      platform: process.platform,
      arch: p.args.arch,
      method: p.args.method,
      sha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
      builtAt: new Date().toISOString(),
    };
    writeFileSync(join(OUT_DIR, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
    console.log(`rebuild-electron-native: ok: ${target} (${abi.message}); sha256 ${info.sha256}`);
    return 0;
  } finally {
    if (p.args.keepTemp) console.log(`rebuild-electron-native: kept ${p.work}`);
    else rmSync(p.work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main();
}

#!/usr/bin/env node
// Runs Electronegativity over the source and FAILS on any finding not in the allowlist.
// Electronegativity itself exits 0 whatever it finds (security.md), so this gate reads its
// SARIF output and decides. Each allowlist entry says why the finding is acceptable.
//
// Usage: node scripts/electronegativity-gate.mjs [--input <dir>]... [--allow <file>] [--sarif <file>]
//   --input   folder to scan, relative to the current folder (default: src). Scan the whole
//             source at once: its global checks (CSP, navigation, permission handlers) need to
//             see main, preload and the renderer's HTML together.
//   --allow   allowlist (default: scripts/electronegativity-allow.json)
//   --sarif   keep the SARIF report at this path (default: a temp file, removed)
// Exit code: 0 clean, 1 findings outside the allowlist or unparsable files, 2 could not run.
//
// Offline on purpose: Electronegativity fetches translations and Electron's release list
// from the internet with `got`. The gate replaces `got` with a function that fails at once,
// so the scan never touches the network and gives the same answer on an air-gapped machine.

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const args = { inputs: [], allow: join(ROOT, 'scripts', 'electronegativity-allow.json'), sarif: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (!v) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--input' || a === '-i') args.inputs.push(next());
    else if (a === '--allow') args.allow = resolve(next());
    else if (a === '--sarif') args.sarif = resolve(next());
    else throw new Error(`unknown argument ${a}`);
  }
  if (args.inputs.length === 0) args.inputs.push(relative(process.cwd(), join(ROOT, 'src')) || '.');
  return args;
}

/** A stand-in for `got` that fails immediately for every call form (got(), got.head(), ...). */
function offlineGot() {
  const fail = () => Promise.reject(new Error('network disabled by electronegativity-gate'));
  return new Proxy(fail, { get: () => fail });
}

function blockNetworkModules() {
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'got') return offlineGot();
    return load.call(this, request, ...rest);
  };
}

export function loadAllowlist(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data.allow)) throw new Error(`${file}: expected an "allow" array`);
  data.allow.forEach((e, i) => {
    if (typeof e.check !== 'string' || typeof e.file !== 'string')
      throw new Error(`${file}: allow[${i}] needs "check" and "file"`);
    if (typeof e.why !== 'string' || e.why.trim().length < 10)
      throw new Error(`${file}: allow[${i}] (${e.check}) needs a "why" that explains it`);
    if (e.count !== undefined && !(Number.isInteger(e.count) && e.count > 0))
      throw new Error(`${file}: allow[${i}] "count" must be a positive integer`);
  });
  return data.allow;
}

export function findingsFromSarif(sarif, inputRel) {
  const out = [];
  for (const run of sarif.runs ?? []) {
    for (const r of run.results ?? []) {
      const loc = r.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri ?? 'N/A';
      // Global checks with no file (e.g. "no CSP at all") come back as file:/// or N/A.
      const file = /^(?:file:\/\/\/?|N\/A)$/.test(uri)
        ? '*'
        : join(inputRel, uri.replace(/^file:\/\//, ''))
            .split(sep)
            .join('/');
      out.push({
        check: r.ruleId,
        file,
        line: loc?.region?.startLine ?? 0,
        level: r.level ?? 'warning',
        message: r.message?.text ?? '',
      });
    }
  }
  return out;
}

/** Splits findings into allowed and not; each entry allows `count` (default 1) findings. */
export function applyAllowlist(findings, allow) {
  const used = allow.map(() => 0);
  const blocked = [];
  const allowed = [];
  for (const f of findings) {
    const i = allow.findIndex(
      (e, j) => e.check === f.check && (e.file === f.file || e.file === '*') && used[j] < (e.count ?? 1),
    );
    if (i === -1) blocked.push(f);
    else {
      used[i]++;
      allowed.push({ ...f, why: allow[i].why });
    }
  }
  const stale = allow.filter((_, i) => used[i] === 0);
  return { blocked, allowed, stale };
}

/** Electronegativity writes the report with an un-awaited fs.writeFile, so wait for it. */
async function readSarifWhenWritten(path, attempts = 250) {
  for (let i = 0; i < attempts; i++) {
    if (existsSync(path)) {
      try {
        return JSON.parse(readFileSync(path, 'utf8'));
      } catch {
        // Still being written.
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return undefined;
}

async function scan(input, sarifPath, electronVersion) {
  blockNetworkModules();
  const run = require('@doyensec/electronegativity');
  // Its progress chatter ("could not retrieve translations", "no connectivity?") is expected
  // offline; keep it out of the report and show it only if the scan itself fails.
  const chatter = [];
  const saved = { log: console.log, warn: console.warn, info: console.info };
  console.log = console.warn = console.info = (...a) => chatter.push(a.join(' '));
  try {
    return await run(
      {
        input: resolve(input),
        output: sarifPath,
        isSarif: true,
        customScan: [],
        excludeFromScan: [],
        isRelative: true,
        isVerbose: false,
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      },
      false,
    );
  } catch (e) {
    saved.log(chatter.join('\n'));
    throw e;
  } finally {
    Object.assign(console, saved);
  }
}

export async function main(argv = process.argv.slice(2)) {
  let args;
  let allow;
  try {
    args = parseArgs(argv);
    allow = loadAllowlist(args.allow);
  } catch (e) {
    console.error(`electronegativity-gate: ${e.message}`);
    return 2;
  }
  const electronVersion = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const tmp = mkdtempSync(join(tmpdir(), 'sauga-electronegativity-'));
  const findings = [];
  const parseErrors = [];
  try {
    for (const [n, input] of args.inputs.entries()) {
      if (!existsSync(input)) {
        console.error(`electronegativity-gate: no such input: ${input}`);
        return 2;
      }
      const sarifPath = args.sarif && args.inputs.length === 1 ? args.sarif : join(tmp, `scan-${n}.sarif`);
      let result;
      try {
        result = await scan(input, sarifPath, electronVersion);
      } catch (e) {
        console.error(`electronegativity-gate: electronegativity failed on ${input}: ${e.stack ?? e}`);
        return 2;
      }
      const sarif = await readSarifWhenWritten(sarifPath);
      if (!sarif) {
        console.error(`electronegativity-gate: electronegativity wrote no SARIF report for ${input}`);
        return 2;
      }
      // A file it could not parse was not checked at all: that is a failure, not a pass.
      for (const err of result?.errors ?? []) if (!err.tolerable) parseErrors.push({ input, ...err });
      findings.push(...findingsFromSarif(sarif, relative(process.cwd(), resolve(input)) || '.'));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const { blocked, allowed, stale } = applyAllowlist(findings, allow);
  const where = args.inputs.join(', ');
  console.log(
    `electronegativity-gate: Electronegativity (Electron ${electronVersion}) over ${where}: ${findings.length} finding(s)`,
  );
  for (const f of allowed)
    console.log(`  allowed  ${f.check}  ${f.file}:${f.line}  ${f.message}\n           why: ${f.why}`);
  for (const f of blocked) console.log(`  FINDING  ${f.check}  ${f.file}:${f.line}  [${f.level}] ${f.message}`);
  for (const e of parseErrors) console.log(`  UNPARSED ${e.file}: ${e.message}`);
  for (const e of stale)
    console.log(`  note: allowlist entry ${e.check} ${e.file} matched nothing; remove it if the finding is gone`);
  if (blocked.length || parseErrors.length) {
    console.log(
      `electronegativity-gate: FAILED: ${blocked.length} finding(s) not in ${relative(process.cwd(), args.allow)}` +
        (parseErrors.length ? `, ${parseErrors.length} file(s) not parsed` : '') +
        '. Fix the code, or add an entry with a "why" if the finding is a false positive.',
    );
    return 1;
  }
  console.log(`electronegativity-gate: ok (${allowed.length} allowed with reasons, 0 outside the allowlist)`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}

#!/usr/bin/env node
// `npm run demo`: makes a demo vault through the real CLI and says where it is and how to open it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vault = resolve(process.env.SAUGA_DEMO_DIR ?? join(root, 'demo-vault'));
const passFile = `${vault}.passphrase.txt`;
const passphrase = 'lilac kettle mountain, spring 2026';
const user = 'Demo administratorius';
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

function sauga(args) {
  const r = spawnSync(tsx, [join(root, 'src', 'cli', 'index.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    process.stderr.write(`demo: \`sauga ${args.slice(0, 2).join(' ')}\` failed (exit ${r.status}).\n`);
    process.exit(r.status ?? 1);
  }
  return r.stdout;
}

if (existsSync(join(vault, 'keyslots.json'))) {
  process.stdout.write(`A demo vault already exists in ${vault}.\nUser: ${user}\nPassphrase file: ${passFile}\n`);
  process.stdout.write(`Delete that folder and run \`npm run demo\` again for a fresh one.\n`);
  process.exit(0);
}

mkdirSync(dirname(vault), { recursive: true });
// Demo only: a real passphrase is never written to disk next to its vault.
writeFileSync(passFile, `${passphrase}\n`, { mode: 0o600 });
const out = JSON.parse(
  sauga([
    'vault',
    'init',
    '--vault',
    vault,
    '--org',
    'Demonstracinė organizacija „Viltis“',
    '--user',
    user,
    '--passphrase-file',
    passFile,
    '--json',
  ]),
);
sauga(['vault', 'check', '--vault', vault, '--user', user, '--passphrase-file', passFile, '--json']);

process.stdout.write(`Demo vault created and checked.

  Folder:          ${vault}
  User:            ${user}
  Passphrase:      ${passphrase}
  (also in         ${passFile})
  Recovery words:  ${out.recoveryWords.join(' ')}

Try:  npm run sauga -- vault info --vault "${vault}"
      npm run sauga -- vault check --vault "${vault}" --user "${user}" --passphrase-file "${passFile}"
`);

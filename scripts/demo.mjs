#!/usr/bin/env node
// `npm run demo`: makes a demo vault with synthetic cases through the real CLI (`sauga demo`)
// and says where it is and how to open it. SAUGA_DEMO_CASES sets how many cases (default 300).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vault = resolve(process.env.SAUGA_DEMO_DIR ?? join(root, 'demo-vault'));
const passFile = `${vault}.passphrase.txt`;
const passphrase = 'lilac kettle mountain, spring 2026';
const user = 'Demo koordinatorė';
const cases = process.env.SAUGA_DEMO_CASES ?? '300';
const tsx = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx');

function sauga(args) {
  const r = spawnSync(tsx, [join(root, 'src', 'cli', 'index.ts'), ...args], {
    // stderr passes through: `sauga demo` shows its progress there.
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
  sauga(['demo', '--vault', vault, '--cases', cases, '--user', user, '--passphrase-file', passFile, '--json']),
);
sauga(['vault', 'check', '--vault', vault, '--user', user, '--passphrase-file', passFile, '--json']);

const others = out.users
  .filter((u) => u.name !== user)
  .map((u) => `${u.name} (${u.roles.join(', ')})`)
  .join('\n                   ');

process.stdout.write(`Demo vault created and checked: ${out.cases} synthetic cases (${out.firstCode} … ${out.lastCode}).

  Folder:          ${vault}
  User:            ${user} (administrator, supervisor: sees every case)
  Passphrase:      ${passphrase}
  (also in         ${passFile})
  Other users:     ${others}
                   (same passphrase)
  Recovery words:  ${out.recoveryWords.join(' ')}

Try:  npm run sauga -- vault info --vault "${vault}"
      npm run sauga -- vault check --vault "${vault}" --user "${user}" --passphrase-file "${passFile}"
`);

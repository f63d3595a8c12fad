import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

let dir: string;
let cleanup: () => void;

const io = (stdin = ''): CapturedIo => captureIo({ stdin });

const file = (name: string, content: string): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function init(): Promise<{ vault: string; pass: string; words: string[] }> {
  const vault = join(dir, 'vault');
  const pass = file('pass.txt', `${ADMIN.passphrase}\n`);
  const i = io();
  const code = await run(
    ['vault', 'init', '--vault', vault, '--org', 'Viltis', '--user', ADMIN.name, '--passphrase-file', pass, '--json'],
    i,
  );
  expect(code).toBe(0);
  const out = JSON.parse(i.out) as { ok: boolean; recoveryWords: string[] };
  expect(out.ok).toBe(true);
  return { vault, pass, words: out.recoveryWords };
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('sauga vault', () => {
  it('init prints 24 recovery words and makes a vault that opens', async () => {
    const { vault, words } = await init();
    expect(words).toHaveLength(24);
    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    expect(s.getMeta('org_name')).toBe('Viltis');
    s.lock();
  });

  it('info says what it can without a secret', async () => {
    const { vault } = await init();
    const i = io();
    expect(await run(['vault', 'info', '--vault', vault, '--json'], i)).toBe(0);
    expect(JSON.parse(i.out)).toMatchObject({ ok: true, databaseLooksEncrypted: true });
  });

  it('check passes on a healthy vault and fails (exit 1) on a damaged one', async () => {
    const { vault, pass } = await init();
    expect(await run(['vault', 'check', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass], io())).toBe(
      0,
    );
    const db = join(vault, 'vault.db');
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(32, 0xaa), 0, 32, 200);
    closeSync(fd);
    const i = io();
    expect(
      await run(['vault', 'check', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass, '--json'], i),
    ).toBe(1);
    expect(JSON.parse(i.out)).toMatchObject({ ok: false, error: { code: 'VAULT_DAMAGED' } });
  });

  it('passwd reads both passphrases from files, one of them may be stdin', async () => {
    const { vault, pass } = await init();
    const i = io('a brand new passphrase, spring 2027\n');
    expect(
      await run(
        [
          'vault',
          'passwd',
          '--vault',
          vault,
          '--user',
          ADMIN.name,
          '--passphrase-file',
          pass,
          '--new-passphrase-file',
          '-',
        ],
        i,
      ),
    ).toBe(0);
    (await unlockVault(vault, ADMIN.name, 'a brand new passphrase, spring 2027')).lock();
    expect(
      await run(
        [
          'vault',
          'passwd',
          '--vault',
          vault,
          '--user',
          ADMIN.name,
          '--passphrase-file',
          '-',
          '--new-passphrase-file',
          '-',
        ],
        io(),
      ),
    ).toBe(2);
  });

  it('add-user needs an administrator and gives the new user the roles asked for', async () => {
    const { vault, pass } = await init();
    const newPass = file('jonas.txt', 'Žalias kalnas prie upės 97');
    const args = [
      'vault',
      'add-user',
      '--vault',
      vault,
      '--user',
      ADMIN.name,
      '--passphrase-file',
      pass,
      '--new-user',
      'Jonas',
      '--roles',
      'caseworker,supervisor',
      '--new-passphrase-file',
      newPass,
    ];
    expect(await run(args, io())).toBe(0);
    const j = await unlockVault(vault, 'Jonas', 'Žalias kalnas prie upės 97');
    expect(j.user.roles).toEqual(['caseworker', 'supervisor']);
    j.lock();
    const other = file('eve.txt', 'another good passphrase 1');
    const i = io();
    expect(
      await run(
        [
          'vault',
          'add-user',
          '--vault',
          vault,
          '--user',
          'Jonas',
          '--passphrase-file',
          newPass,
          '--new-user',
          'Eve',
          '--roles',
          'administrator',
          '--new-passphrase-file',
          other,
          '--json',
        ],
        i,
      ),
    ).toBe(2);
    expect(JSON.parse(i.out)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await run([...args.slice(0, -4), '--roles', 'boss', '--new-passphrase-file', newPass], io())).toBe(2);
  });

  it('recover resets a passphrase from a words file', async () => {
    const { vault, words } = await init();
    const wf = file('words.txt', words.map((w, n) => `${n + 1}. ${w}`).join('\n'));
    const np = file('np.txt', 'recovered: lilac kettle mountain');
    expect(
      await run(
        ['vault', 'recover', '--vault', vault, '--user', ADMIN.name, '--words-file', wf, '--new-passphrase-file', np],
        io(),
      ),
    ).toBe(0);
    (await unlockVault(vault, ADMIN.name, 'recovered: lilac kettle mountain')).lock();
  });
});

describe('sauga audit verify', () => {
  it('passes on an intact chain and names the first bad entry after tampering', async () => {
    const { vault, pass } = await init();
    const ok = io();
    expect(
      await run(['audit', 'verify', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass, '--json'], ok),
    ).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, entries: 2 });
    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    s.db.prepare(`UPDATE audit_log SET actor = 'Mallory' WHERE seq = 2`).run();
    s.lock();
    const bad = io();
    expect(await run(['audit', 'verify', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass], bad)).toBe(
      1,
    );
    expect(bad.err).toContain('entry 2');
  });
});

describe('bad input exits 2 with a clear message', () => {
  it('a missing vault folder', async () => {
    const pass = file('p', ADMIN.passphrase);
    const i = io();
    expect(
      await run(['vault', 'check', '--vault', join(dir, 'nope'), '--user', 'x', '--passphrase-file', pass], i),
    ).toBe(2);
    expect(i.err).toMatch(/vault folder cannot be found/i);
  });

  it('an unreadable passphrase file', async () => {
    const { vault } = await init();
    const i = io();
    expect(
      await run(
        ['vault', 'check', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', join(dir, 'missing.txt')],
        i,
      ),
    ).toBe(2);
    expect(i.err).toContain('FILE_UNREADABLE');
  });

  it('a vault of a newer version', async () => {
    const { vault, pass } = await init();
    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    s.db.pragma('user_version = 77');
    s.lock();
    const i = io();
    expect(await run(['vault', 'check', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass], i)).toBe(2);
    expect(i.err).toContain('VAULT_TOO_NEW');
  });

  it('a wrong passphrase, a missing flag, an unknown flag, an unknown command', async () => {
    const { vault } = await init();
    const wrong = file('w', 'definitely not it, sorry');
    expect(
      await run(['vault', 'check', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', wrong], io()),
    ).toBe(2);
    const i = io();
    expect(await run(['vault', 'check', '--vault', vault], i)).toBe(2);
    expect(i.err).toContain('--user');
    expect(await run(['vault', 'check', '--vault', vault, '--passphrase', 'secret'], io())).toBe(2);
    expect(await run(['vault', 'explode'], io())).toBe(2);
  });

  it('speaks Lithuanian when asked', async () => {
    const i = io();
    expect(await run(['vault', 'info', '--vault', join(dir, 'nope'), '--lang', 'lt'], i)).toBe(2);
    expect(i.err).toMatch(/^Klaida: /u);
  });
});

describe('the real command', () => {
  it('`npm run sauga` runs the CLI from a checkout', () => {
    const root = resolve(__dirname, '../..');
    const r = spawnSync(
      'npm',
      ['run', '--silent', 'sauga', '--', 'vault', 'info', '--vault', join(dir, 'none'), '--json'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'en_US.UTF-8' },
      },
    );
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'VAULT_MISSING' } });
  });
});

import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { recipientFingerprint, writeDirectory } from '../core/keys/directory';
import { directorySigner, fileEntry, recipientKeys } from '../core/keys/directory/testkit';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

let dir: string;
let cleanup: () => void;

const io = (): CapturedIo => captureIo();

const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

async function vault(): Promise<string[]> {
  const path = join(dir, 'vault');
  const pass = file('pass.txt', `${ADMIN.passphrase}\n`);
  expect(
    await run(
      ['vault', 'init', '--vault', path, '--org', 'Viltis', '--user', ADMIN.name, '--passphrase-file', pass],
      io(),
    ),
  ).toBe(0);
  return ['--vault', path, '--user', ADMIN.name, '--passphrase-file', pass];
}

describe('sauga directory', () => {
  it('trusts a signer, imports a directory, adds and verifies a recipient, all audited', async () => {
    const unlock = await vault();
    const signer = directorySigner();
    let i = io();
    expect(
      await run(
        [
          'directory',
          'trust-signer',
          ...unlock,
          '--org',
          'Teisingumo ministerija',
          '--public-key',
          signer.publicKeyLine,
        ],
        i,
      ),
    ).toBe(0);
    expect(i.out).toMatch(/Fingerprint \d{5}( \d{5}){7}/u);

    const fromDirectory = randomUUID();
    const dirFile = file(
      'directory.zip',
      writeDirectory([fileEntry(fromDirectory, await recipientKeys())], 1, signer.signer, { issuer: 'Ministerija' }),
    );
    i = io();
    expect(await run(['directory', 'import', dirFile, ...unlock], i)).toBe(0);
    expect(i.out).toContain('Directory version 1 from Ministerija installed: 1 added');

    const k = await recipientKeys();
    const add = [
      'directory',
      'add',
      ...unlock,
      '--institution',
      'Kauno apygardos prokuratūra',
      '--category',
      'PROSECUTOR',
      '--age-recipient',
      k.ageRecipient,
      '--ed25519-key',
      k.ed25519PublicKey.toString('base64'),
      '--valid-from',
      '2026-01-01',
      '--json',
    ];
    i = io();
    expect(await run(add, i)).toBe(0);
    const added = JSON.parse(i.out) as { ok: boolean; entry: { id: string; fingerprint: string; state: string } };
    expect(added).toMatchObject({ ok: true, entry: { state: 'unverified' } });
    expect(added.entry.fingerprint).toBe(recipientFingerprint(k.ageRecipient, k.ed25519PublicKey));

    i = io();
    const verify = ['directory', 'verify', ...unlock, '--id', added.entry.id, '--fingerprint'];
    expect(await run([...verify, '00000 00000 00000 00000 00000 00000 00000 00000'], i)).toBe(1);
    expect(i.err).toContain('DIRECTORY_FINGERPRINT_MISMATCH');
    i = io();
    expect(await run([...verify, added.entry.fingerprint.replace(/ /gu, '')], i)).toBe(0);
    expect(i.out).toContain('verified');

    i = io();
    expect(await run(['directory', 'list', ...unlock, '--json'], i)).toBe(0);
    const listed = JSON.parse(i.out) as { installed: { version: number }; entries: { id: string; state: string }[] };
    expect(listed.installed.version).toBe(1);
    expect(listed.entries.map((e) => [e.id, e.state]).sort()).toEqual(
      [
        [fromDirectory, 'verified'],
        [added.entry.id, 'verified'],
      ].sort(),
    );

    i = io();
    expect(await run(['directory', 'list', ...unlock, '--lang', 'lt'], i)).toBe(0);
    expect(i.out).toContain('Įdiegtas katalogas: versija 1');
    expect(i.out).toContain('patvirtinta');

    // The same version again is a refused check, not bad input.
    i = io();
    expect(await run(['directory', 'import', dirFile, ...unlock], i)).toBe(1);
    expect(i.err).toContain('DIRECTORY_VERSION_OLD');

    expect(await run(['audit', 'verify', ...unlock], io())).toBe(0);
  });

  it('refuses bad input with exit 2', async () => {
    const unlock = await vault();
    const k = await recipientKeys();
    const base = [
      '--institution',
      'Prokuratūra',
      '--age-recipient',
      k.ageRecipient,
      '--ed25519-key',
      k.ed25519PublicKey.toString('base64'),
      '--valid-from',
      '2026-01-01',
    ];
    const cases: string[][] = [
      ['directory', 'add', ...unlock, ...base, '--category', 'JUDGE'],
      ['directory', 'add', ...unlock, ...base],
      ['directory', 'add', ...unlock, ...base, '--category', 'PROSECUTOR', '--valid-to', 'tomorrow'],
      ['directory', 'add', ...unlock, ...base.slice(0, 3), 'age1abc', ...base.slice(4), '--category', 'PROSECUTOR'],
      ['directory', 'verify', ...unlock, '--id', 'not-a-uuid', '--fingerprint', '1'],
      ['directory', 'import', ...unlock],
      ['directory', 'import', 'a.zip', 'b.zip', ...unlock],
      ['directory', 'trust-signer', ...unlock, '--org', 'M', '--public-key', 'RWnope'],
      ['directory', 'list', '--vault', join(dir, 'vault')],
      ['directory', 'frobnicate', ...unlock],
    ];
    for (const args of cases) {
      const i = io();
      const got = await run([...args, '--json'], i);
      if (got !== 2) throw new Error(`${args.slice(0, 2).join(' ')} … exited ${got}: ${i.err}`);
      expect((JSON.parse(i.out.trim().split('\n').pop() as string) as { ok: boolean }).ok).toBe(false);
    }
  });
});

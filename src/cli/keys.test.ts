import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decrypter } from 'age-encryption';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../shared/errors';
import { verifyDirectoryEntry, withAgeIdentities } from '../core/keys/recipient';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

const IDENTITY_PASSPHRASE = 'lantern orbit velvet quarry moss tundra';
const INSTITUTION = 'Generalinė prokuratūra';

let dir: string;
let cleanup: () => void;
let vault: string;
let pass: string;
/** Everything any command printed in a test, to prove no secret ever reaches the terminal. */
let printed: string;

const io = (): CapturedIo => captureIo({ onPrint: (s) => (printed += s) });

const file = (name: string, content: string | Uint8Array): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

const as = (user: string = ADMIN.name, passFile: string = pass): string[] => [
  '--vault',
  vault,
  '--user',
  user,
  '--passphrase-file',
  passFile,
];

async function sauga(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const i = io();
  const code = await run(args, i);
  return { code, out: i.out, err: i.err };
}

async function initRecipient(): Promise<{ ageRecipient: string; ed25519PublicKey: string; fingerprint: string }> {
  const r = await sauga(['keys', 'init', ...as(), '--institution', INSTITUTION, '--category', 'PROSECUTOR', '--json']);
  expect(r.code).toBe(0);
  const { ageRecipient, ed25519PublicKey, fingerprint } = JSON.parse(r.out) as Record<string, string>;
  return { ageRecipient: ageRecipient ?? '', ed25519PublicKey: ed25519PublicKey ?? '', fingerprint: fingerprint ?? '' };
}

async function theSecret(): Promise<string> {
  const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
  try {
    return (await withAgeIdentities(s, (ids) => ids[0]?.identity)) ?? '';
  } finally {
    s.lock();
  }
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  printed = '';
  vault = join(dir, 'vault');
  pass = file('pass.txt', `${ADMIN.passphrase}\n`);
  expect(
    (
      await sauga([
        'vault',
        'init',
        '--vault',
        vault,
        '--org',
        INSTITUTION,
        '--user',
        ADMIN.name,
        '--passphrase-file',
        pass,
      ])
    ).code,
  ).toBe(0);
});
afterEach(() => cleanup());

describe('sauga keys init', () => {
  it('sets up the recipient keys once and prints the public keys with their fingerprint', async () => {
    const r = await sauga(['keys', 'init', ...as(), '--institution', INSTITUTION, '--category', 'PROSECUTOR']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/age recipient: age1[a-z0-9]{58}\n/u);
    expect(r.out).toMatch(/Ed25519 key: [A-Za-z0-9+/]{43}=\n/u);
    expect(r.out).toMatch(/Fingerprint: \d{5}( \d{5}){7}\n/u);
    expect(r.out).toContain(`Recipient: ${INSTITUTION} (PROSECUTOR)`);

    const again = await sauga([
      'keys',
      'init',
      ...as(),
      '--institution',
      INSTITUTION,
      '--category',
      'PROSECUTOR',
      '--json',
    ]);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ ok: false, error: { code: ErrorCode.RecipientKeysExist } });
    expect(printed).not.toContain(await theSecret());
  });

  it('exits 2 on bad input and for a user who is not an administrator', async () => {
    const bad = [
      ['keys', 'init', ...as(), '--category', 'PROSECUTOR'],
      ['keys', 'init', ...as(), '--institution', INSTITUTION, '--category', 'prosecutor'],
      ['keys', 'init', ...as(), '--institution', INSTITUTION, '--category', 'FAMILY'],
      ['keys', 'init', ...as(), '--institution', ' ', '--category', 'PROSECUTOR'],
      [
        'keys',
        'init',
        ...as(ADMIN.name, join(dir, 'missing.txt')),
        '--institution',
        INSTITUTION,
        '--category',
        'COURT',
      ],
    ];
    for (const args of bad) {
      const r = await sauga([...args, '--json']);
      expect(r.code, args.join(' ')).toBe(2);
      expect((JSON.parse(r.out) as { ok: boolean }).ok).toBe(false);
    }
    const workerPass = file('worker.txt', 'quiet river marble falcon');
    expect(
      (
        await sauga([
          'vault',
          'add-user',
          ...as(),
          '--new-user',
          'Jonas',
          '--roles',
          'supervisor',
          '--new-passphrase-file',
          workerPass,
        ])
      ).code,
    ).toBe(0);
    const r = await sauga([
      'keys',
      'init',
      ...as('Jonas', workerPass),
      '--institution',
      INSTITUTION,
      '--category',
      'PROSECUTOR',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(ErrorCode.Forbidden);
  });
});

describe('sauga keys export-public in a recipient vault', () => {
  it('prints the recipient keys, gives the signed directory entry as JSON, and makes no statistics key', async () => {
    const keys = await initRecipient();
    const text = await sauga(['keys', 'export-public', ...as()]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`age recipient: ${keys.ageRecipient}`);
    expect(text.out).toContain(`Ed25519 key: ${keys.ed25519PublicKey}`);
    expect(text.out).toContain(`Fingerprint: ${keys.fingerprint}`);

    const json = await sauga(['keys', 'export-public', ...as(), '--format', 'json']);
    expect(json.code).toBe(0);
    const entry = verifyDirectoryEntry(JSON.parse(json.out));
    expect(entry).toMatchObject({ institution: INSTITUTION, category: 'PROSECUTOR', ...keys });

    const machine = await sauga(['keys', 'export-public', ...as(), '--json']);
    expect(JSON.parse(machine.out)).toMatchObject({ ok: true, recipient: { ...keys, directoryEntry: entry } });

    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    try {
      expect(s.db.prepare('SELECT count(*) AS n FROM stats_signing_keys').get()).toEqual({ n: 0 });
      const actions = s.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'recipient.%' ORDER BY seq`).all();
      expect(actions).toEqual([
        { action: 'recipient.keys_initialised' },
        ...Array.from({ length: 3 }, () => ({ action: 'recipient.public_keys_exported' })),
      ]);
    } finally {
      s.lock();
    }
    expect(printed).not.toContain(await theSecret());
  });

  it('still prints the statistics signing key in an ordinary vault', async () => {
    const r = await sauga(['keys', 'export-public', ...as(), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(out).toMatchObject({ ok: true, organisation: INSTITUTION });
    expect(out).not.toHaveProperty('recipient');
  });
});

describe('sauga keys export-identity', () => {
  it('writes a 0600 age file that opens with the identity passphrase, never over an existing file', async () => {
    const keys = await initRecipient();
    const idPass = file('id-pass.txt', `${IDENTITY_PASSPHRASE}\n`);
    const out = join(dir, 'identity.age');
    const args = ['keys', 'export-identity', ...as(), '--identity-passphrase-file', idPass, '--out', out];
    const r = await sauga(args);
    expect(r.code).toBe(0);
    expect(r.out).toContain(out);
    expect(r.out).toContain('age -d -i identity.txt');
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const sealed = readFileSync(out);
    const d = new Decrypter();
    d.addPassphrase(IDENTITY_PASSPHRASE);
    const secret = await theSecret();
    expect(await d.decrypt(sealed, 'text')).toContain(`# public key: ${keys.ageRecipient}\n${secret}\n`);

    const again = await sauga([...args, '--json']);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.out)).toMatchObject({ error: { code: ErrorCode.OutputExists } });
    expect(readFileSync(out).equals(sealed)).toBe(true);

    expect(printed).not.toContain(secret);
    expect(printed).not.toContain(IDENTITY_PASSPHRASE);
  });

  it('exits 2 for a weak or reused passphrase, a missing --out, and a vault that is not a recipient', async () => {
    const idPass = file('id-pass.txt', IDENTITY_PASSPHRASE);
    const out = join(dir, 'identity.age');
    const notRecipient = await sauga([
      'keys',
      'export-identity',
      ...as(),
      '--identity-passphrase-file',
      idPass,
      '--out',
      out,
      '--json',
    ]);
    expect(notRecipient.code).toBe(2);
    expect(JSON.parse(notRecipient.out)).toMatchObject({ error: { code: ErrorCode.RecipientKeysMissing } });

    await initRecipient();
    const weak = file('weak.txt', 'password1');
    for (const [idFile, code] of [
      [weak, ErrorCode.WeakPassphrase],
      [pass, ErrorCode.InvalidInput],
    ] as const) {
      const r = await sauga([
        'keys',
        'export-identity',
        ...as(),
        '--identity-passphrase-file',
        idFile,
        '--out',
        out,
        '--json',
      ]);
      expect(r.code).toBe(2);
      expect(JSON.parse(r.out)).toMatchObject({ error: { code } });
    }
    expect((await sauga(['keys', 'export-identity', ...as(), '--identity-passphrase-file', idPass])).code).toBe(2);
    expect(
      (
        await sauga([
          'keys',
          'export-identity',
          ...as(),
          '--identity-passphrase-file',
          idPass,
          '--out',
          join(dir, 'no', 'x.age'),
        ])
      ).code,
    ).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

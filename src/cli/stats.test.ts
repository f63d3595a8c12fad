import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, tempDir } from '../core/testing/fixtures';
import { vaultSigner, writeStatsPackage } from '../core/stats/package';
import { crowd, packageInput, protectedReturn, syntheticCells, testOrg } from '../core/stats/package/testkit';
import { unlockVault } from '../core/vault/vault';
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

async function vaultWithKey(): Promise<{ vault: string; pass: string; publicKey: string; org: string }> {
  const vault = join(dir, 'vault');
  const pass = file('pass.txt', `${ADMIN.passphrase}\n`);
  expect(
    await run(
      ['vault', 'init', '--vault', vault, '--org', 'Viltis', '--user', ADMIN.name, '--passphrase-file', pass],
      io(),
    ),
  ).toBe(0);
  const i = io();
  const args = ['keys', 'export-public', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass];
  expect(await run([...args, '--json'], i)).toBe(0);
  const key = JSON.parse(i.out) as {
    ok: boolean;
    keyId: string;
    minisignPublicKey: string;
    fingerprint: string;
    organisation: string;
  };
  expect(key).toMatchObject({ ok: true, organisation: 'Viltis' });
  expect(key.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/u);
  expect(key.minisignPublicKey).toMatch(
    new RegExp(`^untrusted comment: minisign public key ${key.keyId}\\nRW[A-Za-z0-9+/]{54}$`, 'u'),
  );
  return { vault, pass, publicKey: key.minisignPublicKey.split('\n')[1] as string, org: key.organisation };
}

describe('sauga keys export-public', () => {
  it('creates the key once, prints the same key afterwards, and logs each export', async () => {
    const { vault, pass, publicKey } = await vaultWithKey();
    const i = io();
    expect(
      await run(['keys', 'export-public', '--vault', vault, '--user', ADMIN.name, '--passphrase-file', pass], i),
    ).toBe(0);
    expect(i.out).toContain(publicKey);
    expect(i.out).toMatch(/Fingerprint: \d{5}/u);
    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    const actions = (
      s.db.prepare(`SELECT action FROM audit_log WHERE action LIKE 'stats.%' ORDER BY seq`).all() as {
        action: string;
      }[]
    ).map((r) => r.action);
    expect(actions).toEqual(['stats.signing_key_created', 'stats.signing_key_exported', 'stats.signing_key_exported']);
    expect((s.db.prepare('SELECT count(*) AS n FROM stats_signing_keys').get() as { n: number }).n).toBe(1);
    s.lock();
  });

  it('refuses a bad --format with exit 2', async () => {
    const { vault, pass } = await vaultWithKey();
    const args = [
      'keys',
      'export-public',
      '--vault',
      vault,
      '--user',
      ADMIN.name,
      '--passphrase-file',
      pass,
      '--format',
      'pem',
    ];
    expect(await run(args, io())).toBe(2);
  });
});

describe('sauga stats verify and aggregate', () => {
  async function signedPackage(vault: string, over: Parameters<typeof packageInput>[1] = {}): Promise<Uint8Array> {
    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    try {
      const org = { ...testOrg('Viltis', 1), signer: vaultSigner(s) };
      return (await writeStatsPackage(packageInput(org, { ...(await protectedReturn(crowd(1))), ...over }))).bytes;
    } finally {
      s.lock();
    }
  }

  it('verifies a package signed in the vault, rejects a changed one with exit 1, and refuses replays', async () => {
    const { vault, publicKey, org } = await vaultWithKey();
    const pkg = file('return.zip', await signedPackage(vault));
    const trusted = file('trusted.json', JSON.stringify([{ organisation: org, publicKey }]));
    const ok = io();
    expect(await run(['stats', 'verify', pkg, '--trusted-keys', trusted], ok)).toBe(0);
    expect(ok.out).toMatch(/VERIFIED\. Viltis, period 2026-Q1, sequence 1/u);

    const bytes = readFileSync(pkg);
    bytes[bytes.length - 400] = (bytes[bytes.length - 400] as number) ^ 1;
    const bad = io();
    expect(await run(['stats', 'verify', file('bad.zip', bytes), '--trusted-keys', trusted, '--json'], bad)).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false });

    const lt = io();
    expect(await run(['stats', 'verify', file('bad2.zip', bytes), '--trusted-keys', trusted, '--lang', 'lt'], lt)).toBe(
      1,
    );
    expect(lt.err).toMatch(/ATMESTA/u);

    const out = join(dir, 'national');
    const agg = io();
    expect(await run(['stats', 'aggregate', pkg, '--trusted-keys', trusted, '--out', out], agg)).toBe(0);
    expect(agg.out).toMatch(/counted twice/u);
    for (const f of ['national.csv', 'national.html', 'national.json', 'received.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'national.csv'), 'utf8').split('\r\n')[0]).toMatch(
      /,OBS_STATUS,CONF_STATUS,SUPPRESSED_CONTRIB$/u,
    );

    const replay = io();
    const receivedArgs = ['--received', join(out, 'received.json'), '--json'];
    expect(await run(['stats', 'verify', pkg, '--trusted-keys', trusted, ...receivedArgs], replay)).toBe(1);
    expect(JSON.parse(replay.out)).toMatchObject({ ok: false, reason: 'replay' });
  });

  it('writes nothing when one of the packages is refused, and refuses the same package twice', async () => {
    const { vault, publicKey, org } = await vaultWithKey();
    const pkg = file('return.zip', await signedPackage(vault));
    const stranger = file('stranger.zip', (await writeStatsPackage(packageInput(testOrg('Viltis', 9)))).bytes);
    const trusted = file('trusted.json', JSON.stringify([{ organisation: org, publicKey }]));
    const out = join(dir, 'national');
    const i = io();
    expect(await run(['stats', 'aggregate', pkg, stranger, '--trusted-keys', trusted, '--out', out, '--json'], i)).toBe(
      1,
    );
    expect(JSON.parse(i.out).packages[1]).toMatchObject({ ok: false, reason: 'unknown-key' });
    expect(existsSync(out)).toBe(false);
    const twice = io();
    expect(await run(['stats', 'aggregate', pkg, pkg, '--trusted-keys', trusted, '--out', out, '--json'], twice)).toBe(
      1,
    );
    expect(JSON.parse(twice.out).packages[1]).toMatchObject({ ok: false, reason: 'replay' });
    expect(existsSync(out)).toBe(false);
  });

  it('answers bad input with exit 2: no package, a broken trusted keys list, an extra argument elsewhere', async () => {
    const trusted = file('trusted.json', JSON.stringify([{ organisation: 'X', publicKey: 'not a key' }]));
    const pkg = file(
      'p.zip',
      (await writeStatsPackage(packageInput(testOrg('X', 4), { cells: syntheticCells() }))).bytes,
    );
    expect(await run(['stats', 'verify', '--trusted-keys', trusted], io())).toBe(2);
    const i = io();
    expect(await run(['stats', 'verify', pkg, '--trusted-keys', trusted, '--json'], i)).toBe(2);
    expect(JSON.parse(i.out)).toMatchObject({ ok: false, error: { code: 'STATS_TRUSTED_KEYS_INVALID' } });
    expect(await run(['vault', 'info', 'extra', '--vault', dir], io())).toBe(2);
  });
});

describe('sauga stats export', () => {
  it('exports a return from a demo vault that stats verify then accepts; a caseworker is refused', async () => {
    const demo = join(dir, 'demo');
    const pass = file('demo-pass.txt', 'lilac kettle mountain, spring 2026\n');
    expect(await run(['demo', '--vault', demo, '--cases', '300', '--passphrase-file', pass], io())).toBe(0);
    const as = ['--vault', demo, '--passphrase-file', pass];
    const out = join(dir, 'return.zip');
    const e = io();
    const code = await run(
      ['stats', 'export', ...as, '--user', 'Demo koordinatorė', '--period', '2025', '--out', out, '--json'],
      e,
    );
    expect(code, e.err).toBe(0);
    const exported = JSON.parse(e.out) as { ok: boolean; sequence: number; sha256: string; file: string };
    expect(exported).toMatchObject({ ok: true, sequence: 1, file: out });

    const k = io();
    expect(await run(['keys', 'export-public', ...as, '--user', 'Demo koordinatorė', '--json'], k)).toBe(0);
    const key = JSON.parse(k.out) as { minisignPublicKey: string; organisation: string };
    const trusted = file(
      'trusted.json',
      JSON.stringify([{ organisation: key.organisation, publicKey: key.minisignPublicKey.split('\n')[1] }]),
    );
    const v = io();
    expect(await run(['stats', 'verify', out, '--trusted-keys', trusted], v)).toBe(0);
    expect(v.out).toMatch(/VERIFIED\. .*period 2025, sequence 1/u);

    const refused = io();
    const worker = await (async () => {
      const s = await unlockVault(demo, 'Demo koordinatorė', 'lilac kettle mountain, spring 2026');
      try {
        return (s.db.prepare(`SELECT name FROM users WHERE roles = '["caseworker"]' LIMIT 1`).get() as { name: string })
          .name;
      } finally {
        s.lock();
      }
    })();
    const other = join(dir, 'other.zip');
    expect(
      await run(['stats', 'export', ...as, '--user', worker, '--period', '2025', '--out', other, '--json'], refused),
    ).toBe(2);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(existsSync(other)).toBe(false);
  }, 120_000);

  it('refuses a malformed period or threshold with exit 2 before opening anything', async () => {
    for (const bad of [
      ['--period', '2025-Q5'],
      ['--period', '25'],
      ['--period', '2025', '--k', '2'],
      ['--period', '2025', '--consent', 'some'],
    ]) {
      const i = io();
      expect(
        await run(
          ['stats', 'export', '--vault', dir, '--user', 'X', '--passphrase-file', 'p', '--out', 'o', ...bad],
          i,
        ),
        bad.join(' '),
      ).toBe(2);
    }
  });
});

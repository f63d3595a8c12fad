/**
 * The proof that an organisation can open its vault without Sauga: vaults made by Sauga's core
 * are opened by tests/independent/open-vault.mjs, which shares no code with Sauga (its own
 * Argon2id, BIP39 decoding, SQLCipher 4 page decryptor and WAL reader; Python's sqlite3 reads
 * the result). The test vectors in docs/vault-format.md are recomputed here as well.
 */
import { argon2id } from '@noble/hashes/argon2.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { spawnSync } from 'node:child_process';
import { createCipheriv, createHash, createHmac, hkdfSync, pbkdf2Sync } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveAuditKey } from '../../src/core/audit/chain';
import { deriveKek } from '../../src/core/vault/kdf';
import { LATEST_SCHEMA_VERSION } from '../../src/core/db/migrations';
import { SlotMeta, unwrapSlot } from '../../src/core/vault/keyslots';
import { entropyToWords, wordsToEntropy } from '../../src/core/vault/recovery';
import { createVault } from '../../src/core/vault/vault';

const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'tests/independent/open-vault.mjs');
const DOC = join(ROOT, 'docs/vault-format.md');

const PASSPHRASE = 'correct horse battery staple';
const USER = 'ona';
const ORG = 'Šviesos namai ORG-MARK-7';
const CANARY = 'Žėrūnė-CANARY-42';
const PAGE = 4096;

interface OpenResult {
  rows: Record<string, unknown>[];
  userVersion: number;
  slot: { kind: string; user: string | null; slotId: string };
  header: { pageSize: number; reserve: number; writeVersion: number; readVersion: number; autoVacuum: boolean };
  wal: { appliedCommits: number; pages: number };
  audit?: { ok: boolean; entries: number; head?: { seq: number; mac: string } };
  dek?: string;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  json?: OpenResult;
}

let work: string;
let secrets: string;

function runOpener(args: string[]): Run {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 120_000, cwd: ROOT });
  const run: Run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  if (r.status === 0) run.json = JSON.parse(r.stdout) as OpenResult;
  return run;
}

function secretFile(name: string, content: string): string {
  const p = join(secrets, name);
  writeFileSync(p, content, { mode: 0o600 });
  return p;
}

const leftovers = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('sauga-independent-'));

function copyVault(from: string, name: string, files = ['keyslots.json', 'vault.db']): string {
  const to = join(work, name);
  mkdirSync(to);
  for (const f of files) cpSync(join(from, f), join(to, f));
  return to;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sauga-indep-test-'));
  secrets = join(work, 'secrets');
  mkdirSync(secrets, { mode: 0o700 });
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('a locked vault opened without Sauga', () => {
  let vault: string;
  let words: string[];
  let vaultId: string;
  let dekHex: string;
  const before = new Set<string>();

  beforeAll(async () => {
    for (const f of leftovers()) before.add(f);
    vault = join(work, 'vault');
    const created = await createVault({ dir: vault, orgName: ORG, userName: USER, passphrase: PASSPHRASE });
    const session = created.session;
    words = created.recoveryWords;
    vaultId = session.vaultId;
    dekHex = session.withDek((dek) => dek.toString('hex'));
    session.write({ action: 'test', subject: 'vault' }, (db) =>
      db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('canary', CANARY),
    );
    session.lock();
  });

  it('leaves only vault.db, keyslots.json and the empty lock file after lock (the WAL was checkpointed)', () => {
    expect(readdirSync(vault).sort()).toEqual(['keyslots.json', 'vault.db', 'vault.lock']);
    // The one-process lock (VAULT_IN_USE) is an OS lock on an empty file: it holds no data.
    expect(statSync(join(vault, 'vault.lock')).size).toBe(0);
  });

  it('opens with the passphrase and reads the canary, the organisation and the audit chain', () => {
    const pass = secretFile('pass.txt', `${PASSPHRASE}\n`);
    const r = runOpener([
      '--vault',
      vault,
      '--user',
      USER,
      '--passphrase-file',
      pass,
      '--verify-audit',
      '--print-dek',
      '--sql',
      "SELECT (SELECT value FROM meta WHERE key = 'org_name') AS org, (SELECT value FROM settings WHERE key = 'canary') AS canary, (SELECT value FROM meta WHERE key = 'vault_id') AS vaultId",
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = r.json!;
    expect(out.rows).toEqual([{ org: ORG, canary: CANARY, vaultId }]);
    expect(out.slot).toMatchObject({ kind: 'passphrase', user: USER });
    expect(out.userVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(out.header).toMatchObject({
      pageSize: PAGE,
      reserve: 80,
      writeVersion: 2,
      readVersion: 2,
      autoVacuum: false,
    });
    expect(out.wal.appliedCommits).toBe(0);
    expect(out.audit).toMatchObject({ ok: true, entries: 3 });
    expect(out.dek).toBe(dekHex);
  });

  it('opens with the 24 recovery words (any case, any whitespace)', () => {
    const text = words.map((w, i) => (i % 5 === 0 ? w.toUpperCase() : w)).join(messySeparators());
    const file = secretFile('words.txt', `  ${text}\n`);
    const r = runOpener([
      '--vault',
      vault,
      '--words-file',
      file,
      '--print-dek',
      '--sql',
      "SELECT value FROM settings WHERE key = 'canary'",
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json!.rows).toEqual([{ value: CANARY }]);
    expect(r.json!.slot.kind).toBe('recovery');
    expect(r.json!.dek).toBe(dekHex);
  });

  it('stores nothing readable: no SQLite magic, no canary, no organisation name', () => {
    const raw = readFileSync(join(vault, 'vault.db'));
    expect(raw.length % PAGE).toBe(0);
    expect(raw.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(raw.includes(Buffer.from(CANARY, 'utf8'))).toBe(false);
    expect(raw.includes(Buffer.from('CANARY', 'utf8'))).toBe(false);
    expect(raw.includes(Buffer.from(ORG, 'utf8'))).toBe(false);
    expect(readFileSync(join(vault, 'keyslots.json')).includes(Buffer.from('CANARY'))).toBe(false);
  });

  it('fails loudly with an HMAC error when a byte of page 2 is flipped', () => {
    const copy = copyVault(vault, 'flip-page-2');
    const db = readFileSync(join(copy, 'vault.db'));
    expect(db.length).toBeGreaterThanOrEqual(2 * PAGE);
    db[PAGE + 1234] = (db[PAGE + 1234] as number) ^ 0x01;
    writeFileSync(join(copy, 'vault.db'), db);
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', secretFile('p2.txt', PASSPHRASE)]);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/hmac: HMAC check failed on page 2 \(vault\.db\)/);
    expect(r.stdout).toBe('');
  });

  it('fails on page 1 when the salt or the stored HMAC is altered', () => {
    for (const [name, offset] of [
      ['flip-salt', 3],
      ['flip-mac', PAGE - 1],
    ] as const) {
      const copy = copyVault(vault, name);
      const db = readFileSync(join(copy, 'vault.db'));
      db[offset] = (db[offset] as number) ^ 0x80;
      writeFileSync(join(copy, 'vault.db'), db);
      const r = runOpener([
        '--vault',
        copy,
        '--user',
        USER,
        '--passphrase-file',
        secretFile(`${name}.txt`, PASSPHRASE),
      ]);
      expect(r.status, name).toBe(3);
      expect(r.stderr).toMatch(/HMAC check failed on page 1/);
    }
  });

  it('refuses a truncated database', () => {
    const copy = copyVault(vault, 'truncated');
    const db = readFileSync(join(copy, 'vault.db'));
    writeFileSync(join(copy, 'vault.db'), db.subarray(0, db.length - 100));
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', secretFile('tr.txt', PASSPHRASE)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not a whole number of 4096-byte pages/);
  });

  it('fails with an AEAD error for a wrong passphrase', () => {
    const r = runOpener([
      '--vault',
      vault,
      '--user',
      USER,
      '--passphrase-file',
      secretFile('wrong.txt', 'correct horse battery stapler'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/aead: AEAD check failed/);
  });

  it('fails with an AEAD error when the slot metadata was edited (role added)', () => {
    const copy = copyVault(vault, 'edited-meta');
    const path = join(copy, 'keyslots.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { slots: { meta: string }[] };
    const slot = file.slots[0]!;
    expect(slot.meta).toContain('"roles":["administrator"]');
    slot.meta = slot.meta.replace('"roles":["administrator"]', '"roles":["administrator","supervisor"]');
    writeFileSync(path, JSON.stringify(file, null, 2));
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', secretFile('em.txt', PASSPHRASE)]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/AEAD check failed/);
  });

  it('refuses lowered KDF parameters before deriving', () => {
    const copy = copyVault(vault, 'lowered-kdf');
    const path = join(copy, 'keyslots.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { slots: { meta: string }[] };
    file.slots[0]!.meta = file.slots[0]!.meta.replace('"memoryKiB":65536', '"memoryKiB":8192');
    writeFileSync(path, JSON.stringify(file, null, 2));
    const t0 = Date.now();
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', secretFile('lk.txt', PASSPHRASE)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/kdf-floor: .*memoryKiB is below the floor/);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('rejects recovery words with a typo by their checksum', () => {
    const typo = [...words];
    typo[23] = typo[23] === 'zoo' ? 'zone' : 'zoo';
    const r = runOpener(['--vault', vault, '--words-file', secretFile('typo.txt', typo.join(' '))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/words: recovery words fail their checksum/);
  });

  it('rejects a plaintext SQLite file swapped in', () => {
    const copy = copyVault(vault, 'plaintext', ['keyslots.json']);
    const fake = Buffer.alloc(PAGE);
    fake.write('SQLite format 3\0', 0, 'latin1');
    writeFileSync(join(copy, 'vault.db'), fake);
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', secretFile('pt.txt', PASSPHRASE)]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/plaintext SQLite file/);
  });

  it('leaves no plaintext copy behind in the temp folder', () => {
    const now = leftovers().filter((f) => !before.has(f));
    expect(now).toEqual([]);
  });
});

/** Separators that a typed or scanned sheet may contain between words. */
function messySeparators(): string {
  return ' \t \n';
}

describe('an open vault (committed data still in the WAL)', () => {
  // The passphrase is given to Sauga in NFD; the opener always NFC-normalises, so success proves
  // that Sauga derives the key from the NFC bytes, as docs/vault-format.md says.
  const PASS_NFC = 'Žėrūnė saugo septynis raktus';

  it('applies vault.db-wal, and shows that vault.db alone can lack committed data', async () => {
    expect(PASS_NFC.normalize('NFD')).not.toBe(PASS_NFC);
    const dir = join(work, 'open-vault');
    const { session } = await createVault({
      dir,
      orgName: ORG,
      userName: USER,
      passphrase: PASS_NFC.normalize('NFD'),
    });
    let copy: string;
    let dbOnly: string;
    try {
      session.write({ action: 'test', subject: 'vault' }, (db) =>
        db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('canary', CANARY),
      );
      expect(existsSync(join(dir, 'vault.db-wal'))).toBe(true);
      copy = copyVault(dir, 'open-copy', ['keyslots.json', 'vault.db', 'vault.db-wal']);
      dbOnly = copyVault(dir, 'open-copy-db-only');
    } finally {
      session.lock();
    }
    const wal = readFileSync(join(copy, 'vault.db-wal'));
    expect(wal.includes(Buffer.from(CANARY, 'utf8'))).toBe(false);
    expect(wal.includes(Buffer.from('CANARY', 'utf8'))).toBe(false);

    const pass = secretFile('nfc.txt', PASS_NFC);
    const sql = "SELECT value FROM settings WHERE key = 'canary'";
    const r = runOpener(['--vault', copy, '--user', USER, '--passphrase-file', pass, '--sql', sql, '--verify-audit']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.json!.rows).toEqual([{ value: CANARY }]);
    expect(r.json!.wal.appliedCommits).toBeGreaterThan(0);
    expect(r.json!.audit).toMatchObject({ ok: true, entries: 3 });

    // Without its WAL the same copy does not hold the canary (the doc's WAL caveat).
    const alone = runOpener(['--vault', dbOnly, '--user', USER, '--passphrase-file', pass, '--sql', sql]);
    if (alone.status === 0) expect(alone.json!.rows).toEqual([]);
    else expect(alone.stderr).toMatch(/no such table|settings/);

    // A WAL frame whose page bytes were altered (and whose WAL checksum was recomputed, so that
    // only the page HMAC can notice) makes the opener fail on that page.
    const walCopy = copyVault(copy, 'open-copy-bad-frame', ['keyslots.json', 'vault.db', 'vault.db-wal']);
    const walBytes = readFileSync(join(walCopy, 'vault.db-wal'));
    const frames = validWalFrames(walBytes);
    const last = frames[frames.length - 1]!;
    expect(last.commit).toBeGreaterThan(0);
    walBytes[last.offset + 24 + 777] = (walBytes[last.offset + 24 + 777] as number) ^ 0x01;
    const [s0, s1] = walChecksum(walBytes.subarray(last.offset, last.offset + 8), last.prev);
    const [t0, t1] = walChecksum(walBytes.subarray(last.offset + 24, last.offset + 24 + PAGE), [s0, s1]);
    walBytes.writeUInt32BE(t0, last.offset + 16);
    walBytes.writeUInt32BE(t1, last.offset + 20);
    writeFileSync(join(walCopy, 'vault.db-wal'), walBytes);
    expect(validWalFrames(walBytes).length).toBe(frames.length);
    const bad = runOpener(['--vault', walCopy, '--user', USER, '--passphrase-file', pass]);
    expect(bad.status).toBe(3);
    expect(bad.stderr).toMatch(new RegExp(`HMAC check failed on page ${last.pgno} \\(vault\\.db-wal\\)`));
  });
});

/** SQLite WAL checksum over 32-bit word pairs (little-endian words: magic 0x377f0682). */
function walChecksum(buf: Buffer, [a, b]: [number, number], bigEndian = false): [number, number] {
  let s0 = a;
  let s1 = b;
  for (let i = 0; i < buf.length; i += 8) {
    s0 = (s0 + (bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i)) + s1) >>> 0;
    s1 = (s1 + (bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4)) + s0) >>> 0;
  }
  return [s0, s1];
}

interface WalFrame {
  offset: number;
  pgno: number;
  commit: number;
  prev: [number, number];
}

/** The frames of a WAL whose salts and cumulative checksums are valid. */
function validWalFrames(wal: Buffer): WalFrame[] {
  expect(wal.readUInt32BE(0)).toBe(0x377f0682);
  let sum: [number, number] = [wal.readUInt32BE(24), wal.readUInt32BE(28)];
  const frames: WalFrame[] = [];
  for (let off = 32; off + 24 + PAGE <= wal.length; off += 24 + PAGE) {
    if (wal.readUInt32BE(off + 8) !== wal.readUInt32BE(16) || wal.readUInt32BE(off + 12) !== wal.readUInt32BE(20))
      break;
    const next = walChecksum(wal.subarray(off + 24, off + 24 + PAGE), walChecksum(wal.subarray(off, off + 8), sum));
    if (next[0] !== wal.readUInt32BE(off + 16) || next[1] !== wal.readUInt32BE(off + 20)) break;
    frames.push({ offset: off, pgno: wal.readUInt32BE(off), commit: wal.readUInt32BE(off + 4), prev: sum });
    sum = next;
  }
  return frames;
}

// ---------------------------------------------------------------------------------------------
// Test vectors in docs/vault-format.md

function docBlock(info: string): string {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf('```' + info + '\n');
  expect(start, `fenced block ${info} in docs/vault-format.md`).toBeGreaterThanOrEqual(0);
  const body = start + info.length + 4;
  return doc.slice(body, doc.indexOf('\n```', body));
}

function docVectors(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of docBlock('text sauga-test-vectors').split('\n')) {
    if (line.trim() === '') continue;
    const i = line.indexOf(': ');
    expect(i, line).toBeGreaterThan(0);
    map.set(line.slice(0, i), line.slice(i + 2));
  }
  return map;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Compute every vector independently of Sauga (noble + node:crypto + own BIP39 encoding). */
function computeVectors(): Map<string, string> {
  const v = new Map<string, string>();
  const argon = (secret: Uint8Array, salt: Uint8Array): Buffer =>
    Buffer.from(argon2id(secret, salt, { t: 3, m: 65536, p: 1, dkLen: 32, version: 0x13 }));

  const pass = 'Žėrūnė saugo 7 raktus';
  v.set('passphrase', JSON.stringify(pass.normalize('NFC')));
  v.set('passphrase.utf8', hex(Buffer.from(pass.normalize('NFC'), 'utf8')));
  v.set('passphrase.nfd.utf8', hex(Buffer.from(pass.normalize('NFD'), 'utf8')));
  const salt1 = Buffer.from('000102030405060708090a0b0c0d0e0f', 'hex');
  v.set('passphrase.salt', hex(salt1));
  v.set('passphrase.salt.base64', salt1.toString('base64'));
  v.set('kdf', 'argon2id v=19 m=65536 t=3 p=1 len=32');
  const kek = argon(Buffer.from(pass.normalize('NFC'), 'utf8'), salt1);
  v.set('passphrase.kek', hex(kek));

  const entropy = Buffer.from('f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff', 'hex');
  v.set('recovery.entropy', hex(entropy));
  const checksum = createHash('sha256').update(entropy).digest()[0] as number;
  const bits = [...entropy, checksum].map((b) => b.toString(2).padStart(8, '0')).join('');
  const words = Array.from({ length: 24 }, (_, i) => wordlist[parseInt(bits.slice(i * 11, i * 11 + 11), 2)]);
  v.set('recovery.checksum', checksum.toString(16).padStart(2, '0'));
  v.set('recovery.words', words.join(' '));
  const salt2 = Buffer.from('101112131415161718191a1b1c1d1e1f', 'hex');
  v.set('recovery.salt', hex(salt2));
  v.set('recovery.kek', hex(argon(entropy, salt2)));

  const dek = Buffer.from('1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100', 'hex');
  const iv = Buffer.from('a0a1a2a3a4a5a6a7a8a9aaab', 'hex');
  const vaultId = '6f1c2b4e-8d3a-4f5e-9a7b-0c1d2e3f4a5b';
  const meta = JSON.stringify({
    formatVersion: 1,
    vaultId,
    slotId: '0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d',
    kind: 'passphrase',
    user: 'Žana',
    roles: ['administrator'],
    kdf: {
      alg: 'argon2id',
      version: 19,
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 1,
      salt: salt1.toString('base64'),
    },
    createdAt: '2026-01-02T03:04:05.678Z',
  });
  v.set('wrap.kek', hex(kek));
  v.set('wrap.dek', hex(dek));
  v.set('wrap.iv', hex(iv));
  v.set('wrap.iv.base64', iv.toString('base64'));
  v.set('wrap.meta', JSON.stringify(meta));
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(meta, 'utf8'));
  const wrapped = Buffer.concat([c.update(dek), c.final(), c.getAuthTag()]);
  v.set('wrap.wrappedKey', hex(wrapped));
  v.set('wrap.wrappedKey.base64', wrapped.toString('base64'));

  const dbSalt = Buffer.from('d4c3b2a1f0e9d8c7b6a5948372615049', 'hex');
  const hmacSalt = Buffer.from(dbSalt.map((b) => b ^ 0x3a));
  v.set('sqlcipher.key', hex(dek));
  v.set('sqlcipher.pragma', JSON.stringify(`PRAGMA key = "x'${hex(dek)}'";`));
  v.set('sqlcipher.salt', hex(dbSalt));
  v.set('sqlcipher.hmacSalt', hex(hmacSalt));
  v.set('sqlcipher.hmacKey', hex(pbkdf2Sync(dek, hmacSalt, 2, 32, 'sha512')));

  const kAudit = Buffer.from(hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), Buffer.from('sauga audit v1'), 32));
  v.set('audit.vaultId', vaultId);
  v.set('audit.key', hex(kAudit));
  const entries: [number, string, string, string, string, string][] = [
    [1, '2026-01-02T03:04:05.678Z', 'Žana', 'vault.created', 'vault', '{}'],
    [2, '2026-01-02T03:04:05.678Z', 'Žana', 'user.added', 'Ona "O" Ąžuolė\nII', '{"roles":"caseworker"}'],
  ];
  let prev = Buffer.alloc(32);
  for (const [seq, ...event] of entries) {
    const seqBytes = Buffer.alloc(8);
    seqBytes.writeBigUInt64BE(BigInt(seq));
    const json = JSON.stringify(event);
    prev = createHmac('sha256', kAudit).update(prev).update(seqBytes).update(Buffer.from(json, 'utf8')).digest();
    v.set(`audit.${seq}.event`, JSON.stringify(json));
    v.set(`audit.${seq}.mac`, hex(prev));
  }
  return v;
}

describe('docs/vault-format.md test vectors', () => {
  let doc: Map<string, string>;
  beforeAll(() => {
    doc = docVectors();
  });

  it('match an independent computation (noble Argon2id, node:crypto, own BIP39 encoding)', () => {
    const computed = computeVectors();
    expect([...doc.keys()].sort()).toEqual([...computed.keys()].sort());
    for (const [k, value] of computed) expect(doc.get(k), k).toBe(value);
  });

  it("match Sauga's own implementation (hash-wasm Argon2id, slot unwrap, BIP39, audit key)", async () => {
    const str = (k: string): string => JSON.parse(doc.get(k)!) as string;
    const nfd = Buffer.from(doc.get('passphrase.nfd.utf8')!, 'hex').toString('utf8');
    expect(nfd).not.toBe(str('passphrase'));
    expect(nfd.normalize('NFC')).toBe(str('passphrase'));
    expect(Buffer.from(str('passphrase'), 'utf8').toString('hex')).toBe(doc.get('passphrase.utf8'));
    const meta = SlotMeta.parse(JSON.parse(str('wrap.meta')));
    const kek = await deriveKek(Buffer.from(doc.get('passphrase.utf8')!, 'hex'), meta.kdf);
    expect(hex(kek)).toBe(doc.get('passphrase.kek'));
    const recoveryKek = await deriveKek(Buffer.from(doc.get('recovery.entropy')!, 'hex'), {
      ...meta.kdf,
      salt: Buffer.from(doc.get('recovery.salt')!, 'hex').toString('base64'),
    });
    expect(hex(recoveryKek)).toBe(doc.get('recovery.kek'));
    const dek = await unwrapSlot(
      {
        slot: {
          meta: str('wrap.meta'),
          iv: doc.get('wrap.iv.base64')!,
          wrappedKey: doc.get('wrap.wrappedKey.base64')!,
        },
        meta,
      },
      Buffer.from(doc.get('passphrase.utf8')!, 'hex'),
    );
    expect(hex(dek)).toBe(doc.get('wrap.dek'));
    const words = doc.get('recovery.words')!.split(' ');
    expect(entropyToWords(Buffer.from(doc.get('recovery.entropy')!, 'hex'))).toEqual(words);
    expect(hex(wordsToEntropy(words))).toBe(doc.get('recovery.entropy'));
    expect(hex(deriveAuditKey(dek, doc.get('audit.vaultId')!))).toBe(doc.get('audit.key'));
  });

  it('pin the BIP39 English list by its SHA-256, as the doc states', () => {
    const digest = createHash('sha256')
      .update(`${wordlist.join('\n')}\n`)
      .digest('hex');
    expect(readFileSync(DOC, 'utf8')).toContain(digest);
    expect(digest).toBe('2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda');
  });

  it('has a syntactically valid Python worked example', () => {
    const code = docBlock('python sauga-open-example');
    const r = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], {
      input: code,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

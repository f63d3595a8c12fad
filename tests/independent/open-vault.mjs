#!/usr/bin/env node
// Independent opener for a Sauga vault, written only from docs/vault-format.md.
//
// It shares NO code with Sauga: no import from src/, no hash-wasm (Sauga's Argon2), no
// better-sqlite3-multiple-ciphers (Sauga's SQLCipher). It uses:
//   - node:crypto for AES-256-GCM, AES-256-CBC, HMAC-SHA512, PBKDF2-HMAC-SHA512, HKDF, SHA-256,
//     and X25519 (version 2 slots)
//   - @noble/hashes for Argon2id (a different implementation from Sauga's)
//   - the BIP39 English word list (data only; the words -> entropy algorithm is written here)
//   - a hand-written SQLCipher 4 page decryptor (and WAL reader) that writes a plaintext
//     SQLite copy into a private temp folder, read by Python's standard sqlite3 module and
//     deleted afterwards.
//
// Usage:
//   node tests/independent/open-vault.mjs --vault DIR
//        (--user NAME --passphrase-file FILE | --words-file FILE)
//        [--sql "SELECT ..."] [--verify-audit] [--print-dek]
//
// Prints one JSON document on stdout: { "rows": [...] } (and "audit" with --verify-audit).
// Exit codes: 0 ok, 2 AEAD failure (wrong secret or altered slot), 3 page HMAC failure,
// 4 audit chain broken, 1 anything else (usage, malformed files, WAL problems, sqlite errors).
//
// TEST / RECOVERY TOOL ONLY: the plaintext copy exists on disk while the query runs. For a
// real recovery, run it on an encrypted disk, or use a SQLCipher 4 tool instead.

import { argon2id } from '@noble/hashes/argon2.js';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { spawnSync } from 'node:child_process';
import {
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  pbkdf2Sync,
  timingSafeEqual,
} from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// ---------------------------------------------------------------------------------------------
// Errors and exit codes

class OpenError extends Error {
  constructor(kind, message, exitCode = 1) {
    super(message);
    this.kind = kind;
    this.exitCode = exitCode;
  }
}
const fail = (kind, message, exitCode = 1) => {
  throw new OpenError(kind, message, exitCode);
};

// ---------------------------------------------------------------------------------------------
// Constants from docs/vault-format.md

const KDF_FLOOR = { memoryKiB: 65536, iterations: 3, parallelism: 1 };
const KDF_CEILING = { memoryKiB: 1024 * 1024, iterations: 64, parallelism: 16 };
const BIP39_ENGLISH_SHA256 = '2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda';

const PAGE_SIZE = 4096; // SQLCipher 4 default (cipher_page_size)
const SALT_SIZE = 16; // first 16 bytes of the file
const IV_SIZE = 16; // AES-CBC IV per page
const HMAC_SIZE = 64; // HMAC-SHA512
const RESERVE = 80; // IV + HMAC, rounded up to the AES block size: 16 + 64 = 80
const HMAC_SALT_MASK = 0x3a;
const FAST_KDF_ITER = 2;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const out = { sql: 'SELECT key, value FROM meta ORDER BY key', verifyAudit: false, printDek: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) fail('usage', `${a} needs a value`);
      return argv[++i];
    };
    if (a === '--vault') out.vault = next();
    else if (a === '--user') out.user = next();
    else if (a === '--passphrase-file') out.passphraseFile = next();
    else if (a === '--words-file') out.wordsFile = next();
    else if (a === '--sql') out.sql = next();
    else if (a === '--verify-audit') out.verifyAudit = true;
    else if (a === '--print-dek') out.printDek = true;
    else fail('usage', `unknown argument ${a}`);
  }
  if (!out.vault) fail('usage', '--vault DIR is required');
  const byPassphrase = out.user !== undefined || out.passphraseFile !== undefined;
  if (byPassphrase === (out.wordsFile !== undefined)) {
    fail('usage', 'give either --user NAME --passphrase-file FILE, or --words-file FILE');
  }
  if (byPassphrase && (out.user === undefined || out.passphraseFile === undefined)) {
    fail('usage', '--user and --passphrase-file go together');
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Slot file

const B64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
function b64(s, bytes, what) {
  if (typeof s !== 'string' || !B64.test(s)) fail('slot-file', `${what} is not standard padded base64`);
  const buf = Buffer.from(s, 'base64');
  if (buf.length !== bytes) fail('slot-file', `${what} must be ${bytes} bytes, is ${buf.length}`);
  return buf;
}

function readSlotFile(dir, name = 'keyslots.json') {
  const path = join(dir, name);
  if (!existsSync(path)) fail('slot-file', `no ${name} in ${dir}`);
  let file;
  try {
    file = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    fail('slot-file', 'keyslots.json is not JSON');
  }
  if (file?.format !== 'sauga-keyslots') fail('slot-file', 'keyslots.json: format is not "sauga-keyslots"');
  if (file.formatVersion !== 1 && file.formatVersion !== 2)
    fail('slot-file', `${name}: unsupported formatVersion ${file.formatVersion}`);
  if (!Array.isArray(file.slots) || file.slots.length === 0) fail('slot-file', 'keyslots.json has no slots');
  return file;
}

function parseSlot(file, slot, index) {
  if (typeof slot?.meta !== 'string') fail('slot-file', `slot ${index}: meta is not a JSON string`);
  let meta;
  try {
    meta = JSON.parse(slot.meta);
  } catch {
    fail('slot-file', `slot ${index}: meta is not JSON`);
  }
  if (meta.formatVersion !== 1 && meta.formatVersion !== 2)
    fail('slot-file', `slot ${index}: unsupported meta.formatVersion`);
  if (meta.vaultId !== file.vaultId) fail('slot-file', `slot ${index} belongs to another vault`);
  const k = meta.kdf ?? {};
  if (k.alg !== 'argon2id' || k.version !== 19) fail('slot-file', `slot ${index}: KDF is not Argon2id v0x13`);
  for (const f of ['memoryKiB', 'iterations', 'parallelism']) {
    if (!Number.isSafeInteger(k[f]) || k[f] < KDF_FLOOR[f])
      fail('kdf-floor', `slot ${index}: kdf.${f} is below the floor`);
    if (k[f] > KDF_CEILING[f]) fail('kdf-ceiling', `slot ${index}: kdf.${f} is above the ceiling`);
  }
  const parsed = {
    meta,
    metaBytes: Buffer.from(slot.meta, 'utf8'),
    salt: b64(k.salt, 16, `slot ${index} kdf.salt`),
    iv: b64(slot.iv, 12, `slot ${index} iv`),
    wrapped: b64(slot.wrappedKey, 48, `slot ${index} wrappedKey`),
  };
  if (meta.formatVersion === 2) {
    const s = slot.sealedKey ?? fail('slot-file', `slot ${index}: version 2 slot without sealedKey`);
    parsed.publicKey = b64(meta.publicKey, 32, `slot ${index} meta.publicKey`);
    parsed.sealed = {
      ephemeralPublicKey: b64(s.ephemeralPublicKey, 32, `slot ${index} sealedKey.ephemeralPublicKey`),
      iv: b64(s.iv, 12, `slot ${index} sealedKey.iv`),
      ciphertext: b64(s.ciphertext, 48, `slot ${index} sealedKey.ciphertext`),
    };
  }
  return parsed;
}

// ---------------------------------------------------------------------------------------------
// Secrets

function readPassphrase(path) {
  // The file holds the passphrase as UTF-8; one trailing line break (LF or CRLF) is dropped.
  let s = readFileSync(path, 'utf8');
  if (s.endsWith('\r\n')) s = s.slice(0, -2);
  else if (s.endsWith('\n')) s = s.slice(0, -1);
  return Buffer.from(s.normalize('NFC'), 'utf8');
}

function wordsToEntropy(text) {
  const listHash = createHash('sha256')
    .update(`${wordlist.join('\n')}\n`)
    .digest('hex');
  if (wordlist.length !== 2048 || listHash !== BIP39_ENGLISH_SHA256)
    fail('words', 'the BIP39 English word list is not the standard one');
  const words = text
    .normalize('NFKD')
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w.length > 0);
  if (words.length !== 24) fail('words', `expected 24 recovery words, got ${words.length}`);
  const index = new Map(wordlist.map((w, i) => [w, i]));
  let bits = '';
  words.forEach((w, i) => {
    const n = index.get(w);
    if (n === undefined) fail('words', `recovery word ${i + 1} ("${w}") is not on the BIP39 English list`);
    bits += n.toString(2).padStart(11, '0');
  });
  // 24 * 11 = 264 bits = 256 bits of entropy + 8 bits of checksum.
  const entropy = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) entropy[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
  const checksum = parseInt(bits.slice(256), 2);
  if (createHash('sha256').update(entropy).digest()[0] !== checksum)
    fail('words', 'recovery words fail their checksum');
  return entropy;
}

// ---------------------------------------------------------------------------------------------
// Slot unwrap: KEK = Argon2id(secret, salt), DEK = AES-256-GCM-open(KEK, iv, wrappedKey, aad=meta)

// Version 2: the unwrapped 32 bytes are the slot's X25519 private key; the DEK is sealed to it.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

function unseal(p, privateKey) {
  const priv = createPrivateKey({ key: Buffer.concat([PKCS8_X25519, privateKey]), format: 'der', type: 'pkcs8' });
  const ownPublic = createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(SPKI_X25519.length);
  if (!ownPublic.equals(p.publicKey)) fail('slot-file', 'the private key does not match meta.publicKey');
  const eph = createPublicKey({
    key: Buffer.concat([SPKI_X25519, p.sealed.ephemeralPublicKey]),
    format: 'der',
    type: 'spki',
  });
  const shared = diffieHellman({ privateKey: priv, publicKey: eph });
  const key = Buffer.from(
    hkdfSync(
      'sha256',
      shared,
      Buffer.concat([p.sealed.ephemeralPublicKey, p.publicKey]),
      Buffer.from('sauga dek seal v2', 'utf8'),
      32,
    ),
  );
  try {
    const d = createDecipheriv('aes-256-gcm', key, p.sealed.iv, { authTagLength: 16 });
    d.setAAD(Buffer.from(`sauga-dek-seal-v2\n${p.meta.vaultId}\n${p.meta.slotId}`, 'utf8'));
    d.setAuthTag(p.sealed.ciphertext.subarray(32));
    return Buffer.concat([d.update(p.sealed.ciphertext.subarray(0, 32)), d.final()]);
  } catch {
    return fail('slot-file', 'the sealed key did not open: the key slot was altered');
  } finally {
    key.fill(0);
    shared.fill(0);
  }
}

/** The 32 bytes the KEK unwraps: the DEK (version 1) or the slot's private key (version 2). */
function unwrap(p, secret) {
  const kek = argon2id(secret, p.salt, {
    t: p.meta.kdf.iterations,
    m: p.meta.kdf.memoryKiB,
    p: p.meta.kdf.parallelism,
    version: 0x13,
    dkLen: 32,
    maxmem: 2 ** 32 - 1, // noble caps at < 4 GiB; Sauga slots use 64 MiB by default
  });
  try {
    const d = createDecipheriv('aes-256-gcm', kek, p.iv, { authTagLength: 16 });
    d.setAAD(p.metaBytes);
    d.setAuthTag(p.wrapped.subarray(32));
    return Buffer.concat([d.update(p.wrapped.subarray(0, 32)), d.final()]);
  } catch {
    return fail('aead', 'AEAD check failed: wrong passphrase or recovery words, or the key slot was altered', 2);
  } finally {
    kek.fill(0);
  }
}

// ---------------------------------------------------------------------------------------------
// SQLCipher 4 page decryption

function hmacKeyFor(dek, salt) {
  const hmacSalt = Buffer.from(salt.map((b) => b ^ HMAC_SALT_MASK));
  return pbkdf2Sync(dek, hmacSalt, FAST_KDF_ITER, 32, 'sha512');
}

/** Verify and decrypt one stored page. Returns the plaintext page (PAGE_SIZE bytes). */
function decryptPage(stored, pgno, dek, hmacKey, where) {
  if (stored.length !== PAGE_SIZE) fail('page', `${where}: page ${pgno} is ${stored.length} bytes, not ${PAGE_SIZE}`);
  const offset = pgno === 1 ? SALT_SIZE : 0;
  const end = PAGE_SIZE - RESERVE; // 4016
  const ciphertext = stored.subarray(offset, end);
  const iv = stored.subarray(end, end + IV_SIZE);
  const mac = stored.subarray(end + IV_SIZE, end + IV_SIZE + HMAC_SIZE);
  const pg = Buffer.alloc(4);
  pg.writeUInt32LE(pgno);
  const expected = createHmac('sha512', hmacKey).update(ciphertext).update(iv).update(pg).digest();
  if (!timingSafeEqual(expected, mac)) {
    fail('hmac', `HMAC check failed on page ${pgno} (${where}): the database is damaged or was altered`, 3);
  }
  const d = createDecipheriv('aes-256-cbc', dek, iv);
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(ciphertext), d.final()]);
  const out = Buffer.alloc(PAGE_SIZE); // the reserve (last 80 bytes) stays zero
  if (pgno === 1) SQLITE_HEADER.copy(out, 0);
  plain.copy(out, offset);
  return out;
}

// ---------------------------------------------------------------------------------------------
// WAL: the frames hold encrypted pages; header and frame headers are plaintext SQLite WAL format.

function walChecksum(buf, bigEndian, s0, s1) {
  for (let i = 0; i < buf.length; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** Returns { pages: Map<pgno, storedPage>, dbPages } for the committed part of the WAL, or null. */
function readWal(path) {
  if (!existsSync(path)) return null;
  const wal = readFileSync(path);
  if (wal.length < 32) return null; // empty or reset WAL: nothing to apply
  const magic = wal.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) fail('wal', 'vault.db-wal has no WAL header; refusing to guess');
  const bigEndian = (magic & 1) === 1;
  if (wal.readUInt32BE(8) !== PAGE_SIZE) fail('wal', 'vault.db-wal page size is not 4096');
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  let [s0, s1] = walChecksum(wal.subarray(0, 24), bigEndian, 0, 0);
  if (s0 !== wal.readUInt32BE(24) || s1 !== wal.readUInt32BE(28)) {
    return null; // a WAL whose header checksum fails is ignored by SQLite too
  }
  const frameSize = 24 + PAGE_SIZE;
  const pending = new Map();
  const committed = new Map();
  let dbPages = 0;
  let frames = 0;
  for (let off = 32; off + frameSize <= wal.length; off += frameSize) {
    const h = wal.subarray(off, off + 24);
    const data = wal.subarray(off + 24, off + frameSize);
    if (h.readUInt32BE(8) !== salt1 || h.readUInt32BE(12) !== salt2) break; // stale frame
    [s0, s1] = walChecksum(h.subarray(0, 8), bigEndian, s0, s1);
    [s0, s1] = walChecksum(data, bigEndian, s0, s1);
    if (s0 !== h.readUInt32BE(16) || s1 !== h.readUInt32BE(20)) break; // torn write: end of valid log
    const pgno = h.readUInt32BE(0);
    pending.set(pgno, data);
    const commitSize = h.readUInt32BE(4);
    if (commitSize !== 0) {
      for (const [k, v] of pending) committed.set(k, v);
      pending.clear();
      dbPages = commitSize;
      frames++;
    }
  }
  if (committed.size === 0) return null;
  return { pages: committed, dbPages, commits: frames };
}

function page1Opens(dir, dek) {
  const dbPath = join(dir, 'vault.db');
  if (!existsSync(dbPath)) return false;
  const raw = readFileSync(dbPath);
  if (raw.length < PAGE_SIZE) return false;
  const salt = raw.subarray(0, SALT_SIZE);
  const hmacKey = hmacKeyFor(dek, salt);
  const end = PAGE_SIZE - RESERVE;
  const pg = Buffer.alloc(4);
  pg.writeUInt32LE(1);
  const mac = createHmac('sha512', hmacKey)
    .update(raw.subarray(SALT_SIZE, end))
    .update(raw.subarray(end, end + IV_SIZE))
    .update(pg)
    .digest();
  hmacKey.fill(0);
  return timingSafeEqual(mac, raw.subarray(end + IV_SIZE, end + IV_SIZE + HMAC_SIZE));
}

// ---------------------------------------------------------------------------------------------
// Build the plaintext copy

function decryptDatabase(dir, dek) {
  const dbPath = join(dir, 'vault.db');
  if (!existsSync(dbPath)) fail('database', `no vault.db in ${dir}`);
  const raw = readFileSync(dbPath);
  if (raw.subarray(0, 16).equals(SQLITE_HEADER))
    fail('database', 'vault.db is a plaintext SQLite file, not a Sauga vault');
  if (raw.length === 0 || raw.length % PAGE_SIZE !== 0) {
    fail('database', `vault.db is ${raw.length} bytes, not a whole number of ${PAGE_SIZE}-byte pages (truncated?)`);
  }
  const salt = raw.subarray(0, SALT_SIZE);
  const hmacKey = hmacKeyFor(dek, salt);
  const wal = readWal(`${dbPath}-wal`);
  const filePages = raw.length / PAGE_SIZE;
  const pageCount = wal ? wal.dbPages : filePages;
  const out = Buffer.alloc(pageCount * PAGE_SIZE);
  for (let pgno = 1; pgno <= pageCount; pgno++) {
    const fromWal = wal?.pages.get(pgno);
    let stored;
    let where;
    if (fromWal) {
      stored = fromWal;
      where = 'vault.db-wal';
    } else if (pgno <= filePages) {
      stored = raw.subarray((pgno - 1) * PAGE_SIZE, pgno * PAGE_SIZE);
      where = 'vault.db';
    } else {
      fail('wal', `page ${pgno} is in neither vault.db nor the committed WAL`);
    }
    if (pgno === 1 && !stored.subarray(0, SALT_SIZE).equals(salt))
      fail('hmac', 'page 1 in the WAL carries a different salt', 3);
    decryptPage(stored, pgno, dek, hmacKey, where).copy(out, (pgno - 1) * PAGE_SIZE);
  }
  hmacKey.fill(0);
  // Sanity of the decrypted header: page size and reserved bytes per page.
  const pageSize = out.readUInt16BE(16) === 1 ? 65536 : out.readUInt16BE(16);
  if (pageSize !== PAGE_SIZE || out[20] !== RESERVE) {
    fail(
      'database',
      `decrypted header says page size ${pageSize}, reserve ${out[20]}; expected ${PAGE_SIZE}/${RESERVE}`,
    );
  }
  const header = {
    pageSize,
    reserve: out[20],
    writeVersion: out[18], // 2 = WAL
    readVersion: out[19],
    textEncoding: out.readUInt32BE(56), // 1 = UTF-8
    autoVacuum: out.readUInt32BE(52) !== 0,
    userVersion: out.readUInt32BE(60),
  };
  // The copy has no WAL beside it: mark it as a rollback-journal database (bytes 18/19 = 1)
  // so a stock SQLite can open it read-only. Everything else stays byte for byte.
  out[18] = 1;
  out[19] = 1;
  return { plain: out, header, walCommits: wal?.commits ?? 0, walPages: wal?.pages.size ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// Python's standard sqlite3 reads the plaintext copy (independent of Sauga's SQLite build).

const PY = `
import json, sqlite3, sys
if sqlite3.sqlite_version_info < (3, 37, 0):
    sys.stderr.write('SQLite ' + sqlite3.sqlite_version + ' is too old: the schema uses STRICT tables (3.37+)\\n'); sys.exit(6)
con = sqlite3.connect('file:' + sys.argv[1] + '?mode=ro', uri=True)
con.text_factory = str
ok = con.execute('PRAGMA integrity_check').fetchall()
if ok != [('ok',)]:
    sys.stderr.write('integrity_check: ' + repr(ok) + '\\n'); sys.exit(5)
cur = con.execute(sys.argv[2])
cols = [d[0] for d in cur.description] if cur.description else []
rows = [dict(zip(cols, [v.hex() if isinstance(v, bytes) else v for v in r])) for r in cur.fetchall()]
print(json.dumps({'rows': rows, 'user_version': con.execute('PRAGMA user_version').fetchone()[0], 'sqlite': sqlite3.sqlite_version}))
`;

function query(dbFile, sql) {
  const r = spawnSync('python3', ['-c', PY, dbFile, sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail('python', `cannot run python3: ${r.error.message}`);
  if (r.status !== 0) fail('python', `python3 sqlite3 failed: ${r.stderr.trim()}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------------------------------------
// Audit chain: mac_i = HMAC-SHA256(K_audit, mac_{i-1} || seq_i (u64 BE) || UTF-8 JSON [at, actor, action, subject, detail])

function verifyAudit(dbFile, dek, vaultId) {
  // After a user removal (rekey) the database holds K_audit itself: meta 'audit_key', 64 hex.
  const stored = query(dbFile, "SELECT value FROM meta WHERE key = 'audit_key'").rows[0]?.value;
  const kAudit =
    typeof stored === 'string' && /^[0-9a-f]{64}$/u.test(stored)
      ? Buffer.from(stored, 'hex')
      : Buffer.from(hkdfSync('sha256', dek, Buffer.from(vaultId, 'utf8'), Buffer.from('sauga audit v1', 'utf8'), 32));
  const { rows } = query(dbFile, 'SELECT seq, at, actor, action, subject, detail, mac FROM audit_log ORDER BY seq');
  let prev = Buffer.alloc(32);
  let expected = 1;
  for (const r of rows) {
    if (r.seq !== expected) return { ok: false, firstBadSeq: expected, reason: 'gap', entries: expected - 1 };
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(BigInt(r.seq));
    const event = Buffer.from(JSON.stringify([r.at, r.actor, r.action, r.subject, r.detail]), 'utf8');
    const mac = createHmac('sha256', kAudit).update(prev).update(seq).update(event).digest();
    const stored = Buffer.from(r.mac, 'hex');
    if (stored.length !== 32 || !timingSafeEqual(stored, mac))
      return { ok: false, firstBadSeq: r.seq, reason: 'mac', entries: expected - 1 };
    prev = mac;
    expected++;
  }
  kAudit.fill(0);
  return { ok: true, entries: rows.length, head: { seq: rows.length, mac: prev.toString('hex') } };
}

// ---------------------------------------------------------------------------------------------

function main() {
  const args = parseArgs(process.argv.slice(2));
  const file = readSlotFile(args.vault);
  const slots = file.slots.map((s, i) => ({ raw: s, i }));
  let chosen;
  let secret;
  if (args.wordsFile) {
    secret = wordsToEntropy(readFileSync(args.wordsFile, 'utf8'));
    chosen = slots.find(({ raw, i }) => parseSlot(file, raw, i).meta.kind === 'recovery');
    if (!chosen) fail('slot-file', 'this vault has no recovery slot');
  } else {
    const wanted = args.user.normalize('NFC');
    chosen = slots.find(({ raw, i }) => {
      const m = parseSlot(file, raw, i).meta;
      return m.kind === 'passphrase' && typeof m.user === 'string' && m.user.normalize('NFC') === wanted;
    });
    if (!chosen) fail('slot-file', `no passphrase slot for user "${args.user}"`);
    secret = readPassphrase(args.passphraseFile);
  }
  const slot = parseSlot(file, chosen.raw, chosen.i);
  const inner = unwrap(slot, secret);
  secret.fill(0);
  const candidates = [slot.meta.formatVersion === 2 ? unseal(slot, inner) : Buffer.from(inner)];
  // A user removal interrupted by a crash: the database is under the key sealed in the pending
  // file or still under the old one. Page 1's HMAC tells which.
  if (slot.meta.formatVersion === 2 && existsSync(join(args.vault, 'keyslots.pending.json'))) {
    const pending = readSlotFile(args.vault, 'keyslots.pending.json');
    const i = pending.slots.findIndex((s) => s.meta === chosen.raw.meta);
    if (i !== -1) candidates.unshift(unseal(parseSlot(pending, pending.slots[i], i), inner));
  }
  inner.fill(0);
  const dek = candidates.find((k) => page1Opens(args.vault, k)) ?? candidates[candidates.length - 1];

  const tmp = mkdtempSync(join(tmpdir(), 'sauga-independent-'));
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.on('exit', cleanup);
  try {
    chmodSync(tmp, 0o700);
    const { plain, header, walCommits, walPages } = decryptDatabase(args.vault, dek);
    const dbFile = join(tmp, 'plain.db');
    writeFileSync(dbFile, plain, { mode: 0o600 });
    plain.fill(0);
    const result = query(dbFile, args.sql);
    const out = {
      rows: result.rows,
      userVersion: result.user_version,
      sqlite: result.sqlite,
      slot: { kind: slot.meta.kind, user: slot.meta.user, slotId: slot.meta.slotId },
      pages: statSync(dbFile).size / PAGE_SIZE,
      header,
      wal: { appliedCommits: walCommits, pages: walPages },
    };
    if (args.verifyAudit) {
      out.audit = verifyAudit(dbFile, dek, file.vaultId);
    }
    if (args.printDek) out.dek = dek.toString('hex');
    process.stdout.write(`${JSON.stringify(out)}\n`);
    if (out.audit && !out.audit.ok) process.exitCode = 4;
  } finally {
    dek.fill(0);
    cleanup();
  }
}

try {
  main();
} catch (e) {
  if (e instanceof OpenError) {
    process.stderr.write(`open-vault: ${e.kind}: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`open-vault: unexpected: ${e?.stack ?? e}\n`);
    process.exitCode = 1;
  }
}

import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';

/**
 * minisign's key and signature formats (https://jedisct1.github.io/minisign/), so a ministry can
 * check a return with the stock `minisign` tool as well as with Sauga:
 *
 *   public key:  "untrusted comment: ..." \n base64("Ed" || key id (8) || public key (32)) \n
 *   signature:   "untrusted comment: ..." \n base64(alg (2) || key id (8) || sig (64)) \n
 *                "trusted comment: ..." \n base64(Ed25519(sig || trusted comment)) \n
 *
 * alg "ED" signs BLAKE2b-512(file) (minisign's default since 0.10); legacy "Ed" signs the file
 * itself and is only ever accepted, never produced.
 */

export const KEY_ID_BYTES = 8;
const PK_ALG = Buffer.from('Ed', 'latin1');
const SIG_PREHASHED = Buffer.from('ED', 'latin1');
const SIG_LEGACY = Buffer.from('Ed', 'latin1');
const UNTRUSTED = 'untrusted comment: ';
const TRUSTED = 'trusted comment: ';
export const MAX_SIGNATURE_FILE = 2048;
export const MAX_TRUSTED_COMMENT = 1024;

// DER prefixes of an Ed25519 PKCS#8 private key and SPKI public key; the raw key follows.
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** minisign prints a key id as the little-endian 64-bit number it stores, in upper-case hex. */
export function keyIdHex(keyId: Uint8Array): string {
  return Buffer.from(keyId).reverse().toString('hex').toUpperCase();
}

export function keyIdBytes(hex: string): Buffer {
  if (!/^[0-9A-F]{16}$/u.test(hex)) throw new Error('key id must be 16 upper-case hex digits');
  return Buffer.from(hex, 'hex').reverse();
}

export interface RawKeyPair {
  /** 32-byte Ed25519 seed. The caller zeroes it. */
  secretKey: Buffer;
  publicKey: Buffer;
  keyId: Buffer;
}

export function generateRawKeyPair(randomKeyId: Buffer): RawKeyPair {
  if (randomKeyId.length !== KEY_ID_BYTES) throw new Error('key id must be 8 bytes');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const secretKey = Buffer.from(der.subarray(der.length - 32));
  der.fill(0);
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  return { secretKey, publicKey: Buffer.from(spki.subarray(spki.length - 32)), keyId: Buffer.from(randomKeyId) };
}

/** A KeyObject from the raw seed; the DER copy is zeroed before returning. */
export function privateKeyObject(secretKey: Buffer): KeyObject {
  if (secretKey.length !== 32) throw new Error('secret key must be 32 bytes');
  const der = Buffer.concat([PKCS8_PREFIX, secretKey]);
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } finally {
    der.fill(0);
  }
}

export function publicKeyObject(publicKey: Uint8Array): KeyObject {
  if (publicKey.length !== 32) throw new Error('public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' });
}

export function publicKeyFromSecret(secretKey: Buffer): Buffer {
  const spki = createPublicKey(privateKeyObject(secretKey)).export({ format: 'der', type: 'spki' });
  return Buffer.from(spki.subarray(spki.length - 32));
}

export interface MinisignPublicKey {
  keyId: Buffer;
  publicKey: Buffer;
}

/** The base64 line of a minisign public key (what `minisign -P` takes). */
export function encodePublicKeyLine(pk: MinisignPublicKey): string {
  return Buffer.concat([PK_ALG, pk.keyId, pk.publicKey]).toString('base64');
}

export function encodePublicKeyFile(pk: MinisignPublicKey): string {
  return `${UNTRUSTED}minisign public key ${keyIdHex(pk.keyId)}\n${encodePublicKeyLine(pk)}\n`;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;

function strictBase64(s: string, bytes: number): Buffer | null {
  if (!BASE64.test(s)) return null;
  const b = Buffer.from(s, 'base64');
  // Re-encoding catches non-canonical padding bits, so one key has exactly one spelling.
  if (b.length !== bytes || b.toString('base64') !== s) return null;
  return b;
}

/** Accepts the base64 line alone or the two-line file; null when it is not an Ed25519 minisign key. */
export function parsePublicKey(text: string): MinisignPublicKey | null {
  const lines = text.trim().split(/\r?\n/u);
  const line = lines.length === 2 && lines[0]?.startsWith(UNTRUSTED) ? lines[1] : lines.length === 1 ? lines[0] : null;
  if (line === null || line === undefined) return null;
  const b = strictBase64(line.trim(), 42);
  if (!b || !b.subarray(0, 2).equals(PK_ALG)) return null;
  return { keyId: Buffer.from(b.subarray(2, 10)), publicKey: Buffer.from(b.subarray(10, 42)) };
}

/**
 * The public key in text a person pasted or saved: a .pub file, its key line alone, or all that
 * `sauga keys export-public` prints (the two lines, then the fingerprint and a note).
 */
export function publicKeyIn(text: string): MinisignPublicKey | null {
  const whole = parsePublicKey(text);
  if (whole) return whole;
  const lines = text.split(/\r?\n/u);
  const at = lines.findIndex((l) => l.startsWith(UNTRUSTED));
  return at >= 0 && lines[at + 1] !== undefined ? parsePublicKey(`${lines[at]}\n${lines[at + 1]}`) : null;
}

/** SHA-256 of the raw public key as 8 groups of 5 digits: each big-endian 32-bit word mod 100000. */
export function fingerprint(publicKey: Uint8Array): string {
  const h = createHash('sha256').update(publicKey).digest();
  const groups: string[] = [];
  for (let i = 0; i < 32; i += 4) groups.push(String(h.readUInt32BE(i) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

const isSafeComment = (s: string): boolean => !/[\u0000-\u0008\u000a-\u001f\u007f]/u.test(s);

/** The untrusted comment Sauga writes; the verifier insists on it so no byte of the file is free. */
export const untrustedCommentFor = (keyIdHexText: string): string =>
  `signature from Sauga organisation key ${keyIdHexText}`;

export interface SignOptions {
  secretKey: Buffer;
  keyId: Buffer;
  trustedComment: string;
  untrustedComment: string;
}

/** A minisign signature file for `message`, prehashed ("ED"). Ed25519 is deterministic. */
export function signMinisign(message: Uint8Array, o: SignOptions): string {
  if (!isSafeComment(o.trustedComment) || !isSafeComment(o.untrustedComment))
    throw new Error('comments must be one line');
  if (Buffer.byteLength(o.trustedComment) > MAX_TRUSTED_COMMENT) throw new Error('trusted comment too long');
  const key = privateKeyObject(o.secretKey);
  const sig = sign(null, blake2b(message), key);
  const global = sign(null, Buffer.concat([sig, Buffer.from(o.trustedComment, 'utf8')]), key);
  return [
    `${UNTRUSTED}${o.untrustedComment}`,
    Buffer.concat([SIG_PREHASHED, o.keyId, sig]).toString('base64'),
    `${TRUSTED}${o.trustedComment}`,
    global.toString('base64'),
    '',
  ].join('\n');
}

export interface ParsedSignature {
  untrustedComment: string;
  prehashed: boolean;
  keyId: Buffer;
  signature: Buffer;
  trustedComment: string;
  globalSignature: Buffer;
}

/** Strict parse: exactly the four lines minisign writes, each ending in a newline. */
export function parseSignature(bytes: Uint8Array): ParsedSignature | null {
  if (bytes.length > MAX_SIGNATURE_FILE) return null;
  const text = Buffer.from(bytes).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(bytes))) return null;
  const lines = text.split('\n');
  if (lines.length !== 5 || lines[4] !== '') return null;
  const [untrusted, sigLine, trusted, globalLine] = lines as [string, string, string, string];
  if (!untrusted.startsWith(UNTRUSTED) || !isSafeComment(untrusted)) return null;
  if (!trusted.startsWith(TRUSTED) || !isSafeComment(trusted)) return null;
  const sig = strictBase64(sigLine, 74);
  const global = strictBase64(globalLine, 64);
  if (!sig || !global) return null;
  const alg = sig.subarray(0, 2);
  const prehashed = alg.equals(SIG_PREHASHED);
  if (!prehashed && !alg.equals(SIG_LEGACY)) return null;
  const trustedComment = trusted.slice(TRUSTED.length);
  if (Buffer.byteLength(trustedComment) > MAX_TRUSTED_COMMENT) return null;
  return {
    untrustedComment: untrusted.slice(UNTRUSTED.length),
    prehashed,
    keyId: Buffer.from(sig.subarray(2, 10)),
    signature: Buffer.from(sig.subarray(10, 74)),
    trustedComment,
    globalSignature: global,
  };
}

/** Both signatures must hold: over the (hashed) message, and over signature + trusted comment. */
export function verifyMinisign(message: Uint8Array, sig: ParsedSignature, pk: MinisignPublicKey): boolean {
  if (!sig.keyId.equals(pk.keyId)) return false;
  const key = publicKeyObject(pk.publicKey);
  const signed = sig.prehashed ? blake2b(message) : message;
  if (!verify(null, signed, key, sig.signature)) return false;
  return verify(
    null,
    Buffer.concat([sig.signature, Buffer.from(sig.trustedComment, 'utf8')]),
    key,
    sig.globalSignature,
  );
}

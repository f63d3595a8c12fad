import { createHash, timingSafeEqual } from 'node:crypto';
import { Decrypter, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import {
  keyIdHex,
  parsePublicKey,
  parseSignature,
  untrustedCommentFor,
  verifyMinisign,
  type MinisignPublicKey,
} from '../../stats/package/minisign';
import { inflateEntry, readZipDirectory, type ZipEntry } from '../../stats/package/zip';
import {
  ARCHIVE_PATHS,
  Authority,
  authorityOf,
  CaseSummary,
  canonicalJson,
  LIMITS,
  PATHS,
  SummaryManifest,
  trustedCommentFor,
} from './schema';

/**
 * Reasons a package is refused, in the order they are checked (security.md, "Verifying any
 * incoming file"). Stable codes: the CLI prints them and the inbox translates them.
 */
export const OPEN_REASONS = [
  'too-large',
  'not-age',
  'not-for-you',
  'damaged',
  'bad-archive',
  'unknown-sender',
  'bad-signature',
  'malformed',
  'hash-mismatch',
  'wrong-recipient',
  'replayed',
] as const;
export type OpenReason = (typeof OPEN_REASONS)[number];

export interface TrustedSender {
  organisation: string;
  /** The organisation's minisign public key: the base64 line or the two-line file. */
  minisignPublicKey: string;
}

export interface OpenOptions {
  /** The vault's age identities, `AGE-SECRET-KEY-1...`. */
  identities: readonly string[];
  /** This vault's recipient key fingerprint, as the key directory prints it. */
  ownFingerprint: string;
  trustedSenders: readonly TrustedSender[];
  /** Package ids already received. */
  received?: readonly string[];
}

export interface OpenedSummary {
  ok: true;
  summary: CaseSummary;
  pdf: Uint8Array;
  /** consent.json: the consent the summary names, or its override (legal basis). */
  consent: Authority;
  manifest: SummaryManifest;
  sender: { organisation: string; keyId: string };
  /** SHA-256 of the .age file, hex. */
  sha256: string;
}
export type OpenRejected = { ok: false; reason: OpenReason; detail: string };
export type OpenResult = OpenedSummary | OpenRejected;

const Options = z.strictObject({
  identities: z
    .array(z.string().regex(/^AGE-SECRET-KEY-(?:PQ-)?1[0-9A-Z]+$/u))
    .min(1)
    .max(100),
  ownFingerprint: z.string().min(1).max(128),
  trustedSenders: z
    .array(z.strictObject({ organisation: z.string().min(1).max(200), minisignPublicKey: z.string().min(1).max(300) }))
    .max(10_000),
  received: z.array(z.string().max(100)).max(10_000_000).optional(),
});

interface Sender extends MinisignPublicKey {
  organisation: string;
}

const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'latin1');
const ARMOR_MAGIC = Buffer.from('-----BEGIN AGE ENCRYPTED FILE-----', 'latin1');
// age-encryption 0.3.1's message when no identity unwraps a stanza; pinned, and the test of a
// wrong identity fails loudly if an upgrade rewords it.
const NO_MATCH = "no identity matched any of the file's recipients";

const reject = (reason: OpenReason, detail: string): OpenRejected => ({ ok: false, reason, detail });
const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Parsed JSON only when the bytes are UTF-8 and exactly the canonical spelling of their value. */
function canonical(b: Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    const text = decoder.decode(b);
    const value: unknown = JSON.parse(text);
    return canonicalJson(value) === text ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

/**
 * Decrypts and verifies a case summary package before anything of it is used or stored.
 * Throws only on invalid options (a programming error); hostile bytes give a reason code and a
 * detail that quotes nothing of the content.
 */
export async function openSummaryPackage(bytes: Uint8Array, options: OpenOptions): Promise<OpenResult> {
  const o = Options.parse(options);
  const senders: Sender[] = [];
  for (const s of o.trustedSenders) {
    const pk = parsePublicKey(s.minisignPublicKey);
    if (!pk) throw new Error(`the key of trusted sender ${s.organisation} is not a minisign Ed25519 public key`);
    senders.push({ ...pk, organisation: s.organisation.normalize('NFC') });
  }
  const ownRecipients = new Set(await Promise.all(o.identities.map((i) => identityToRecipient(i))));
  let inner: Uint8Array | null = null;
  try {
    const decrypted = await decrypt(bytes, o.identities);
    if (!decrypted.ok) return decrypted;
    inner = decrypted.inner;
    return verify(bytes, inner, o, senders, ownRecipients);
  } catch {
    return reject('damaged', 'the package could not be read');
  } finally {
    // Only the returned copies survive; the decrypted archive is not left lying in memory.
    inner?.fill(0);
  }
}

type Decrypted = { ok: true; inner: Uint8Array } | OpenRejected;

async function decrypt(bytes: Uint8Array, identities: readonly string[]): Promise<Decrypted> {
  if (bytes.length > LIMITS.package) return reject('too-large', `the package is over ${LIMITS.package} bytes`);
  const head = Buffer.from(bytes.subarray(0, 40));
  if (head.subarray(0, ARMOR_MAGIC.length).equals(ARMOR_MAGIC))
    return reject('not-age', 'the file is ASCII-armored age; Sauga packages are binary age files');
  if (!head.subarray(0, AGE_MAGIC.length).equals(AGE_MAGIC)) return reject('not-age', 'the file is not an age file');
  const d = new Decrypter();
  for (const i of identities) d.addIdentity(i);
  try {
    return { ok: true, inner: await d.decrypt(bytes) };
  } catch (err) {
    if (err instanceof Error && err.message === NO_MATCH)
      return reject(
        'not-for-you',
        'the package was encrypted for someone else: none of this vault’s keys can open it (or its header is damaged)',
      );
    return reject('damaged', 'the package is damaged or truncated: decryption failed its integrity check');
  }
}

function verify(
  bytes: Uint8Array,
  inner: Uint8Array,
  o: z.infer<typeof Options>,
  senders: readonly Sender[],
  ownRecipients: ReadonlySet<string>,
): OpenResult {
  // Archive entries: exactly the five files, in order, stored, canonical headers.
  const dir = readZipDirectory(inner, {
    maxEntries: ARCHIVE_PATHS.length,
    maxEntrySize: (name) => LIMITS.entry[name] ?? 0,
    maxTotalSize: LIMITS.package,
    maxRatio: 1,
  });
  if (!dir.ok) return reject(dir.reason === 'size-limit' ? 'too-large' : 'bad-archive', dir.detail);
  const names = dir.entries.map((e) => e.name);
  if (!names.includes(PATHS.signature) && names.length === ARCHIVE_PATHS.length - 1)
    return reject('bad-signature', 'the package is not signed: manifest.json.sig is missing');
  if (names.join('\n') !== ARCHIVE_PATHS.join('\n'))
    return reject('bad-archive', `the archive must hold exactly ${ARCHIVE_PATHS.join(', ')}, in that order`);
  const compressed = dir.entries.find((e) => e.method !== 0);
  if (compressed) return reject('bad-archive', `${compressed.name} is compressed; every entry must be stored`);
  const data = new Map<string, Uint8Array>();
  for (const e of dir.entries as ZipEntry[]) {
    const got = inflateEntry(inner, e);
    if (!got.ok) return reject('bad-archive', got.detail);
    // Copies, so zeroing the decrypted archive leaves the results intact.
    data.set(e.name, new Uint8Array(got.data));
  }
  const file = (path: string): Uint8Array => data.get(path) as Uint8Array;

  // Signature over the exact manifest bytes, by a pinned organisation key.
  const sig = parseSignature(file(PATHS.signature));
  if (!sig) return reject('bad-signature', 'manifest.json.sig is not a minisign signature');
  const keyId = keyIdHex(sig.keyId);
  if (sig.untrustedComment !== untrustedCommentFor(keyId))
    return reject('bad-signature', 'manifest.json.sig does not carry the comment Sauga writes');
  const candidates = senders.filter((s) => s.keyId.equals(sig.keyId));
  if (candidates.length === 0)
    return reject('unknown-sender', `signed by key ${keyId}, which is not among the trusted organisations`);
  const signer = candidates.find((s) => verifyMinisign(file(PATHS.manifest), sig, s));
  if (!signer) return reject('bad-signature', `the signature of manifest.json does not verify with key ${keyId}`);

  // Strict parse of what was signed.
  const json = canonical(file(PATHS.manifest));
  const parsed = json.ok ? SummaryManifest.safeParse(json.value) : null;
  if (!parsed?.success) return reject('malformed', 'manifest.json is not a case summary manifest');
  const manifest = parsed.data;
  if (sig.trustedComment !== trustedCommentFor(manifest))
    return reject('bad-signature', 'the signed comment does not match the manifest');
  if (
    manifest.organisation.signingKeyId !== keyId ||
    manifest.organisation.name.normalize('NFC') !== signer.organisation
  )
    return reject('unknown-sender', `key ${keyId} is trusted for another organisation than the manifest names`);

  // Hashes and sizes of every listed file.
  for (const f of manifest.files) {
    const got = file(f.path);
    if (got.length !== f.size || !timingSafeEqual(sha256(got), Buffer.from(f.sha256, 'hex')))
      return reject('hash-mismatch', `${f.path} differs from what the manifest lists`);
  }

  // Addressed to this vault: a package decrypted here but signed for someone else was forwarded.
  if (manifest.recipient.fingerprint !== o.ownFingerprint || !ownRecipients.has(manifest.recipient.ageRecipient))
    return reject(
      'wrong-recipient',
      `the package is addressed to the key with fingerprint ${manifest.recipient.fingerprint}, not to this vault; it was re-encrypted or forwarded`,
    );

  const summaryJson = canonical(file(PATHS.summary));
  const summary = summaryJson.ok ? CaseSummary.safeParse(summaryJson.value) : null;
  if (!summary?.success) return reject('malformed', 'summary.json is not a valid case summary');
  const consentJson = canonical(file(PATHS.consent));
  const consent = consentJson.ok ? Authority.safeParse(consentJson.value) : null;
  if (!consent?.success) return reject('malformed', 'consent.json is not a valid consent or override record');
  const s = summary.data;
  if (
    s.id !== manifest.packageId ||
    s.created !== manifest.created ||
    s.organisation.name !== manifest.organisation.name ||
    s.recipient.fingerprint !== manifest.recipient.fingerprint ||
    canonicalJson(authorityOf(s)) !== canonicalJson(consent.data)
  )
    return reject('malformed', 'summary.json, consent.json and the manifest disagree');
  const pdf = file(PATHS.pdf);
  if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-')
    return reject('malformed', 'summary.pdf is not a PDF');

  if (o.received?.includes(manifest.packageId))
    return reject('replayed', `package ${manifest.packageId} was already received`);

  return {
    ok: true,
    summary: s,
    pdf,
    consent: consent.data,
    manifest,
    sender: { organisation: signer.organisation, keyId },
    sha256: sha256(bytes).toString('hex'),
  };
}

import { createHash } from 'node:crypto';
import type { AppError } from '../../errors';
import { keyIdHex, parseSignature, untrustedCommentFor, verifyMinisign } from './minisign';
import type { PackageSigner } from './signingKey';
import { inflateEntry, readZipDirectory, writeCanonicalZip } from './zip';

/**
 * A signed JSON document as one file: Sauga's canonical zip (see zip.ts) of exactly two stored
 * (uncompressed) entries, in this order:
 *
 *   <name>.json          the document, UTF-8
 *   <name>.json.minisig  a minisign signature over the exact bytes of the document, whose
 *                        trusted comment names the kind of document and its version
 *
 * One file rather than JSON plus a detached .minisig, so the two cannot be separated or mixed
 * up in transit; a zip, so the receiver can still check it with stock tools (`unzip`, then
 * `minisign -Vm <name>.json -P <key>`). Stored entries and the canonical layout leave no byte
 * unchecked: headers are compared field by field, data by CRC and signature. The institution
 * key directory and the duty rule sets are both such files.
 */
export interface SignedDocumentKind {
  paths: { document: string; signature: string };
  limits: { file: number; document: number; signature: number };
  /** Binds the signature to one version, so a signed version cannot be replayed as another. */
  trustedComment: (version: number) => string;
  reject: (detail: string) => AppError;
  /** For messages: "the directory", "the rule set". */
  noun: string;
}

export function writeSignedDocument(
  kind: SignedDocumentKind,
  json: Buffer,
  version: number,
  signer: PackageSigner,
): Uint8Array {
  const sig = Buffer.from(signer.sign(json, kind.trustedComment(version)), 'utf8');
  return writeCanonicalZip([
    { path: kind.paths.document, data: json, stored: true },
    { path: kind.paths.signature, data: sig, stored: true },
  ]);
}

export interface OpenedSignedDocument {
  /** Parsed JSON, not yet checked against any schema. */
  json: unknown;
  signerKeyId: string;
  trustedComment: string;
  sha256: string;
}

/**
 * Checks size, archive layout and signature against the signer `trustedKey` returns for the
 * key id (null: not trusted), then parses the JSON. The caller parses the schema, compares the
 * trusted comment with the document's version and refuses replays. Writes nothing.
 */
export function openSignedDocument(
  kind: SignedDocumentKind,
  bytes: Uint8Array,
  trustedKey: (keyId: string) => Buffer | null,
): OpenedSignedDocument {
  const { paths, limits, reject, noun } = kind;
  if (bytes.length > limits.file) throw reject(`the file is over ${limits.file} bytes`);
  const dir = readZipDirectory(bytes, {
    maxEntries: 2,
    maxEntrySize: (name) =>
      name === paths.document ? limits.document : name === paths.signature ? limits.signature : 0,
    maxTotalSize: limits.document + limits.signature,
    maxRatio: 1,
  });
  if (!dir.ok) throw reject(`${dir.reason}: ${dir.detail}`);
  const [docEntry, sigEntry] = dir.entries;
  if (
    dir.entries.length !== 2 ||
    docEntry?.name !== paths.document ||
    sigEntry?.name !== paths.signature ||
    docEntry.method !== 0 ||
    sigEntry.method !== 0
  )
    throw reject(`the archive must hold exactly ${paths.document} and ${paths.signature}, stored`);
  const doc = inflateEntry(bytes, docEntry);
  const sigBytes = inflateEntry(bytes, sigEntry);
  if (!doc.ok) throw reject(doc.detail);
  if (!sigBytes.ok) throw reject(sigBytes.detail);

  const sig = parseSignature(sigBytes.data);
  if (!sig) throw reject('the signature is not a minisign signature');
  const keyId = keyIdHex(sig.keyId);
  const publicKey = trustedKey(keyId);
  if (!publicKey) throw reject(`signed by key ${keyId}, which is not a trusted signer of ${noun}`);
  // The untrusted comment is fixed too, so no byte of the file is left free to vary.
  if (sig.untrustedComment !== untrustedCommentFor(keyId)) throw reject('unexpected untrusted comment');
  if (!verifyMinisign(doc.data, sig, { keyId: sig.keyId, publicKey }))
    throw reject(`the signature does not match ${noun}`);

  const text = Buffer.from(doc.data).toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(Buffer.from(doc.data))) throw reject(`${noun} is not UTF-8`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw reject(`${noun} is not JSON`);
  }
  return {
    json,
    signerKeyId: keyId,
    trustedComment: sig.trustedComment,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

import { createHash } from 'node:crypto';
import { Encrypter } from 'age-encryption';
import { z } from 'zod';
import type { PackageSigner } from '../../stats/package/signingKey';
import { writeCanonicalZip } from '../../stats/package/zip';
import {
  AgeRecipient,
  Authority,
  authorityOf,
  CaseSummary,
  canonicalJson,
  Fingerprint,
  LIMITS,
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  PATHS,
  SummaryManifest,
  trustedCommentFor,
  type AuthorityInput,
  type CaseSummaryInput,
} from './schema';

export interface SummaryRecipientKey {
  /** The recipient's X25519 age recipient, `age1...`. */
  ageRecipient: string;
  /** The recipient's key fingerprint from the key directory; the package names it in the signed manifest. */
  fingerprint: string;
}

export interface BuildSummaryInput {
  summary: CaseSummaryInput;
  /** The summary rendered by renderSummaryPdf; carried as given. */
  pdf: Uint8Array;
  /**
   * Must be the authority the summary names (its consent, or its override); consent.json
   * carries it. Taken from the summary when left out.
   */
  consent?: AuthorityInput;
  recipient: SummaryRecipientKey;
  signer: PackageSigner;
}

export interface BuiltSummaryPackage {
  /** The binary age file. */
  bytes: Uint8Array;
  /** Names no person: only a prefix of the random package id. */
  fileName: string;
  /** SHA-256 of `bytes`, hex, for the disclosure log. */
  sha256: string;
}

const Recipient = z.strictObject({ ageRecipient: AgeRecipient, fingerprint: Fingerprint });

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

export function summaryFileName(packageId: string): string {
  return `sauga-summary-${packageId.replaceAll('-', '').slice(0, 12)}.age`;
}

/**
 * Sign, then encrypt (security.md, "Outgoing packages"). Refuses, as a programming error,
 * anything the recipient's Sauga would refuse, so no package leaves that cannot be opened.
 */
export async function buildSummaryPackage(input: BuildSummaryInput): Promise<BuiltSummaryPackage> {
  const summary = CaseSummary.parse(input.summary);
  const consent = authorityOf(summary);
  if (input.consent !== undefined && canonicalJson(Authority.parse(input.consent)) !== canonicalJson(consent))
    throw new Error('the consent passed is not the one the summary names');
  const recipient = Recipient.parse(input.recipient);
  if (recipient.fingerprint !== summary.recipient.fingerprint)
    throw new Error('the recipient key is not the one the summary is addressed to');
  if (Buffer.from(input.pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') throw new Error('pdf is not a PDF');

  const files = {
    [PATHS.summary]: utf8(canonicalJson(summary)),
    [PATHS.pdf]: input.pdf,
    [PATHS.consent]: utf8(canonicalJson(consent)),
  };
  for (const [path, data] of Object.entries(files)) {
    if (data.length > (LIMITS.entry[path] ?? 0)) throw new Error(`${path} is over the size limit`);
  }
  const manifest = SummaryManifest.parse({
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: summary.id,
    created: summary.created,
    organisation: { name: summary.organisation.name, signingKeyId: input.signer.keyId },
    recipient,
    files: [
      { path: PATHS.summary, size: files[PATHS.summary].length, sha256: sha256(files[PATHS.summary]) },
      { path: PATHS.pdf, size: files[PATHS.pdf].length, sha256: sha256(files[PATHS.pdf]) },
      { path: PATHS.consent, size: files[PATHS.consent].length, sha256: sha256(files[PATHS.consent]) },
    ],
  } satisfies SummaryManifest);
  const manifestBytes = utf8(canonicalJson(manifest));
  const signature = utf8(input.signer.sign(manifestBytes, trustedCommentFor(manifest)));

  // Stored entries only: deflate is malleable, and the age layer already makes the file opaque.
  const inner = writeCanonicalZip([
    { path: PATHS.manifest, data: manifestBytes, stored: true },
    { path: PATHS.signature, data: signature, stored: true },
    ...[PATHS.summary, PATHS.pdf, PATHS.consent].map((path) => ({ path, data: files[path], stored: true })),
  ]);
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient.ageRecipient);
  const bytes = await encrypter.encrypt(inner);
  inner.fill(0);
  if (bytes.length > LIMITS.package) throw new Error('the package is over the size limit');
  return { bytes, fileName: summaryFileName(summary.id), sha256: sha256(bytes) };
}

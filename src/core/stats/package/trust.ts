import { z } from 'zod';
import { keyIdHex, parsePublicKey, type MinisignPublicKey } from './minisign';
import { KeyIdHex } from './manifest';

/**
 * The recipient's pinned keys and what it has already received, as plain JSON files for the
 * CLI (docs/stats-package.md) and as rows in a ministry vault for the app.
 */

const Organisation = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !/[\u0000-\u001f\u007f]/u.test(s))
  .transform((s) => s.normalize('NFC'));

export const TrustedKeyEntry = z.strictObject({
  organisation: Organisation,
  /** The base64 line of the organisation's minisign public key. */
  publicKey: z.string().min(1).max(200),
});
export type TrustedKeyEntry = z.infer<typeof TrustedKeyEntry>;

export const TrustedKeysFile = z.array(TrustedKeyEntry).max(10_000);

export interface TrustedKey extends MinisignPublicKey {
  organisation: string;
  keyIdHex: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail: string };

/** Every key must decode, and a key id may name only one key: an ambiguous list is refused. */
export function parseTrustedKeys(json: unknown): Parsed<TrustedKey[]> {
  const r = TrustedKeysFile.safeParse(json);
  if (!r.success) return { ok: false, detail: 'the trusted keys list is not a list of {organisation, publicKey}' };
  const out: TrustedKey[] = [];
  for (const [i, e] of r.data.entries()) {
    const pk = parsePublicKey(e.publicKey);
    if (!pk) return { ok: false, detail: `entry ${i + 1}: not a minisign Ed25519 public key` };
    const id = keyIdHex(pk.keyId);
    const same = out.find((k) => k.keyIdHex === id);
    if (same && (!same.publicKey.equals(pk.publicKey) || same.organisation !== e.organisation))
      return { ok: false, detail: `entry ${i + 1}: key id ${id} is listed twice with different content` };
    if (!same) out.push({ ...pk, organisation: e.organisation, keyIdHex: id });
  }
  return { ok: true, value: out };
}

export const ReceivedPackage = z.strictObject({
  packageId: z.uuid(),
  organisation: Organisation,
  keyId: KeyIdHex,
  sequence: z.number().int().min(1),
  periodCode: z.string().max(10),
  replaces: z.uuid().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  auditSeq: z.number().int().min(0),
  auditMac: z.string().regex(/^[0-9a-f]{64}$/u),
  receivedAt: z.iso.datetime(),
});
export type ReceivedPackage = z.infer<typeof ReceivedPackage>;
export const ReceivedFile = z.array(ReceivedPackage).max(1_000_000);

import { AppError } from '../../errors';
import { ErrorCode } from '../../../shared/errors';
import { fingerprint } from '../../stats/package/minisign';
import { decodeAgeRecipient } from './bech32';

/**
 * The recipient fingerprint both sides compute and people compare by phone or on paper.
 *
 * Exact encoding (the recipient side must match it byte for byte):
 *
 *   input  = "sauga recipient fingerprint v1" (30 ASCII bytes) || 0x00
 *            || X25519 public key (32 bytes, decoded from the age1… bech32 recipient)
 *            || Ed25519 public key (32 raw bytes)
 *   digest = SHA-256(input)
 *   shown  = 8 groups of 5 digits: each big-endian 32-bit word of the digest mod 100000,
 *            zero-padded, joined by single spaces (the statistics key fingerprint's style,
 *            computed by the same function).
 *
 * The domain string keeps it from ever equalling the fingerprint of a lone signing key, and
 * the raw X25519 bytes (not the bech32 text) make it independent of how the recipient is spelt.
 */
const DOMAIN = Buffer.from('sauga recipient fingerprint v1\u0000', 'ascii');

export function recipientFingerprint(ageRecipient: string, ed25519PublicKey: Uint8Array): string {
  const x25519 = decodeAgeRecipient(ageRecipient);
  if (!x25519) throw new AppError(ErrorCode.InvalidInput, 'not an age X25519 recipient (age1…)');
  if (ed25519PublicKey.length !== 32) throw new AppError(ErrorCode.InvalidInput, 'Ed25519 public key must be 32 bytes');
  return fingerprint(Buffer.concat([DOMAIN, x25519, ed25519PublicKey]));
}

/** What a person typed, reduced to its digits' positions: spaces and line breaks do not count. */
export const normaliseTypedFingerprint = (typed: string): string => typed.replace(/\s+/gu, '');

export function fingerprintMatches(typed: string, expected: string): boolean {
  const t = normaliseTypedFingerprint(typed);
  return /^\d{40}$/u.test(t) && t === normaliseTypedFingerprint(expected);
}

/**
 * Decoding of age's X25519 recipients ("age1" + bech32, BIP 173). Hand-written because the
 * only bech32 library present is a transitive dependency of age-encryption, which exposes no
 * decoder; it is checked in tests against recipients that age-encryption itself produced.
 */

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3] as const;
const AGE_HRP = 'age';
/** "age" + "1" + 52 data words (256 bits) + 6 checksum words. */
const X25519_RECIPIENT_LENGTH = 62;

function polymod(values: readonly number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (((chk & 0x1ffffff) << 5) ^ v) >>> 0;
    GENERATOR.forEach((g, i) => {
      if ((top >>> i) & 1) chk = (chk ^ g) >>> 0;
    });
  }
  return chk;
}

const hrpExpand = (hrp: string): number[] => [
  ...[...hrp].map((c) => c.charCodeAt(0) >>> 5),
  0,
  ...[...hrp].map((c) => c.charCodeAt(0) & 31),
];

/**
 * The 32-byte X25519 public key of an `age1…` recipient, or null. Only the lower-case spelling
 * is accepted, so one key has exactly one spelling in the directory and in fingerprints.
 * Post-quantum (`age1pq1…`) and plugin recipients are refused: the directory holds X25519 keys.
 */
export function decodeAgeRecipient(text: string): Buffer | null {
  if (text.length !== X25519_RECIPIENT_LENGTH || !text.startsWith(`${AGE_HRP}1`)) return null;
  const words: number[] = [];
  for (const c of text.slice(AGE_HRP.length + 1)) {
    const w = CHARSET.indexOf(c);
    if (w < 0) return null;
    words.push(w);
  }
  if (polymod([...hrpExpand(AGE_HRP), ...words]) !== 1) return null;
  const data = words.slice(0, -6);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const w of data) {
    acc = (acc << 5) | w;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      out.push((acc >>> bits) & 0xff);
    }
    acc &= (1 << bits) - 1;
  }
  // Leftover padding must be short and zero, or two strings would name the same key.
  if (bits >= 5 || acc !== 0 || out.length !== 32) return null;
  return Buffer.from(out);
}

import { randomBytes } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { encodePublicKeyLine, generateRawKeyPair, KEY_ID_BYTES } from '../../stats/package/minisign';
import { rawSigner, type PackageSigner } from '../../stats/package/signingKey';
import type { DirectoryFileEntry } from './schema';

export interface RecipientKeys {
  identity: string;
  ageRecipient: string;
  ed25519PublicKey: Buffer;
}

export async function recipientKeys(): Promise<RecipientKeys> {
  const identity = await generateX25519Identity();
  return {
    identity,
    ageRecipient: await identityToRecipient(identity),
    ed25519PublicKey: generateRawKeyPair(randomBytes(KEY_ID_BYTES)).publicKey,
  };
}

export interface TestDirectorySigner {
  signer: PackageSigner;
  publicKeyLine: string;
}

export function directorySigner(): TestDirectorySigner {
  const pair = generateRawKeyPair(randomBytes(KEY_ID_BYTES));
  return { signer: rawSigner(pair.secretKey, pair.keyId), publicKeyLine: encodePublicKeyLine(pair) };
}

export function fileEntry(id: string, keys: RecipientKeys, over: Partial<DirectoryFileEntry> = {}): DirectoryFileEntry {
  return {
    id,
    institution: 'Vilniaus apygardos prokuratūra',
    category: 'PROSECUTOR',
    person: 'Prokurorė Rūta Žemaitė',
    ageRecipient: keys.ageRecipient,
    ed25519PublicKey: keys.ed25519PublicKey.toString('base64'),
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    ...over,
  };
}

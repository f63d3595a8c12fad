import { entropyToMnemonic, mnemonicToEntropy, validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';

/**
 * Recovery words are BIP39 (English list): 256 bits of entropy and an 8-bit checksum as 24
 * words. The checksum lets us reject a mistyped sheet before spending a key derivation.
 */
export function entropyToWords(entropy: Uint8Array): string[] {
  if (entropy.length !== 32) throw new Error('recovery entropy must be 32 bytes');
  return entropyToMnemonic(entropy, wordlist).split(' ');
}

export function wordsToEntropy(words: readonly string[]): Buffer {
  const normalised = words.map((w) => w.trim().toLowerCase().normalize('NFKD'));
  const unknown = normalised.findIndex((w) => !wordlist.includes(w));
  if (normalised.length !== 24 || unknown !== -1) {
    throw new AppError(
      ErrorCode.RecoveryWordsInvalid,
      unknown === -1 ? 'recovery sheet must have 24 words' : `recovery word ${unknown + 1} is not on the word list`,
    );
  }
  const phrase = normalised.join(' ');
  if (!validateMnemonic(phrase, wordlist)) {
    throw new AppError(ErrorCode.RecoveryWordsInvalid, 'recovery words fail their checksum');
  }
  return Buffer.from(mnemonicToEntropy(phrase, wordlist));
}

export const recoveryWordlist: readonly string[] = wordlist;

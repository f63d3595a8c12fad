import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { ErrorCode } from '../../shared/errors';
import { PASSPHRASE_MIN_LENGTH, type PassphraseStrength } from '../../shared/vault';
import { AppError } from '../errors';

let factory: ZxcvbnFactory | undefined;
const zxcvbn = (): ZxcvbnFactory => (factory ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs }));

/** Minimum zxcvbn score (0-4) for a passphrase that protects a whole vault. */
export const MIN_SCORE = 3;

export function passphraseStrength(passphrase: string, context: readonly string[] = []): PassphraseStrength {
  const problems: PassphraseStrength['problems'] = [];
  const length = [...passphrase.normalize('NFC')].length;
  if (length < PASSPHRASE_MIN_LENGTH) problems.push('too_short');
  const words = context.flatMap((c) => c.toLowerCase().split(/\s+/u)).filter((w) => w.length >= 3);
  if (words.some((w) => passphrase.toLowerCase().includes(w))) problems.push('contains_name');
  // zxcvbn is quadratic-ish in length; a long passphrase is scored on its first 100 characters.
  const score = zxcvbn().check(passphrase.slice(0, 100), [...context]).score as number;
  if (score < MIN_SCORE) problems.push('guessable');
  return { score, acceptable: problems.length === 0, problems };
}

export function assertPassphraseAcceptable(passphrase: string, context: readonly string[]): void {
  const s = passphraseStrength(passphrase, context);
  if (!s.acceptable) {
    throw new AppError(ErrorCode.WeakPassphrase, `passphrase refused: ${s.problems.join(', ')}`);
  }
}

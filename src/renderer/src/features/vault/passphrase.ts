import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { sauga } from '../../api';
import type { ErrorCode } from '../../../../shared/errors';
import type { PassphraseStrength } from '../../../../shared/vault';

const DEBOUNCE_MS = 250;
// Names cannot contain control characters (the schema refuses them), so NUL separates safely.
const SEPARATOR = '\u0000';
// The contract caps context strings at 200 characters and 4 entries.
const contextFor = (names: readonly string[]): string[] =>
  names
    .map((n) => n.trim().slice(0, 200))
    .filter(Boolean)
    .slice(0, 4);

export interface StrengthState {
  /** The latest verdict from core; while a newer one is pending it may describe older input. */
  strength: PassphraseStrength | undefined;
  checking: boolean;
}

/** Live strength feedback, asked of core (the rule that will refuse the passphrase) after a pause in typing. */
export function usePassphraseStrength(passphrase: string, names: readonly string[]): StrengthState {
  const [result, setResult] = useState<{ key: string; strength: PassphraseStrength } | undefined>();
  const contextKey = contextFor(names).join(SEPARATOR);
  const key = `${passphrase}${SEPARATOR}${contextKey}`;
  useEffect(() => {
    if (!passphrase) return undefined;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      const context = contextKey ? contextKey.split(SEPARATOR) : [];
      void sauga()
        .vault.passphraseStrength({ passphrase, context })
        .then((r) => {
          if (!cancelled && r.ok) setResult({ key: `${passphrase}${SEPARATOR}${contextKey}`, strength: r.value });
        });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [passphrase, contextKey]);
  if (!passphrase) return { strength: undefined, checking: false };
  return { strength: result?.strength, checking: result?.key !== key };
}

export interface NewPassphraseErrors {
  passphrase?: string;
  repeat?: string;
}

/**
 * Checks a new passphrase on submit with a fresh verdict from core (never a stale one from
 * the debounced meter) and the repeat field. Returns field errors, or an error code if core
 * could not be asked.
 */
export async function checkNewPassphrase(
  t: TFunction,
  passphrase: string,
  repeat: string,
  names: readonly string[],
): Promise<{ fields: NewPassphraseErrors; code: ErrorCode | null }> {
  const fields: NewPassphraseErrors = {};
  if (!passphrase) {
    fields.passphrase = t('common.required');
  } else {
    const verdict = await sauga().vault.passphraseStrength({ passphrase, context: contextFor(names) });
    if (!verdict.ok) return { fields, code: verdict.error.code };
    if (!verdict.value.acceptable) fields.passphrase = t('passphrase.notAcceptable');
  }
  if (!repeat) fields.repeat = t('common.required');
  else if (passphrase && repeat !== passphrase) fields.repeat = t('passphrase.mismatch');
  return { fields, code: null };
}

export const hasErrors = (errors: object): boolean => Object.values(errors).some(Boolean);

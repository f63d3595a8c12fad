import { useTranslation } from 'react-i18next';

/**
 * Translation by a key built at run time (a field name, a code): the typed `t` accepts only
 * literal keys. A key that does not exist comes back as itself, which the i18n tests prevent.
 */
export type Tx = (key: string, options?: Record<string, unknown>) => string;

export function useTx(): Tx {
  const { t } = useTranslation();
  return t as unknown as Tx;
}

/** The translation of a `validation.*` key from a schema; anything else says "invalid". */
export function validationMessage(tx: Tx, key: string | undefined): string | undefined {
  if (!key) return undefined;
  return tx(key.startsWith('validation.') ? key : 'validation.invalid');
}

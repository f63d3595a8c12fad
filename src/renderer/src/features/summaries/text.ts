import { CONSENT_PURPOSES, DATA_CATEGORIES, RECIPIENT_CATEGORIES } from '../../../../shared/cases/codes';
import { useTx, type Tx } from '../cases/form/tx';
import { codeLabel, formatTimestamp } from '../cases/format';

export interface SummaryText {
  tx: Tx;
  purpose: (code: string) => string;
  recipientKind: (code: string) => string;
  category: (code: string) => string;
  /** A `group.field` key as the case screen labels it ("Identity: Phone"). */
  field: (key: string) => string;
  timestamp: (iso: string) => string;
}

/** Labels built from codes and field keys that core sends, in the current language. */
export function useSummaryText(): SummaryText {
  const tx = useTx();
  return {
    tx,
    purpose: (code) => codeLabel(CONSENT_PURPOSES, code),
    recipientKind: (code) => codeLabel(RECIPIENT_CATEGORIES, code),
    category: (code) => codeLabel(DATA_CATEGORIES, code),
    field: (key) => {
      const [group = '', name = ''] = key.split('.');
      // A key the screens do not label (a newer core) shows as itself rather than as nothing.
      const known = (k: string): string | undefined => {
        const v = tx(k);
        return v === k ? undefined : v;
      };
      const groupLabel = known(`sections.${group}`) ?? known(`items.${group}.title`) ?? group;
      return `${groupLabel}: ${known(`fields.${group}.${name}`) ?? name}`;
    },
    timestamp: formatTimestamp,
  };
}

/** A SHA-256 in groups of four, to read aloud or compare on paper. */
export const groupHex = (hex: string): string => hex.replace(/(.{4})(?=.)/gu, '$1 ');

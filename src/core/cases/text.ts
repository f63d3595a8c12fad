import { parsePartialDate } from '../../shared/cases/dates';
import type { Identity } from '../../shared/cases/schemas';

// Letters that carry no combining mark in Unicode, so NFD alone would not fold them.
const SPECIAL: Record<string, string> = { ł: 'l', đ: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ð: 'd' };

/** Lower case without diacritics: "Žėrūnė" -> "zerune". Used for search and duplicates. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łđøßæœıþð]/g, (c) => SPECIAL[c] ?? c);
}

/**
 * The duplicate key of a name: folded words in sorted order, so "Ona Petraitienė" and
 * "PETRAITIENE, Ona" agree. Undefined when there is no name.
 */
export function nameKey(
  givenNames: string | null | undefined,
  familyNames: string | null | undefined,
): string | undefined {
  const words = fold(`${givenNames ?? ''} ${familyNames ?? ''}`)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .sort();
  return words.length > 0 ? words.join(' ') : undefined;
}

export interface BirthYear {
  year: number;
  estimated: boolean;
}

/**
 * Year of birth from the date of birth, else from the estimated age at the day it was
 * estimated (or the day the case was opened).
 */
export function birthYear(
  identity: Pick<Identity, 'dateOfBirth' | 'estimatedAge' | 'estimatedAgeOn'> | null | undefined,
  openedOn: string,
): BirthYear | undefined {
  if (!identity) return undefined;
  if (identity.dateOfBirth) {
    const p = parsePartialDate(identity.dateOfBirth);
    if (p) return { year: p.year, estimated: p.estimated };
  }
  if (identity.estimatedAge !== null && identity.estimatedAge !== undefined) {
    const on = parsePartialDate(identity.estimatedAgeOn ?? openedOn);
    if (on) return { year: on.year - identity.estimatedAge, estimated: true };
  }
  return undefined;
}

/** Trigram search needs three characters: shorter words cannot be looked up and are dropped. */
export const MIN_SEARCH_TERM = 3;

/**
 * An FTS5 query from what the user typed: each word of three or more characters, folded, as
 * a quoted string (a substring match under the trigram tokenizer), all of them required.
 * Quoting makes FTS5 syntax in the input (AND, NEAR, *, column filters) plain text.
 */
export function ftsQuery(search: string): string | undefined {
  const terms = fold(search)
    .split(/\s+/u)
    .filter((t) => [...t].length >= MIN_SEARCH_TERM);
  if (terms.length === 0) return undefined;
  return [...new Set(terms)].map((t) => `"${t.replace(/"/g, '""')}"`).join(' ');
}

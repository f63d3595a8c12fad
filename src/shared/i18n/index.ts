import type { ErrorCode } from '../errors';
import type { Language } from '../vault';
import { en } from './en';
import { lt, type Messages } from './lt';

export { en, lt, type Messages };

/** Every language's message tree, in the shape i18next takes as `resources`. */
export const resources = {
  lt: { translation: lt },
  en: { translation: en },
} as const satisfies Record<Language, { translation: Messages }>;

export const DEFAULT_LANGUAGE: Language = 'lt';

export const messagesFor = (language: Language): Messages => resources[language].translation;

/** The translated explanation of an error code, for shells without i18next (the CLI). */
export function errorMessage(code: ErrorCode, language: Language = DEFAULT_LANGUAGE): string {
  return messagesFor(language).errors[code];
}

import { labelOf, type CodeEntry } from '../../../../shared/cases/codes';
import { currentLanguage } from '../../i18n';

const locales = { lt: 'lt-LT', en: 'en-GB' } as const;

/** The label of a code in the current language (the code itself when unknown). */
export const codeLabel = (list: readonly CodeEntry[], code: string | null | undefined): string =>
  code ? labelOf(list, code, currentLanguage()) : '';

/** A stored timestamp (ISO 8601) as local date and time. */
export function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** Dates of the record stay as written (they may be partial or estimated: "~2019"). */
export const formatDate = (value: string | null | undefined): string => value ?? '';

export function formatSize(bytes: number): string {
  const f = new Intl.NumberFormat(locales[currentLanguage()], { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${f.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${f.format(bytes / 1024)} KB`;
  return `${f.format(bytes / (1024 * 1024))} MB`;
}

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

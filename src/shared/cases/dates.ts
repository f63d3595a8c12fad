/**
 * Dates people do not know exactly. A partial date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`,
 * optionally prefixed with `~` when it is an estimate ("about 2019"). A full date (IsoDate)
 * is always `YYYY-MM-DD`. Years are limited to 1900-2100: anything else is a typing mistake.
 */

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export interface PartialDateParts {
  estimated: boolean;
  year: number;
  month?: number;
  day?: number;
}

const PARTIAL = /^(~?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** The parts of a valid partial date, or undefined when the text is not one. */
export function parsePartialDate(text: string): PartialDateParts | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const year = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const out: PartialDateParts = { estimated: m[1] === '~', year };
  if (m[3] !== undefined) {
    const month = Number(m[3]);
    if (month < 1 || month > 12) return undefined;
    out.month = month;
    if (m[4] !== undefined) {
      const day = Number(m[4]);
      if (day < 1 || day > daysInMonth(year, month)) return undefined;
      out.day = day;
    }
  }
  return out;
}

export const isPartialDate = (text: string): boolean => parsePartialDate(text) !== undefined;

/** A full date without estimate marker. */
export function isIsoDate(text: string): boolean {
  const p = parsePartialDate(text);
  return p !== undefined && !p.estimated && p.day !== undefined;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The first and last day a partial date can mean, as YYYY-MM-DD. */
export function partialDateBounds(text: string): { from: string; to: string } | undefined {
  const p = parsePartialDate(text);
  if (!p) return undefined;
  const y = pad(p.year, 4);
  if (p.month === undefined) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const m = pad(p.month);
  if (p.day === undefined) return { from: `${y}-${m}-01`, to: `${y}-${m}-${pad(daysInMonth(p.year, p.month))}` };
  const d = `${y}-${m}-${pad(p.day)}`;
  return { from: d, to: d };
}

/**
 * True when `later` cannot be before `earlier`: only dates that are certainly out of order
 * are refused, so "2019" and "2019-05" are in order either way round.
 */
export function partialDatesInOrder(earlier: string, later: string): boolean {
  const a = partialDateBounds(earlier);
  const b = partialDateBounds(later);
  if (!a || !b) return true;
  return b.to >= a.from;
}

/** Whole days from one full date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

import type { Deadline } from '../../shared/duties/schemas';

/**
 * Deadline arithmetic in the organisation's time zone. Hours are elapsed time (24 hours across
 * the spring change end at a wall-clock hour later); days and working days end at the end of
 * their last local day, as a legal term does (Civil Code art. 1.121). Written by hand because
 * no library here does zoned arithmetic with a holiday calendar, and Intl alone gives offsets.
 */

export const VILNIUS = 'Europe/Vilnius';

export type HolidayRule =
  | { kind: 'fixed'; month: number; day: number; from?: number; lt: string; en: string }
  | { kind: 'easter'; offset: number; from?: number; lt: string; en: string }
  | { kind: 'firstSunday'; month: number; from?: number; lt: string; en: string };

/**
 * Lithuanian public holidays (Labour Code art. 123). Mother's and Father's Day are Sundays and
 * change nothing for working days, but the list is the law's, so they are here. `from` is the
 * first year a holiday applied, where that falls within the years Sauga can hold.
 */
export const LITHUANIAN_HOLIDAYS: readonly HolidayRule[] = [
  { kind: 'fixed', month: 1, day: 1, lt: 'Naujųjų metų diena', en: "New Year's Day" },
  { kind: 'fixed', month: 2, day: 16, lt: 'Lietuvos valstybės atkūrimo diena', en: 'Day of Restoration of the State' },
  {
    kind: 'fixed',
    month: 3,
    day: 11,
    lt: 'Lietuvos nepriklausomybės atkūrimo diena',
    en: 'Day of Restoration of Independence',
  },
  { kind: 'easter', offset: 0, lt: 'Velykos', en: 'Easter Sunday' },
  { kind: 'easter', offset: 1, lt: 'Antroji Velykų diena', en: 'Easter Monday' },
  { kind: 'fixed', month: 5, day: 1, lt: 'Tarptautinė darbo diena', en: "International Workers' Day" },
  { kind: 'firstSunday', month: 5, lt: 'Motinos diena', en: "Mother's Day" },
  { kind: 'firstSunday', month: 6, lt: 'Tėvo diena', en: "Father's Day" },
  { kind: 'fixed', month: 6, day: 24, lt: 'Rasos ir Joninių diena', en: "St John's Day" },
  { kind: 'fixed', month: 7, day: 6, lt: 'Valstybės diena', en: 'Statehood Day' },
  { kind: 'fixed', month: 8, day: 15, lt: 'Žolinė', en: 'Assumption Day' },
  { kind: 'fixed', month: 11, day: 1, lt: 'Visų šventųjų diena', en: "All Saints' Day" },
  { kind: 'fixed', month: 11, day: 2, from: 2020, lt: 'Vėlinės', en: "All Souls' Day" },
  { kind: 'fixed', month: 12, day: 24, from: 2012, lt: 'Kūčios', en: 'Christmas Eve' },
  { kind: 'fixed', month: 12, day: 25, lt: 'Kalėdos', en: 'Christmas Day' },
  { kind: 'fixed', month: 12, day: 26, lt: 'Antroji Kalėdų diena', en: 'Second day of Christmas' },
];

export interface DutyCalendar {
  timeZone: string;
  holidays: readonly HolidayRule[];
  /** Single days off declared for one year only, YYYY-MM-DD. */
  extraHolidays?: readonly string[];
}

export const LITHUANIA: DutyCalendar = { timeZone: VILNIUS, holidays: LITHUANIAN_HOLIDAYS };

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return ymd(year, month, day);
}

/** Date arithmetic on YYYY-MM-DD alone: no clock, no zone. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

const holidayCache = new WeakMap<DutyCalendar, Map<number, Set<string>>>();

export function holidaysOf(year: number, cal: DutyCalendar): Set<string> {
  let byYear = holidayCache.get(cal);
  if (!byYear) holidayCache.set(cal, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const out = new Set<string>();
  for (const h of cal.holidays) {
    if (h.from !== undefined && year < h.from) continue;
    if (h.kind === 'fixed') out.add(ymd(year, h.month, h.day));
    else if (h.kind === 'easter') out.add(addDays(easterSunday(year), h.offset));
    else {
      const first = ymd(year, h.month, 1);
      out.add(addDays(first, (7 - weekday(first)) % 7));
    }
  }
  for (const d of cal.extraHolidays ?? []) if (d.startsWith(`${pad(year, 4)}-`)) out.add(d);
  byYear.set(year, out);
  return out;
}

export function isWorkingDay(date: string, cal: DutyCalendar): boolean {
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return false;
  return !holidaysOf(Number(date.slice(0, 4)), cal).has(date);
}

// ---------------------------------------------------------------------------------------------
// Zones

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in the zone, as milliseconds of a UTC date with the same fields. */
function wallMs(t: number, timeZone: string): number {
  const p = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(t))
      .map((x) => [x.type, Number(x.value)]),
  ) as Record<string, number>;
  const ms = ((t % 1000) + 1000) % 1000;
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day, p.hour, p.minute, p.second, ms);
}

export const offsetMs = (t: number, timeZone: string): number => wallMs(t, timeZone) - t;

/** The local calendar date of an instant. */
export function localDate(instant: Date | string, timeZone: string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(wallMs(t, timeZone)).toISOString().slice(0, 10);
}

/** The local date and time of an instant, YYYY-MM-DD HH:MM. */
export function localDateTime(instant: Date | string, timeZone: string): string {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return new Date(wallMs(t, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The instant a wall-clock time names in the zone. A time skipped by the spring change is moved
 * forward by the gap (02:30 that never was becomes 03:30 new time), and a time that happens
 * twice in autumn is its first occurrence, so a deadline is never later than it should be.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}Z`);
  // The offsets in force a day either side cover both sides of any change near this time.
  const offsets = [wall - 86_400_000, wall, wall + 86_400_000].map((t) => offsetMs(t, timeZone));
  const candidates = offsets.map((o) => wall - o).filter((t) => wallMs(t, timeZone) === wall);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - Math.min(...offsets));
}

export const startOfDay = (date: string, timeZone: string): Date => zonedInstant(date, '00:00:00.000', timeZone);

/** The last millisecond of a local day: a deadline "by the end of the day" is met up to it. */
export const endOfDay = (date: string, timeZone: string): Date =>
  new Date(startOfDay(addDays(date, 1), timeZone).getTime() - 1);

/**
 * The moment a duty becomes overdue. 0 days is "the same day"; 0 working days is the same day
 * if it is a working day, else the next working day.
 */
export function dueAt(anchor: Date, deadline: Deadline, cal: DutyCalendar): Date {
  if (deadline.unit === 'hours') return new Date(anchor.getTime() + deadline.amount * 3_600_000);
  const start = localDate(anchor, cal.timeZone);
  if (deadline.unit === 'days') return endOfDay(addDays(start, deadline.amount), cal.timeZone);
  let d = start;
  let left = deadline.amount;
  if (left === 0) {
    while (!isWorkingDay(d, cal)) d = addDays(d, 1);
    return endOfDay(d, cal.timeZone);
  }
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, cal)) left -= 1;
  }
  return endOfDay(d, cal.timeZone);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dueAt,
  easterSunday,
  holidaysOf,
  isWorkingDay,
  LITHUANIA,
  localDate,
  localDateTime,
  startOfDay,
  VILNIUS,
  zonedInstant,
} from './calendar';

const instant = fc
  .integer({ min: Date.parse('2000-01-01T00:00:00Z'), max: Date.parse('2099-12-31T00:00:00Z') })
  .map((t) => new Date(t));

/** Instants near the spring and autumn changes, month ends and 29 February, where mistakes hide. */
const awkwardInstant = fc
  .record({
    year: fc.integer({ min: 2000, max: 2099 }),
    which: fc.constantFrom('03-last-sun', '10-last-sun', '02-28', '02-29', '12-31', '01-31', '04-30'),
    minutes: fc.integer({ min: -36 * 60, max: 36 * 60 }),
  })
  .map(({ year, which, minutes }) => {
    let date: string;
    if (which.endsWith('last-sun')) {
      const month = which.slice(0, 2);
      const last = addDays(`${year}-${month === '03' ? '04' : '11'}-01`, -1);
      date = addDays(last, -new Date(`${last}T00:00:00Z`).getUTCDay());
    } else if (which === '02-29') date = addDays(`${year}-03-01`, -1);
    else date = `${year}-${which}`;
    return new Date(Date.parse(`${date}T01:00:00Z`) + minutes * 60_000);
  });

const anyInstant = fc.oneof(instant, awkwardInstant);

describe('holidays', () => {
  it('computes Easter Sunday and Monday', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
    expect(holidaysOf(2026, LITHUANIA).has('2026-04-06')).toBe(true);
  });

  it('lists the Lithuanian public holidays of a year, with the later additions from their year', () => {
    expect([...holidaysOf(2026, LITHUANIA)].sort()).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-03-11',
      '2026-04-05',
      '2026-04-06',
      '2026-05-01',
      '2026-05-03',
      '2026-06-07',
      '2026-06-24',
      '2026-07-06',
      '2026-08-15',
      '2026-11-01',
      '2026-11-02',
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(holidaysOf(2019, LITHUANIA).has('2019-11-02')).toBe(false);
    expect(isWorkingDay('2026-11-02', LITHUANIA)).toBe(false);
    expect(isWorkingDay('2026-11-03', LITHUANIA)).toBe(true);
    expect(isWorkingDay('2026-03-14', LITHUANIA)).toBe(false);
  });

  it('takes extra days off from the calendar data', () => {
    const cal = { ...LITHUANIA, extraHolidays: ['2026-03-13'] };
    expect(isWorkingDay('2026-03-13', cal)).toBe(false);
    expect(isWorkingDay('2026-03-13', LITHUANIA)).toBe(true);
  });
});

describe('deadlines', () => {
  const vilnius = (local: string): Date => zonedInstant(local.slice(0, 10), `${local.slice(11)}:00.000`, VILNIUS);

  it('counts hours as elapsed time across the daylight-saving changes', () => {
    // 29 March 2026 03:00 becomes 04:00: 24 hours later is an hour later on the clock.
    const spring = dueAt(vilnius('2026-03-28T12:00'), { amount: 24, unit: 'hours' }, LITHUANIA);
    expect(localDateTime(spring, VILNIUS)).toBe('2026-03-29 13:00');
    const autumn = dueAt(vilnius('2026-10-24T12:00'), { amount: 24, unit: 'hours' }, LITHUANIA);
    expect(localDateTime(autumn, VILNIUS)).toBe('2026-10-25 11:00');
  });

  it('ends calendar days at the end of the local day, across month ends and leap days', () => {
    const end = (from: string, days: number): string =>
      localDateTime(dueAt(vilnius(`${from}T15:00`), { amount: days, unit: 'days' }, LITHUANIA), VILNIUS);
    expect(end('2024-02-28', 1)).toBe('2024-02-29 23:59');
    expect(end('2023-02-28', 1)).toBe('2023-03-01 23:59');
    expect(end('2026-01-31', 30)).toBe('2026-03-02 23:59');
    expect(end('2026-12-31', 1)).toBe('2027-01-01 23:59');
    expect(end('2026-03-28', 1)).toBe('2026-03-29 23:59');
    expect(end('2026-03-28', 0)).toBe('2026-03-28 23:59');
  });

  it('skips weekends and holidays for working days, Easter Monday included', () => {
    const end = (from: string, days: number): string =>
      localDate(dueAt(vilnius(`${from}T09:00`), { amount: days, unit: 'working_days' }, LITHUANIA), VILNIUS);
    expect(end('2026-04-02', 1)).toBe('2026-04-03');
    expect(end('2026-04-03', 1)).toBe('2026-04-07');
    expect(end('2026-12-23', 1)).toBe('2026-12-28');
    expect(end('2026-04-04', 0)).toBe('2026-04-07');
    expect(end('2026-04-07', 0)).toBe('2026-04-07');
  });

  it('property: a start of day is the first instant of its local date', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const d = localDate(t, VILNIUS);
        const start = startOfDay(d, VILNIUS);
        expect(start.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(startOfDay(addDays(d, 1), VILNIUS).getTime()).toBeGreaterThan(t.getTime());
        expect(localDateTime(start, VILNIUS)).toBe(`${d} 00:00`);
      }),
      { numRuns: 500 },
    );
  });

  it('property: hours are exact elapsed time', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 2000 }), (t, h) => {
        expect(dueAt(t, { amount: h, unit: 'hours' }, LITHUANIA).getTime() - t.getTime()).toBe(h * 3_600_000);
      }),
      { numRuns: 300 },
    );
  });

  it('property: N calendar days end at the last millisecond of the Nth local day after', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 800 }), (t, n) => {
        const due = dueAt(t, { amount: n, unit: 'days' }, LITHUANIA);
        const day = addDays(localDate(t, VILNIUS), n);
        expect(localDate(due, VILNIUS)).toBe(day);
        expect(due.getTime() + 1).toBe(startOfDay(addDays(day, 1), VILNIUS).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('property: N working days end on a working day with exactly N working days after the start', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 1, max: 60 }), (t, n) => {
        const due = dueAt(t, { amount: n, unit: 'working_days' }, LITHUANIA);
        const last = localDate(due, VILNIUS);
        expect(isWorkingDay(last, LITHUANIA)).toBe(true);
        let count = 0;
        for (let d = addDays(localDate(t, VILNIUS), 1); d <= last; d = addDays(d, 1))
          if (isWorkingDay(d, LITHUANIA)) count += 1;
        expect(count).toBe(n);
        expect(due.getTime() + 1).toBe(startOfDay(addDays(last, 1), VILNIUS).getTime());
      }),
      { numRuns: 300 },
    );
  });

  it('property: a longer deadline is never earlier', () => {
    fc.assert(
      fc.property(
        anyInstant,
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.constantFrom('hours' as const, 'days' as const, 'working_days' as const),
        (t, a, b, unit) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(dueAt(t, { amount: lo, unit }, LITHUANIA).getTime()).toBeLessThanOrEqual(
            dueAt(t, { amount: hi, unit }, LITHUANIA).getTime(),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moves a wall time skipped in spring forward, and takes the first of a doubled autumn hour', () => {
    expect(zonedInstant('2026-03-29', '03:30:00.000', VILNIUS).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedInstant('2026-10-25', '03:30:00.000', VILNIUS).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

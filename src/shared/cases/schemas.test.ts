import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isIsoDate, isPartialDate, partialDateBounds, partialDatesInOrder } from './dates';
import {
  CaseListQuery,
  Identity,
  ItemInput,
  ItemSchemas,
  LIMITS,
  ManagementSection,
  NewCase,
  PartialDate,
  SectionSchemas,
  SectionUpdate,
  StatusSection,
  VALIDATION_KEYS,
} from './schemas';

const keysOf = (r: z.ZodSafeParseResult<unknown>): string[] => (r.success ? [] : r.error.issues.map((i) => i.message));

/** Every message of every failed parse is one of our translation keys. */
function onlyKeys(schema: z.ZodType, value: unknown): void {
  for (const m of keysOf(schema.safeParse(value))) expect(VALIDATION_KEYS).toContain(m);
}

const allSchemas: [string, z.ZodType][] = [
  ...Object.entries(SectionSchemas),
  ...Object.entries(ItemSchemas),
  ['SectionUpdate', SectionUpdate],
  ['ItemInput', ItemInput],
  ['NewCase', NewCase],
  ['CaseListQuery', CaseListQuery],
];

describe('partial dates', () => {
  it.each(['2019', '~2019', '2019-02', '~2019-02', '2020-02-29', '~1999-12-31', '1900', '2100-12-31'])(
    'accepts %s',
    (d) => {
      expect(PartialDate.safeParse(d).success).toBe(true);
    },
  );

  it.each([
    '19',
    '2019-2',
    '2019-13',
    '2019-00',
    '2019-02-29',
    '2021-04-31',
    '1899',
    '2101',
    '~',
    '2019~',
    '~~2019',
    ' 2019',
    '2019-01-01T00:00',
    '20190101',
    '',
  ])('refuses %s with validation.dateInvalid', (d) => {
    expect(keysOf(PartialDate.safeParse(d))).toEqual(['validation.dateInvalid']);
  });

  it('a full date is a partial date without estimate', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('~2024-02-29')).toBe(false);
    expect(isIsoDate('2024-02')).toBe(false);
  });

  it('every generated valid date parses, and its bounds contain it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (d, est, precision) => {
          const full = d.toISOString().slice(0, 10);
          const text = `${est ? '~' : ''}${full.slice(0, [4, 7, 10][precision])}`;
          expect(isPartialDate(text)).toBe(true);
          const b = partialDateBounds(text);
          expect(b && b.from <= full && full <= b.to).toBe(true);
        },
      ),
    );
  });

  it('only dates certainly out of order are out of order', () => {
    expect(partialDatesInOrder('2019', '2019-05')).toBe(true);
    expect(partialDatesInOrder('2019-05', '2019')).toBe(true);
    expect(partialDatesInOrder('2019-05-02', '2019-05-01')).toBe(false);
    expect(partialDatesInOrder('2020', '2019-12')).toBe(false);
  });
});

describe('random garbage never passes', () => {
  it.each(allSchemas)(
    '%s: anything that is not an object of known keys is refused, with keys only',
    (_name, schema) => {
      fc.assert(
        fc.property(
          fc.anything({
            withBigInt: true,
            withDate: true,
            withMap: true,
            withSet: true,
            withTypedArray: true,
            withNullPrototype: true,
          }),
          (x) => {
            const r = schema.safeParse(x);
            if (r.success) {
              // Only an empty-ish object of optional fields can pass: then it has no foreign key.
              expect(typeof x === 'object' && x !== null && !Array.isArray(x)).toBe(true);
              expect(Object.keys(x as object).length).toBe(0);
            }
            onlyKeys(schema, x);
          },
        ),
        { numRuns: 300 },
      );
    },
  );

  it.each(allSchemas)('%s: an unknown key is refused', (_name, schema) => {
    expect(keysOf(schema.safeParse({ notAField: 1 }))).toContain(
      _name === 'SectionUpdate' || _name === 'ItemInput' ? 'validation.invalidOption' : 'validation.unknownField',
    );
  });

  it('random objects with real field names but random values fail with keys only', () => {
    const fields = Object.keys(Identity.shape);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fields), fc.anything()), (obj) => {
        onlyKeys(Identity, obj);
      }),
      { numRuns: 500 },
    );
  });
});

describe('bounds', () => {
  it('names up to 200 characters, notes up to 20 000', () => {
    expect(Identity.safeParse({ givenNames: 'a'.repeat(LIMITS.name) }).success).toBe(true);
    expect(keysOf(Identity.safeParse({ givenNames: 'a'.repeat(LIMITS.name + 1) }))).toEqual(['validation.tooLong']);
    expect(ItemSchemas.notes.safeParse({ date: '2026-01-01', text: 'ž'.repeat(LIMITS.note) }).success).toBe(true);
    expect(keysOf(ItemSchemas.notes.safeParse({ date: '2026-01-01', text: 'ž'.repeat(LIMITS.note + 1) }))).toEqual([
      'validation.tooLong',
    ]);
    expect(keysOf(ItemSchemas.notes.safeParse({ date: '2026-01-01', text: '   ' }))).toEqual(['validation.required']);
  });

  it('estimated age is a whole number 0-120', () => {
    expect(Identity.safeParse({ estimatedAge: 0 }).success).toBe(true);
    expect(Identity.safeParse({ estimatedAge: 120 }).success).toBe(true);
    expect(keysOf(Identity.safeParse({ estimatedAge: 121 }))).toEqual(['validation.tooLarge']);
    expect(keysOf(Identity.safeParse({ estimatedAge: -1 }))).toEqual(['validation.tooSmall']);
    expect(keysOf(Identity.safeParse({ estimatedAge: 30.5 }))).toEqual(['validation.notInteger']);
    expect(keysOf(Identity.safeParse({ estimatedAge: '30' }))).toEqual(['validation.invalid']);
  });

  it('refuses control characters in names but allows line breaks in notes', () => {
    expect(keysOf(Identity.safeParse({ givenNames: 'Ona\u0000' }))).toEqual(['validation.controlChars']);
    expect(keysOf(Identity.safeParse({ givenNames: 'Ona\nJonas' }))).toEqual(['validation.controlChars']);
    expect(ItemSchemas.notes.safeParse({ date: '2026-01-01', text: 'Eilutė\nkita\teilutė' }).success).toBe(true);
  });

  it('trims and normalises text to NFC', () => {
    expect(Identity.parse({ givenNames: '  Z\u030Ce\u0307ru\u0304ne\u0307 ' }).givenNames).toBe('Žėrūnė');
  });

  it('code sets refuse unknown codes and repeats', () => {
    expect(keysOf(SectionSchemas.experience.safeParse({ exploitationForms: ['SEXUAL', 'SEXUAL'] }))).toEqual([
      'validation.duplicate',
    ]);
    expect(keysOf(SectionSchemas.experience.safeParse({ exploitationForms: ['TORTURE'] }))).toEqual([
      'validation.invalidOption',
    ]);
    expect(keysOf(Identity.safeParse({ citizenships: ['lt'] }))).toEqual(['validation.countryInvalid']);
    expect(Identity.safeParse({ citizenships: ['LT', 'XX', 'ZZ'] }).success).toBe(true);
    expect(keysOf(Identity.safeParse({ languages: ['LT'] }))).toEqual(['validation.languageInvalid']);
  });

  it('the reflection period lasts at least 30 days and ends after it starts', () => {
    expect(StatusSection.safeParse({ reflectionStart: '2026-01-01', reflectionEnd: '2026-01-31' }).success).toBe(true);
    expect(keysOf(StatusSection.safeParse({ reflectionStart: '2026-01-01', reflectionEnd: '2026-01-30' }))).toEqual([
      'validation.reflectionTooShort',
    ]);
    expect(keysOf(StatusSection.safeParse({ reflectionStart: '2026-01-01', reflectionEnd: '2025-12-01' }))).toEqual([
      'validation.dateOrder',
    ]);
  });

  it('management needs the opening date', () => {
    expect(keysOf(ManagementSection.safeParse({}))).toEqual(['validation.invalid']);
    expect(ManagementSection.safeParse({ openedOn: '2026-01-01' }).success).toBe(true);
  });

  it('list queries: page size at most 200, sort from the allow-list, search at most 200 characters', () => {
    expect(CaseListQuery.safeParse({ page: { offset: 0, limit: 200 } }).success).toBe(true);
    expect(keysOf(CaseListQuery.safeParse({ page: { offset: 0, limit: 201 } }))).toEqual(['validation.tooLarge']);
    expect(keysOf(CaseListQuery.safeParse({ sort: { field: 'name', direction: 'asc' } }))).toEqual([
      'validation.invalidOption',
    ]);
    expect(keysOf(CaseListQuery.safeParse({ search: 'x'.repeat(201) }))).toEqual(['validation.tooLong']);
    expect(keysOf(CaseListQuery.safeParse({ filter: { openedFrom: '2026-02-01', openedTo: '2026-01-01' } }))).toEqual([
      'validation.dateOrder',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { birthYear, fold, ftsQuery, nameKey } from './text';

describe('folding and keys', () => {
  it('folds case and Lithuanian diacritics', () => {
    expect(fold('ŽĖRŪNĖ Ąžuolaitė-Čiurlienė Įšventinta Ųūę')).toBe('zerune azuolaite-ciurliene isventinta uue');
    expect(fold('Łukasz Øster Straße')).toBe('lukasz oster strasse');
  });

  it('a name key ignores order, case, diacritics and punctuation', () => {
    expect(nameKey('Ona', 'Žemaitienė')).toBe(nameKey('ŽEMAITIENE,', ' ona'));
    expect(nameKey('', '')).toBeUndefined();
    expect(nameKey(null, undefined)).toBeUndefined();
  });

  it('birth year from a date of birth, else from an estimated age', () => {
    expect(birthYear({ dateOfBirth: '1990-04-02' }, '2026-01-01')).toEqual({ year: 1990, estimated: false });
    expect(birthYear({ dateOfBirth: '~1990' }, '2026-01-01')).toEqual({ year: 1990, estimated: true });
    expect(birthYear({ estimatedAge: 30 }, '2026-05-01')).toEqual({ year: 1996, estimated: true });
    expect(birthYear({ estimatedAge: 30, estimatedAgeOn: '2020-01-01' }, '2026-05-01')).toEqual({
      year: 1990,
      estimated: true,
    });
    expect(birthYear({}, '2026-01-01')).toBeUndefined();
  });

  it('builds an FTS query of quoted, folded words of three or more characters', () => {
    expect(ftsQuery('Žėrūnė  Ka Kazl')).toBe('"zerune" "kazl"');
    expect(ftsQuery('a" OR "b')).toBeUndefined();
    expect(ftsQuery('abc"def')).toBe('"abc""def"');
    expect(ftsQuery('  ')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import * as codes from './codes';
import { citizenshipStats, EXPLOITATION_FORMS, exploitationMask, formsOfMask, type CodeEntry } from './codes';

const isCodeList = (x: unknown): x is readonly CodeEntry[] =>
  Array.isArray(x) && typeof (x[0] as CodeEntry | undefined)?.code === 'string';
const lists = Object.entries(codes as Record<string, unknown>).flatMap(([name, x]) =>
  isCodeList(x) ? [[name, x] as [string, readonly CodeEntry[]]] : [],
);

describe('code lists', () => {
  it('has the lists of the domain', () => {
    expect(lists.length).toBeGreaterThanOrEqual(30);
  });

  it.each(lists)('%s: unique stable codes with Lithuanian and English labels', (_name, list) => {
    const cs = list.map((e) => e.code);
    expect(new Set(cs).size).toBe(cs.length);
    for (const e of list) {
      expect(e.code).toMatch(/^([A-Z][A-Z0-9_]*|[a-z]{2}|[a-z]+(\/[a-z.+-]+)?)$/);
      expect(e.lt.trim().length).toBeGreaterThan(0);
      expect(e.en.trim().length).toBeGreaterThan(0);
    }
  });

  it('Lithuanian labels are written with their diacritics', () => {
    const all = lists.flatMap(([, l]) => l.map((e) => e.lt)).join(' ');
    for (const letter of ['ą', 'č', 'ę', 'ė', 'į', 'š', 'ų', 'ū', 'ž']) expect(all).toContain(letter);
  });

  it('every form of exploitation has its own fixed bit and a Eurostat group and statistics code', () => {
    const bits = EXPLOITATION_FORMS.map((e) => e.bit);
    expect(new Set(bits).size).toBe(bits.length);
    expect(Math.max(...bits)).toBeLessThan(31);
    // Fixed forever: the vault stores these bits.
    expect(EXPLOITATION_FORMS.find((e) => e.code === 'SEXUAL')?.bit).toBe(0);
    expect(EXPLOITATION_FORMS.find((e) => e.code === 'OTHER')?.bit).toBe(12);
    for (const e of EXPLOITATION_FORMS) expect(['sexual', 'labour', 'other']).toContain(e.eurostat);
    expect(formsOfMask(exploitationMask(['BEGGING', 'SEXUAL', 'NOT_A_FORM']))).toEqual(['SEXUAL', 'BEGGING']);
  });

  it('maps citizenship to the statistics dimension from the organisation country', () => {
    expect(citizenshipStats(['LT'])).toBe('NAT');
    expect(citizenshipStats(['UA', 'LT'])).toBe('NAT');
    expect(citizenshipStats(['PL'])).toBe('EU_FOR');
    expect(citizenshipStats(['LT'], 'LV')).toBe('EU_FOR');
    expect(citizenshipStats(['UA'])).toBe('NEU_FOR');
    expect(citizenshipStats(['XX'])).toBe('STLS');
    expect(citizenshipStats(['ZZ'])).toBe('_U');
    expect(citizenshipStats([])).toBe('_U');
  });

  it('each service belongs to a statistics group', () => {
    const groups = ['PSYCH', 'MEDICAL', 'HOUSING', 'LEGAL', 'SOCIAL', 'EMPLOY_EDU', 'RETURN', 'MATERIAL', 'OTHER'];
    for (const s of codes.SERVICES) expect(groups).toContain(s.stats);
  });

  it('the art. 4 checklist runs from a to k', () => {
    expect(codes.RIGHTS_ITEMS.map((e) => e.code).join('')).toBe('ABCDEFGHIJK');
  });
});

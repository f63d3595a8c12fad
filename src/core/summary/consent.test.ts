import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DATA_CATEGORIES } from '../../shared/cases/codes';
import {
  CaseItems,
  CaseView,
  ConsentItem,
  ItemSchemas,
  SectionSchemas,
  type CaseView as CaseViewT,
} from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import { allFieldKeys, assertConsent, consentsFor, FIELD_CATEGORIES, NEVER_DISCLOSED } from './consent';

const keysOf = (schema: unknown): string[] => Object.keys((schema as { shape: object }).shape).sort();

describe('the field → category map', () => {
  it('covers every section and item kind of the case view, and nothing else', () => {
    const groups = [...keysOf(CaseView.shape.sections), ...keysOf(CaseItems)].sort();
    expect(Object.keys(FIELD_CATEGORIES).sort()).toEqual(groups);
  });

  it.each(Object.entries(SectionSchemas))('maps every field of section %s to one category', (name, schema) => {
    expect(Object.keys(FIELD_CATEGORIES[name as keyof typeof SectionSchemas]).sort()).toEqual(keysOf(schema));
  });

  it.each(Object.entries(ItemSchemas))('maps every field of item %s to one category', (name, schema) => {
    expect(Object.keys(FIELD_CATEGORIES[name as keyof typeof ItemSchemas]).sort()).toEqual(keysOf(schema));
  });

  it('uses only known categories, and every category holds at least one field', () => {
    const known = new Set<string>([...DATA_CATEGORIES.map((e) => e.code), NEVER_DISCLOSED]);
    const used = new Set(allFieldKeys().map((f) => f.category));
    for (const f of allFieldKeys()) expect(known, f.field).toContain(f.category);
    for (const c of DATA_CATEGORIES) expect(used, c.code).toContain(c.code);
  });

  it('keeps other people apart: children and guardians are FAMILY, withholding rules never travel', () => {
    expect(FIELD_CATEGORIES.identity.children).toBe('FAMILY');
    expect(FIELD_CATEGORIES.dataProtection.guardianName).toBe('FAMILY');
    expect(FIELD_CATEGORIES.consents.guardianName).toBe('FAMILY');
    expect(FIELD_CATEGORIES.dataProtection.withhold).toBe(NEVER_DISCLOSED);
  });
});

// ---------------------------------------------------------------------------------------------

let seq = 0;
function consent(over: Partial<ConsentItem> = {}): ConsentItem {
  seq += 1;
  return ConsentItem.parse({
    id: randomUUID(),
    giver: 'PERSON',
    recipient: 'PROSECUTOR',
    purpose: 'CRIMINAL_PROCEEDINGS',
    dataCategories: ['STATUS'],
    givenOn: '2026-01-10',
    createdAt: `2026-01-10T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    createdBy: 'Rūta',
    updatedAt: '2026-01-10T10:00:00.000Z',
    updatedBy: 'Rūta',
    ...over,
  });
}
const view = (...consents: ConsentItem[]): Pick<CaseViewT, 'items'> => ({
  items: { services: [], referrals: [], consents, assessments: [], notes: [], cjEvents: [] },
});
const q = { recipient: 'PROSECUTOR', purpose: 'CRIMINAL_PROCEEDINGS', today: '2026-03-01' } as const;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

describe('consents in force', () => {
  it('are those given by today, not withdrawn, not expired, for this recipient and purpose; newest first', () => {
    const old = consent({ givenOn: '2025-05-01' });
    const recent = consent({ givenOn: '2026-02-01' });
    const lastDay = consent({ expiresOn: '2026-03-01' });
    const expired = consent({ expiresOn: '2026-02-28' });
    const withdrawn = consent({ withdrawnOn: '2026-02-01' });
    const future = consent({ givenOn: '2026-03-02' });
    const police = consent({ recipient: 'POLICE' });
    const other = consent({ purpose: 'ASSISTANCE' });
    const found = consentsFor(
      view(old, recent, lastDay, expired, withdrawn, future, police, other),
      'PROSECUTOR',
      'CRIMINAL_PROCEEDINGS',
      '2026-03-01',
    );
    expect(found.map((c) => c.id)).toEqual([recent.id, lastDay.id, old.id]);
  });

  it('treats a withdrawal dated ahead as a withdrawal', () => {
    expect(
      consentsFor(view(consent({ withdrawnOn: '2026-12-31' })), 'PROSECUTOR', 'CRIMINAL_PROCEEDINGS', '2026-03-01'),
    ).toEqual([]);
  });

  it('refuses bad input at the boundary', () => {
    expect(codeOf(() => consentsFor(view(), 'PROSECUTOR', 'CRIMINAL_PROCEEDINGS', '1 March'))).toBe(
      ErrorCode.InvalidInput,
    );
    expect(codeOf(() => assertConsent(view(), { ...q, recipient: 'JUDGE' as 'COURT' }))).toBe(ErrorCode.InvalidInput);
  });
});

describe('assertConsent', () => {
  it('returns the newest consent in force that names categories', () => {
    const a = consent({ givenOn: '2026-01-01', dataCategories: ['STATUS', 'EXPLOITATION'] });
    const b = consent({ givenOn: '2026-02-01', dataCategories: ['STATUS'] });
    const none = consent({ givenOn: '2026-02-15', dataCategories: null });
    expect(assertConsent(view(a, b, none), q).id).toBe(b.id);
  });

  it.each([
    ['none at all', [], ErrorCode.ConsentMissing],
    ['withdrawn', [consent({ withdrawnOn: '2026-02-01' })], ErrorCode.ConsentWithdrawn],
    ['expired', [consent({ expiresOn: '2026-02-01' })], ErrorCode.ConsentExpired],
    ['not yet given', [consent({ givenOn: '2026-04-01' })], ErrorCode.ConsentNotYetValid],
    ['for another purpose', [consent({ purpose: 'ASSISTANCE' })], ErrorCode.ConsentWrongPurpose],
    ['for another recipient', [consent({ recipient: 'POLICE' })], ErrorCode.ConsentWrongRecipient],
    ['without categories', [consent({ dataCategories: null })], ErrorCode.ConsentNoCategories],
    ['with an empty category list', [consent({ dataCategories: [] })], ErrorCode.ConsentNoCategories],
  ] as const)('refuses when the consent is %s', (_why, consents, code) => {
    expect(codeOf(() => assertConsent(view(...consents), q))).toBe(code);
  });

  it('checks a named consent on its own terms', () => {
    const police = consent({ recipient: 'POLICE' });
    const assistance = consent({ purpose: 'ASSISTANCE' });
    const withdrawn = consent({ withdrawnOn: '2026-02-01' });
    const good = consent();
    const v = view(police, assistance, withdrawn, good);
    expect(codeOf(() => assertConsent(v, { ...q, consentId: police.id }))).toBe(ErrorCode.ConsentWrongRecipient);
    expect(codeOf(() => assertConsent(v, { ...q, consentId: assistance.id }))).toBe(ErrorCode.ConsentWrongPurpose);
    expect(codeOf(() => assertConsent(v, { ...q, consentId: withdrawn.id }))).toBe(ErrorCode.ConsentWithdrawn);
    expect(codeOf(() => assertConsent(v, { ...q, consentId: randomUUID() as ConsentItem['id'] }))).toBe(
      ErrorCode.ConsentMissing,
    );
    expect(assertConsent(v, { ...q, consentId: good.id }).id).toBe(good.id);
  });
});

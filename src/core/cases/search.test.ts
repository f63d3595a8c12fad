import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../vault/vault';
import { CaseService } from './service';
import { openCaseVault, type CaseVault } from './testkit';

let v: CaseVault;
let me: SessionUser;
let cw: CaseService;
let zerune: { id: string; code: string };
let other: { id: string; code: string };

beforeAll(async () => {
  v = await openCaseVault();
  me = v.addUser('Rūta', ['caseworker']);
  cw = new CaseService(v.as(me));
  zerune = cw.createCase({
    openedOn: '2026-02-01',
    identity: { givenNames: 'Žėrūnė', familyNames: 'Kazlauskaitė-Šimkienė', aliases: ['Lina Ąžuolytė'] },
  });
  cw.addItem(zerune.id, 'notes', { date: '2026-02-02', text: 'Susitikimas su psichologe dėl saugumo plano.' });
  other = cw.createCase({ openedOn: '2026-02-01', identity: { givenNames: 'Jonas', familyNames: 'Petraitis' } });
});
afterAll(() => v.close());

const found = (search: string): string[] => cw.listCases({ search }).rows.map((r) => r.id);

describe('search', () => {
  it.each([
    ['zerune', 'without diacritics'],
    ['ŽĖRŪNĖ', 'upper case'],
    ['ZERUNE', 'upper case without diacritics'],
    ['rūn', 'part of a word'],
    ['kazlauskaite', 'family name folded'],
    ['simkiene', 'second part of a double name'],
    ['azuolyte', 'alias'],
    ['lina', 'alias given name'],
    ['psicholog', 'note text'],
    ['saugumo plano', 'two words of a note'],
    ['zerune saugum', 'name and note together'],
  ])('"%s" finds the case (%s)', (q) => {
    expect(found(q)).toEqual([zerune.id]);
  });

  it('finds by case code, whole or in part', () => {
    expect(found(zerune.code)).toEqual([zerune.id]);
    expect(found(zerune.code.slice(-5))).toEqual([zerune.id]);
    expect(found('2026-').sort()).toEqual([zerune.id, other.id].sort());
  });

  it('requires every word', () => {
    expect(found('zerune petraitis')).toEqual([]);
  });

  it('ignores words too short to look up, and says so', () => {
    const r = cw.listCases({ search: 'ž a' });
    expect(r.searchApplied).toBe(false);
    expect(r.rows).toHaveLength(2);
  });

  it('treats FTS syntax as text', () => {
    expect(found('"zerune"')).toEqual([]);
    expect(found('zer*')).toEqual([]);
    expect(found('zerune OR jonas')).toEqual([]);
    expect(found('names:zerune')).toEqual([]);
  });

  it('is recorded in the audit chain without the search text', () => {
    cw.listCases({ search: 'zerune' });
    const last = v.auditActions('cases').at(-1);
    expect(last).toMatchObject({ action: 'case.searched', actor: me.name });
    expect(JSON.stringify(last)).not.toContain('zerune');
  });
});

describe('the search index follows every change, in the same transaction', () => {
  it('a changed name is found under the new name only', () => {
    const c = cw.createCase({ openedOn: '2026-03-01', identity: { givenNames: 'Gintarė', familyNames: 'Mažeikienė' } });
    expect(found('mazeik')).toEqual([c.id]);
    cw.updateSection(c.id, 'identity', { givenNames: 'Gintarė', familyNames: 'Vaitkutė' }, 1);
    expect(found('mazeik')).toEqual([]);
    expect(found('vaitkut')).toEqual([c.id]);
  });

  it('a removed alias is no longer found', () => {
    const c = cw.createCase({ openedOn: '2026-03-01', identity: { givenNames: 'Agnė', aliases: ['Pupytė'] } });
    expect(found('pupyt')).toEqual([c.id]);
    cw.updateSection(c.id, 'identity', { givenNames: 'Agnė' }, 1);
    expect(found('pupyt')).toEqual([]);
  });

  it('notes: added, edited and removed', () => {
    const c = cw.createCase({ openedOn: '2026-03-01' });
    const n = cw.addItem(c.id, 'notes', { date: '2026-03-02', text: 'Skambino dėl darbo Vokietijoje.' });
    expect(found('vokietij')).toEqual([c.id]);
    const u = cw.updateItem(
      c.id,
      'notes',
      n.id,
      { date: '2026-03-02', text: 'Skambino dėl darbo Norvegijoje.' },
      n.version,
    );
    expect(found('vokietij')).toEqual([]);
    expect(found('norvegij')).toEqual([c.id]);
    cw.removeItem(c.id, 'notes', n.id, u.version);
    expect(found('norvegij')).toEqual([]);
  });

  it('a failed change leaves the index as it was', () => {
    const c = cw.createCase({ openedOn: '2026-03-01', identity: { givenNames: 'Vilma' } });
    expect(() => cw.updateSection(c.id, 'identity', { givenNames: 'Kotryna' }, 99)).toThrow();
    expect(found('vilma')).toEqual([c.id]);
    expect(found('kotryn')).toEqual([]);
  });
});

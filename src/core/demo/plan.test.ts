import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ClosureInput, ItemSchemas, NewCase, SectionSchemas } from '../../shared/cases/schemas';
import { fold } from '../cases/text';
import { planCase, SPAN_DAYS, type DemoCasePlan, type PlanContext } from './plan';
import { dayNumber, Random } from './random';

/** Every value a plan would send to CaseService, checked with the shared schemas. */
function schemaProblems(plan: DemoCasePlan): string[] {
  const problems: string[] = [];
  const check = (schema: z.ZodType, data: unknown, what: string): void => {
    const r = schema.safeParse(data);
    if (!r.success) problems.push(`${what}: ${JSON.stringify(r.error.issues)}`);
  };
  check(NewCase, { ...plan.newCase, ownerId: randomUUID() }, 'newCase');
  for (const { op } of plan.ops) {
    if (op.kind === 'section') check(SectionSchemas[op.section], op.data, op.section);
    if (op.kind === 'item' || op.kind === 'itemUpdate') {
      const withConsent = op.kind === 'item' && op.consentKey ? { ...op.data, consentId: randomUUID() } : op.data;
      check(ItemSchemas[op.item], withConsent, op.item);
    }
    if (op.kind === 'requestClosure' || (op.kind === 'close' && op.closure)) check(ClosureInput, op.closure, op.kind);
  }
  return problems;
}

const ctx = (over: Partial<PlanContext> = {}): PlanContext => ({
  today: '2026-03-15',
  workers: 3,
  position: 0,
  total: 1,
  ...over,
});

describe('Random', () => {
  it('gives the same stream for the same key and another for another key', () => {
    const a = new Random('x', 1);
    const b = new Random('x', 1);
    const c = new Random('x', 2);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('planCase', () => {
  it('produces only values the case schemas accept, for any seed, number, day and team', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 20 }),
        fc.nat(1_000_000),
        fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2090-12-31') }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 100_000 }),
        (seed, index, today, workers, total) => {
          const position = index % total;
          const plan = planCase(seed, index, {
            today: new Date(today * 86_400_000).toISOString().slice(0, 10),
            workers,
            position,
            total,
          });
          expect(schemaProblems(plan)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic: same seed and number, same plan; another seed, another person', () => {
    const a = planCase('demo', 42, ctx());
    expect(planCase('demo', 42, ctx())).toEqual(a);
    expect(planCase('other', 42, ctx()).newCase).not.toEqual(a.newCase);
    expect(planCase('demo', 43, ctx()).newCase).not.toEqual(a.newCase);
  });

  it('keeps every step within the case: after the opening, in time order, never after today or closure', () => {
    for (let i = 0; i < 300; i++) {
      const plan = planCase('order', i, ctx({ position: i, total: 300 }));
      const times = [plan.createdAt, ...plan.ops.map((o) => o.at)];
      expect([...times].sort()).toEqual(times);
      expect(plan.createdAt.slice(0, 10)).toBe(plan.newCase.openedOn);
      for (const t of times) expect(t.slice(0, 10) <= '2026-03-15').toBe(true);
      const close = plan.ops.findIndex((o) => o.op.kind === 'close');
      if (close >= 0) expect(close).toBe(plan.ops.length - 1);
      const consentKeys = new Set<string>();
      for (const { op } of plan.ops) {
        if (op.kind === 'item' && op.item === 'consents') consentKeys.add(op.key);
        if (op.kind === 'item' && op.consentKey) expect(consentKeys.has(op.consentKey)).toBe(true);
      }
    }
  });

  it('opens cases over the last six years, more of them recently, in the order of their numbers', () => {
    const total = 2000;
    const opened = Array.from({ length: total }, (_, i) => planCase('spread', i, ctx({ position: i, total })));
    const days = opened.map((p) => dayNumber(p.newCase.openedOn));
    const today = dayNumber('2026-03-15');
    expect(Math.min(...days)).toBeGreaterThanOrEqual(today - SPAN_DAYS);
    expect(Math.max(...days)).toBeLessThanOrEqual(today);
    expect([...days].sort((a, b) => a - b)).toEqual(days);
    const firstYear = days.filter((d) => d < today - SPAN_DAYS + 365).length;
    const lastYear = days.filter((d) => d >= today - 365).length;
    expect(lastYear).toBeGreaterThan(firstYear * 1.4);
  });

  it('follows the intended distributions', () => {
    const n = 4000;
    const facts = Array.from({ length: n }, (_, i) => planCase('dist', i, ctx({ position: i, total: n })).facts);
    const share = (pred: (f: (typeof facts)[number]) => boolean): number => facts.filter(pred).length / n;
    // Victim status: about half identified, a third presumed, a fifth at risk, a few not victims.
    expect(share((f) => f.victimStatus === 'IDENTIFIED')).toBeGreaterThan(0.44);
    expect(share((f) => f.victimStatus === 'IDENTIFIED')).toBeLessThan(0.56);
    expect(share((f) => f.victimStatus === 'PRESUMED')).toBeGreaterThan(0.24);
    expect(share((f) => f.victimStatus === 'PRESUMED')).toBeLessThan(0.36);
    expect(share((f) => f.victimStatus === 'AT_RISK')).toBeGreaterThan(0.14);
    expect(share((f) => f.victimStatus === 'AT_RISK')).toBeLessThan(0.24);
    expect(share((f) => f.victimStatus === 'NOT_VICTIM')).toBeGreaterThan(0.003);
    expect(share((f) => f.victimStatus === 'NOT_VICTIM')).toBeLessThan(0.05);
    // Sex: more women than men, some unknown.
    const women = share((f) => f.sex === 'F');
    const men = share((f) => f.sex === 'M');
    expect(women).toBeGreaterThan(men + 0.1);
    expect(share((f) => f.sex === 'U')).toBeGreaterThan(0.01);
    expect(share((f) => f.sex === 'U')).toBeLessThan(0.08);
    // Some minors.
    expect(share((f) => f.minor)).toBeGreaterThan(0.1);
    expect(share((f) => f.minor)).toBeLessThan(0.22);
    // Citizenship: Lithuanian majority, EU, third countries, stateless, unknown.
    expect(share((f) => f.citizenship === 'NAT')).toBeGreaterThan(0.55);
    expect(share((f) => f.citizenship === 'NAT')).toBeLessThan(0.7);
    expect(share((f) => f.citizenship === 'EU_FOR')).toBeGreaterThan(0.04);
    expect(share((f) => f.citizenship === 'NEU_FOR')).toBeGreaterThan(0.2);
    expect(share((f) => f.citizenship === 'STLS')).toBeGreaterThan(0.004);
    expect(share((f) => f.citizenship === '_U')).toBeGreaterThan(0.004);
    // Exploitation: sexual and labour lead; begging and crime present; some with several forms.
    const form = (code: string): number => share((f) => f.forms.some((x) => x === code));
    const others = ['BEGGING', 'CRIMINAL_ACTIVITIES', 'SERVITUDE', 'FORCED_MARRIAGE', 'OTHER'];
    for (const o of others) {
      expect(form('SEXUAL')).toBeGreaterThan(form(o));
      expect(form('FORCED_LABOUR')).toBeGreaterThan(form(o));
    }
    expect(form('BEGGING')).toBeGreaterThan(0.02);
    expect(form('CRIMINAL_ACTIVITIES')).toBeGreaterThan(0.05);
    expect(share((f) => f.forms.length > 1)).toBeGreaterThan(0.08);
    expect(share((f) => f.forms.length > 1)).toBeLessThan(0.3);
    // Domestic and transnational; every kind of first identifier.
    expect(share((f) => f.traffickingType === 'DOMESTIC')).toBeGreaterThan(0.15);
    expect(share((f) => f.traffickingType === 'TRANSNATIONAL')).toBeGreaterThan(0.4);
    for (const src of ['POLICE', 'BORDER_GUARD', 'LABOUR_INSPECTORATE', 'CONSULATE', 'NGO', 'SELF', 'CHILD_RIGHTS']) {
      expect(
        share((f) => f.firstIdentifier === src),
        src,
      ).toBeGreaterThan(0.02);
    }
    // Several services per case with mixed statuses; consents, some withdrawn; notes in both languages.
    const services = facts.flatMap((f) => f.services);
    expect(services.length / n).toBeGreaterThan(2.5);
    expect(new Set(services.map((s) => s.status)).size).toBe(5);
    expect(services.filter((s) => s.status === 'PROVIDED').length / services.length).toBeGreaterThan(0.5);
    expect(share((f) => f.consents >= 1)).toBe(1);
    expect(share((f) => f.withdrawnConsents > 0)).toBeGreaterThan(0.02);
    const notes = facts.flatMap((f) => f.notes);
    const lt = notes.filter((x) => x.language === 'lt').length / notes.length;
    expect(lt).toBeGreaterThan(0.65);
    expect(lt).toBeLessThan(0.85);
    // Most old cases are closed, the newest mostly open.
    expect(share((f) => f.closed)).toBeGreaterThan(0.55);
    expect(share((f) => f.closed)).toBeLessThan(0.9);
  });

  it('writes names with Lithuanian letters that fold for diacritic-free search', () => {
    const names = Array.from({ length: 500 }, (_, i) => planCase('names', i, ctx()).newCase.identity?.givenNames ?? '');
    const withLetters = names.filter((s) => /[ąčęėįšųūž]/iu.test(s));
    expect(withLetters.length).toBeGreaterThan(20);
    expect(fold('Žėrūnė')).toBe('zerune');
    const plans = Array.from({ length: 500 }, (_, i) => planCase('names', i, ctx()));
    const noteTexts = plans.flatMap((p) =>
      p.ops.flatMap(({ op }) => (op.kind === 'item' && op.item === 'notes' ? [op.data.text] : [])),
    );
    expect(noteTexts.some((t) => /[ąčęėįšųūž]/u.test(t))).toBe(true);
    expect(noteTexts.some((t) => /\b(the|with|and)\b/u.test(t))).toBe(true);
    expect(noteTexts.some((t) => t.includes('{') || t.includes('}'))).toBe(false);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RuleSetDocument } from '../../shared/duties/schemas';
import { VILNIUS, zonedInstant } from './calendar';
import { planTasks, type ActiveRuleSet, type PlannedTask } from './engine';
import { deriveEvents, isMinorAt, isThirdCountryNational, type CaseFacts } from './events';
import { EXAMPLE_RULE_SET } from './example';
import { baseFacts, HISTORIES, recompute, summary, variantRuleSets, type CaseState } from './fixtures';
import { LITHUANIA } from './calendar';

const local = (s: string): Date => zonedInstant(s.slice(0, 10), `${s.slice(11)}:00.000`, VILNIUS);

describe('the example rule set', () => {
  it('is valid, and labelled as an example in its title and every rule', () => {
    expect(RuleSetDocument.safeParse(EXAMPLE_RULE_SET).success).toBe(true);
    expect(EXAMPLE_RULE_SET.example).toBe(true);
    expect(EXAMPLE_RULE_SET.title.en).toContain('EXAMPLE');
    expect(EXAMPLE_RULE_SET.title.lt).toContain('PAVYZDINIS');
    for (const r of EXAMPLE_RULE_SET.rules) {
      expect(r.title.en.startsWith('EXAMPLE')).toBe(true);
      expect(r.title.lt.startsWith('PAVYZDYS')).toBe(true);
    }
  });
});

describe('scripted case histories give the expected tasks', () => {
  for (const h of HISTORIES) {
    it(h.name, () => {
      let state: CaseState = { facts: baseFacts(h.start), events: [], tasks: [] };
      for (const step of h.steps) {
        state = recompute({ ...state, facts: { ...state.facts, ...step.change } }, local(step.at));
        expect(state.tasks.map(summary).sort()).toEqual(step.expect);
        // Recomputing at once changes nothing.
        const again = recompute(state, local(step.at));
        again.tasks.forEach((t, i) => expect(t).toBe(state.tasks[i]));
      }
    });
  }
});

describe('facts', () => {
  it('treats an uncertain birth date by its latest possible day, and an estimate from its date', () => {
    expect(isMinorAt(baseFacts({ dateOfBirth: '~2008' }), '2026-03-02')).toBe(true);
    expect(isMinorAt(baseFacts({ dateOfBirth: '2008-03-02' }), '2026-03-02')).toBe(false);
    expect(isMinorAt(baseFacts({ dateOfBirth: '2008-03-03' }), '2026-03-02')).toBe(true);
    expect(isMinorAt(baseFacts({ dateOfBirth: '2008-02-29' }), '2026-02-28')).toBe(true);
    expect(isMinorAt(baseFacts({ dateOfBirth: '2008-02-29' }), '2026-03-01')).toBe(false);
    expect(
      isMinorAt(baseFacts({ dateOfBirth: null, estimatedAge: 16, estimatedAgeOn: '2025-03-01' }), '2026-03-02'),
    ).toBe(true);
    expect(isMinorAt(baseFacts({ flags: ['UNACCOMPANIED_MINOR'] }), '2026-03-02')).toBe(true);
  });

  it('counts the stateless as third-country nationals, EU and EEA citizens and the unknown not', () => {
    expect(isThirdCountryNational(baseFacts({ citizenships: ['UA'] }))).toBe(true);
    expect(isThirdCountryNational(baseFacts({ citizenships: ['XX'] }))).toBe(true);
    expect(isThirdCountryNational(baseFacts({ citizenships: ['UA', 'PL'] }))).toBe(false);
    expect(isThirdCountryNational(baseFacts({ citizenships: ['NO'] }))).toBe(false);
    expect(isThirdCountryNational(baseFacts({ citizenships: ['ZZ'] }))).toBe(false);
    expect(isThirdCountryNational(baseFacts({ citizenships: [] }))).toBe(false);
  });

  it('keeps the moment a fact without a date was first seen, and its date once withdrawn', () => {
    const t1 = local('2026-03-04 10:00');
    const t2 = local('2026-03-09 10:00');
    const f = baseFacts({ cooperation: 'COOPERATING' });
    const first = deriveEvents(f, [], t1, LITHUANIA);
    const second = deriveEvents(f, first, t2, LITHUANIA);
    expect(second).toEqual(first);
    const withdrawn = deriveEvents(baseFacts(), second, t2, LITHUANIA);
    expect(withdrawn.find((e) => e.type === 'COOPERATES_WITH_POLICE')).toEqual({
      key: 'COOPERATES_WITH_POLICE',
      type: 'COOPERATES_WITH_POLICE',
      occurredAt: t1.toISOString(),
      active: false,
    });
  });

  it('owes nothing under a protocol for what happened before it took effect', () => {
    const later: ActiveRuleSet = { id: 9, document: { ...EXAMPLE_RULE_SET, effectiveFrom: '2026-04-01' } };
    const s = recompute(
      { facts: baseFacts({ victimStatus: 'PRESUMED', decidedOn: '2026-03-02' }), events: [], tasks: [] },
      local('2026-04-02 10:00'),
      later,
    );
    expect(s.tasks).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const change: fc.Arbitrary<Partial<CaseFacts>> = fc.oneof(
  fc.record({ victimStatus: fc.constantFrom(null, 'AT_RISK', 'PRESUMED', 'IDENTIFIED', 'NOT_VICTIM') }),
  fc.record({ decidedOn: fc.constantFrom(null, '2026-03-01', '2026-03-05', '~2026', '2026-02') }),
  fc.record({ dateOfBirth: fc.constantFrom(null, '2010-05-01', '~2007', '1990', '2008-03-03') }),
  fc.record({ citizenships: fc.constantFrom([], ['LT'], ['UA'], ['XX'], ['ZZ'], ['UA', 'LV']) }),
  fc.record({ cooperation: fc.constantFrom(null, 'COOPERATING', 'NOT_COOPERATING') }),
  fc.record({ reflectionStart: fc.constantFrom(null, '2026-03-03', '2026-04-01') }),
  fc.record({
    rights: fc.constantFrom(
      {},
      Object.fromEntries(
        ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'J', 'K'].map((k) => [k, { informedOn: '2026-03-04' }]),
      ),
    ),
  }),
  fc.record({ assessments: fc.constantFrom([], [{ type: 'NEEDS', date: '2026-05-01' }]) }),
  fc.record({
    consents: fc.constantFrom(
      [],
      [{ recipient: 'POLICE', purpose: 'IDENTIFICATION', givenOn: '2026-03-01', expiresOn: null, withdrawnOn: null }],
      [
        {
          recipient: 'MIGRATION',
          purpose: 'RESIDENCE_PERMIT',
          givenOn: '2026-03-01',
          expiresOn: null,
          withdrawnOn: '2026-04-01',
        },
      ],
    ),
  }),
  fc.constantFrom<Partial<CaseFacts>>(
    { status: 'CLOSED', closedOn: '2026-05-15' },
    { status: 'CLOSED', closedOn: '2026-07-01' },
    { status: 'OPEN', closedOn: null },
  ),
);

type Action =
  | { kind: 'change'; change: Partial<CaseFacts> }
  | { kind: 'recompute' }
  | { kind: 'advance'; hours: number }
  | { kind: 'complete'; pick: number }
  | { kind: 'setAside'; pick: number }
  | { kind: 'rules'; which: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  change.map((c) => ({ kind: 'change' as const, change: c })),
  fc.constant({ kind: 'recompute' as const }),
  fc.integer({ min: 1, max: 24 * 40 }).map((hours) => ({ kind: 'advance' as const, hours })),
  fc.nat().map((pick) => ({ kind: 'complete' as const, pick })),
  fc.nat().map((pick) => ({ kind: 'setAside' as const, pick })),
  fc.integer({ min: 0, max: 3 }).map((which) => ({ kind: 'rules' as const, which })),
);

const RULE_SETS: (ActiveRuleSet | null)[] = [...variantRuleSets(), null];

describe('engine properties', () => {
  it('no duplicates, completions never lost or changed, and recomputation is idempotent', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        let now = local('2026-03-02 09:00');
        let ruleSet: ActiveRuleSet | null = RULE_SETS[0] as ActiveRuleSet;
        let state: CaseState = { facts: baseFacts(), events: [], tasks: [] };
        const closedByPeople = new Map<string, PlannedTask>();
        const step = (): void => {
          state = recompute(state, now, ruleSet);
          const keys = state.tasks.map((t) => t.key);
          expect(new Set(keys).size).toBe(keys.length);
          for (const [key, t] of closedByPeople) expect(state.tasks.find((x) => x.key === key)).toBe(t);
          for (const t of state.tasks) if (t.state === 'done') closedByPeople.set(t.key, t);
          const again = planTasks(state.facts, state.events, ruleSet, state.tasks, LITHUANIA, now);
          expect(again.length).toBe(state.tasks.length);
          again.forEach((t, i) => expect(t).toBe(state.tasks[i]));
        };
        const pickOpen = (pick: number): number => {
          const open = state.tasks.map((t, i) => (t.state === 'open' ? i : -1)).filter((i) => i >= 0);
          return open.length === 0 ? -1 : (open[pick % open.length] as number);
        };
        for (const a of actions) {
          if (a.kind === 'change') {
            state = { ...state, facts: { ...state.facts, ...a.change } };
            step();
          } else if (a.kind === 'recompute') step();
          else if (a.kind === 'advance') {
            now = new Date(now.getTime() + a.hours * 3_600_000);
            step();
          } else if (a.kind === 'rules') {
            ruleSet = RULE_SETS[a.which] ?? null;
            step();
          } else {
            const i = pickOpen(a.pick);
            if (i < 0) continue;
            const t = state.tasks[i] as PlannedTask;
            const closed: PlannedTask =
              a.kind === 'complete'
                ? {
                    ...t,
                    state: 'done',
                    record: {
                      kind: 'done',
                      at: now.toISOString(),
                      to: 'Policija',
                      institutionId: null,
                      what: 'pranešta',
                      method: 'PHONE',
                      reference: null,
                      recordedAt: now.toISOString(),
                      recordedBy: 'Rūta',
                      fromCaseRecord: false,
                    },
                  }
                : {
                    ...t,
                    state: 'not_applicable',
                    record: {
                      kind: 'not_applicable',
                      reason: 'NOT_RELEVANT',
                      note: null,
                      recordedAt: now.toISOString(),
                      recordedBy: 'Rūta',
                    },
                  };
            state = { ...state, tasks: state.tasks.map((x, k) => (k === i ? closed : x)) };
            closedByPeople.set(closed.key, closed);
            step();
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a rule set change re-plans open tasks from the new rules and leaves done ones alone', () => {
    const [v1, v2] = variantRuleSets() as [ActiveRuleSet, ActiveRuleSet];
    const t0 = local('2026-03-02 10:00');
    let s = recompute(
      { facts: baseFacts({ victimStatus: 'PRESUMED', decidedOn: '2026-03-02' }), events: [], tasks: [] },
      t0,
      v1,
    );
    const police = s.tasks.find((t) => t.ruleId === 'EX.POLICE') as PlannedTask;
    const done: PlannedTask = {
      ...police,
      state: 'done',
      record: {
        kind: 'done',
        at: t0.toISOString(),
        to: 'Policija',
        institutionId: null,
        what: 'x',
        method: null,
        reference: null,
        recordedAt: t0.toISOString(),
        recordedBy: 'R',
        fromCaseRecord: false,
      },
    };
    s = { ...s, tasks: s.tasks.map((t) => (t.key === police.key ? done : t)) };
    const after = recompute(s, t0, v2);
    expect(after.tasks.find((t) => t.key === police.key)).toBe(done);
    const municipality = after.tasks.find((t) => t.ruleId === 'EX.MUNICIPALITY') as PlannedTask;
    expect(municipality.plan.deadline).toEqual({ amount: 5, unit: 'working_days' });
    expect(municipality.plan.ruleSetVersion).toBe(2);
    expect(municipality.dueAt).toBe(local('2026-03-09 23:59').toISOString().replace(':00.000Z', ':59.999Z'));
  });
});

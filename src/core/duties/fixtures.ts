import type { RuleSetDocument } from '../../shared/duties/schemas';
import { LITHUANIA, localDateTime, VILNIUS } from './calendar';
import { planTasks, type ActiveRuleSet, type PlannedTask } from './engine';
import { deriveEvents, type CaseEvent, type CaseFacts } from './events';
import { EXAMPLE_RULE_SET } from './example';

/**
 * For tests: scripted case histories and the tasks the EXAMPLE rule set must give for them.
 * Each step changes the case's facts at a moment and recomputes, as the case service does
 * after a save.
 */

export const baseFacts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  openedOn: '2026-03-02',
  status: 'OPEN',
  closedOn: null,
  victimStatus: null,
  decidedOn: null,
  dateOfBirth: '1995-06-01',
  estimatedAge: null,
  estimatedAgeOn: null,
  citizenships: ['LT'],
  flags: [],
  cooperation: null,
  reflectionStart: null,
  reflectionEnd: null,
  reflectionOutcome: null,
  rights: {},
  consents: [],
  assessments: [],
  ...over,
});

export const EXAMPLE: ActiveRuleSet = { id: 1, document: EXAMPLE_RULE_SET };

export interface CaseState {
  facts: CaseFacts;
  events: CaseEvent[];
  tasks: PlannedTask[];
}

export function recompute(state: CaseState, now: Date, ruleSet: ActiveRuleSet | null = EXAMPLE): CaseState {
  const events = deriveEvents(state.facts, state.events, now, LITHUANIA);
  return { facts: state.facts, events, tasks: planTasks(state.facts, events, ruleSet, state.tasks, LITHUANIA, now) };
}

/** A task as the fixtures state it: key, state, local due time, consent. */
export const summary = (t: PlannedTask): string =>
  `${t.key} ${t.state} due ${localDateTime(t.dueAt, VILNIUS)} consent ${t.plan.consent}`;

export interface HistoryStep {
  /** Local time in Vilnius, YYYY-MM-DD HH:MM. */
  at: string;
  change: Partial<CaseFacts>;
  /** The case's tasks after the step, as `summary` gives them, sorted. */
  expect: string[];
}

export interface CaseHistory {
  name: string;
  start: Partial<CaseFacts>;
  steps: HistoryStep[];
}

const RIGHTS_TOLD = Object.fromEntries(
  ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'J', 'K'].map((k) => [
    k,
    { informedOn: '2026-03-03', language: 'uk', informedBy: 'Rūta' },
  ]),
);

export const HISTORIES: readonly CaseHistory[] = [
  {
    name: 'adult third-country national identified as a presumed victim, told her rights, consents, case closed',
    start: { citizenships: ['UA'] },
    steps: [
      {
        at: '2026-03-02 10:00',
        change: { victimStatus: 'PRESUMED', decidedOn: '2026-03-02' },
        expect: [
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL open due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent MISSING',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
      {
        at: '2026-03-03 16:00',
        change: {
          rights: RIGHTS_TOLD,
          reflectionStart: '2026-03-03',
          consents: [
            {
              recipient: 'POLICE',
              purpose: 'IDENTIFICATION',
              givenOn: '2026-03-03',
              expiresOn: null,
              withdrawnOn: null,
            },
          ],
        },
        expect: [
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL open due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent GIVEN',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED done due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED done due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
      {
        at: '2026-06-10 09:00',
        change: { status: 'CLOSED', closedOn: '2026-06-10', assessments: [{ type: 'NEEDS', date: '2026-05-20' }] },
        expect: [
          'EX.CLOSURE@CASE_CLOSED:2026-06-10 open due 2026-06-17 23:59 consent MISSING',
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL open due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent GIVEN',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED done due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 done due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED done due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
    ],
  },
  {
    name: 'a child turns out to be a minor after identification; the child-rights service within 24 hours',
    start: { openedOn: '2026-03-06' },
    steps: [
      {
        at: '2026-03-06 11:00',
        change: { victimStatus: 'PRESUMED' },
        expect: [
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-16 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-06-04 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-10 23:59 consent NOT_REQUIRED',
        ],
      },
      {
        at: '2026-03-09 08:30',
        change: { dateOfBirth: '~2010' },
        expect: [
          'EX.CHILD@MINOR open due 2026-03-07 11:00 consent NOT_REQUIRED',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-16 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-06-04 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-10 23:59 consent NOT_REQUIRED',
        ],
      },
    ],
  },
  {
    name: 'a citizenship typed wrong and corrected: the duties it caused are withdrawn, then come back',
    start: { openedOn: '2026-03-02', victimStatus: 'PRESUMED', decidedOn: '2026-03-02' },
    steps: [
      {
        at: '2026-03-02 12:00',
        change: { citizenships: ['BY'] },
        expect: [
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL open due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent MISSING',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
      {
        at: '2026-03-02 12:05',
        change: { citizenships: ['LT'] },
        expect: [
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL not_applicable due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent MISSING',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED not_applicable due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
      {
        at: '2026-03-02 12:10',
        change: { citizenships: ['XX'] },
        expect: [
          'EX.MIGRATION@THIRD_COUNTRY_NATIONAL open due 2026-03-09 23:59 consent MISSING',
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent MISSING',
          'EX.REFLECTION@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent NOT_REQUIRED',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
    ],
  },
  {
    name: 'the person agrees to cooperate: the prosecutor within five working days of Sauga seeing it',
    start: { openedOn: '2026-03-02', victimStatus: 'IDENTIFIED', decidedOn: '2026-03-02' },
    steps: [
      {
        at: '2026-03-10 10:00',
        change: { cooperation: 'COOPERATING' },
        expect: [
          'EX.MUNICIPALITY@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-12 23:59 consent MISSING',
          'EX.POLICE@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-05 23:59 consent MISSING',
          'EX.PROSECUTOR@COOPERATES_WITH_POLICE open due 2026-03-18 23:59 consent MISSING',
          'EX.REVIEW@CASE_OPENED#1 open due 2026-05-31 23:59 consent NOT_REQUIRED',
          'EX.RIGHTS@PRESUMED_VICTIM_IDENTIFIED open due 2026-03-04 23:59 consent NOT_REQUIRED',
        ],
      },
    ],
  },
];

/** Example variants for rule-set changes: a rule removed, a deadline changed, a rule added. */
export function variantRuleSets(): ActiveRuleSet[] {
  const doc = EXAMPLE_RULE_SET;
  const v2: RuleSetDocument = {
    ...doc,
    version: 2,
    rules: doc.rules
      .filter((r) => r.id !== 'EX.POLICE')
      .map((r) => (r.id === 'EX.MUNICIPALITY' ? { ...r, deadline: { amount: 5, unit: 'working_days' } } : r)),
  };
  const v3: RuleSetDocument = {
    ...doc,
    version: 3,
    rules: [
      ...doc.rules,
      {
        ...(doc.rules.find((r) => r.id === 'EX.POLICE') as RuleSetDocument['rules'][number]),
        id: 'EX.LABOUR',
        recipient: { kind: 'INSTITUTION', type: 'LABOUR_INSPECTORATE' },
      },
    ],
  };
  return [EXAMPLE, { id: 2, document: v2 }, { id: 3, document: v3 }];
}

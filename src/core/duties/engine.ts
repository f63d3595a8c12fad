import type { RightsItem } from '../../shared/cases/codes';
import { SYSTEM_REASONS, type ConsentState, type NotApplicableReason } from '../../shared/duties/codes';
import type { CompletionRecord, Rule, RuleSetDocument, TaskPlan, TaskRecord } from '../../shared/duties/schemas';
import { dueAt, localDate, startOfDay, type DutyCalendar } from './calendar';
import type { CaseEvent, CaseFacts } from './events';

/** A task as the engine sees it: no database ids beyond the key that makes it unique per case. */
export interface PlannedTask {
  key: string;
  ruleId: string;
  state: 'open' | 'done' | 'not_applicable';
  anchorAt: string;
  dueAt: string;
  plan: TaskPlan;
  record: TaskRecord | null;
}

export interface ActiveRuleSet {
  /** The vault's row id of the installed set; tasks remember which set planned them. */
  id: number;
  document: RuleSetDocument;
}

/** The engine's own name in task records. */
export const ENGINE = 'Sauga';

/** Reviews are planned one period ahead at most, and never more than this many per case and rule. */
const MAX_REVIEWS = 120;

const later = (a: string, b: string): string => (Date.parse(a) >= Date.parse(b) ? a : b);

function consentState(rule: Rule, facts: CaseFacts, today: string): ConsentState {
  if (rule.authority.kind !== 'CONSENT') return 'NOT_REQUIRED';
  const { recipient, purpose } = rule.authority;
  const ok = facts.consents.some(
    (c) =>
      c.recipient === recipient &&
      c.purpose === purpose &&
      c.givenOn <= today &&
      (c.withdrawnOn === null || c.withdrawnOn > today) &&
      (c.expiresOn === null || c.expiresOn >= today),
  );
  return ok ? 'GIVEN' : 'MISSING';
}

function planOf(rule: Rule, eventKey: string, consent: ConsentState, version: number): TaskPlan {
  return {
    eventKey,
    title: rule.title,
    information: rule.information,
    recipient: rule.recipient,
    deadline: rule.deadline,
    authority: rule.authority,
    victimDuty: rule.victimDuty ?? null,
    consent,
    ruleSetVersion: version,
  };
}

/**
 * A victim duty the case record itself shows done: all required art. 4 items told, the
 * reflection period started, or an assessment made within the review's window. The record's
 * dates are days, so the duty counts as done at the start of the last of them.
 */
function doneInRecord(
  rule: Rule,
  facts: CaseFacts,
  window: { from: string; to: string },
  now: Date,
  cal: DutyCalendar,
): CompletionRecord | null {
  const duty = rule.victimDuty;
  if (!duty) return null;
  const record = (on: string, what: string, by: string): CompletionRecord => ({
    kind: 'done',
    at: startOfDay(on, cal.timeZone).toISOString(),
    to: 'VICTIM',
    institutionId: null,
    what,
    method: null,
    reference: null,
    recordedAt: now.toISOString(),
    recordedBy: by,
    fromCaseRecord: true,
  });
  if (duty.kind === 'RIGHTS_INFORMATION') {
    const entries = duty.items.map((i: RightsItem) => facts.rights[i]);
    if (entries.some((e) => e === undefined)) return null;
    const last = entries.reduce((m, e) => (e && e.informedOn > m ? e.informedOn : m), '0000-00-00');
    const who = [...new Set(entries.map((e) => e?.informedBy).filter((x): x is string => Boolean(x)))].join(', ');
    return record(last, `art. 4(1) ${duty.items.join(', ')}`, who || ENGINE);
  }
  if (duty.kind === 'REFLECTION_PERIOD') {
    if (!facts.reflectionStart) return null;
    return record(facts.reflectionStart, `reflection period from ${facts.reflectionStart}`, ENGINE);
  }
  const fromDay = localDate(window.from, cal.timeZone);
  const toDay = localDate(window.to, cal.timeZone);
  const review = facts.assessments
    .filter((a) => a.date > fromDay && a.date <= toDay)
    .sort((a, b) => (a.date < b.date ? -1 : 1))[0];
  return review ? record(review.date, `assessment ${review.type} on ${review.date}`, ENGINE) : null;
}

interface Wanted {
  key: string;
  rule: Rule;
  anchorAt: string;
  dueAt: string;
  /** The triggering facts all hold now. */
  holds: boolean;
  eventKey: string;
  window: { from: string; to: string };
}

function wanted(
  facts: CaseFacts,
  events: readonly CaseEvent[],
  ruleSet: RuleSetDocument,
  cal: DutyCalendar,
  now: Date,
): Wanted[] {
  const byType = new Map<string, CaseEvent[]>();
  for (const e of events) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const effective = startOfDay(ruleSet.effectiveFrom, cal.timeZone).getTime();
  const closed = events.find((e) => e.type === 'CASE_CLOSED' && e.active);
  const out: Wanted[] = [];
  for (const rule of ruleSet.rules) {
    for (const e of byType.get(rule.trigger) ?? []) {
      const required = (rule.requires ?? []).map((t) => byType.get(t)?.find((x) => x.active) ?? byType.get(t)?.[0]);
      if (required.some((r) => r === undefined)) continue;
      const reqs = required as CaseEvent[];
      const anchorAt = reqs.reduce((m, r) => later(m, r.occurredAt), e.occurredAt);
      const holds = e.active && reqs.every((r) => r.active);
      const base = `${rule.id}@${e.key}`;
      if (rule.victimDuty?.kind !== 'REVIEW') {
        const due = dueAt(new Date(anchorAt), rule.deadline, cal).toISOString();
        out.push({
          key: base,
          rule,
          anchorAt,
          dueAt: due,
          holds,
          eventKey: e.key,
          window: { from: anchorAt, to: due },
        });
        continue;
      }
      // Reviews: one task per period, planned up to the first one not yet due, and none that
      // would fall due after the case closed.
      const every = rule.victimDuty.every;
      let from = anchorAt;
      for (let i = 1; i <= MAX_REVIEWS; i++) {
        const due = dueAt(new Date(from), every, cal).toISOString();
        if (closed && Date.parse(due) > Date.parse(closed.occurredAt)) break;
        out.push({
          key: `${base}#${i}`,
          rule,
          anchorAt: from,
          dueAt: due,
          holds,
          eventKey: e.key,
          window: { from, to: due },
        });
        if (Date.parse(due) > now.getTime()) break;
        from = due;
      }
    }
  }
  // Not retroactive: what happened before the protocol took effect owes nothing under it.
  return out.filter((w) => Date.parse(w.anchorAt) >= effective);
}

const systemClosed = (t: PlannedTask): boolean =>
  t.state === 'not_applicable' && t.record?.kind === 'not_applicable' && SYSTEM_REASONS.includes(t.record.reason);

function closedBySystem(t: PlannedTask, reason: NotApplicableReason, now: Date): PlannedTask {
  return {
    ...t,
    state: 'not_applicable',
    record: { kind: 'not_applicable', reason, note: null, recordedAt: now.toISOString(), recordedBy: ENGINE },
  };
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The tasks a case should have, given its facts and events, the active rule set and the tasks
 * it has. Pure and idempotent: planning its own output again changes nothing.
 *
 * - A task a person completed or set aside is returned unchanged, whatever the rules now say.
 * - An open task is re-planned from the current rule (text, deadline, consent state), closed by
 *   the engine as not applicable when its fact was withdrawn or its rule left the set, or marked
 *   done when the case record shows the victim duty done.
 * - A task the engine closed comes back when its fact and rule do.
 * - Keys are unique, so the result never holds the same duty twice.
 */
export function planTasks(
  facts: CaseFacts,
  events: readonly CaseEvent[],
  ruleSet: ActiveRuleSet | null,
  existing: readonly PlannedTask[],
  cal: DutyCalendar,
  now: Date,
): PlannedTask[] {
  const today = localDate(now, cal.timeZone);
  const want = ruleSet ? wanted(facts, events, ruleSet.document, cal, now) : [];
  const wantByKey = new Map(want.map((w) => [w.key, w]));
  const ruleIds = new Set(ruleSet?.document.rules.map((r) => r.id) ?? []);
  const out = new Map<string, PlannedTask>();

  for (const t of existing) {
    if (out.has(t.key)) continue;
    const w = wantByKey.get(t.key);
    const userClosed = t.state === 'done' || (t.state === 'not_applicable' && !systemClosed(t));
    if (userClosed) {
      out.set(t.key, t);
      continue;
    }
    if (!w || !w.holds) {
      if (t.state === 'open') {
        const reason = ruleIds.has(t.ruleId) && ruleSet ? 'SYSTEM_TRIGGER_WITHDRAWN' : 'SYSTEM_RULE_REMOVED';
        out.set(t.key, closedBySystem(t, reason, now));
      } else out.set(t.key, t);
      continue;
    }
    out.set(t.key, fresh(w, t));
  }
  for (const w of want) if (!out.has(w.key) && w.holds) out.set(w.key, fresh(w, null));
  return [...out.values()];

  function fresh(w: Wanted, prior: PlannedTask | null): PlannedTask {
    const plan = planOf(w.rule, w.eventKey, consentState(w.rule, facts, today), ruleSet?.document.version ?? 0);
    const record = doneInRecord(w.rule, facts, w.window, now, cal);
    const next: PlannedTask = {
      key: w.key,
      ruleId: w.rule.id,
      state: record ? 'done' : 'open',
      anchorAt: w.anchorAt,
      dueAt: w.dueAt,
      plan,
      record,
    };
    // Unchanged apart from the clock: keep the prior object, so nothing is rewritten.
    if (
      prior?.state === 'open' &&
      next.state === 'open' &&
      prior.anchorAt === next.anchorAt &&
      prior.dueAt === next.dueAt &&
      sameJson(prior.plan, next.plan)
    )
      return prior;
    return next;
  }
}

/** Open and past its deadline. */
export const isOverdue = (t: { state: string; dueAt: string }, now: Date): boolean =>
  t.state === 'open' && Date.parse(t.dueAt) < now.getTime();

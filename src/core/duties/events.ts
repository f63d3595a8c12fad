import { EU_MEMBERS, STATELESS, UNKNOWN_COUNTRY, type RightsItem } from '../../shared/cases/codes';
import { isIsoDate, partialDateBounds } from '../../shared/cases/dates';
import type { CaseView, RightsEntry } from '../../shared/cases/schemas';
import type { DutyTrigger } from '../../shared/duties/codes';
import { addDays, startOfDay, type DutyCalendar } from './calendar';

/**
 * What the rules need to know about a case, taken from the case view. Kept to these fields so
 * the engine can be tested without a vault and so it is clear which parts of a case drive duties.
 */
export interface CaseFacts {
  openedOn: string;
  status: string;
  closedOn: string | null;
  victimStatus: string | null;
  decidedOn: string | null;
  dateOfBirth: string | null;
  estimatedAge: number | null;
  estimatedAgeOn: string | null;
  citizenships: readonly string[];
  flags: readonly string[];
  cooperation: string | null;
  reflectionStart: string | null;
  reflectionEnd: string | null;
  reflectionOutcome: string | null;
  rights: Partial<Record<RightsItem, RightsEntry>>;
  consents: readonly {
    recipient: string;
    purpose: string;
    givenOn: string;
    expiresOn: string | null;
    withdrawnOn: string | null;
  }[];
  assessments: readonly { type: string; date: string }[];
}

/**
 * The facts of a case view. The view must have been read with the identity section (birth
 * date and citizenship decide MINOR and THIRD_COUNTRY_NATIONAL); nothing of it leaves here.
 */
export function factsFromView(view: CaseView): CaseFacts {
  const s = view.sections;
  const id = s.identity;
  return {
    openedOn: s.management.openedOn ?? view.openedOn,
    status: view.status,
    closedOn: view.closedOn,
    victimStatus: s.status.victimStatus ?? null,
    decidedOn: s.status.decidedOn ?? null,
    dateOfBirth: id?.dateOfBirth ?? null,
    estimatedAge: id?.estimatedAge ?? null,
    estimatedAgeOn: id?.estimatedAgeOn ?? null,
    citizenships: id?.citizenships ?? [],
    flags: s.management.flags ?? [],
    cooperation: s.justice.cooperation ?? null,
    reflectionStart: s.status.reflectionStart ?? null,
    reflectionEnd: s.status.reflectionEnd ?? null,
    reflectionOutcome: s.status.reflectionOutcome ?? null,
    rights: s.rights.items ?? {},
    consents: view.items.consents.map((c) => ({
      recipient: c.recipient,
      purpose: c.purpose,
      givenOn: c.givenOn,
      expiresOn: c.expiresOn ?? null,
      withdrawnOn: c.withdrawnOn ?? null,
    })),
    assessments: view.items.assessments.map((a) => ({ type: a.type, date: a.date })),
  };
}

export interface CaseEvent {
  /** Stable across recomputations: the type, and for repeatable events which occurrence. */
  key: string;
  type: DutyTrigger;
  occurredAt: string;
  /** False once the fact no longer holds (corrected, or the case reopened); the date is kept. */
  active: boolean;
}

/** EU members and the other EEA states: their citizens are not third-country nationals. */
const EU_EEA = new Set([...EU_MEMBERS, 'IS', 'LI', 'NO']);

const ADULT_AGE = 18;

/**
 * Under 18 when the case opened. An uncertain birth date counts with its latest possible day,
 * because where age is uncertain and there are reasons to believe the person is a child, they
 * are presumed to be one (Directive 2011/36/EU art. 13(2)).
 */
export function isMinorAt(f: CaseFacts, on: string): boolean {
  if (f.flags.includes('MINOR') || f.flags.includes('UNACCOMPANIED_MINOR')) return true;
  if (f.dateOfBirth) {
    const latest = partialDateBounds(f.dateOfBirth)?.to;
    if (latest) return addYears(latest, ADULT_AGE) > on;
  }
  if (f.estimatedAge !== null) {
    const estOn = f.estimatedAgeOn ?? f.openedOn;
    return addYears(estOn, ADULT_AGE - f.estimatedAge) > on;
  }
  return false;
}

function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  // 29 February plus whole years lands on 1 March in a common year: the birthday has passed then.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (md === '02-29' && !leap) return `${String(y).padStart(4, '0')}-03-01`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** Stateless counts as third-country; an unknown citizenship decides nothing. */
export function isThirdCountryNational(f: CaseFacts): boolean {
  const known = f.citizenships.filter((c) => c !== UNKNOWN_COUNTRY);
  if (known.length === 0) return false;
  return known.every((c) => c === STATELESS || !EU_EEA.has(c));
}

interface Condition {
  type: DutyTrigger;
  occurrence: string;
  /** The day the record gives for it, or null when only the moment Sauga saw it is known. */
  on: string | null;
}

function conditions(f: CaseFacts): Condition[] {
  const out: Condition[] = [{ type: 'CASE_OPENED', occurrence: '1', on: f.openedOn }];
  const decided = f.decidedOn && isIsoDate(f.decidedOn) ? f.decidedOn : null;
  if (f.victimStatus === 'PRESUMED' || f.victimStatus === 'IDENTIFIED')
    // A formal identification's date is also the latest day the person can have been presumed one.
    out.push({ type: 'PRESUMED_VICTIM_IDENTIFIED', occurrence: '1', on: decided });
  if (f.victimStatus === 'IDENTIFIED') out.push({ type: 'VICTIM_FORMALLY_IDENTIFIED', occurrence: '1', on: decided });
  if (isMinorAt(f, f.openedOn)) out.push({ type: 'MINOR', occurrence: '1', on: f.openedOn });
  if (isThirdCountryNational(f)) out.push({ type: 'THIRD_COUNTRY_NATIONAL', occurrence: '1', on: f.openedOn });
  if (f.cooperation === 'COOPERATING' || f.reflectionOutcome === 'COOPERATING')
    out.push({ type: 'COOPERATES_WITH_POLICE', occurrence: '1', on: null });
  // Each closure is its own event, so a case reopened and closed again owes its closure duties again.
  if (f.status === 'CLOSED' && f.closedOn) out.push({ type: 'CASE_CLOSED', occurrence: f.closedOn, on: f.closedOn });
  return out;
}

export const eventKey = (type: DutyTrigger, occurrence: string): string =>
  occurrence === '1' ? type : `${type}:${occurrence}`;

/**
 * The case's events now, given those recorded before. A fact dated in the record happened at
 * the start of that local day: the duty ran from when the organisation knew, not from when
 * someone typed it, so late data entry does not make a late notification look timely. A fact
 * with no date happened when Sauga first saw it, and keeps that moment on every later
 * recomputation. Events no longer supported by the record stay, inactive, with their date.
 * Pure: the same inputs give the same events.
 */
export function deriveEvents(
  facts: CaseFacts,
  previous: readonly CaseEvent[],
  detectedAt: Date,
  cal: DutyCalendar,
): CaseEvent[] {
  const before = new Map(previous.map((e) => [e.key, e]));
  const out: CaseEvent[] = [];
  const seen = new Set<string>();
  for (const c of conditions(facts)) {
    const key = eventKey(c.type, c.occurrence);
    if (seen.has(key)) continue;
    seen.add(key);
    const dated = c.on ? startOfDay(c.on, cal.timeZone) : null;
    // A date in the future (a typing slip) is not allowed to postpone a duty.
    const at = dated && dated.getTime() <= detectedAt.getTime() ? dated.toISOString() : null;
    out.push({
      key,
      type: c.type,
      occurredAt: at ?? before.get(key)?.occurredAt ?? detectedAt.toISOString(),
      active: true,
    });
  }
  for (const p of previous) if (!seen.has(p.key)) out.push({ ...p, active: false });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The first day after the reflection period may end, given its start (at least `minDays`). */
export const reflectionMinEnd = (start: string, minDays: number): string => addDays(start, minDays);

import { REFLECTION_MIN_DAYS, RIGHTS_ITEMS, type RightsItem } from '../../shared/cases/codes';
import { daysBetween } from '../../shared/cases/dates';
import type { CaseView, RightsEntry } from '../../shared/cases/schemas';
import { addDays } from './calendar';

/**
 * The victim-rights checklist (Directive 2012/29/EU art. 4(1)(a)-(k)) and the reflection period,
 * read from the case record where the case form keeps them (rights and status sections).
 */

export interface RightsChecklistItem {
  code: RightsItem;
  lt: string;
  en: string;
  informed: RightsEntry | null;
}

export interface RightsChecklist {
  items: RightsChecklistItem[];
  informedCount: number;
  missing: RightsItem[];
  /** The first day any item was told, or null. */
  firstInformedOn: string | null;
}

export function rightsChecklist(view: Pick<CaseView, 'sections'>): RightsChecklist {
  const entries = view.sections.rights.items ?? {};
  const items = RIGHTS_ITEMS.map((i) => ({ code: i.code, lt: i.lt, en: i.en, informed: entries[i.code] ?? null }));
  const dates = items.flatMap((i) => (i.informed ? [i.informed.informedOn] : [])).sort();
  return {
    items,
    informedCount: dates.length,
    missing: items.filter((i) => !i.informed).map((i) => i.code),
    firstInformedOn: dates[0] ?? null,
  };
}

/** Days before its end that a reflection period is shown as ending soon. */
export const REFLECTION_REMINDER_DAYS = 7;

export type ReflectionState = 'not_started' | 'running' | 'ending_soon' | 'ended_no_outcome' | 'decided';

export interface ReflectionStatus {
  start: string | null;
  end: string | null;
  /** The earliest lawful end: start plus the minimum period. */
  minimumEnd: string | null;
  reminderOn: string | null;
  daysLeft: number | null;
  outcome: string | null;
  state: ReflectionState;
}

/**
 * Where the reflection period stands on `today` (a local date). A period with no end date is
 * taken to last the minimum, so a reminder still comes.
 */
export function reflectionStatus(view: Pick<CaseView, 'sections'>, today: string): ReflectionStatus {
  const s = view.sections.status;
  const start = s.reflectionStart ?? null;
  const outcome = s.reflectionOutcome ?? null;
  if (!start)
    return { start, end: null, minimumEnd: null, reminderOn: null, daysLeft: null, outcome, state: 'not_started' };
  const minimumEnd = addDays(start, REFLECTION_MIN_DAYS);
  const end = s.reflectionEnd ?? minimumEnd;
  const reminderOn = addDays(end, -REFLECTION_REMINDER_DAYS);
  const daysLeft = daysBetween(today, end);
  const decided = outcome !== null && outcome !== 'ONGOING';
  const state: ReflectionState = decided
    ? 'decided'
    : daysLeft < 0
      ? 'ended_no_outcome'
      : today >= reminderOn
        ? 'ending_soon'
        : 'running';
  return { start, end, minimumEnd, reminderOn, daysLeft, outcome, state };
}

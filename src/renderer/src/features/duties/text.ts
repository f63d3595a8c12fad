import { CONSENT_PURPOSES, RECIPIENT_CATEGORIES, RIGHTS_ITEMS, LANGUAGES } from '../../../../shared/cases/codes';
import {
  COMPLIANCE_OUTCOMES,
  CONSENT_STATES,
  DEADLINE_UNITS,
  DELIVERY_METHODS,
  DUTY_TRIGGERS,
  INSTITUTION_TYPES,
  NOT_APPLICABLE_REASONS,
  TASK_STATUSES,
  VICTIM_RECIPIENT,
} from '../../../../shared/duties/codes';
import type { Bilingual, DutyTask, RuleRecipient } from '../../../../shared/duties/schemas';
import { currentLanguage } from '../../i18n';
import { codeLabel } from '../cases/format';

/** Deadlines are counted in Lithuania, so they are shown on its clock whatever the computer's. */
export const DUTY_TIME_ZONE = 'Europe/Vilnius';
const locales = { lt: 'lt-LT', en: 'en-GB' } as const;

export function formatDue(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[currentLanguage()], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: DUTY_TIME_ZONE,
  }).format(d);
}

export type TaskStatusCode = 'open' | 'done' | 'not_applicable' | 'overdue';
export const taskStatus = (t: Pick<DutyTask, 'state' | 'overdue'>): TaskStatusCode =>
  t.state === 'open' && t.overdue ? 'overdue' : t.state;

export const statusLabel = (code: TaskStatusCode): string => codeLabel(TASK_STATUSES, code);
export const bi = (b: Bilingual): string => b[currentLanguage()];

export function recipientLabel(code: string): string {
  return code === VICTIM_RECIPIENT.code ? VICTIM_RECIPIENT[currentLanguage()] : codeLabel(INSTITUTION_TYPES, code);
}
export const ruleRecipientLabel = (r: RuleRecipient): string =>
  recipientLabel(r.kind === 'VICTIM' ? VICTIM_RECIPIENT.code : r.type);

export const label = {
  trigger: (c: string) => codeLabel(DUTY_TRIGGERS, c),
  unit: (c: string) => codeLabel(DEADLINE_UNITS, c),
  method: (c: string) => codeLabel(DELIVERY_METHODS, c),
  reason: (c: string) => codeLabel(NOT_APPLICABLE_REASONS, c),
  consent: (c: string) => codeLabel(CONSENT_STATES, c),
  outcome: (c: string) => codeLabel(COMPLIANCE_OUTCOMES, c),
  institutionType: (c: string) => codeLabel(INSTITUTION_TYPES, c),
  consentRecipient: (c: string) => codeLabel(RECIPIENT_CATEGORIES, c),
  purpose: (c: string) => codeLabel(CONSENT_PURPOSES, c),
  rightsItem: (c: string) => codeLabel(RIGHTS_ITEMS, c),
  language: (c: string) => codeLabel(LANGUAGES, c),
};

import { z } from 'zod';
import { INVALID_OPTION, RECIPIENT_CATEGORIES, type CodeEntry } from '../cases/codes';

/**
 * The code lists of the information duties (domain.md "Information duties"). Codes are stored
 * in vaults and travel in signed rule set files, so a code is never renamed or reused.
 */

type CodeOf<L extends readonly CodeEntry[]> = L[number]['code'];
const enumOf = <const L extends readonly CodeEntry[]>(list: L) =>
  z.enum(list.map((e) => e.code) as [CodeOf<L>, ...CodeOf<L>[]], { error: INVALID_OPTION });

/**
 * Institution types are the recipient categories of consents and referrals, so a rule's
 * recipient and a consent's recipient compare directly. The organisation itself and family
 * members are not institutions of the referral mechanism.
 */
const NOT_INSTITUTIONS = new Set(['OWN_ORGANISATION', 'FAMILY']);
export const INSTITUTION_TYPES = RECIPIENT_CATEGORIES.filter((e) => !NOT_INSTITUTIONS.has(e.code)) as readonly {
  code: Exclude<(typeof RECIPIENT_CATEGORIES)[number]['code'], 'OWN_ORGANISATION' | 'FAMILY'>;
  lt: string;
  en: string;
}[];
export const InstitutionType = z.enum(
  INSTITUTION_TYPES.map((e) => e.code) as [
    (typeof INSTITUTION_TYPES)[number]['code'],
    ...(typeof INSTITUTION_TYPES)[number]['code'][],
  ],
  { error: INVALID_OPTION },
);
export type InstitutionType = z.infer<typeof InstitutionType>;

/** What happened to a case, as far as the protocol is concerned; derived from the case record. */
export const DUTY_TRIGGERS = [
  { code: 'CASE_OPENED', lt: 'Byla atidaryta', en: 'Case opened' },
  {
    code: 'PRESUMED_VICTIM_IDENTIFIED',
    lt: 'Asmuo pripažintas tikėtina prekybos žmonėmis auka',
    en: 'Presumed victim identified',
  },
  {
    code: 'VICTIM_FORMALLY_IDENTIFIED',
    lt: 'Asmuo oficialiai pripažintas prekybos žmonėmis auka',
    en: 'Victim formally identified',
  },
  { code: 'MINOR', lt: 'Asmuo yra nepilnametis', en: 'The person is a minor' },
  {
    code: 'THIRD_COUNTRY_NATIONAL',
    lt: 'Asmuo yra trečiosios šalies pilietis arba asmuo be pilietybės',
    en: 'The person is a third-country national or stateless',
  },
  {
    code: 'COOPERATES_WITH_POLICE',
    lt: 'Asmuo sutiko bendradarbiauti su teisėsauga',
    en: 'The person agreed to cooperate with the authorities',
  },
  { code: 'CASE_CLOSED', lt: 'Byla uždaryta', en: 'Case closed' },
] as const satisfies readonly CodeEntry[];
export const DutyTrigger = enumOf(DUTY_TRIGGERS);
export type DutyTrigger = z.infer<typeof DutyTrigger>;

export const DEADLINE_UNITS = [
  { code: 'hours', lt: 'val.', en: 'hours' },
  { code: 'days', lt: 'kalendorinės dienos', en: 'calendar days' },
  { code: 'working_days', lt: 'darbo dienos', en: 'working days' },
] as const satisfies readonly CodeEntry[];
export const DeadlineUnit = enumOf(DEADLINE_UNITS);
export type DeadlineUnit = z.infer<typeof DeadlineUnit>;

/** Duties toward the person rather than toward an institution. */
export const VICTIM_DUTIES = [
  {
    code: 'RIGHTS_INFORMATION',
    lt: 'Informuoti apie teises (Direktyvos 2012/29/ES 4 straipsnis)',
    en: 'Inform of rights (Directive 2012/29/EU art. 4)',
  },
  { code: 'REFLECTION_PERIOD', lt: 'Pasiūlyti apmąstymo laikotarpį', en: 'Offer a reflection period' },
  { code: 'REVIEW', lt: 'Periodinė peržiūra', en: 'Periodic review' },
] as const satisfies readonly CodeEntry[];
export const VictimDutyKind = enumOf(VICTIM_DUTIES);
export type VictimDutyKind = z.infer<typeof VictimDutyKind>;

export const TASK_STATES = [
  { code: 'open', lt: 'Neatlikta', en: 'Open' },
  { code: 'done', lt: 'Atlikta', en: 'Done' },
  { code: 'not_applicable', lt: 'Netaikoma', en: 'Not applicable' },
] as const satisfies readonly CodeEntry[];
export const TaskState = enumOf(TASK_STATES);
export type TaskState = z.infer<typeof TaskState>;

/** Shown state: an open task past its deadline is overdue; derived from the clock, never stored. */
export const TASK_STATUSES = [...TASK_STATES, { code: 'overdue', lt: 'Vėluojama', en: 'Overdue' }] as const;
export type TaskStatus = TaskState | 'overdue';

/**
 * Why a duty did not apply. The SYSTEM_ ones are set by the engine only (the triggering fact
 * was corrected away, or the rule left the rule set) and may be reopened by it; a person's
 * reason is final.
 */
export const NOT_APPLICABLE_REASONS = [
  { code: 'NO_CONSENT', lt: 'Asmuo nesutiko, o teisinio pagrindo nėra', en: 'No consent and no other legal basis' },
  { code: 'DONE_BY_OTHER', lt: 'Pareigą įvykdė kita institucija', en: 'Done by another institution' },
  { code: 'ALREADY_KNOWN', lt: 'Institucija jau informuota', en: 'The institution already knew' },
  { code: 'PERSON_UNREACHABLE', lt: 'Nepavyko susisiekti su asmeniu', en: 'The person could not be reached' },
  { code: 'NOT_RELEVANT', lt: 'Šiai bylai netaikoma', en: 'Does not apply to this case' },
  { code: 'OTHER', lt: 'Kita priežastis', en: 'Other reason' },
  {
    code: 'SYSTEM_TRIGGER_WITHDRAWN',
    lt: 'Aplinkybė, dėl kurios atsirado pareiga, ištaisyta ar nebegalioja',
    en: 'The fact that triggered the duty was corrected or no longer holds',
  },
  { code: 'SYSTEM_RULE_REMOVED', lt: 'Taisyklė pašalinta iš taisyklių rinkinio', en: 'The rule left the rule set' },
] as const satisfies readonly CodeEntry[];
export const NotApplicableReason = enumOf(NOT_APPLICABLE_REASONS);
export type NotApplicableReason = z.infer<typeof NotApplicableReason>;
export const SYSTEM_REASONS: readonly NotApplicableReason[] = ['SYSTEM_TRIGGER_WITHDRAWN', 'SYSTEM_RULE_REMOVED'];
export const UserNotApplicableReason = NotApplicableReason.exclude(['SYSTEM_TRIGGER_WITHDRAWN', 'SYSTEM_RULE_REMOVED']);
export type UserNotApplicableReason = z.infer<typeof UserNotApplicableReason>;

export const DELIVERY_METHODS = [
  { code: 'IN_PERSON', lt: 'Asmeniškai', en: 'In person' },
  { code: 'PHONE', lt: 'Telefonu', en: 'By phone' },
  { code: 'LETTER', lt: 'Raštu (paštu)', en: 'By letter' },
  { code: 'EMAIL', lt: 'El. paštu', en: 'By email' },
  { code: 'SECURE_PACKAGE', lt: 'Užšifruota santrauka', en: 'Encrypted case summary' },
  { code: 'OTHER', lt: 'Kitu būdu', en: 'Other' },
] as const satisfies readonly CodeEntry[];
export const DeliveryMethod = enumOf(DELIVERY_METHODS);
export type DeliveryMethod = z.infer<typeof DeliveryMethod>;

/** Whether the person's consent covers a task's recipient and purpose today. */
export const CONSENT_STATES = [
  { code: 'GIVEN', lt: 'Sutikimas yra', en: 'Consent given' },
  { code: 'MISSING', lt: 'Sutikimo nėra', en: 'No consent' },
  { code: 'NOT_REQUIRED', lt: 'Sutikimo nereikia (teisinis pagrindas)', en: 'Not required (legal basis)' },
] as const satisfies readonly CodeEntry[];
export const ConsentState = enumOf(CONSENT_STATES);
export type ConsentState = z.infer<typeof ConsentState>;

/** The outcome of a duty in the compliance report. */
export const COMPLIANCE_OUTCOMES = [
  { code: 'metInTime', lt: 'Įvykdyta laiku', en: 'Met in time' },
  { code: 'late', lt: 'Įvykdyta pavėluotai', en: 'Met late' },
  { code: 'missed', lt: 'Neįvykdyta, terminas praėjo', en: 'Missed (deadline passed)' },
  { code: 'pending', lt: 'Dar vykdoma, terminas nepraėjo', en: 'Open, not yet due' },
  { code: 'notApplicable', lt: 'Netaikoma', en: 'Not applicable' },
] as const satisfies readonly CodeEntry[];
export type ComplianceOutcome = (typeof COMPLIANCE_OUTCOMES)[number]['code'];

/** The victim as a task's recipient, beside the institution types. */
export const VICTIM_RECIPIENT = { code: 'VICTIM', lt: 'Asmuo (auka)', en: 'The person (victim)' } as const;

import {
  ASSESSMENT_TYPES,
  CASE_FLAGS,
  CJ_EVENT_TYPES,
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  COOPERATION_STATUSES,
  COUNTRIES,
  DATA_CATEGORIES,
  EXPLOITATION_FORMS,
  GDPR_LEGAL_BASES,
  GENDERS,
  IDENTITY_DOCUMENT_TYPES,
  INFORMATION_METHODS,
  ISIC_SECTIONS,
  LANGUAGES,
  MEANS_OF_CONTROL,
  RECIPIENT_CATEGORIES,
  RECRUITER_RELATIONSHIPS,
  RECRUITMENT_METHODS,
  REFERRAL_DIRECTIONS,
  REFERRAL_KINDS,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  REFLECTION_OUTCOMES,
  RESIDENCE_PERMIT_STATUSES,
  RIGHTS_ITEMS,
  RISK_LEVELS,
  SERVICE_STATUSES,
  SERVICES,
  SEXES,
  SEXUAL_EXPLOITATION_TYPES,
  TRAFFICKING_EVENT_KINDS,
  TRAFFICKING_TYPES,
  VICTIM_STATUSES,
  type CodeEntry,
} from '../../../../../shared/cases/codes';
import type { ItemKind, SectionName } from '../../../../../shared/cases/schemas';

/**
 * The case record's forms as data: which fields each section and item has, of what kind, with
 * which code list. One renderer draws them all, and two pure functions convert between what a
 * form holds (strings, '' for empty) and what the shared zod schemas take (null for empty).
 */
export type Group = SectionName | ItemKind | 'documents' | 'children' | 'events' | 'withhold' | 'rightsEntry';

export type ListGroup = 'documents' | 'children' | 'events' | 'withhold';

interface Base {
  name: string;
  /** Spans the whole row of the form grid. */
  wide?: boolean;
  required?: boolean;
}

export type FieldSpec =
  | (Base & { kind: 'text' | 'textarea' | 'partialDate' | 'date' | 'number' | 'money' | 'bool' | 'lines' })
  | (Base & { kind: 'select' | 'multi'; options: readonly CodeEntry[] })
  /** A select among the case's own consent records (referrals rely on one). */
  | (Base & { kind: 'consent' })
  | (Base & { kind: 'list'; group: ListGroup; fields: readonly FieldSpec[] })
  | (Base & { kind: 'rights' });

const text = (name: string, extra: Partial<Base> = {}): FieldSpec => ({ name, kind: 'text', ...extra });
const area = (name: string): FieldSpec => ({ name, kind: 'textarea', wide: true });
const pdate = (name: string, extra: Partial<Base> = {}): FieldSpec => ({ name, kind: 'partialDate', ...extra });
const date = (name: string, extra: Partial<Base> = {}): FieldSpec => ({ name, kind: 'date', ...extra });
const sel = (name: string, options: readonly CodeEntry[], extra: Partial<Base> = {}): FieldSpec => ({
  name,
  kind: 'select',
  options,
  ...extra,
});
const multi = (name: string, options: readonly CodeEntry[]): FieldSpec => ({ name, kind: 'multi', options });
const bool = (name: string): FieldSpec => ({ name, kind: 'bool' });
const money = (name: string): FieldSpec => ({ name, kind: 'money' });

export const RIGHTS_ENTRY_FIELDS: readonly FieldSpec[] = [
  date('informedOn'),
  sel('language', LANGUAGES),
  sel('method', INFORMATION_METHODS),
  text('informedBy'),
  { name: 'note', kind: 'text', wide: true },
];

export const SECTION_FIELDS: Record<SectionName, readonly FieldSpec[]> = {
  identity: [
    text('givenNames'),
    text('familyNames'),
    { name: 'aliases', kind: 'lines', wide: true },
    pdate('dateOfBirth'),
    { name: 'estimatedAge', kind: 'number' },
    date('estimatedAgeOn'),
    sel('sex', SEXES),
    sel('gender', GENDERS),
    multi('citizenships', COUNTRIES),
    multi('languages', LANGUAGES),
    bool('interpreterNeeded'),
    text('phone'),
    text('email'),
    area('address'),
    area('safeContact'),
    {
      name: 'documents',
      kind: 'list',
      group: 'documents',
      wide: true,
      fields: [
        sel('type', IDENTITY_DOCUMENT_TYPES, { required: true }),
        text('number'),
        sel('issuingCountry', COUNTRIES),
        pdate('expiresOn'),
        bool('withheldByExploiter'),
        text('note'),
      ],
    },
    {
      name: 'children',
      kind: 'list',
      group: 'children',
      wide: true,
      fields: [text('name'), pdate('dateOfBirth'), sel('sex', SEXES), bool('withPerson'), area('note')],
    },
  ],
  status: [
    sel('victimStatus', VICTIM_STATUSES),
    sel('decidedBy', RECIPIENT_CATEGORIES),
    text('decidedByName'),
    pdate('decidedOn'),
    sel('firstIdentifier', REFERRAL_SOURCES),
    text('firstIdentifierDetail'),
    pdate('firstContactOn'),
    date('reflectionStart'),
    date('reflectionEnd'),
    sel('reflectionOutcome', REFLECTION_OUTCOMES),
    sel('residencePermit', RESIDENCE_PERMIT_STATUSES),
    date('residencePermitUntil'),
  ],
  experience: [
    multi('exploitationForms', EXPLOITATION_FORMS),
    multi('sexualExploitationTypes', SEXUAL_EXPLOITATION_TYPES),
    multi('labourSectors', ISIC_SECTIONS),
    multi('meansOfControl', MEANS_OF_CONTROL),
    multi('recruitmentMethods', RECRUITMENT_METHODS),
    sel('recruiterRelationship', RECRUITER_RELATIONSHIPS),
    sel('traffickingType', TRAFFICKING_TYPES),
    pdate('exploitationFrom'),
    pdate('exploitationTo'),
    {
      name: 'events',
      kind: 'list',
      group: 'events',
      wide: true,
      fields: [
        sel('kind', TRAFFICKING_EVENT_KINDS, { required: true }),
        sel('country', COUNTRIES),
        text('place'),
        pdate('from'),
        pdate('to'),
        area('description'),
      ],
    },
    area('summary'),
  ],
  dataProtection: [
    sel('consentGiver', CONSENT_GIVERS),
    text('guardianName'),
    multi('legalBases', GDPR_LEGAL_BASES),
    date('privacyNoticeGivenOn'),
    {
      name: 'withhold',
      kind: 'list',
      group: 'withhold',
      wide: true,
      fields: [
        sel('recipient', RECIPIENT_CATEGORIES, { required: true }),
        area('what'),
        multi('dataCategories', DATA_CATEGORIES),
      ],
    },
    area('note'),
  ],
  assistance: [date('planAgreedOn'), date('planReviewOn'), area('supportPlan'), area('needsSummary')],
  rights: [{ name: 'items', kind: 'rights', wide: true }, area('note')],
  referral: [
    sel('incomingFrom', REFERRAL_SOURCES),
    text('incomingInstitution'),
    date('incomingOn'),
    text('incomingReference'),
    area('incomingReason'),
  ],
  justice: [
    bool('complaintFiled'),
    date('complaintOn'),
    sel('cooperation', COOPERATION_STATUSES),
    text('pretrialNumber'),
    text('investigatingAuthority'),
    text('prosecutorCaseNumber'),
    text('prosecutorOffice'),
    text('court'),
    text('courtCaseNumber'),
    bool('injuredParty'),
    bool('compensationClaimed'),
    money('compensationClaimedEur'),
    money('compensationAwardedEur'),
    money('compensationPaidEur'),
    area('verdict'),
    area('note'),
  ],
  management: [date('openedOn', { required: true }), date('nextReviewOn'), multi('flags', CASE_FLAGS), area('note')],
};

export const ITEM_FIELDS: Record<ItemKind, readonly FieldSpec[]> = {
  services: [
    sel('type', SERVICES, { required: true }),
    sel('status', SERVICE_STATUSES, { required: true }),
    date('date', { required: true }),
    date('endDate'),
    text('provider'),
    area('note'),
  ],
  referrals: [
    sel('direction', REFERRAL_DIRECTIONS, { required: true }),
    sel('kind', REFERRAL_KINDS, { required: true }),
    sel('recipient', RECIPIENT_CATEGORIES, { required: true }),
    text('institution'),
    date('date', { required: true }),
    sel('status', REFERRAL_STATUSES, { required: true }),
    { name: 'consentId', kind: 'consent' },
    text('reference'),
    area('shared'),
    area('note'),
  ],
  consents: [
    sel('giver', CONSENT_GIVERS, { required: true }),
    text('guardianName'),
    sel('recipient', RECIPIENT_CATEGORIES, { required: true }),
    sel('purpose', CONSENT_PURPOSES, { required: true }),
    date('givenOn', { required: true }),
    date('expiresOn'),
    text('formVersion'),
    multi('dataCategories', DATA_CATEGORIES),
    area('scope'),
    date('withdrawnOn'),
    area('withdrawalNote'),
  ],
  assessments: [
    sel('type', ASSESSMENT_TYPES, { required: true }),
    date('date', { required: true }),
    text('by'),
    sel('riskLevel', RISK_LEVELS),
    date('nextReviewOn'),
    area('summary'),
  ],
  notes: [date('date', { required: true }), { name: 'text', kind: 'textarea', wide: true, required: true }],
  cjEvents: [
    sel('type', CJ_EVENT_TYPES, { required: true }),
    pdate('date', { required: true }),
    text('authority'),
    text('reference'),
    area('note'),
  ],
};

// ---------------------------------------------------------------------------------------------
// Form values <-> schema input

export type FormValues = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldToForm(spec: FieldSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'multi':
      return Array.isArray(v) ? v.map(String) : [];
    case 'bool':
      return v === true ? 'yes' : v === false ? 'no' : '';
    case 'lines':
      return Array.isArray(v) ? v.join('\n') : '';
    case 'number':
    case 'money':
      return typeof v === 'number' ? String(v) : '';
    case 'list':
      return Array.isArray(v) ? v.map((entry) => toForm(spec.fields, isRecord(entry) ? entry : {})) : [];
    case 'rights': {
      const items = isRecord(v) ? v : {};
      return Object.fromEntries(
        RIGHTS_ITEMS.map((r) => [
          r.code,
          toForm(RIGHTS_ENTRY_FIELDS, isRecord(items[r.code]) ? (items[r.code] as Record<string, unknown>) : {}),
        ]),
      );
    }
    default:
      return typeof v === 'string' ? v : '';
  }
}

/** Stored data as form values: every field present, '' or [] when empty. */
export function toForm(specs: readonly FieldSpec[], data: Record<string, unknown> | null | undefined): FormValues {
  const d = data ?? {};
  return Object.fromEntries(specs.map((s) => [s.name, fieldToForm(s, d[s.name])]));
}

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';

/** Accepts a decimal comma as well as a point; anything else goes to zod as text, to be refused. */
function toNumber(v: unknown): unknown {
  if (blank(v)) return null;
  const s = String(v).trim().replace(/\s/gu, '');
  return /^-?\d+([.,]\d+)?$/u.test(s) ? Number(s.replace(',', '.')) : s;
}

function fieldToPayload(spec: FieldSpec, v: unknown): unknown {
  switch (spec.kind) {
    case 'multi':
      return Array.isArray(v) && v.length > 0 ? v : null;
    case 'bool':
      return v === 'yes' ? true : v === 'no' ? false : null;
    case 'lines': {
      const lines =
        typeof v === 'string'
          ? v
              .split('\n')
              .map((l) => l.trim())
              .filter((l) => l.length > 0)
          : [];
      return lines.length > 0 ? lines : null;
    }
    case 'number':
    case 'money':
      return toNumber(v);
    case 'list':
      return Array.isArray(v) && v.length > 0
        ? v.map((entry) => toPayload(spec.fields, isRecord(entry) ? entry : {}))
        : null;
    case 'rights': {
      const items = isRecord(v) ? v : {};
      const out: Record<string, unknown> = {};
      for (const r of RIGHTS_ITEMS) {
        const entry = isRecord(items[r.code]) ? toPayload(RIGHTS_ENTRY_FIELDS, items[r.code] as FormValues) : {};
        // An item nobody filled in is simply not recorded; a partly filled one is validated.
        if (Object.values(entry).some((x) => x !== null)) out[r.code] = entry;
      }
      return Object.keys(out).length > 0 ? out : null;
    }
    default:
      return blank(v) ? null : v;
  }
}

/** Form values as schema input: empty and cleared fields are null, never ''. */
export function toPayload(specs: readonly FieldSpec[], values: FormValues): Record<string, unknown> {
  return Object.fromEntries(specs.map((s) => [s.name, fieldToPayload(s, values[s.name])]));
}

/** A blank entry of a list (a new document, child, event, withholding rule). */
export const blankEntry = (fields: readonly FieldSpec[]): FormValues => toForm(fields, {});

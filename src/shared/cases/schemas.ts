import { z } from 'zod';
import {
  AssessmentType,
  AttachmentMime,
  CaseFlag,
  CaseSource,
  CaseStatus,
  CjEventType,
  ClosureReason,
  ConsentGiver,
  ConsentPurpose,
  CooperationStatus,
  DataCategory,
  ExploitationForm,
  GdprLegalBasis,
  Gender,
  IdentityDocumentType,
  InformationMethod,
  IsicSection,
  MeansOfControl,
  RecipientCategory,
  RecruiterRelationship,
  RecruitmentMethod,
  ReferralDirection,
  ReferralKind,
  ReferralSource,
  ReferralStatus,
  REFLECTION_MIN_DAYS,
  ReflectionOutcome,
  ResidencePermitStatus,
  RightsItem,
  RiskLevel,
  ServiceStatus,
  ServiceType,
  Sex,
  SexualExploitationType,
  TraffickingEventKind,
  TraffickingType,
  VictimStatus,
} from './codes';
import { daysBetween, isIsoDate, isPartialDate, partialDatesInOrder } from './dates';

/**
 * Every message a schema here produces is one of these translation keys (the UI looks them up
 * under `validation.*`); no schema speaks English to the user.
 */
export const V = {
  required: 'validation.required',
  invalid: 'validation.invalid',
  unknownField: 'validation.unknownField',
  tooLong: 'validation.tooLong',
  tooMany: 'validation.tooMany',
  duplicate: 'validation.duplicate',
  invalidOption: 'validation.invalidOption',
  controlChars: 'validation.controlChars',
  notInteger: 'validation.notInteger',
  tooSmall: 'validation.tooSmall',
  tooLarge: 'validation.tooLarge',
  dateInvalid: 'validation.dateInvalid',
  dateOrder: 'validation.dateOrder',
  reflectionTooShort: 'validation.reflectionTooShort',
  countryInvalid: 'validation.countryInvalid',
  languageInvalid: 'validation.languageInvalid',
  idInvalid: 'validation.idInvalid',
} as const;
export type ValidationKey = (typeof V)[keyof typeof V];
export const VALIDATION_KEYS: readonly ValidationKey[] = Object.values(V);

/** Largest attachment: checked in the renderer before sending, in the IPC contract and in core. */
export const ATTACHMENT_MAX_BYTES = 25 * 1024 * 1024;

export const LIMITS = {
  name: 200,
  shortText: 500,
  text: 2000,
  longText: 5000,
  note: 20_000,
  reference: 100,
  search: 200,
  fileName: 255,
  pageSize: 200,
} as const;

// ---------------------------------------------------------------------------------------------
// Field builders: each sets a translation key on every issue it can raise.

// Control characters would make names ambiguous on screen and in exports.
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/u;

/** Single-line text up to `max` characters, trimmed and in NFC. May be empty. */
export const line = (max: number = LIMITS.name) =>
  z
    .string({ error: V.invalid })
    .trim()
    .normalize('NFC')
    .max(max, { error: V.tooLong })
    .refine((s) => !SINGLE_LINE_FORBIDDEN.test(s), { error: V.controlChars });

/** Multi-line text (tabs and line breaks allowed). May be empty. */
export const text = (max: number = LIMITS.text) =>
  z
    .string({ error: V.invalid })
    .trim()
    .normalize('NFC')
    .max(max, { error: V.tooLong })
    .refine((s) => !MULTI_LINE_FORBIDDEN.test(s), { error: V.controlChars });

/** Non-empty single-line text. */
export const requiredLine = (max: number = LIMITS.name) => line(max).min(1, { error: V.required });

const opt = <T extends z.ZodType>(s: T) => s.nullish();

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item, { error: V.invalid }).max(max, { error: V.tooMany });

/** A set of codes: no value twice. */
const codeSet = <T extends z.ZodType<string>>(item: T, max: number) =>
  list(item, max).refine((a) => new Set(a).size === a.length, { error: V.duplicate });

const int = (min: number, max: number) =>
  z
    .number({ error: V.invalid })
    .int({ error: V.notInteger })
    .min(min, { error: V.tooSmall })
    .max(max, { error: V.tooLarge });

const money = z.number({ error: V.invalid }).min(0, { error: V.tooSmall }).max(1_000_000_000, { error: V.tooLarge });

const bool = z.boolean({ error: V.invalid });

/** Strict object: an unknown key is an error, never silently dropped. */
const obj = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, { error: (iss) => (iss.code === 'unrecognized_keys' ? V.unknownField : V.invalid) });

// ---------------------------------------------------------------------------------------------
// Scalars

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally `~`-prefixed for an estimate; a real date. */
export const PartialDate = z
  .string({ error: V.invalid })
  .max(11, { error: V.dateInvalid, abort: true })
  .refine(isPartialDate, { error: V.dateInvalid });
export type PartialDate = z.infer<typeof PartialDate>;

/** A full calendar date, `YYYY-MM-DD`. */
export const IsoDate = z
  .string({ error: V.invalid })
  .max(10, { error: V.dateInvalid, abort: true })
  .refine(isIsoDate, { error: V.dateInvalid });
export type IsoDate = z.infer<typeof IsoDate>;

/** ISO 3166-1 alpha-2; XX = stateless, ZZ = unknown. */
export const CountryCode = z.string({ error: V.invalid }).regex(/^[A-Z]{2}$/, { error: V.countryInvalid });
export type CountryCode = z.infer<typeof CountryCode>;

/** ISO 639-1. */
export const LanguageCode = z.string({ error: V.invalid }).regex(/^[a-z]{2}$/, { error: V.languageInvalid });
export type LanguageCode = z.infer<typeof LanguageCode>;

export const EstimatedAge = int(0, 120);

export const CaseId = z.uuid({ error: V.idInvalid }).brand<'CaseId'>();
export type CaseId = z.infer<typeof CaseId>;
export const ItemId = z.uuid({ error: V.idInvalid }).brand<'CaseItemId'>();
export type ItemId = z.infer<typeof ItemId>;
export const AttachmentId = z.uuid({ error: V.idInvalid }).brand<'AttachmentId'>();
export type AttachmentId = z.infer<typeof AttachmentId>;
export const UserId = z.uuid({ error: V.idInvalid }).brand<'UserId'>();
export type UserId = z.infer<typeof UserId>;

/** The case's optimistic-concurrency token: every change increments it. */
export const CaseVersion = int(1, Number.MAX_SAFE_INTEGER);
export type CaseVersion = z.infer<typeof CaseVersion>;

type Ctx = z.core.$RefinementCtx;

function order(ctx: Ctx, earlier: string | null | undefined, later: string | null | undefined, path: string[]): void {
  if (earlier && later && !partialDatesInOrder(earlier, later))
    ctx.addIssue({ code: 'custom', message: V.dateOrder, path });
}

// ---------------------------------------------------------------------------------------------
// 1. Identity (sealed: shown only after an explicit, logged reveal)

export const IdentityDocument = obj({
  type: IdentityDocumentType,
  number: opt(line(LIMITS.reference)),
  issuingCountry: opt(CountryCode),
  expiresOn: opt(PartialDate),
  withheldByExploiter: opt(bool),
  note: opt(line(LIMITS.shortText)),
});
export type IdentityDocument = z.infer<typeof IdentityDocument>;

export const Child = obj({
  name: opt(line()),
  dateOfBirth: opt(PartialDate),
  sex: opt(Sex),
  withPerson: opt(bool),
  note: opt(text()),
});
export type Child = z.infer<typeof Child>;

export const Identity = obj({
  givenNames: opt(line()),
  familyNames: opt(line()),
  aliases: opt(list(requiredLine(), 20)),
  dateOfBirth: opt(PartialDate),
  estimatedAge: opt(EstimatedAge),
  /** When the age was estimated, so it can be carried forward; defaults to the opening date. */
  estimatedAgeOn: opt(IsoDate),
  sex: opt(Sex),
  gender: opt(Gender),
  citizenships: opt(codeSet(CountryCode, 5)),
  languages: opt(codeSet(LanguageCode, 10)),
  interpreterNeeded: opt(bool),
  documents: opt(list(IdentityDocument, 10)),
  phone: opt(line(50)),
  email: opt(line()),
  address: opt(text(1000)),
  safeContact: opt(text()),
  children: opt(list(Child, 20)),
});
export type Identity = z.infer<typeof Identity>;

// ---------------------------------------------------------------------------------------------
// 2. Status and identification

export const StatusSection = obj({
  victimStatus: opt(VictimStatus),
  decidedBy: opt(RecipientCategory),
  decidedByName: opt(line()),
  decidedOn: opt(PartialDate),
  firstIdentifier: opt(ReferralSource),
  firstIdentifierDetail: opt(line()),
  firstContactOn: opt(PartialDate),
  reflectionStart: opt(IsoDate),
  reflectionEnd: opt(IsoDate),
  reflectionOutcome: opt(ReflectionOutcome),
  residencePermit: opt(ResidencePermitStatus),
  residencePermitUntil: opt(IsoDate),
}).superRefine((v, ctx) => {
  if (v.reflectionStart && v.reflectionEnd) {
    const days = daysBetween(v.reflectionStart, v.reflectionEnd);
    if (days < 0) ctx.addIssue({ code: 'custom', message: V.dateOrder, path: ['reflectionEnd'] });
    else if (days < REFLECTION_MIN_DAYS)
      ctx.addIssue({ code: 'custom', message: V.reflectionTooShort, path: ['reflectionEnd'] });
  }
});
export type StatusSection = z.infer<typeof StatusSection>;

// ---------------------------------------------------------------------------------------------
// 3. Trafficking experience

export const TraffickingEvent = obj({
  kind: TraffickingEventKind,
  country: opt(CountryCode),
  place: opt(line()),
  from: opt(PartialDate),
  to: opt(PartialDate),
  description: opt(text(LIMITS.longText)),
}).superRefine((v, ctx) => order(ctx, v.from, v.to, ['to']));
export type TraffickingEvent = z.infer<typeof TraffickingEvent>;

export const ExperienceSection = obj({
  exploitationForms: opt(codeSet(ExploitationForm, 20)),
  sexualExploitationTypes: opt(codeSet(SexualExploitationType, 10)),
  labourSectors: opt(codeSet(IsicSection, 21)),
  meansOfControl: opt(codeSet(MeansOfControl, 30)),
  recruitmentMethods: opt(codeSet(RecruitmentMethod, 20)),
  recruiterRelationship: opt(RecruiterRelationship),
  traffickingType: opt(TraffickingType),
  exploitationFrom: opt(PartialDate),
  exploitationTo: opt(PartialDate),
  events: opt(list(TraffickingEvent, 50)),
  summary: opt(text(LIMITS.note)),
}).superRefine((v, ctx) => order(ctx, v.exploitationFrom, v.exploitationTo, ['exploitationTo']));
export type ExperienceSection = z.infer<typeof ExperienceSection>;

// ---------------------------------------------------------------------------------------------
// 4. Consent and data protection

/** A set of data categories (a consent's or a withholding rule's structured scope). */
export const DataCategories = codeSet(DataCategory, 20);

export const WithholdRule = obj({
  recipient: RecipientCategory,
  what: text().min(1, { error: V.required }),
  /** What `what` means in the record's terms, so a summary can leave it out mechanically. */
  dataCategories: opt(DataCategories),
});
export type WithholdRule = z.infer<typeof WithholdRule>;

export const DataProtectionSection = obj({
  consentGiver: opt(ConsentGiver),
  guardianName: opt(line()),
  legalBases: opt(codeSet(GdprLegalBasis, 16)),
  privacyNoticeGivenOn: opt(IsoDate),
  withhold: opt(list(WithholdRule, 30)),
  note: opt(text(LIMITS.longText)),
});
export type DataProtectionSection = z.infer<typeof DataProtectionSection>;

const consentShape = {
  giver: ConsentGiver,
  guardianName: opt(line()),
  recipient: RecipientCategory,
  purpose: ConsentPurpose,
  scope: opt(text()),
  /**
   * The categories of the record this consent lets go to the recipient. Absent or empty covers
   * nothing: a summary is never composed from the free-text scope alone.
   */
  dataCategories: opt(DataCategories),
  /** The version of the consent form or text the person agreed to. */
  formVersion: opt(line(50)),
  givenOn: IsoDate,
  expiresOn: opt(IsoDate),
  withdrawnOn: opt(IsoDate),
  withdrawalNote: opt(text()),
};
export const Consent = obj(consentShape).superRefine((v, ctx) => {
  order(ctx, v.givenOn, v.expiresOn, ['expiresOn']);
  order(ctx, v.givenOn, v.withdrawnOn, ['withdrawnOn']);
});
export type Consent = z.infer<typeof Consent>;

// ---------------------------------------------------------------------------------------------
// 5. Assistance

export const AssistanceSection = obj({
  supportPlan: opt(text(LIMITS.note)),
  planAgreedOn: opt(IsoDate),
  planReviewOn: opt(IsoDate),
  needsSummary: opt(text(LIMITS.longText)),
}).superRefine((v, ctx) => order(ctx, v.planAgreedOn, v.planReviewOn, ['planReviewOn']));
export type AssistanceSection = z.infer<typeof AssistanceSection>;

const assessmentShape = {
  type: AssessmentType,
  date: IsoDate,
  by: opt(line()),
  riskLevel: opt(RiskLevel),
  summary: opt(text(LIMITS.note)),
  nextReviewOn: opt(IsoDate),
};
export const Assessment = obj(assessmentShape).superRefine((v, ctx) =>
  order(ctx, v.date, v.nextReviewOn, ['nextReviewOn']),
);
export type Assessment = z.infer<typeof Assessment>;

const serviceShape = {
  type: ServiceType,
  status: ServiceStatus,
  date: IsoDate,
  endDate: opt(IsoDate),
  provider: opt(line()),
  note: opt(text(LIMITS.longText)),
};
export const Service = obj(serviceShape).superRefine((v, ctx) => order(ctx, v.date, v.endDate, ['endDate']));
export type Service = z.infer<typeof Service>;

// ---------------------------------------------------------------------------------------------
// 6. Rights information: the art. 4 checklist, one entry per item the person was told

export const RightsEntry = obj({
  informedOn: IsoDate,
  language: opt(LanguageCode),
  informedBy: opt(line()),
  method: opt(InformationMethod),
  note: opt(line(LIMITS.shortText)),
});
export type RightsEntry = z.infer<typeof RightsEntry>;

export const RightsSection = obj({
  items: opt(z.partialRecord(RightsItem, RightsEntry, { error: V.invalid })),
  note: opt(text()),
});
export type RightsSection = z.infer<typeof RightsSection>;

// ---------------------------------------------------------------------------------------------
// 7. Referrals and information duties

export const ReferralSection = obj({
  incomingFrom: opt(ReferralSource),
  incomingInstitution: opt(line()),
  incomingOn: opt(IsoDate),
  incomingReference: opt(line(LIMITS.reference)),
  incomingReason: opt(text(LIMITS.longText)),
});
export type ReferralSection = z.infer<typeof ReferralSection>;

const referralShape = {
  direction: ReferralDirection,
  kind: ReferralKind,
  recipient: RecipientCategory,
  institution: opt(line()),
  date: IsoDate,
  status: ReferralStatus,
  /** What was shared: a description, never a copy of the case. */
  shared: opt(text(LIMITS.longText)),
  /** The consent record that authorised it (an item of the same case). */
  consentId: opt(ItemId),
  reference: opt(line(LIMITS.reference)),
  note: opt(text(LIMITS.longText)),
};
export const Referral = obj(referralShape);
export type Referral = z.infer<typeof Referral>;

// ---------------------------------------------------------------------------------------------
// 8. Criminal-justice track (cooperation is never a condition of assistance)

export const JusticeSection = obj({
  complaintFiled: opt(bool),
  complaintOn: opt(IsoDate),
  cooperation: opt(CooperationStatus),
  pretrialNumber: opt(line(LIMITS.reference)),
  investigatingAuthority: opt(line()),
  prosecutorCaseNumber: opt(line(LIMITS.reference)),
  prosecutorOffice: opt(line()),
  court: opt(line()),
  courtCaseNumber: opt(line(LIMITS.reference)),
  injuredParty: opt(bool),
  verdict: opt(text(LIMITS.longText)),
  compensationClaimed: opt(bool),
  compensationClaimedEur: opt(money),
  compensationAwardedEur: opt(money),
  compensationPaidEur: opt(money),
  note: opt(text(LIMITS.longText)),
});
export type JusticeSection = z.infer<typeof JusticeSection>;

const cjEventShape = {
  type: CjEventType,
  date: PartialDate,
  authority: opt(line()),
  reference: opt(line(LIMITS.reference)),
  note: opt(text(LIMITS.note)),
};
export const CjEvent = obj(cjEventShape);
export type CjEvent = z.infer<typeof CjEvent>;

// ---------------------------------------------------------------------------------------------
// 9. Notes and attachments

const noteShape = {
  date: IsoDate,
  text: text(LIMITS.note).min(1, { error: V.required }),
};
export const Note = obj(noteShape);
export type Note = z.infer<typeof Note>;

export const AttachmentInput = obj({
  fileName: requiredLine(LIMITS.fileName),
  description: opt(text()),
});
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const AttachmentMeta = obj({
  id: AttachmentId,
  fileName: z.string(),
  mime: AttachmentMime,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  description: z.string().nullable(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

// ---------------------------------------------------------------------------------------------
// 10. Case management

export const ManagementSection = obj({
  openedOn: IsoDate,
  flags: opt(codeSet(CaseFlag, 20)),
  nextReviewOn: opt(IsoDate),
  note: opt(text(LIMITS.longText)),
}).superRefine((v, ctx) => order(ctx, v.openedOn, v.nextReviewOn, ['nextReviewOn']));
export type ManagementSection = z.infer<typeof ManagementSection>;

// ---------------------------------------------------------------------------------------------
// Sections (one form each) and repeated items

export const SECTION_NAMES = [
  'identity',
  'status',
  'experience',
  'dataProtection',
  'assistance',
  'rights',
  'referral',
  'justice',
  'management',
] as const;
export const SectionName = z.enum(SECTION_NAMES, { error: V.invalidOption });
export type SectionName = z.infer<typeof SectionName>;

export const SectionSchemas = {
  identity: Identity,
  status: StatusSection,
  experience: ExperienceSection,
  dataProtection: DataProtectionSection,
  assistance: AssistanceSection,
  rights: RightsSection,
  referral: ReferralSection,
  justice: JusticeSection,
  management: ManagementSection,
} as const satisfies Record<SectionName, z.ZodType>;
export type SectionData<S extends SectionName> = z.infer<(typeof SectionSchemas)[S]>;

/** One section form's save: the whole section, and the version the form was loaded at. */
export const SectionUpdate = z.discriminatedUnion(
  'section',
  [
    obj({ section: z.literal('identity'), data: Identity, expectedVersion: CaseVersion }),
    obj({ section: z.literal('status'), data: StatusSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('experience'), data: ExperienceSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('dataProtection'), data: DataProtectionSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('assistance'), data: AssistanceSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('rights'), data: RightsSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('referral'), data: ReferralSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('justice'), data: JusticeSection, expectedVersion: CaseVersion }),
    obj({ section: z.literal('management'), data: ManagementSection, expectedVersion: CaseVersion }),
  ],
  { error: V.invalidOption },
);
export type SectionUpdate = z.infer<typeof SectionUpdate>;

export const ITEM_KINDS = ['services', 'referrals', 'consents', 'assessments', 'notes', 'cjEvents'] as const;
export const ItemKind = z.enum(ITEM_KINDS, { error: V.invalidOption });
export type ItemKind = z.infer<typeof ItemKind>;

export const ItemSchemas = {
  services: Service,
  referrals: Referral,
  consents: Consent,
  assessments: Assessment,
  notes: Note,
  cjEvents: CjEvent,
} as const satisfies Record<ItemKind, z.ZodType>;
export type ItemData<K extends ItemKind> = z.infer<(typeof ItemSchemas)[K]>;

/** An item's data with its kind, e.g. for one IPC channel that adds any kind of item. */
export const ItemInput = z.discriminatedUnion(
  'kind',
  [
    obj({ kind: z.literal('services'), data: Service }),
    obj({ kind: z.literal('referrals'), data: Referral }),
    obj({ kind: z.literal('consents'), data: Consent }),
    obj({ kind: z.literal('assessments'), data: Assessment }),
    obj({ kind: z.literal('notes'), data: Note }),
    obj({ kind: z.literal('cjEvents'), data: CjEvent }),
  ],
  { error: V.invalidOption },
);
export type ItemInput = z.infer<typeof ItemInput>;

/** Who and when, as stored with each item; names, not ids, so they survive user removal. */
const itemMeta = {
  id: ItemId,
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
};
export const ServiceItem = obj({ ...serviceShape, ...itemMeta });
export type ServiceItem = z.infer<typeof ServiceItem>;
export const ReferralItem = obj({ ...referralShape, ...itemMeta });
export type ReferralItem = z.infer<typeof ReferralItem>;
export const ConsentItem = obj({ ...consentShape, ...itemMeta });
export type ConsentItem = z.infer<typeof ConsentItem>;
export const AssessmentItem = obj({ ...assessmentShape, ...itemMeta });
export type AssessmentItem = z.infer<typeof AssessmentItem>;
export const NoteItem = obj({ ...noteShape, ...itemMeta });
export type NoteItem = z.infer<typeof NoteItem>;
export const CjEventItem = obj({ ...cjEventShape, ...itemMeta });
export type CjEventItem = z.infer<typeof CjEventItem>;

export const CaseItems = obj({
  services: z.array(ServiceItem),
  referrals: z.array(ReferralItem),
  consents: z.array(ConsentItem),
  assessments: z.array(AssessmentItem),
  notes: z.array(NoteItem),
  cjEvents: z.array(CjEventItem),
});
export type CaseItems = z.infer<typeof CaseItems>;

// ---------------------------------------------------------------------------------------------
// Commands

export const NewCase = obj({
  openedOn: IsoDate,
  identity: opt(Identity),
  status: opt(StatusSection),
  /** A supervisor may open a case for a caseworker; otherwise the creator owns it. */
  ownerId: opt(UserId),
});
export type NewCase = z.infer<typeof NewCase>;

/** The statuses a case moves between while it is worked; CLOSED goes through closeCase. */
export const ActiveStatus = z.enum(['OPEN', 'FOLLOW_UP'], { error: V.invalidOption });
export type ActiveStatus = z.infer<typeof ActiveStatus>;

export const ClosureInput = obj({
  reason: ClosureReason,
  closedOn: IsoDate,
  note: opt(text()),
});
export type ClosureInput = z.infer<typeof ClosureInput>;

export const DuplicateProbe = obj({
  givenNames: opt(line()),
  familyNames: opt(line()),
  dateOfBirth: opt(PartialDate),
  estimatedAge: opt(EstimatedAge),
  estimatedAgeOn: opt(IsoDate),
  /** The case being edited, so it does not match itself. */
  excludeCaseId: opt(CaseId),
});
export type DuplicateProbe = z.infer<typeof DuplicateProbe>;

// ---------------------------------------------------------------------------------------------
// Case list

export const CASE_SORT_FIELDS = ['updatedAt', 'openedAt', 'closedAt', 'code'] as const;
export const CaseSortField = z.enum(CASE_SORT_FIELDS, { error: V.invalidOption });
export type CaseSortField = z.infer<typeof CaseSortField>;

export const SortDirection = z.enum(['asc', 'desc'], { error: V.invalidOption });
export type SortDirection = z.infer<typeof SortDirection>;

export const CaseListFilter = obj({
  status: opt(codeSet(CaseStatus, 3)),
  victimStatus: opt(codeSet(VictimStatus, 4)),
  /** Cases with ANY of these forms. */
  exploitationForm: opt(codeSet(ExploitationForm, 20)),
  assignedTo: opt(UserId),
  /** open = OPEN or FOLLOW_UP. */
  state: opt(z.enum(['open', 'closed'], { error: V.invalidOption })),
  openedFrom: opt(IsoDate),
  openedTo: opt(IsoDate),
  closedFrom: opt(IsoDate),
  closedTo: opt(IsoDate),
  /** The cases one import batch made (import.batches lists the batches). */
  importBatch: opt(z.uuid({ error: V.idInvalid })),
}).superRefine((v, ctx) => {
  order(ctx, v.openedFrom, v.openedTo, ['openedTo']);
  order(ctx, v.closedFrom, v.closedTo, ['closedTo']);
});
export type CaseListFilter = z.infer<typeof CaseListFilter>;

export const CaseListQuery = obj({
  filter: opt(CaseListFilter),
  search: opt(line(LIMITS.search)),
  sort: opt(obj({ field: CaseSortField, direction: SortDirection })),
  page: opt(obj({ offset: int(0, 1_000_000), limit: int(1, LIMITS.pageSize) })),
  /** Skip counting when only the next page is wanted. */
  withTotal: opt(bool),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseListRow = obj({
  id: CaseId,
  code: z.string(),
  version: z.number().int(),
  status: CaseStatus,
  victimStatus: VictimStatus.nullable(),
  sex: Sex.nullable(),
  birthYear: z.number().int().nullable(),
  exploitationForms: z.array(ExploitationForm),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  updatedAt: z.string(),
  owner: obj({ id: UserId, name: z.string() }).nullable(),
  source: CaseSource,
});
export type CaseListRow = z.infer<typeof CaseListRow>;

export const CaseListResult = obj({
  rows: z.array(CaseListRow),
  /**
   * Cases matching the query; null when not asked for, or when a search matches so many
   * cases that counting them would be slow (then page on with `hasMore`).
   */
  total: z.number().int().nullable(),
  hasMore: z.boolean(),
  /** False when the search text had no term of at least three characters. */
  searchApplied: z.boolean(),
});
export type CaseListResult = z.infer<typeof CaseListResult>;

// ---------------------------------------------------------------------------------------------
// Case view, history, assignments

export const Person = obj({ id: UserId, name: z.string() });
export type Person = z.infer<typeof Person>;

export const ClosureRequest = obj({
  reason: ClosureReason,
  closedOn: z.string(),
  note: z.string().nullish(),
  requestedBy: z.string(),
  requestedAt: z.string(),
});
export type ClosureRequest = z.infer<typeof ClosureRequest>;

export const CaseView = obj({
  id: CaseId,
  code: z.string(),
  version: z.number().int(),
  status: CaseStatus,
  source: CaseSource,
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closureReason: ClosureReason.nullable(),
  closureNote: z.string().nullable(),
  closureRequest: ClosureRequest.nullable(),
  owner: Person.nullable(),
  assignees: z.array(obj({ id: UserId, name: z.string(), since: z.string() })),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** False: `sections.identity` is null and the case shows only its code. */
  identityRevealed: z.boolean(),
  sections: obj({
    identity: Identity.nullable(),
    status: StatusSection,
    experience: ExperienceSection,
    dataProtection: DataProtectionSection,
    assistance: AssistanceSection,
    rights: RightsSection,
    referral: ReferralSection,
    justice: JusticeSection,
    management: ManagementSection,
  }),
  items: CaseItems,
  attachments: z.array(AttachmentMeta),
});
export type CaseView = z.infer<typeof CaseView>;

/**
 * A caseworker learns only that similar cases exist and how many; a supervisor also gets
 * their codes. Never names.
 */
export const DuplicateWarning = obj({
  possibleDuplicate: z.boolean(),
  count: z.number().int().min(0),
  codes: z.array(z.string()).nullable(),
});
export type DuplicateWarning = z.infer<typeof DuplicateWarning>;

export const CreatedCase = obj({
  id: CaseId,
  code: z.string(),
  version: z.number().int(),
  duplicate: DuplicateWarning,
});
export type CreatedCase = z.infer<typeof CreatedCase>;

export const HistoryQuery = obj({
  page: opt(obj({ offset: int(0, 10_000_000), limit: int(1, LIMITS.pageSize) })),
  /** Identity fields' old and new values are shown only with an explicit, logged reveal. */
  revealIdentity: opt(bool),
});
export type HistoryQuery = z.infer<typeof HistoryQuery>;

export const HistoryEntry = obj({
  /** The change (one save of a section or item); `part` numbers its fields from 0. */
  id: z.number().int(),
  part: z.number().int().min(0),
  at: z.string(),
  actor: z.string(),
  section: z.string(),
  /** The item (service, note, attachment, ...) the field belongs to, for item sections. */
  itemId: z.string().nullable(),
  field: z.string(),
  /** JSON values; null when the field was empty; `redacted` hides identity values. */
  old: z.unknown(),
  new: z.unknown(),
  redacted: z.boolean(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryPage = obj({ entries: z.array(HistoryEntry), total: z.number().int() });
export type HistoryPage = z.infer<typeof HistoryPage>;

export const AssignmentRecord = obj({
  user: Person,
  assignedAt: z.string(),
  assignedBy: z.string(),
  unassignedAt: z.string().nullable(),
  unassignedBy: z.string().nullable(),
});
export type AssignmentRecord = z.infer<typeof AssignmentRecord>;

export const Worker = obj({ id: UserId, name: z.string(), roles: z.array(z.string()) });
export type Worker = z.infer<typeof Worker>;

export const ViewLogEntry = obj({ at: z.string(), actor: z.string(), action: z.string() });
export type ViewLogEntry = z.infer<typeof ViewLogEntry>;

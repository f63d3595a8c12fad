import { z } from 'zod';
import {
  ConsentPurpose,
  type DataCategory,
  RecipientCategory,
  type ConsentPurpose as Purpose,
  type RecipientCategory as Recipient,
} from '../../shared/cases/codes';
import {
  IsoDate,
  ItemId,
  type CaseView,
  type ConsentItem,
  type ItemData,
  type ItemKind,
  type SectionData,
  type SectionName,
} from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { parseInput } from '../cases/errors';
import { AppError } from '../errors';

/**
 * Fields that never leave the organisation whatever a consent says: the withholding rules'
 * own text describes the very information the person wants kept back, and from whom.
 */
export const NEVER_DISCLOSED = 'NEVER' as const;
export type FieldCategory = DataCategory | typeof NEVER_DISCLOSED;

type SectionMap = { [S in SectionName]: Record<keyof SectionData<S>, FieldCategory> };
type ItemMap = { [K in ItemKind]: Record<keyof ItemData<K>, FieldCategory> };

/**
 * Every field of every section and item of the case record, and the one category it belongs
 * to. The types make a missing or extra key a compile error; consent.test.ts also checks the
 * zod shapes, so a field added to a schema cannot travel unclassified. Lists (documents,
 * children, trafficking events, rights entries) go as a whole with their field.
 */
export const FIELD_CATEGORIES = {
  identity: {
    givenNames: 'IDENTITY_BASIC',
    familyNames: 'IDENTITY_BASIC',
    aliases: 'IDENTITY_BASIC',
    dateOfBirth: 'IDENTITY_BASIC',
    estimatedAge: 'IDENTITY_BASIC',
    estimatedAgeOn: 'IDENTITY_BASIC',
    sex: 'IDENTITY_BASIC',
    gender: 'IDENTITY_BASIC',
    citizenships: 'IDENTITY_BASIC',
    languages: 'IDENTITY_BASIC',
    interpreterNeeded: 'IDENTITY_BASIC',
    documents: 'DOCUMENTS',
    phone: 'IDENTITY_CONTACT',
    email: 'IDENTITY_CONTACT',
    address: 'IDENTITY_CONTACT',
    safeContact: 'IDENTITY_CONTACT',
    children: 'FAMILY',
  },
  status: {
    victimStatus: 'STATUS',
    decidedBy: 'STATUS',
    decidedByName: 'STATUS',
    decidedOn: 'STATUS',
    firstIdentifier: 'STATUS',
    firstIdentifierDetail: 'STATUS',
    firstContactOn: 'STATUS',
    reflectionStart: 'STATUS',
    reflectionEnd: 'STATUS',
    reflectionOutcome: 'STATUS',
    residencePermit: 'STATUS',
    residencePermitUntil: 'STATUS',
  },
  experience: {
    exploitationForms: 'EXPLOITATION',
    sexualExploitationTypes: 'EXPLOITATION',
    labourSectors: 'EXPLOITATION',
    meansOfControl: 'EXPLOITATION',
    recruitmentMethods: 'EXPLOITATION',
    recruiterRelationship: 'EXPLOITATION',
    traffickingType: 'EXPLOITATION',
    exploitationFrom: 'EXPLOITATION',
    exploitationTo: 'EXPLOITATION',
    events: 'EXPLOITATION',
    summary: 'EXPLOITATION',
  },
  dataProtection: {
    consentGiver: 'DATA_PROTECTION',
    // A guardian is another person: their name goes only where the consent covers other people.
    guardianName: 'FAMILY',
    legalBases: 'DATA_PROTECTION',
    privacyNoticeGivenOn: 'DATA_PROTECTION',
    withhold: NEVER_DISCLOSED,
    note: 'DATA_PROTECTION',
  },
  assistance: {
    supportPlan: 'ASSISTANCE',
    planAgreedOn: 'ASSISTANCE',
    planReviewOn: 'ASSISTANCE',
    // The findings of the needs assessment, which may describe health: with the assessments.
    needsSummary: 'HEALTH',
  },
  rights: { items: 'RIGHTS', note: 'RIGHTS' },
  referral: {
    incomingFrom: 'REFERRALS',
    incomingInstitution: 'REFERRALS',
    incomingOn: 'REFERRALS',
    incomingReference: 'REFERRALS',
    incomingReason: 'REFERRALS',
  },
  justice: {
    complaintFiled: 'CRIMINAL_JUSTICE',
    complaintOn: 'CRIMINAL_JUSTICE',
    cooperation: 'CRIMINAL_JUSTICE',
    pretrialNumber: 'CRIMINAL_JUSTICE',
    investigatingAuthority: 'CRIMINAL_JUSTICE',
    prosecutorCaseNumber: 'CRIMINAL_JUSTICE',
    prosecutorOffice: 'CRIMINAL_JUSTICE',
    court: 'CRIMINAL_JUSTICE',
    courtCaseNumber: 'CRIMINAL_JUSTICE',
    injuredParty: 'CRIMINAL_JUSTICE',
    verdict: 'CRIMINAL_JUSTICE',
    compensationClaimed: 'CRIMINAL_JUSTICE',
    compensationClaimedEur: 'CRIMINAL_JUSTICE',
    compensationAwardedEur: 'CRIMINAL_JUSTICE',
    compensationPaidEur: 'CRIMINAL_JUSTICE',
    note: 'CRIMINAL_JUSTICE',
  },
  management: {
    openedOn: 'CASE_MANAGEMENT',
    flags: 'CASE_MANAGEMENT',
    nextReviewOn: 'CASE_MANAGEMENT',
    note: 'CASE_MANAGEMENT',
  },
  services: {
    type: 'ASSISTANCE',
    status: 'ASSISTANCE',
    date: 'ASSISTANCE',
    endDate: 'ASSISTANCE',
    provider: 'ASSISTANCE',
    note: 'ASSISTANCE',
  },
  referrals: {
    direction: 'REFERRALS',
    kind: 'REFERRALS',
    recipient: 'REFERRALS',
    institution: 'REFERRALS',
    date: 'REFERRALS',
    status: 'REFERRALS',
    shared: 'REFERRALS',
    consentId: 'REFERRALS',
    reference: 'REFERRALS',
    note: 'REFERRALS',
  },
  consents: {
    giver: 'DATA_PROTECTION',
    guardianName: 'FAMILY',
    recipient: 'DATA_PROTECTION',
    purpose: 'DATA_PROTECTION',
    scope: 'DATA_PROTECTION',
    dataCategories: 'DATA_PROTECTION',
    formVersion: 'DATA_PROTECTION',
    givenOn: 'DATA_PROTECTION',
    expiresOn: 'DATA_PROTECTION',
    withdrawnOn: 'DATA_PROTECTION',
    withdrawalNote: 'DATA_PROTECTION',
  },
  assessments: {
    type: 'HEALTH',
    date: 'HEALTH',
    by: 'HEALTH',
    riskLevel: 'HEALTH',
    summary: 'HEALTH',
    nextReviewOn: 'HEALTH',
  },
  notes: { date: 'NOTES', text: 'NOTES' },
  cjEvents: {
    type: 'CRIMINAL_JUSTICE',
    date: 'CRIMINAL_JUSTICE',
    authority: 'CRIMINAL_JUSTICE',
    reference: 'CRIMINAL_JUSTICE',
    note: 'CRIMINAL_JUSTICE',
  },
} as const satisfies SectionMap & ItemMap;

/** `section.field` or `itemKind.field`, e.g. `identity.phone`, `services.provider`. */
export type FieldKey = string;

export function categoryOf(group: SectionName | ItemKind, field: string): FieldCategory | undefined {
  return (FIELD_CATEGORIES[group] as Record<string, FieldCategory | undefined>)[field];
}

/** Every field key of the record with its category, in the order of the map. */
export function allFieldKeys(): { field: FieldKey; category: FieldCategory }[] {
  return Object.entries(FIELD_CATEGORIES).flatMap(([group, fields]) =>
    Object.entries(fields as Record<string, FieldCategory>).map(([f, category]) => ({
      field: `${group}.${f}`,
      category,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Consents in force

/** The question a consent has to answer: may this go to that kind of institution for that purpose? */
export const ConsentQuery = z.strictObject({
  recipient: RecipientCategory,
  purpose: ConsentPurpose,
  today: IsoDate,
  consentId: ItemId.nullish(),
});
export type ConsentQuery = z.infer<typeof ConsentQuery>;

type Consents = Pick<CaseView, 'items'>;

/**
 * Any recorded withdrawal ends the consent, even one dated ahead: a withdrawal is something
 * the person has already said, and sharing on the strength of a date typed later would be
 * the unsafe reading.
 */
const isWithdrawn = (c: ConsentItem): boolean => Boolean(c.withdrawnOn);
// "Valid until" includes its own day.
const isExpired = (c: ConsentItem, today: string): boolean => Boolean(c.expiresOn && c.expiresOn < today);
const notYetGiven = (c: ConsentItem, today: string): boolean => c.givenOn > today;

export function inForce(c: ConsentItem, today: string): boolean {
  return !isWithdrawn(c) && !isExpired(c, today) && !notYetGiven(c, today);
}

/** The consents in force today that cover this recipient category and purpose, newest first. */
export function consentsFor(
  caseView: Consents,
  recipientCategory: Recipient,
  purpose: Purpose,
  today: string,
): ConsentItem[] {
  const q = parseInput(ConsentQuery, { recipient: recipientCategory, purpose, today });
  return newestFirst(
    caseView.items.consents.filter(
      (c) => c.recipient === q.recipient && c.purpose === q.purpose && inForce(c, q.today),
    ),
  );
}

const newestFirst = (cs: ConsentItem[]): ConsentItem[] =>
  [...cs].sort((a, b) => b.givenOn.localeCompare(a.givenOn) || b.createdAt.localeCompare(a.createdAt));

const refuse = (code: ErrorCode, message: string): AppError => new AppError(code, message);

function whyNot(c: ConsentItem, q: ConsentQuery): AppError | undefined {
  if (c.recipient !== q.recipient) return refuse(ErrorCode.ConsentWrongRecipient, 'consent is for another recipient');
  if (c.purpose !== q.purpose) return refuse(ErrorCode.ConsentWrongPurpose, 'consent is for another purpose');
  if (isWithdrawn(c)) return refuse(ErrorCode.ConsentWithdrawn, 'consent withdrawn');
  if (isExpired(c, q.today)) return refuse(ErrorCode.ConsentExpired, 'consent expired');
  if (notYetGiven(c, q.today)) return refuse(ErrorCode.ConsentNotYetValid, 'consent dated in the future');
  if (!c.dataCategories?.length) return refuse(ErrorCode.ConsentNoCategories, 'consent names no data categories');
  return undefined;
}

/**
 * The consent that authorises sharing with this recipient for this purpose today, or an
 * AppError that says why there is none. With `consentId` that record must do it; without,
 * the newest consent in force is taken, since the person's latest word is the one that
 * counts, even where it allows less than an older one. When nothing matches, the reason given
 * is the closest miss: withdrawn or expired before "another purpose" before "another
 * recipient" before "none at all".
 */
export function assertConsent(caseView: Consents, query: ConsentQuery): ConsentItem {
  const q = parseInput(ConsentQuery, query);
  const all = caseView.items.consents;
  if (q.consentId) {
    const c = all.find((x) => x.id === q.consentId);
    if (!c) throw refuse(ErrorCode.ConsentMissing, 'no such consent in this case');
    const e = whyNot(c, q);
    if (e) throw e;
    return c;
  }
  const usable = consentsFor(caseView, q.recipient, q.purpose, q.today);
  const withCategories = usable.find((c) => (c.dataCategories?.length ?? 0) > 0);
  if (withCategories) return withCategories;
  if (usable[0]) throw whyNot(usable[0], q) ?? refuse(ErrorCode.ConsentMissing, 'no consent');
  const matching = newestFirst(all.filter((c) => c.recipient === q.recipient && c.purpose === q.purpose));
  if (matching[0]) throw whyNot(matching[0], q) ?? refuse(ErrorCode.ConsentMissing, 'no consent');
  if (all.some((c) => c.recipient === q.recipient))
    throw refuse(ErrorCode.ConsentWrongPurpose, 'consents for this recipient have other purposes');
  if (all.some((c) => c.purpose === q.purpose))
    throw refuse(ErrorCode.ConsentWrongRecipient, 'consents for this purpose name other recipients');
  throw refuse(ErrorCode.ConsentMissing, 'no consent for this recipient and purpose');
}

/**
 * Plans of synthetic cases: plain data, no database. A plan says what a worker would record
 * about one person, day by day, from the opening of the case to its closure (or to today).
 * The proportions aim at what Lithuanian anti-trafficking NGOs report (more women than men,
 * mostly Lithuanian citizens exploited abroad, sexual and labour exploitation first, some
 * minors), so statistics returns built from demo data look like real ones.
 */
import {
  citizenshipStats,
  REFLECTION_MIN_DAYS,
  type CitizenshipStats,
  type ExploitationForm,
  type ReferralSource,
  type ServiceStatus,
  type ServiceType,
  type VictimStatus,
} from '../../shared/cases/codes';
import type {
  ClosureInput,
  Identity,
  ItemData,
  ItemKind,
  NewCase,
  SectionData,
  SectionName,
  StatusSection,
} from '../../shared/cases/schemas';
import { fold } from '../cases/text';
import { dayNumber, dayString, instantOn, Random } from './random';
import {
  COURTS,
  DESTINATIONS,
  EXPERIENCE_EN,
  EXPERIENCE_LT,
  INSTITUTIONS,
  LT_TOWNS,
  NAME_GROUP_OF,
  NAMES,
  NEEDS_LT,
  NICKNAMES,
  NOTES_EN,
  NOTES_LT,
  POLICE_UNITS,
  PROSECUTOR_OFFICES,
  PROVIDERS,
  STREETS,
  SUPPORT_PLANS_EN,
  SUPPORT_PLANS_LT,
  type NamePool,
} from './vocabulary';

/** Cases open over this many days before `today`. */
export const SPAN_DAYS = 6 * 365;

/** What a plan depends on besides its seed and number. */
export interface PlanContext {
  /** The last day anything may happen on (YYYY-MM-DD). */
  today: string;
  /** How many caseworkers cases are shared among (0: the supervisor works every case). */
  workers: number;
  /** This case's place among the `total` cases of the batch: cases open in this order. */
  position: number;
  total: number;
}

type SectionOp = { [S in SectionName]: { kind: 'section'; section: S; data: SectionData<S> } }[SectionName];
type ItemOp = {
  [K in ItemKind]: {
    kind: 'item';
    item: K;
    /** A name for the item within the plan, so later steps can refer to it. */
    key: string;
    data: ItemData<K>;
    /** For a referral: the consent (by key) that authorised it; its id is known only once written. */
    consentKey?: string;
  };
}[ItemKind];
type ItemUpdateOp = {
  [K in ItemKind]: { kind: 'itemUpdate'; item: K; key: string; data: ItemData<K> };
}[ItemKind];

export type DemoOp =
  | SectionOp
  | ItemOp
  | ItemUpdateOp
  /** A supervisor adds a second caseworker (by index). */
  | { kind: 'assign'; worker: number }
  /** A supervisor hands the case from its owner to another caseworker. */
  | { kind: 'reassign'; to: number }
  | { kind: 'followUp' }
  | { kind: 'requestClosure'; closure: ClosureInput }
  /** Null approves the pending closure request. */
  | { kind: 'close'; closure: ClosureInput | null };

/** Who does a step: the case's current owner, or the supervisor running the generator. */
export const actorOf = (op: DemoOp): 'owner' | 'supervisor' =>
  op.kind === 'assign' || op.kind === 'reassign' || op.kind === 'close' ? 'supervisor' : 'owner';

export interface TimedOp {
  /** ISO instant the step is recorded at. */
  at: string;
  op: DemoOp;
}

/** The facts a plan ends with (after dropping what lies beyond today), for tests and summaries. */
export interface PlanFacts {
  victimStatus: VictimStatus;
  sex: 'F' | 'M' | 'U';
  minor: boolean;
  citizenship: CitizenshipStats;
  forms: ExploitationForm[];
  traffickingType: 'DOMESTIC' | 'TRANSNATIONAL' | null;
  firstIdentifier: ReferralSource;
  services: { type: ServiceType; status: ServiceStatus }[];
  consents: number;
  withdrawnConsents: number;
  notes: { language: 'lt' | 'en' }[];
  closed: boolean;
}

export interface DemoCasePlan {
  createdAt: string;
  newCase: Omit<NewCase, 'ownerId'>;
  /** The caseworker (by index) who opens and owns the case; -1 when there are none. */
  owner: number;
  ops: TimedOp[];
  facts: PlanFacts;
}

// ---------------------------------------------------------------------------------------------
// Weights

const VICTIM_STATUS_WEIGHTS = { IDENTIFIED: 52, PRESUMED: 27, AT_RISK: 18, NOT_VICTIM: 3 } as const;

type CitizenClass = 'LT' | 'EU' | 'NON_EU' | 'STATELESS' | 'UNKNOWN';
const CITIZEN_CLASS_WEIGHTS: Record<CitizenClass, number> = {
  LT: 62,
  EU: 8,
  NON_EU: 26.5,
  STATELESS: 1.5,
  UNKNOWN: 2,
};
const EU_COUNTRIES = { LV: 30, PL: 25, RO: 15, BG: 10, EE: 10, DE: 10 };
const NON_EU_COUNTRIES = {
  UA: 30,
  BY: 17,
  VN: 10,
  NG: 8,
  RU: 6,
  MD: 5,
  UZ: 6,
  TJ: 4,
  KG: 3,
  IN: 3,
  PH: 3,
  NP: 2,
  LK: 1,
  GE: 1,
  AM: 1,
};

const PRIMARY_FORM_WEIGHTS: Partial<Record<ExploitationForm, number>> = {
  SEXUAL: 40,
  FORCED_LABOUR: 32,
  CRIMINAL_ACTIVITIES: 9,
  BEGGING: 6,
  SERVITUDE: 4,
  FORCED_MARRIAGE: 3,
  SLAVERY: 1,
  ORGAN_REMOVAL: 0.5,
  SURROGACY: 0.5,
  ILLEGAL_ADOPTION: 0.3,
  FORCED_MILITARY: 0.2,
  OTHER: 1.5,
};

const SECONDARY_FORMS: Partial<Record<ExploitationForm, Partial<Record<ExploitationForm, number>>>> = {
  SEXUAL: { CRIMINAL_ACTIVITIES: 4, FORCED_LABOUR: 3, FORCED_MARRIAGE: 2, SERVITUDE: 1 },
  FORCED_LABOUR: { BEGGING: 2, CRIMINAL_ACTIVITIES: 3, SERVITUDE: 2, SEXUAL: 2, SLAVERY: 1 },
  CRIMINAL_ACTIVITIES: { BEGGING: 3, SEXUAL: 2, FORCED_LABOUR: 2 },
  BEGGING: { CRIMINAL_ACTIVITIES: 3, FORCED_LABOUR: 1 },
  SERVITUDE: { FORCED_LABOUR: 2, SEXUAL: 1 },
  FORCED_MARRIAGE: { SEXUAL: 2, SERVITUDE: 2 },
};

const LABOUR_FORMS: readonly ExploitationForm[] = ['FORCED_LABOUR', 'SLAVERY', 'SERVITUDE', 'CHILD_LABOUR'];

/** Share of women by the first form of exploitation (men and unknown share the rest). */
const FEMALE_SHARE: Partial<Record<ExploitationForm, number>> = {
  SEXUAL: 0.88,
  FORCED_LABOUR: 0.3,
  SLAVERY: 0.3,
  SERVITUDE: 0.6,
  CHILD_LABOUR: 0.4,
  CRIMINAL_ACTIVITIES: 0.45,
  BEGGING: 0.5,
  FORCED_MARRIAGE: 0.95,
  SURROGACY: 1,
  ILLEGAL_ADOPTION: 0.9,
  FORCED_MILITARY: 0.05,
};

const SERVICE_STATUS_WEIGHTS: Record<ServiceStatus, number> = {
  PROVIDED: 62,
  REFERRED: 14,
  RECEIVED_ELSEWHERE: 12,
  DECLINED: 7,
  UNAVAILABLE: 5,
};

// ---------------------------------------------------------------------------------------------

interface Person {
  group: NamePool;
  female: boolean;
  sex: 'F' | 'M' | 'U';
  given?: string;
  family?: string;
  citizenships: string[];
  citizenClass: CitizenClass;
  country: string;
  language: string;
  age: number;
  minor: boolean;
}

/** Cases open more often in recent years: density rising linearly to twice the first year's. */
function openedDay(r: Random, ctx: PlanContext, todayDay: number): number {
  const u = Math.min(0.999999, (ctx.position + r.next()) / ctx.total);
  const g = 1;
  const x = (-1 + Math.sqrt(1 + 2 * g * u * (1 + g / 2))) / g;
  return todayDay - SPAN_DAYS + Math.min(SPAN_DAYS, Math.floor(x * SPAN_DAYS));
}

function pickCountry(r: Random, cls: CitizenClass): string {
  if (cls === 'LT') return 'LT';
  if (cls === 'EU') return r.weighted(EU_COUNTRIES);
  if (cls === 'NON_EU') return r.weighted(NON_EU_COUNTRIES);
  if (cls === 'STATELESS') return 'XX';
  return 'ZZ';
}

function pickForms(r: Random, status: VictimStatus, p: { minor: boolean; foreign: boolean }): ExploitationForm[] {
  if (status === 'NOT_VICTIM') return [];
  if (status === 'AT_RISK' && r.chance(0.7)) return [];
  const weights: Partial<Record<ExploitationForm, number>> = { ...PRIMARY_FORM_WEIGHTS };
  if (p.minor) {
    weights.CHILD_LABOUR = 4;
    weights.BEGGING = (weights.BEGGING ?? 0) + 6;
    weights.CRIMINAL_ACTIVITIES = (weights.CRIMINAL_ACTIVITIES ?? 0) + 6;
    weights.FORCED_MILITARY = 0;
  }
  if (p.foreign) weights.FORCED_LABOUR = (weights.FORCED_LABOUR ?? 0) + 25;
  const first = r.weighted(weights);
  const forms: ExploitationForm[] = [first];
  const related = SECONDARY_FORMS[first];
  if (related && r.chance(0.22)) {
    const second = r.weighted(related);
    forms.push(second);
    const more = SECONDARY_FORMS[second];
    if (more && r.chance(0.15)) {
      const third = r.weighted(more);
      if (!forms.includes(third)) forms.push(third);
    }
  }
  return forms;
}

function pickAge(r: Random, minor: boolean): number {
  if (minor) return r.chance(0.08) ? r.int(6, 11) : r.int(12, 17);
  return Math.min(70, 18 + Math.floor(Math.exp(r.normal() * 0.55 + Math.log(12))));
}

function makePerson(r: Random, status: VictimStatus): Person & { forms: ExploitationForm[] } {
  const citizenClass = r.weighted(CITIZEN_CLASS_WEIGHTS);
  const country = pickCountry(r, citizenClass);
  const foreign = citizenClass !== 'LT';
  const minor = r.chance(foreign ? 0.1 : 0.17);
  const forms = pickForms(r, status, { minor, foreign });
  const share = forms[0] ? (FEMALE_SHARE[forms[0]] ?? 0.55) : 0.6;
  const sex: 'F' | 'M' | 'U' = r.chance(0.04) ? 'U' : r.chance(share) ? 'F' : 'M';
  const female = sex === 'F' || (sex === 'U' && r.chance(0.5));
  const group: NamePool = NAMES[NAME_GROUP_OF[country] ?? (citizenClass === 'UNKNOWN' ? 'LT' : 'OTHER')];
  const citizenships =
    citizenClass === 'UNKNOWN'
      ? r.chance(0.5)
        ? ['ZZ']
        : []
      : country === 'LT' && r.chance(0.015)
        ? ['LT', r.pick(['UA', 'RU', 'BY', 'GB'])]
        : [country];
  const language = r.pick(group.languages);
  const nameKnown = !r.chance(0.015);
  const given = nameKnown ? r.pick(female ? group.female : group.male) : undefined;
  const surname = r.pick(group.surnames);
  const family =
    nameKnown && !r.chance(0.03) ? (female && group.feminine ? group.feminine(surname, r) : surname) : undefined;
  return {
    group,
    female,
    sex,
    ...(given ? { given } : {}),
    ...(family ? { family } : {}),
    citizenships,
    citizenClass,
    country,
    language,
    age: pickAge(r, minor),
    minor,
    forms,
  };
}

const asciiName = (s: string): string => fold(s).replace(/[^a-z]/g, '');

function identityOf(r: Random, p: Person, d0: number): Identity {
  const opened = dayString(d0);
  const birthYear = Number(opened.slice(0, 4)) - p.age - (r.chance(0.5) ? 1 : 0);
  const way = r.weighted({ full: 55, year: 14, estimate: 6, age: 15, none: p.minor ? 0 : 10 });
  const identity: Identity = {};
  if (p.given) identity.givenNames = p.given;
  if (p.family) identity.familyNames = p.family;
  if (p.given && r.chance(0.1)) {
    identity.aliases = r.chance(0.5) ? [r.pick(NICKNAMES)] : [asciiName(p.given).replace(/^./, (c) => c.toUpperCase())];
  }
  if (way === 'full') {
    const dob = dayNumber(`${birthYear}-01-01`) + r.int(0, 364);
    identity.dateOfBirth = dayString(Math.min(dob, d0 - 1));
  } else if (way === 'year') identity.dateOfBirth = String(birthYear);
  else if (way === 'estimate') identity.dateOfBirth = `~${birthYear}`;
  else if (way === 'age') identity.estimatedAge = p.age;
  identity.sex = p.sex;
  identity.gender =
    p.sex === 'U'
      ? 'UNKNOWN'
      : r.chance(0.03)
        ? 'NOT_DISCLOSED'
        : r.chance(0.005)
          ? 'TRANSGENDER_NONCONFORMING'
          : p.sex === 'F'
            ? 'WOMAN'
            : 'MAN';
  if (p.citizenships.length > 0) identity.citizenships = p.citizenships;
  const languages = [p.language];
  if (p.country === 'LT' && r.chance(0.08)) languages.push('ru');
  if (p.citizenClass !== 'LT' && p.language !== 'en' && r.chance(0.2)) languages.push('en');
  identity.languages = [...new Set(languages)];
  identity.interpreterNeeded = !languages.includes('lt') && r.chance(0.85);
  if (p.citizenClass === 'LT' ? r.chance(0.65) : r.chance(0.8)) {
    const foreign = p.citizenClass !== 'LT';
    const passport = foreign || r.chance(0.3);
    const letters = String.fromCharCode(65 + r.int(0, 25), 65 + r.int(0, 25));
    identity.documents = [
      {
        type: passport ? 'PASSPORT' : 'ID_CARD',
        number: foreign ? `${letters}${r.digits(7)}` : `${passport ? '2' : '3'}${r.digits(7)}`,
        ...(p.country !== 'XX' && p.country !== 'ZZ' ? { issuingCountry: p.country } : {}),
        withheldByExploiter: foreign && r.chance(0.35),
      },
    ];
  }
  if (r.chance(0.6)) {
    identity.phone =
      p.citizenClass === 'LT' || r.chance(0.5)
        ? `+370 6${r.digits(2)} ${r.digits(5)}`
        : `+${r.pick(['380', '375', '48', '40', '84', '234'])} ${r.digits(3)} ${r.digits(6)}`;
  }
  if (p.given && r.chance(0.1)) identity.email = `${asciiName(p.given)}.${r.digits(3)}@example.org`;
  if (r.chance(0.35)) {
    const town = r.pick(LT_TOWNS);
    identity.address = `${r.pick(STREETS)} g. ${r.int(1, 120)}-${r.int(1, 60)}, ${town.name}`;
  }
  if (r.chance(0.15))
    identity.safeContact = `Per ${r.pick(['seserį', 'mamą', 'draugę', 'socialinę darbuotoją'])}, tel. +370 6${r.digits(2)} ${r.digits(5)}`;
  if (!p.minor && p.age > 20 && r.chance(0.12)) {
    const kids = r.int(1, 2);
    identity.children = Array.from({ length: kids }, () => {
      const girl = r.chance(0.5);
      return {
        name: r.pick(girl ? p.group.female : p.group.male),
        dateOfBirth: String(Number(opened.slice(0, 4)) - r.int(0, Math.min(17, p.age - 18))),
        sex: girl ? ('F' as const) : ('M' as const),
        withPerson: r.chance(0.6),
      };
    });
  }
  return identity;
}

function firstIdentifierOf(
  r: Random,
  p: Person,
  transnational: boolean,
  forms: readonly ExploitationForm[],
): ReferralSource {
  const labour = forms.some((f) => LABOUR_FORMS.includes(f));
  const w: Record<ReferralSource, number> = {
    POLICE: 28,
    NGO: 14,
    SELF: 12,
    BORDER_GUARD: 6,
    LABOUR_INSPECTORATE: labour ? 11 : 2,
    CONSULATE: 5,
    MUNICIPALITY: 6,
    CHILD_RIGHTS: 2,
    OTHER: 4,
  };
  if (p.citizenClass === 'LT' && transnational) w.CONSULATE += 12;
  if (p.citizenClass !== 'LT') {
    w.BORDER_GUARD += 14;
    if (labour) w.LABOUR_INSPECTORATE += 8;
  }
  if (p.minor) w.CHILD_RIGHTS += 25;
  return r.weighted(w);
}

const institutionOf = (r: Random, category: string): string | undefined => {
  const list = INSTITUTIONS[category];
  return list ? r.pick(list) : undefined;
};

const lifeDays = (r: Random, status: VictimStatus): number =>
  status === 'NOT_VICTIM'
    ? Math.max(7, Math.round(Math.exp(r.normal() * 0.5 + Math.log(45))))
    : Math.min(2000, Math.max(14, Math.round(Math.exp(r.normal() * 0.8 + Math.log(240)))));

/** `{a|b}` picks a for a woman, b otherwise; `{key}` fills from vars. */
function fillTemplate(t: string, female: boolean, vars: Record<string, string>): string {
  return t
    .replace(/\{([^{}|]*)\|([^{}|]*)\}/gu, (_, f: string, m: string) => (female ? f : m))
    .replace(/\{(\w+)\}/gu, (_, k: string) => vars[k] ?? k);
}

/**
 * One synthetic case. Pure: the same seed, number and context give the same plan.
 */
export function planCase(seed: string, index: number, ctx: PlanContext): DemoCasePlan {
  const r = new Random('sauga-demo-case', seed, index);
  const todayDay = dayNumber(ctx.today);
  const d0 = openedDay(r, ctx, todayDay);
  const finalStatus = r.weighted(VICTIM_STATUS_WEIGHTS);
  const person = makePerson(r, finalStatus);
  const forms = person.forms;
  const foreign = person.citizenClass !== 'LT';
  const nonEu = person.citizenClass === 'NON_EU' || person.citizenClass === 'STATELESS';
  const traffickingType: 'DOMESTIC' | 'TRANSNATIONAL' | null =
    forms.length === 0 || r.chance(0.05)
      ? null
      : foreign
        ? r.chance(0.96)
          ? 'TRANSNATIONAL'
          : 'DOMESTIC'
        : r.chance(person.minor ? 0.6 : 0.42)
          ? 'DOMESTIC'
          : 'TRANSNATIONAL';
  const destination = r.weighted({
    GB: 30,
    DE: 14,
    NO: 12,
    NL: 10,
    ES: 6,
    SE: 6,
    FR: 4,
    DK: 4,
    IE: 4,
    BE: 3,
    IT: 3,
    PL: 4,
  });
  const abroad = DESTINATIONS.find((d) => d.country === destination) ?? DESTINATIONS[0]!;
  const exploitedAbroad = !foreign && traffickingType === 'TRANSNATIONAL';
  const firstIdentifier = firstIdentifierOf(r, person, traffickingType === 'TRANSNATIONAL', forms);
  const workers = ctx.workers;
  const owner = workers === 0 ? -1 : Math.min(workers - 1, Math.floor(workers * r.next() ** 1.4));
  const town = r.pick(LT_TOWNS);

  // The life of the case: closed on closeDay if that is in the past; long-term cases stay open.
  const longTerm = r.chance(0.08);
  const closeDay = longTerm ? Number.POSITIVE_INFINITY : d0 + lifeDays(r, finalStatus);
  const viaRequest = r.chance(0.15);
  const approvalDay = viaRequest ? closeDay + r.int(0, 6) : closeDay;
  const lastWorkDay = Math.min(closeDay, todayDay);
  const spread = (from: number, to: number): number => r.int(from, Math.max(from, to));
  const lifeEnd = Number.isFinite(closeDay) ? closeDay : Math.max(d0 + 400, todayDay);

  const steps: { day: number; order: number; op: DemoOp }[] = [];
  const add = (day: number, op: DemoOp, order = 0): void => {
    steps.push({ day, order, op });
  };

  // -- Status and identification: the status may move up (at risk -> presumed -> identified).
  const initialStatus: VictimStatus =
    finalStatus === 'IDENTIFIED' && r.chance(0.45)
      ? 'PRESUMED'
      : finalStatus === 'PRESUMED' && r.chance(0.15)
        ? 'AT_RISK'
        : finalStatus === 'NOT_VICTIM'
          ? r.chance(0.6)
            ? 'PRESUMED'
            : 'AT_RISK'
          : finalStatus;
  const statusDay =
    initialStatus === finalStatus ? d0 : d0 + (finalStatus === 'NOT_VICTIM' ? r.int(10, 90) : r.int(14, 180));
  const firstContact = d0 - r.int(0, 20);
  const status: StatusSection = {
    victimStatus: initialStatus,
    firstIdentifier,
    firstContactOn: r.chance(0.1) ? dayString(firstContact).slice(0, 7) : dayString(firstContact),
  };
  const idDetail = institutionOf(r, firstIdentifier);
  if (idDetail && r.chance(0.7)) status.firstIdentifierDetail = idDetail;
  const decision = (vs: VictimStatus, day: number): Partial<StatusSection> => {
    if (vs === 'IDENTIFIED') {
      const byProsecutor = r.chance(0.6);
      return {
        decidedBy: byProsecutor ? 'PROSECUTOR' : 'POLICE',
        decidedByName: r.pick(byProsecutor ? PROSECUTOR_OFFICES : POLICE_UNITS),
        decidedOn: dayString(day),
      };
    }
    if (vs === 'PRESUMED')
      return { decidedBy: r.pick(['OWN_ORGANISATION', 'POLICE', 'NGO'] as const), decidedOn: dayString(day) };
    if (vs === 'NOT_VICTIM') return { decidedBy: 'POLICE', decidedOn: dayString(day) };
    return {};
  };
  Object.assign(status, decision(initialStatus, initialStatus === 'IDENTIFIED' ? d0 - r.int(0, 30) : d0));
  if (nonEu) {
    status.residencePermit = r.weighted({
      TEMPORARY_VICTIM: 40,
      APPLIED: 20,
      NONE: 15,
      TEMPORARY_OTHER: 10,
      PERMANENT: 5,
      REFUSED: 3,
      UNKNOWN: 7,
    });
    if (status.residencePermit === 'TEMPORARY_VICTIM' || status.residencePermit === 'TEMPORARY_OTHER') {
      status.residencePermitUntil = dayString(d0 + r.int(180, 365));
    }
  } else if (person.citizenClass === 'EU') status.residencePermit = 'NOT_APPLICABLE';
  const reflection = nonEu && initialStatus !== 'AT_RISK' && r.chance(0.7);
  const reflectionStart = d0 + r.int(0, 5);
  if (reflection) {
    status.reflectionStart = dayString(reflectionStart);
    status.reflectionOutcome = 'ONGOING';
  }
  const newCase: DemoCasePlan['newCase'] = {
    openedOn: dayString(d0),
    identity: identityOf(r, person, d0),
    status,
  };
  // Later changes to the status section, each saved as the whole section as it then stands.
  const statusChanges: { day: number; patch: Partial<StatusSection> }[] = [];
  if (reflection) {
    const end = reflectionStart + REFLECTION_MIN_DAYS + r.int(0, 30);
    statusChanges.push({
      day: end,
      patch: {
        reflectionEnd: dayString(end),
        reflectionOutcome: r.weighted({
          COOPERATING: 40,
          NOT_COOPERATING: 15,
          RETURNED: 15,
          LOST_CONTACT: 10,
          OTHER: 5,
        }),
      },
    });
  }
  if (statusDay !== d0) {
    statusChanges.push({ day: statusDay, patch: { victimStatus: finalStatus, ...decision(finalStatus, statusDay) } });
  }
  let currentStatus = status;
  for (const change of statusChanges.sort((a, b) => a.day - b.day)) {
    currentStatus = { ...currentStatus, ...change.patch };
    add(change.day, { kind: 'section', section: 'status', data: currentStatus });
  }

  // -- Incoming referral, data protection, first consents.
  add(d0, {
    kind: 'section',
    section: 'referral',
    data: {
      incomingFrom: firstIdentifier,
      ...(idDetail ? { incomingInstitution: idDetail } : {}),
      incomingOn: dayString(d0 - r.int(0, 1)),
      ...(firstIdentifier === 'POLICE' && r.chance(0.6) ? { incomingReference: `10-S-${r.digits(5)}` } : {}),
      ...(r.chance(0.4) ? { incomingReason: r.pick(NEEDS_LT) } : {}),
    },
  });
  const guardian = person.minor;
  const giver = guardian ? ('GUARDIAN' as const) : ('PERSON' as const);
  const guardianName = guardian
    ? `${r.pick(NAMES.LT.female)} ${NAMES.LT.feminine(r.pick(NAMES.LT.surnames), r)}`
    : undefined;
  add(d0, {
    kind: 'section',
    section: 'dataProtection',
    data: {
      consentGiver: giver,
      ...(guardianName ? { guardianName } : {}),
      legalBases: r.chance(0.85) ? ['ART6_1_A', 'ART9_2_A'] : ['ART6_1_C', 'ART9_2_G'],
      privacyNoticeGivenOn: dayString(d0),
      ...(r.chance(0.05)
        ? { withhold: [{ recipient: 'FAMILY' as const, what: 'Gyvenamoji vieta ir telefono numeris' }] }
        : {}),
    },
  });
  const formVersion = `${dayString(d0).slice(0, 4)}-${r.int(1, 2)}`;
  let consentSeq = 0;
  const consent = (
    day: number,
    recipient: ItemData<'consents'>['recipient'],
    purpose: ItemData<'consents'>['purpose'],
    /** A consent limited to these categories, as one for a prosecutor is; it never lapses here. */
    dataCategories?: ItemData<'consents'>['dataCategories'],
  ): string => {
    const key = `consent-${consentSeq++}`;
    add(day, {
      kind: 'item',
      item: 'consents',
      key,
      data: {
        giver,
        ...(guardianName ? { guardianName } : {}),
        recipient,
        purpose,
        formVersion,
        givenOn: dayString(day),
        ...(dataCategories ? { dataCategories } : r.chance(0.2) ? { expiresOn: dayString(day + 365) } : {}),
      },
    });
    // Scoped consents draw nothing from the generator, so the cases planned before them stay as they were.
    if (!dataCategories && purpose !== 'ASSISTANCE' && r.chance(0.06)) {
      const withdrawn = day + r.int(5, 200);
      add(withdrawn, {
        kind: 'itemUpdate',
        item: 'consents',
        key,
        data: {
          giver,
          ...(guardianName ? { guardianName } : {}),
          recipient,
          purpose,
          formVersion,
          givenOn: dayString(day),
          withdrawnOn: dayString(withdrawn),
          withdrawalNote: r.pick([
            'Asmuo atšaukė sutikimą žodžiu, patvirtino raštu.',
            'Withdrawn by phone; confirmed in writing.',
            'Nenori, kad informacija būtų perduodama.',
          ]),
        },
      });
    }
    return key;
  };
  consent(d0, 'OWN_ORGANISATION', 'ASSISTANCE');
  if (r.chance(0.85)) consent(d0, 'MINISTRY_STATISTICS', 'STATISTICS');

  // -- Assessments.
  if (r.chance(0.9)) {
    add(d0, {
      kind: 'item',
      item: 'assessments',
      key: 'needs',
      data: { type: 'NEEDS', date: dayString(d0), by: 'Atvejo vadybininkė', summary: r.pick(NEEDS_LT) },
    });
  }
  const riskLevel = r.weighted({ LOW: 35, MEDIUM: 45, HIGH: 20 });
  if (r.chance(0.7)) {
    const day = d0 + r.int(0, 10);
    add(day, {
      kind: 'item',
      item: 'assessments',
      key: 'risk',
      data: {
        type: 'RISK',
        date: dayString(day),
        riskLevel,
        by: 'Socialinė darbuotoja',
        nextReviewOn: dayString(day + 90),
      },
    });
  }
  for (const [type, p] of [
    ['SAFETY', 0.15],
    ['HEALTH', 0.15],
    ['PSYCHOLOGICAL', 0.2],
    ['CHILD_BEST_INTERESTS', person.minor ? 0.8 : 0],
    ['AGE', person.minor && newCase.identity?.estimatedAge !== undefined ? 0.5 : 0],
  ] as const) {
    if (!r.chance(p)) continue;
    const day = d0 + r.int(1, 40);
    add(day, {
      kind: 'item',
      item: 'assessments',
      key: `assess-${type}`,
      data: { type, date: dayString(day), by: 'Psichologė' },
    });
  }

  // -- Management flags.
  const flags: NonNullable<SectionData<'management'>['flags']> = [];
  if (person.minor) flags.push('MINOR');
  if (person.minor && foreign && r.chance(0.5)) flags.push('UNACCOMPANIED_MINOR');
  if (riskLevel === 'HIGH' && r.chance(0.7)) flags.push('HIGH_RISK');
  if (r.chance(0.08)) flags.push('HEALTH_NEEDS');
  if (r.chance(0.03)) flags.push('DISABILITY');
  if (person.sex === 'F' && !person.minor && r.chance(0.04)) flags.push('PREGNANCY');
  if (r.chance(0.01)) flags.push('MEDIA_INTEREST');
  const review = r.chance(0.5);
  if (flags.length > 0 || review) {
    add(d0, {
      kind: 'section',
      section: 'management',
      data: {
        openedOn: dayString(d0),
        ...(flags.length > 0 ? { flags } : {}),
        ...(review ? { nextReviewOn: dayString(d0 + 90) } : {}),
      },
    });
  }

  // -- Trafficking experience, as it is learned in the first weeks.
  if (forms.length > 0 || r.chance(0.4)) {
    const day = d0 + r.int(0, 14);
    const labour = forms.some((f) => LABOUR_FORMS.includes(f));
    const to = d0 - r.int(0, 60);
    const from = to - r.int(20, 900);
    const origin = person.country === 'ZZ' || person.country === 'XX' ? undefined : person.country;
    const exploitCountry = foreign ? 'LT' : exploitedAbroad ? abroad.country : 'LT';
    const exploitPlace = foreign || !exploitedAbroad ? r.pick(LT_TOWNS).name : r.pick(abroad.towns);
    const events: NonNullable<SectionData<'experience'>['events']> = [];
    if (forms.length > 0) {
      events.push({
        kind: 'RECRUITMENT',
        ...(origin ? { country: origin } : {}),
        ...(origin === 'LT' ? { place: town.name } : {}),
        from: dayString(from).slice(0, 7),
      });
      if (traffickingType === 'TRANSNATIONAL' && r.chance(0.4)) {
        events.push({
          kind: 'TRANSIT',
          country: r.pick(['PL', 'LV', 'DE', 'BY']),
          from: dayString(from + 3).slice(0, 7),
        });
      }
      events.push({
        kind: 'EXPLOITATION',
        country: exploitCountry,
        place: exploitPlace,
        from: dayString(from + 5).slice(0, 7),
        to: dayString(to).slice(0, 7),
      });
    }
    const meansWeights: Record<string, number> = {
      FALSE_PROMISES: 20,
      DEBT_BONDAGE: 14,
      TAKES_EARNINGS: 14,
      PSYCHOLOGICAL_ABUSE: 12,
      PHYSICAL_THREATS: 10,
      RESTRICTS_MOVEMENT: 8,
      WITHHOLDS_DOCUMENTS: foreign || exploitedAbroad ? 14 : 3,
      EXCESSIVE_HOURS: labour ? 14 : 2,
      PHYSICAL_ABUSE: 6,
      SEXUAL_ABUSE: forms.includes('SEXUAL') ? 10 : 1,
      PSYCHOACTIVE_SUBSTANCES: 4,
      FAMILY_THREATS: 5,
      LAW_ENFORCEMENT_THREATS: foreign ? 6 : 1,
      RESTRICTS_FINANCES: 5,
      WITHHOLDS_NECESSITIES: 3,
      RESTRICTS_MEDICAL: 2,
      USES_CHILDREN: 0.5,
    };
    const means = new Set<string>();
    const meansCount = forms.length > 0 ? r.int(2, 5) : 0;
    while (means.size < meansCount) means.add(r.weighted(meansWeights));
    const recruitment = new Set<string>();
    const recruitmentCount = r.int(1, 2);
    while (recruitment.size < recruitmentCount) {
      recruitment.add(
        r.weighted({
          JOB_OFFER: 35,
          INTERNET: 25,
          INTIMATE_PARTNER: forms.includes('SEXUAL') ? 14 : 4,
          FAMILY: 6,
          BENEFACTOR: 6,
          ACCOMMODATION_OFFER: 3,
          MARRIAGE_BROKER: forms.includes('FORCED_MARRIAGE') ? 20 : 0.5,
          PUBLIC_AREA: 3,
          SHELTER: person.minor ? 4 : 0.5,
          WORKPLACE: 3,
          SMUGGLING: nonEu ? 6 : 0,
          ABDUCTION: 0.5,
          OTHER: 2,
          UNKNOWN: 3,
        }),
      );
    }
    const sexualTypes = new Set<string>();
    if (forms.includes('SEXUAL')) {
      const n = r.chance(0.2) ? 2 : 1;
      while (sexualTypes.size < n) {
        sexualTypes.add(
          r.weighted({ PROSTITUTION: 70, PRIVATE_SEXUAL: 10, PORNOGRAPHY: 8, REMOTE_INTERACTIVE: 10, OTHER: 2 }),
        );
      }
    }
    const sectors = new Set<string>();
    if (labour) {
      const n = r.chance(0.2) ? 2 : 1;
      while (sectors.size < n) sectors.add(r.weighted({ A: 18, C: 14, F: 24, I: 14, T: 10, G: 6, H: 6, N: 8 }));
    }
    add(day, {
      kind: 'section',
      section: 'experience',
      data: {
        ...(forms.length > 0 ? { exploitationForms: forms } : {}),
        ...(sexualTypes.size > 0
          ? { sexualExploitationTypes: [...sexualTypes] as SectionData<'experience'>['sexualExploitationTypes'] }
          : {}),
        ...(sectors.size > 0 ? { labourSectors: [...sectors] as SectionData<'experience'>['labourSectors'] } : {}),
        ...(means.size > 0 ? { meansOfControl: [...means] as SectionData<'experience'>['meansOfControl'] } : {}),
        recruitmentMethods: [...recruitment] as SectionData<'experience'>['recruitmentMethods'],
        recruiterRelationship: r.weighted({
          ACQUAINTANCE: 30,
          STRANGER: 20,
          EMPLOYER: 20,
          INTIMATE_PARTNER: 10,
          FRIEND: 8,
          FAMILY: 6,
          UNKNOWN: 6,
        }),
        ...(traffickingType ? { traffickingType } : {}),
        ...(forms.length > 0
          ? { exploitationFrom: dayString(from).slice(0, 7), exploitationTo: dayString(to).slice(0, 7) }
          : {}),
        ...(events.length > 0 ? { events } : {}),
        ...(r.chance(0.6) ? { summary: r.chance(0.75) ? r.pick(EXPERIENCE_LT) : r.pick(EXPERIENCE_EN) } : {}),
      },
    });
  }

  // -- Rights information (Directive 2012/29/EU art. 4).
  if (finalStatus !== 'NOT_VICTIM' && r.chance(0.8)) {
    const day = d0 + r.int(0, 7);
    const items: NonNullable<SectionData<'rights'>['items']> = {};
    const told = ['A', 'B', 'C', 'D'] as const;
    const maybe = ['E', 'F', 'H', 'I', 'G', 'J', 'K'] as const;
    const entry = {
      informedOn: dayString(day),
      language: person.language,
      informedBy: 'Atvejo vadybininkė',
      method: r.weighted({ ORAL: 40, WRITTEN: 15, BOTH: 45 }),
    };
    for (const k of told) items[k] = entry;
    for (const k of maybe)
      if (r.chance(k === 'F' ? (foreign ? 0.9 : 0.2) : k === 'J' || k === 'K' ? 0.4 : 0.7)) items[k] = entry;
    add(day, { kind: 'section', section: 'rights', data: { items } });
  }

  // -- Support plan.
  if (r.chance(0.75)) {
    const day = d0 + r.int(3, 21);
    const lt = r.chance(0.75);
    add(day, {
      kind: 'section',
      section: 'assistance',
      data: {
        supportPlan: lt ? r.pick(SUPPORT_PLANS_LT) : r.pick(SUPPORT_PLANS_EN),
        planAgreedOn: dayString(day),
        planReviewOn: dayString(day + 90),
        needsSummary: r.pick(NEEDS_LT),
      },
    });
  }

  // -- Services.
  const serviceWeights: Partial<Record<ServiceType, number>> = {
    PSYCHOLOGICAL: 14,
    SOCIAL_COUNSELLING: 16,
    ACCOMMODATION: finalStatus === 'AT_RISK' ? 4 : 11,
    MEDICAL: 9,
    LEGAL: 9,
    INTERPRETATION: newCase.identity?.interpreterNeeded ? 14 : 0,
    RIGHTS_INFORMATION: 10,
    CRISIS_INTERVENTION: 6,
    MATERIAL: 9,
    ACCOMPANIMENT: 6,
    DOCUMENTS: foreign || exploitedAbroad ? 10 : 3,
    EDUCATION: 3,
    EMPLOYMENT: person.minor ? 0 : 5,
    FAMILY: 2,
    RETURN: foreign ? 6 : exploitedAbroad ? 2 : 0,
    COMPENSATION: 2,
    CHILD_SERVICES: person.minor ? 12 : 0,
    OTHER: 1,
  };
  const serviceCount =
    finalStatus === 'AT_RISK' || finalStatus === 'NOT_VICTIM'
      ? r.int(1, 3)
      : Number(r.weighted({ '2': 15, '3': 25, '4': 25, '5': 18, '6': 10, '7': 7 }));
  const serviceTypes: ServiceType[] = [];
  for (let guard = 0; serviceTypes.length < serviceCount && guard < 50; guard++) {
    const t = r.weighted(serviceWeights);
    if (!serviceTypes.includes(t)) serviceTypes.push(t);
  }
  serviceTypes.forEach((type, i) => {
    const early = type === 'CRISIS_INTERVENTION' || type === 'ACCOMMODATION' || type === 'RIGHTS_INFORMATION';
    const day = early ? d0 + r.int(0, 5) : spread(d0, d0 + Math.floor((Math.min(lifeEnd, d0 + 400) - d0) * 0.8));
    const status = r.weighted(SERVICE_STATUS_WEIGHTS);
    const elsewhere = status === 'REFERRED' || status === 'RECEIVED_ELSEWHERE';
    const endDay = day + r.int(14, 180);
    const data: ItemData<'services'> = {
      type,
      status,
      date: dayString(day),
      ...((type === 'ACCOMMODATION' || type === 'PSYCHOLOGICAL') &&
      status === 'PROVIDED' &&
      r.chance(0.5) &&
      endDay <= lastWorkDay
        ? { endDate: dayString(endDay) }
        : {}),
      ...(elsewhere ? { provider: r.pick(PROVIDERS[type] ?? PROVIDERS.DEFAULT!) } : {}),
      ...(r.chance(0.25)
        ? {
            note: r.pick([
              'Pirmas susitikimas įvyko.',
              'Paslauga teikiama kas savaitę.',
              'Weekly sessions.',
              'Laukiama eilėje.',
            ]),
          }
        : {}),
    };
    add(day, { kind: 'item', item: 'services', key: `service-${i}`, data });
    if (status === 'REFERRED' && r.chance(0.3)) {
      const later = day + r.int(7, 60);
      add(later, {
        kind: 'itemUpdate',
        item: 'services',
        key: `service-${i}`,
        data: { ...data, status: 'RECEIVED_ELSEWHERE' },
      });
    }
  });

  // -- Outgoing referrals and notifications, each with its consent where one is needed.
  const referralCount =
    finalStatus === 'AT_RISK' || finalStatus === 'NOT_VICTIM'
      ? r.chance(0.3)
        ? 1
        : 0
      : Number(r.weighted({ '0': 30, '1': 35, '2': 25, '3': 10 }));
  const recipientWeights: Partial<Record<ItemData<'referrals'>['recipient'], number>> = {
    POLICE: finalStatus === 'IDENTIFIED' || finalStatus === 'PRESUMED' ? 25 : 5,
    MUNICIPALITY: 15,
    HEALTH_CARE: 12,
    EMPLOYMENT_SERVICE: person.minor ? 0 : 8,
    LEGAL_AID: 10,
    MIGRATION: nonEu ? 12 : 0,
    CHILD_RIGHTS: person.minor ? 25 : 0,
    CONSULATE: foreign ? 6 : 0,
    NGO: 8,
  };
  const usedRecipients = new Set<string>();
  for (let i = 0; i < referralCount; i++) {
    const recipient = r.weighted(recipientWeights);
    if (usedRecipients.has(recipient)) continue;
    usedRecipients.add(recipient);
    const day = d0 + r.int(1, 60);
    const notification =
      (recipient === 'POLICE' || recipient === 'CHILD_RIGHTS' || recipient === 'MIGRATION') && r.chance(0.6);
    const purpose =
      recipient === 'POLICE'
        ? 'CRIMINAL_PROCEEDINGS'
        : recipient === 'CHILD_RIGHTS'
          ? 'CHILD_PROTECTION'
          : recipient === 'MIGRATION'
            ? 'RESIDENCE_PERMIT'
            : recipient === 'CONSULATE'
              ? 'RETURN'
              : 'REFERRAL';
    const consentKey = r.chance(0.85) ? consent(Math.max(d0, day - r.int(0, 3)), recipient, purpose) : undefined;
    const recent = todayDay - day < 20;
    const refStatus = r.weighted({
      SENT: 35,
      ACKNOWLEDGED: recent ? 5 : 40,
      PENDING: recent ? 40 : 5,
      REFUSED: 5,
      WITHDRAWN: 3,
    });
    add(day, {
      kind: 'item',
      item: 'referrals',
      key: `referral-${i}`,
      ...(consentKey ? { consentKey } : {}),
      data: {
        direction: 'OUT',
        kind: notification ? 'NOTIFICATION' : 'REFERRAL',
        recipient,
        ...(INSTITUTIONS[recipient] ? { institution: r.pick(INSTITUTIONS[recipient]) } : {}),
        date: dayString(day),
        status: refStatus,
        shared: r.pick([
          'Vardas, pavardė, gimimo data, kontaktinis telefonas.',
          'Trumpas situacijos aprašymas ir pagalbos poreikiai.',
          'Name, date of birth and the assessed needs.',
          'Informacija apie nepilnamečio situaciją ir globą.',
        ]),
        ...(r.chance(0.3) ? { reference: `S-${dayString(day).slice(0, 4)}-${r.digits(4)}` } : {}),
        ...(consentKey ? {} : { note: 'Pranešta vykdant teisinę prievolę, be asmens sutikimo.' }),
      },
    });
  }

  // -- Criminal-justice track.
  const complaint = (finalStatus === 'IDENTIFIED' && r.chance(0.75)) || (finalStatus === 'PRESUMED' && r.chance(0.3));
  if (complaint) {
    const complaintDay = d0 + r.int(0, 60);
    const yy = dayString(complaintDay).slice(2, 4);
    const pretrialNumber = `01-1-${r.digits(5)}-${yy}`;
    const office = r.pick(PROSECUTOR_OFFICES);
    const cooperation = r.weighted({ COOPERATING: 60, UNDECIDED: 15, NOT_COOPERATING: 15, NOT_ASKED: 10 });
    const injured = r.chance(0.8);
    const justice: SectionData<'justice'> = {
      complaintFiled: true,
      complaintOn: dayString(complaintDay),
      cooperation,
      pretrialNumber,
      investigatingAuthority: r.pick(POLICE_UNITS),
      prosecutorOffice: office,
      injuredParty: injured,
    };
    add(complaintDay, { kind: 'section', section: 'justice', data: justice });
    // A person who cooperates agrees that the prosecutor may receive a summary of the case:
    // who they are, their status, what happened, and the criminal-justice track.
    if (cooperation === 'COOPERATING')
      consent(complaintDay, 'PROSECUTOR', 'CRIMINAL_PROCEEDINGS', [
        'IDENTITY_BASIC',
        'STATUS',
        'EXPLOITATION',
        'CRIMINAL_JUSTICE',
      ]);
    const events: [number, ItemData<'cjEvents'>['type']][] = [
      [complaintDay, 'COMPLAINT_FILED'],
      [complaintDay + r.int(0, 10), 'PRETRIAL_OPENED'],
    ];
    if (injured) events.push([complaintDay + r.int(5, 30), 'INJURED_PARTY']);
    if (cooperation === 'COOPERATING') events.push([complaintDay + r.int(10, 60), 'STATEMENT']);
    if (r.chance(0.1)) events.push([complaintDay + r.int(1, 30), 'PROTECTION_MEASURE']);
    if (r.chance(0.25)) events.push([complaintDay + r.int(60, 300), 'PRETRIAL_CLOSED']);
    else if (r.chance(0.7)) {
      const indictment = complaintDay + r.int(120, 400);
      const verdict = indictment + r.int(60, 240);
      events.push([indictment, 'INDICTMENT'], [indictment + r.int(30, 90), 'HEARING'], [verdict, 'VERDICT']);
      const claimed = r.chance(0.4);
      if (claimed) events.push([indictment - r.int(0, 30), 'COMPENSATION_CLAIM']);
      const awarded = claimed && r.chance(0.6);
      if (awarded) events.push([verdict, 'COMPENSATION_AWARDED']);
      if (awarded && r.chance(0.3)) events.push([verdict + r.int(30, 300), 'COMPENSATION_PAID']);
      const amount = r.int(10, 300) * 100;
      add(verdict, {
        kind: 'section',
        section: 'justice',
        data: {
          ...justice,
          court: r.pick(COURTS),
          courtCaseNumber: `1-${r.int(100, 999)}-${r.int(100, 999)}/${dayString(indictment).slice(0, 4)}`,
          verdict: r.pick([
            'Kaltinamieji pripažinti kaltais pagal BK 147 str.; skirtos laisvės atėmimo bausmės.',
            'Vienas kaltinamasis išteisintas, kitas nuteistas pagal BK 147 str. 2 d.',
            'Convicted under article 147 of the Criminal Code; sentence of imprisonment.',
          ]),
          ...(claimed ? { compensationClaimed: true, compensationClaimedEur: amount } : {}),
          ...(awarded ? { compensationAwardedEur: Math.round(amount * 0.6) } : {}),
        },
      });
    }
    events.forEach(([day, type], i) => {
      add(day, {
        kind: 'item',
        item: 'cjEvents',
        key: `cj-${i}`,
        data: {
          type,
          date: dayString(day),
          ...(type === 'COMPLAINT_FILED' || type === 'PRETRIAL_OPENED' ? { reference: pretrialNumber } : {}),
          ...(type === 'HEARING' || type === 'VERDICT' ? { authority: r.pick(COURTS) } : {}),
        },
      });
    });
  }

  // -- Notes, in Lithuanian and English.
  const noteCount =
    finalStatus === 'AT_RISK' || finalStatus === 'NOT_VICTIM'
      ? r.int(1, 2)
      : Number(r.weighted({ '1': 25, '2': 30, '3': 25, '4': 12, '5': 8 }));
  const vars = {
    name: person.given ?? 'asmuo',
    town: town.name,
    townIn: town.in,
    abroadIn: exploitedAbroad ? abroad.in : 'Lietuvoje',
    abroadEn: exploitedAbroad ? abroad.en : 'Lithuania',
  };
  const noteLanguage = new Map<string, 'lt' | 'en'>();
  for (let i = 0; i < noteCount; i++) {
    const day = i === 0 ? d0 : spread(d0 + 1, Math.min(lifeEnd, d0 + 500));
    const lt = r.chance(0.75);
    noteLanguage.set(`note-${i}`, lt ? 'lt' : 'en');
    add(day, {
      kind: 'item',
      item: 'notes',
      key: `note-${i}`,
      data: { date: dayString(day), text: fillTemplate(r.pick(lt ? NOTES_LT : NOTES_EN), person.female, vars) },
    });
  }

  // -- Assignment changes, follow-up, closure.
  if (workers > 1 && r.chance(0.12)) {
    add(d0 + r.int(1, 60), { kind: 'assign', worker: (owner + 1 + r.int(0, workers - 2)) % workers });
  }
  if (workers > 1 && r.chance(0.06)) {
    add(d0 + r.int(30, 365), { kind: 'reassign', to: (owner + 1 + r.int(0, workers - 2)) % workers });
  }
  const closureOf = (day: number): ClosureInput => ({
    reason:
      finalStatus === 'NOT_VICTIM'
        ? 'NOT_VICTIM'
        : r.weighted({
            GOALS_ACHIEVED: 40,
            LOST_CONTACT: 16,
            MOVED_AWAY: 8,
            DECLINED: 8,
            REFERRED: 10,
            RETURNED: foreign ? 18 : 2,
            OTHER: 4,
            DECEASED: 0.3,
          }),
    closedOn: dayString(day),
    ...(r.chance(0.3)
      ? { note: r.pick(['Pagalbos planas įvykdytas.', 'Asmuo išvyko, ryšys nutrūko.', 'Support completed.']) }
      : {}),
  });
  if (Number.isFinite(closeDay)) {
    if (closeDay - d0 > 120 && r.chance(0.25)) add(closeDay - r.int(30, 90), { kind: 'followUp' });
    if (viaRequest) {
      add(closeDay, { kind: 'requestClosure', closure: closureOf(closeDay) }, 1);
      add(approvalDay, { kind: 'close', closure: null }, 2);
    } else add(closeDay, { kind: 'close', closure: closureOf(closeDay) }, 2);
  } else if (todayDay - d0 > 180 && r.chance(0.3)) add(d0 + r.int(120, 180), { kind: 'followUp' });

  // Keep what has happened by today, and nothing after the case was closed; then put the
  // steps in order and give each a time of day (working hours, Vilnius ~ UTC+2).
  const lastDay = (s: { op: DemoOp }): number =>
    s.op.kind === 'close' ? todayDay : s.op.kind === 'requestClosure' ? Math.min(closeDay, todayDay) : lastWorkDay;
  const kept = steps
    .map((s, seq) => ({ ...s, seq }))
    .filter((s) => s.day >= d0 && s.day <= lastDay(s))
    .filter(
      (s) =>
        !(
          s.op.kind === 'close' &&
          s.op.closure === null &&
          !steps.some((x) => x.op.kind === 'requestClosure' && x.day <= todayDay)
        ),
    )
    .sort((a, b) => a.day - b.day || a.order - b.order || a.seq - b.seq);
  const createdAt = instantOn(d0, 6 * 60 + r.int(0, 120));
  let clockDay = d0;
  let minute = createdAt.getUTCHours() * 60 + createdAt.getUTCMinutes();
  const ops: TimedOp[] = kept.map((s) => {
    if (s.day !== clockDay) {
      clockDay = s.day;
      minute = 6 * 60 + r.int(0, 180);
    }
    minute += r.int(2, 25);
    return { at: instantOn(s.day, Math.min(minute, 20 * 60 + 59)).toISOString(), op: s.op };
  });

  // The facts after the cut.
  const effective = <S extends SectionName>(section: S): SectionData<S> | undefined => {
    let found: SectionData<S> | undefined;
    for (const { op } of ops) if (op.kind === 'section' && op.section === section) found = op.data as SectionData<S>;
    return found;
  };
  const services = new Map<string, { type: ServiceType; status: ServiceStatus }>();
  let consents = 0;
  let withdrawn = 0;
  const notes: { language: 'lt' | 'en' }[] = [];
  for (const { op } of ops) {
    if (op.kind === 'item' && op.item === 'services')
      services.set(op.key, { type: op.data.type, status: op.data.status });
    if (op.kind === 'itemUpdate' && op.item === 'services')
      services.set(op.key, { type: op.data.type, status: op.data.status });
    if (op.kind === 'item' && op.item === 'consents') consents++;
    if (op.kind === 'itemUpdate' && op.item === 'consents') withdrawn++;
    if (op.kind === 'item' && op.item === 'notes') notes.push({ language: noteLanguage.get(op.key) ?? 'lt' });
  }
  const experience = effective('experience');
  const facts: PlanFacts = {
    victimStatus: effective('status')?.victimStatus ?? initialStatus,
    sex: person.sex,
    minor: person.minor,
    citizenship: citizenshipStats(person.citizenships),
    forms: experience?.exploitationForms ?? [],
    traffickingType: experience?.traffickingType ?? null,
    firstIdentifier,
    services: [...services.values()],
    consents,
    withdrawnConsents: withdrawn,
    notes,
    closed: ops.some((o) => o.op.kind === 'close'),
  };
  return { createdAt: createdAt.toISOString(), newCase, owner, ops, facts };
}

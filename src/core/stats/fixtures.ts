/**
 * The worked example of statistics.md, written into a vault through CaseService (the real
 * validation, derived columns and audit entries): "in 2014 assistance was provided to 133
 * individuals (50 of them men): 80 victims and 53 people at risk"; "152 services were
 * rendered, 55 of them to male victims". Male persons at risk receive no service, so the 55
 * is also T7's male total. Around the counted cases it puts everything that must not count: a
 * second case of three persons, a case found not to be a victim, a case without a status,
 * cases outside the year, and services that were referred, declined, received elsewhere or
 * dated after the year. For tests and demonstrations only.
 */
import type { ExploitationForm, ReferralSource, ServiceStatus, ServiceType } from '../../shared/cases/codes';
import { SERVICES } from '../../shared/cases/codes';
import type { CaseId, Identity } from '../../shared/cases/schemas';
import type { CaseService } from '../cases/service';

export interface WorkedExample {
  year: number;
  /** Cases that count (the three second cases included). */
  cases: number;
  persons: number;
  men: number;
  victims: number;
  identified: number;
  presumed: number;
  atRisk: number;
  services: number;
  servicesToMaleVictims: number;
  /** Identified male victims of forced begging: the small cell. */
  identifiedMaleBegging: number;
  /** Services per SERVICE group, and distinct persons per group, as planned. */
  servicesByGroup: Record<string, number>;
  personsByGroup: Record<string, number>;
  personsWithService: number;
}

type Sex = 'F' | 'M' | 'U';
type Status = 'IDENTIFIED' | 'PRESUMED' | 'AT_RISK';

interface PersonPlan {
  status: Status;
  sex: Sex;
  forms: ExploitationForm[];
  services: ServiceType[];
}

const REFERRALS: readonly (ReferralSource | null)[] = ['POLICE', 'NGO', 'SELF', 'BORDER_GUARD', 'CONSULATE', null];
const CITIZENSHIPS: readonly string[][] = [['LT'], ['LT'], ['LT'], ['LV'], ['UA'], [], ['LT', 'UA'], ['XX']];

function plans(): PersonPlan[] {
  const out: PersonPlan[] = [];
  let next = 0;
  const services = (k: number): ServiceType[] =>
    Array.from({ length: k }, () => SERVICES[next++ % SERVICES.length]!.code);
  const group = (
    n: number,
    status: Status,
    sex: Sex,
    forms: (i: number) => ExploitationForm[],
    svc: (i: number) => number,
  ) => {
    for (let i = 0; i < n; i++) out.push({ status, sex, forms: forms(i), services: services(svc(i)) });
  };
  // Male victims: 30 persons, 55 services (25 x 2 + 5 x 1); the first two are the forced-begging cell.
  group(
    18,
    'IDENTIFIED',
    'M',
    (i) =>
      i === 0
        ? ['BEGGING']
        : i === 1
          ? ['BEGGING', 'CRIMINAL_ACTIVITIES']
          : i % 3 === 0
            ? ['FORCED_LABOUR', 'SLAVERY']
            : ['FORCED_LABOUR'],
    (i) => (i < 15 ? 2 : 1),
  );
  group(
    12,
    'PRESUMED',
    'M',
    (i) => (i % 4 === 0 ? [] : ['FORCED_LABOUR']),
    (i) => (i < 10 ? 2 : 1),
  );
  // Female victims: 48 persons, 88 services (40 x 2 + 8 x 1).
  group(
    26,
    'IDENTIFIED',
    'F',
    (i) => (i % 5 === 0 ? ['SEXUAL', 'FORCED_MARRIAGE'] : ['SEXUAL']),
    (i) => (i < 22 ? 2 : 1),
  );
  group(
    22,
    'PRESUMED',
    'F',
    (i) => (i % 6 === 0 ? [] : ['SEXUAL']),
    (i) => (i < 18 ? 2 : 1),
  );
  // Victims of unknown sex: 2 persons, 2 services.
  group(
    1,
    'IDENTIFIED',
    'U',
    () => ['CRIMINAL_ACTIVITIES'],
    () => 1,
  );
  group(
    1,
    'PRESUMED',
    'U',
    () => [],
    () => 1,
  );
  // At risk: 20 men without services, 33 women of whom 7 received one service.
  group(
    20,
    'AT_RISK',
    'M',
    () => [],
    () => 0,
  );
  group(
    33,
    'AT_RISK',
    'F',
    () => [],
    (i) => (i < 7 ? 1 : 0),
  );
  // The first female victim also had crisis intervention and psychological help: two PSYCH services.
  const first = out.find((p) => p.sex === 'F' && p.status === 'IDENTIFIED');
  if (first) first.services = ['CRISIS_INTERVENTION', 'PSYCHOLOGICAL'];
  return out;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Write the worked example for `year` with a supervisor's CaseService (closing cases needs
 * one). Returns the figures the tables must show.
 */
export function seedWorkedExample(cases: CaseService, options: { year?: number } = {}): WorkedExample {
  const year = options.year ?? 2014;
  const people = plans();
  const consent = (id: CaseId, on: string): number =>
    cases.addItem(id, 'consents', {
      giver: 'PERSON',
      recipient: 'MINISTRY_STATISTICS',
      purpose: 'STATISTICS',
      givenOn: on,
    }).version;
  const service = (id: CaseId, type: ServiceType, status: ServiceStatus, date: string): number =>
    cases.addItem(id, 'services', { type, status, date }).version;

  const open = (
    openedOn: string,
    identity: Identity,
    victimStatus: Status | 'NOT_VICTIM' | null,
    referral: ReferralSource | null,
  ): { id: CaseId; version: number } => {
    const c = cases.createCase({
      openedOn,
      identity,
      status: { ...(victimStatus ? { victimStatus } : {}), ...(referral ? { firstIdentifier: referral } : {}) },
    });
    return { id: c.id, version: consent(c.id, openedOn) };
  };

  const secondCases: { identity: Identity; opened: string }[] = [];
  people.forEach((p, i) => {
    // Opening: before the year and still open, inside the year, or before and closed inside.
    const shape = i % 4;
    const opened =
      shape === 0 || shape === 3 ? `${year - 1}-${pad(1 + (i % 12))}-10` : `${year}-${pad(1 + (i % 12))}-05`;
    const firstDay = opened < `${year}-01-01` ? `${year}-01-15` : opened;
    const minor = i % 9 === 4;
    const identity: Identity = {
      givenNames: 'Pavyzdys',
      familyNames: `Asmuo ${i}`,
      sex: p.sex,
      ...(CITIZENSHIPS[i % CITIZENSHIPS.length]!.length > 0
        ? { citizenships: CITIZENSHIPS[i % CITIZENSHIPS.length]! }
        : {}),
      ...(minor
        ? { dateOfBirth: `${year - 16}-03-0${1 + (i % 9)}` }
        : i % 5 === 1
          ? { dateOfBirth: String(year - 30 - (i % 20)) }
          : i % 5 === 2
            ? { estimatedAge: 25 + (i % 30) }
            : i % 5 === 3
              ? {}
              : { dateOfBirth: `${year - 40 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}` }),
    };
    const { id, version: created } = open(opened, identity, p.status, REFERRALS[i % REFERRALS.length]!);
    let version = created;
    if (p.forms.length > 0) {
      version = cases.updateSection(id, 'experience', { exploitationForms: p.forms }, version).version;
    }
    p.services.forEach((type, k) => {
      version = service(id, type, 'PROVIDED', `${firstDay.slice(0, 8)}${pad(15 + k)}`);
    });
    if (p.status !== 'AT_RISK' && p.sex === 'F' && i % 7 === 0) {
      service(id, 'LEGAL', 'REFERRED', firstDay);
      service(id, 'MEDICAL', 'DECLINED', firstDay);
      service(id, 'EDUCATION', 'RECEIVED_ELSEWHERE', firstDay);
      version = service(id, 'EMPLOYMENT', 'UNAVAILABLE', firstDay);
    }
    if (shape === 1 || shape === 3) {
      cases.closeCase(id, { reason: 'GOALS_ACHIEVED', closedOn: `${year}-12-${pad(20 + (i % 8))}` }, version);
    } else if (shape === 2 && p.services.length > 0) {
      service(id, 'OTHER', 'PROVIDED', `${year + 1}-02-01`);
    }
    // Three persons come back in the same year: same name and birth, a second case at risk.
    if ((i === 5 || i === 40 || i === 70) && identity.dateOfBirth)
      secondCases.push({ identity, opened: `${year}-12-01` });
  });
  for (const s of secondCases) open(s.opened, { ...s.identity, sex: 'U' }, 'AT_RISK', 'SELF');

  // Nothing below counts in `year`.
  const other = (n: number): Identity => ({ givenNames: 'Kitas', familyNames: `Atvejis ${n}`, sex: 'M' });
  const notVictim = open(`${year}-04-01`, other(1), 'NOT_VICTIM', 'POLICE');
  service(notVictim.id, 'MEDICAL', 'PROVIDED', `${year}-04-02`);
  const noStatus = open(`${year}-05-01`, other(2), null, null);
  service(noStatus.id, 'MEDICAL', 'PROVIDED', `${year}-05-02`);
  const before = open(`${year - 2}-03-01`, other(3), 'IDENTIFIED', 'POLICE');
  const v = service(before.id, 'ACCOMMODATION', 'PROVIDED', `${year - 2}-03-02`);
  cases.closeCase(before.id, { reason: 'GOALS_ACHIEVED', closedOn: `${year - 1}-12-31` }, v);
  open(`${year + 1}-01-01`, other(4), 'PRESUMED', 'NGO');

  const counted = (p: PersonPlan): boolean => p.services.length > 0;
  const groupOf = (t: ServiceType): string => SERVICES.find((s) => s.code === t)!.stats;
  const servicesByGroup: Record<string, number> = {};
  const personsByGroup: Record<string, number> = {};
  for (const p of people) {
    for (const t of p.services) servicesByGroup[groupOf(t)] = (servicesByGroup[groupOf(t)] ?? 0) + 1;
    for (const g of new Set(p.services.map(groupOf))) personsByGroup[g] = (personsByGroup[g] ?? 0) + 1;
  }
  const victim = (p: PersonPlan): boolean => p.status !== 'AT_RISK';
  return {
    year,
    cases: people.length + secondCases.length,
    persons: people.length,
    men: people.filter((p) => p.sex === 'M').length,
    victims: people.filter(victim).length,
    identified: people.filter((p) => p.status === 'IDENTIFIED').length,
    presumed: people.filter((p) => p.status === 'PRESUMED').length,
    atRisk: people.filter((p) => p.status === 'AT_RISK').length,
    services: people.reduce((k, p) => k + p.services.length, 0),
    servicesToMaleVictims: people.filter((p) => victim(p) && p.sex === 'M').reduce((k, p) => k + p.services.length, 0),
    identifiedMaleBegging: people.filter(
      (p) => p.status === 'IDENTIFIED' && p.sex === 'M' && p.forms.includes('BEGGING'),
    ).length,
    servicesByGroup,
    personsByGroup,
    personsWithService: people.filter(counted).length,
  };
}

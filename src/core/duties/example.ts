import { RULE_SET_FORMAT, RuleSetDocument } from '../../shared/duties/schemas';

/**
 * EXAMPLE rule set. It shows how the referral protocol is written as rules; it is not the
 * national protocol, nor legal advice, and says so in its title and in every rule, so a printout
 * or a task made from it can never be mistaken for an official duty. A ministry issues the real
 * one as a signed file.
 */
const EXAMPLE_LT = 'PAVYZDYS';
const EXAMPLE_EN = 'EXAMPLE';
const ex = (lt: string, en: string) => ({ lt: `${EXAMPLE_LT}: ${lt}`, en: `${EXAMPLE_EN}: ${en}` });

export const EXAMPLE_RULE_SET: RuleSetDocument = RuleSetDocument.parse({
  format: RULE_SET_FORMAT,
  version: 1,
  issuer: 'Sauga (EXAMPLE / PAVYZDYS)',
  issuedAt: '2026-01-01T00:00:00.000Z',
  title: {
    lt: 'PAVYZDINIS informavimo pareigų taisyklių rinkinys – ne oficialus protokolas',
    en: 'EXAMPLE information-duty rule set – not an official protocol',
  },
  example: true,
  effectiveFrom: '2020-01-01',
  rules: [
    {
      id: 'EX.RIGHTS',
      title: ex('informuoti asmenį apie jo teises', 'inform the person of their rights'),
      trigger: 'PRESUMED_VICTIM_IDENTIFIED',
      recipient: { kind: 'VICTIM' },
      information: ex(
        'Direktyvos 2012/29/ES 4 straipsnio 1 dalyje išvardyta informacija, asmeniui suprantama kalba.',
        'The information listed in art. 4(1) of Directive 2012/29/EU, in a language the person understands.',
      ),
      deadline: { amount: 2, unit: 'working_days' },
      authority: {
        kind: 'LEGAL_BASIS',
        text: ex('Direktyvos 2012/29/ES 4 straipsnis.', 'Directive 2012/29/EU, art. 4.'),
      },
      victimDuty: { kind: 'RIGHTS_INFORMATION', items: ['A', 'B', 'C', 'D', 'E', 'F', 'H', 'I', 'J', 'K'] },
    },
    {
      id: 'EX.REFLECTION',
      title: ex('pasiūlyti apmąstymo laikotarpį', 'offer a reflection period'),
      trigger: 'PRESUMED_VICTIM_IDENTIFIED',
      requires: ['THIRD_COUNTRY_NATIONAL'],
      recipient: { kind: 'VICTIM' },
      information: ex(
        'Ne trumpesnis kaip 30 dienų apmąstymo laikotarpis, per kurį asmuo nebus išsiųstas ir gali nuspręsti, ar bendradarbiauti.',
        'A reflection period of at least 30 days, during which the person is not removed and can decide whether to cooperate.',
      ),
      deadline: { amount: 3, unit: 'days' },
      authority: {
        kind: 'LEGAL_BASIS',
        text: ex(
          'Europos Tarybos konvencijos CETS 197 13 straipsnis; Direktyvos 2004/81/EB 6 straipsnis.',
          'Council of Europe Convention CETS 197, art. 13; Directive 2004/81/EC, art. 6.',
        ),
      },
      victimDuty: { kind: 'REFLECTION_PERIOD', minDays: 30 },
    },
    {
      id: 'EX.POLICE',
      title: ex('pranešti policijai apie tikėtiną auką', 'notify the police of a presumed victim'),
      trigger: 'PRESUMED_VICTIM_IDENTIFIED',
      recipient: { kind: 'INSTITUTION', type: 'POLICE' },
      information: ex(
        'Kad nustatyta tikėtina prekybos žmonėmis auka, ir tik tiek duomenų, kiek leidžia asmens sutikimas.',
        'That a presumed victim of trafficking was identified, with only the data the person consented to.',
      ),
      deadline: { amount: 3, unit: 'working_days' },
      authority: { kind: 'CONSENT', recipient: 'POLICE', purpose: 'IDENTIFICATION' },
    },
    {
      id: 'EX.CHILD',
      title: ex('pranešti vaiko teisių apsaugos tarnybai', 'notify the child-rights service'),
      trigger: 'MINOR',
      requires: ['PRESUMED_VICTIM_IDENTIFIED'],
      recipient: { kind: 'INSTITUTION', type: 'CHILD_RIGHTS' },
      information: ex(
        'Kad vaikas gali būti prekybos žmonėmis auka ir jam reikia apsaugos.',
        'That a child may be a victim of trafficking and needs protection.',
      ),
      deadline: { amount: 24, unit: 'hours' },
      authority: {
        kind: 'LEGAL_BASIS',
        text: ex(
          'Pareiga nedelsiant pranešti apie galimą vaiko teisių pažeidimą.',
          'The duty to report a possible violation of a child’s rights without delay.',
        ),
      },
    },
    {
      id: 'EX.MIGRATION',
      title: ex('informuoti Migracijos departamentą', 'inform the migration department'),
      trigger: 'THIRD_COUNTRY_NATIONAL',
      requires: ['PRESUMED_VICTIM_IDENTIFIED'],
      recipient: { kind: 'INSTITUTION', type: 'MIGRATION' },
      information: ex(
        'Kad trečiosios šalies piliečiui suteiktas apmąstymo laikotarpis ir prašoma laikino leidimo gyventi.',
        'That a third-country national was granted a reflection period, and a temporary residence permit is requested.',
      ),
      deadline: { amount: 5, unit: 'working_days' },
      authority: { kind: 'CONSENT', recipient: 'MIGRATION', purpose: 'RESIDENCE_PERMIT' },
    },
    {
      id: 'EX.PROSECUTOR',
      title: ex('informuoti prokurorą apie bendradarbiavimą', 'inform the prosecutor of cooperation'),
      trigger: 'COOPERATES_WITH_POLICE',
      recipient: { kind: 'INSTITUTION', type: 'PROSECUTOR' },
      information: ex(
        'Kad asmuo sutiko bendradarbiauti tyrime, ir kokios apsaugos bei pagalbos jam reikia.',
        'That the person agreed to cooperate with the investigation, and what protection and support they need.',
      ),
      deadline: { amount: 5, unit: 'working_days' },
      authority: { kind: 'CONSENT', recipient: 'PROSECUTOR', purpose: 'CRIMINAL_PROCEEDINGS' },
    },
    {
      id: 'EX.MUNICIPALITY',
      title: ex('nukreipti į savivaldybės socialines paslaugas', 'refer to municipal social services'),
      trigger: 'PRESUMED_VICTIM_IDENTIFIED',
      recipient: { kind: 'INSTITUTION', type: 'MUNICIPALITY' },
      information: ex(
        'Kokių socialinių paslaugų asmeniui reikia (apgyvendinimo, pašalpų, dokumentų).',
        'Which social services the person needs (accommodation, benefits, documents).',
      ),
      deadline: { amount: 10, unit: 'days' },
      authority: { kind: 'CONSENT', recipient: 'MUNICIPALITY', purpose: 'REFERRAL' },
    },
    {
      id: 'EX.REVIEW',
      title: ex('peržiūrėti pagalbos planą', 'review the support plan'),
      trigger: 'CASE_OPENED',
      recipient: { kind: 'VICTIM' },
      information: ex(
        'Kartu su asmeniu peržiūrėti poreikius, riziką ir pagalbos planą; įrašyti vertinimą.',
        'Review needs, risk and the support plan with the person; record an assessment.',
      ),
      deadline: { amount: 90, unit: 'days' },
      authority: {
        kind: 'LEGAL_BASIS',
        text: ex('Organizacijos atvejo vadybos tvarka.', 'The organisation’s case management procedure.'),
      },
      victimDuty: { kind: 'REVIEW', every: { amount: 90, unit: 'days' } },
    },
    {
      id: 'EX.CLOSURE',
      title: ex('pranešti savivaldybei apie bylos uždarymą', 'tell the municipality the case was closed'),
      trigger: 'CASE_CLOSED',
      requires: ['PRESUMED_VICTIM_IDENTIFIED'],
      recipient: { kind: 'INSTITUTION', type: 'MUNICIPALITY' },
      information: ex(
        'Kad organizacija nebeteikia pagalbos, ir kokios paslaugos turėtų būti tęsiamos.',
        'That the organisation no longer provides support, and which services should continue.',
      ),
      deadline: { amount: 5, unit: 'working_days' },
      authority: { kind: 'CONSENT', recipient: 'MUNICIPALITY', purpose: 'ASSISTANCE' },
    },
  ],
});

import type { Period } from '../../../shared/stats/model';
import type { CellLookup, CellView } from './cells';
import { MONTHS_EN, MONTHS_LT_GEN, QUARTERS_EN, ROMAN } from '../../../shared/stats/labels';

/**
 * The summary in words, from published cells only. Each figure is either a number or a
 * clause saying it is not published; the sentences are written so that both read correctly.
 */

/**
 * Lithuanian number agreement: 1, 21, 31 … take the singular; numbers ending in 0 or 11–19
 * take the genitive plural; the rest take the plural of the case the sentence needs.
 */
type LtForm = 'one' | 'few' | 'many';
function ltForm(n: number): LtForm {
  const d = n % 10;
  const dd = n % 100;
  if (dd >= 11 && dd <= 19) return 'many';
  if (d === 1) return 'one';
  if (d === 0) return 'many';
  return 'few';
}
function lt(n: number, forms: Record<LtForm, string>): string {
  return `${n} ${forms[ltForm(n)]}`;
}
function en(n: number, one: string, other: string): string {
  return `${n} ${n === 1 ? one : other}`;
}

function valueOf(v: CellView): number | null {
  return v.kind === 'value' ? v.value : null;
}

export function periodWhen(p: Period): { lt: string; en: string } {
  if (p.kind === 'year') return { lt: `${p.year} m.`, en: `In ${p.year}` };
  if (p.kind === 'quarter') {
    return {
      lt: `${p.year} m. ${ROMAN[p.quarter - 1] ?? p.quarter} ketvirtį`,
      en: `In the ${QUARTERS_EN[p.quarter - 1] ?? p.quarter} quarter of ${p.year}`,
    };
  }
  return {
    lt: `${p.year} m. ${MONTHS_LT_GEN[p.month - 1] ?? p.month} mėn.`,
    en: `In ${MONTHS_EN[p.month - 1] ?? p.month} ${p.year}`,
  };
}

export interface Summary {
  lt: string[];
  en: string[];
}

export function summarise(period: Period, cell: CellLookup): Summary {
  const when = periodWhen(period);
  const total = valueOf(cell('T1', { VICTIM_STATUS: '_T', SEX: '_T' }));
  const men = valueOf(cell('T1', { VICTIM_STATUS: '_T', SEX: 'M' }));
  const victims = valueOf(cell('T1', { VICTIM_STATUS: 'VOT', SEX: '_T' }));
  const atRisk = valueOf(cell('T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' }));
  const identified = valueOf(cell('T1', { VICTIM_STATUS: 'VOT_IDENT', SEX: '_T' }));
  const presumed = valueOf(cell('T1', { VICTIM_STATUS: 'VOT_PRES', SEX: '_T' }));
  const children = valueOf(cell('T2', { SEX: '_T', AGE: 'Y_LT18' }));
  const services = valueOf(cell('T7', { SERVICE: '_T', SEX: '_T' }));
  const servicesMen = valueOf(cell('T7', { SERVICE: '_T', SEX: 'M' }));

  const asmuo = { one: 'asmeniui', few: 'asmenims', many: 'asmenų' };
  const ltPersons =
    `${when.lt} pagalba suteikta ` +
    (total === null ? 'asmenims, kurių bendras skaičius neskelbiamas' : lt(total, asmuo)) +
    (men === null
      ? ' (vyrų skaičius neskelbiamas)'
      : ` (iš jų ${lt(men, { one: 'vyrui', few: 'vyrams', many: 'vyrų' })})`) +
    ': ' +
    (victims === null ? 'aukoms (skaičius neskelbiamas)' : lt(victims, { one: 'aukai', few: 'aukoms', many: 'aukų' })) +
    ' ir ' +
    (atRisk === null
      ? 'rizikos grupės asmenims (skaičius neskelbiamas)'
      : lt(atRisk, {
          one: 'rizikos grupės asmeniui',
          few: 'rizikos grupės asmenims',
          many: 'rizikos grupės asmenų',
        })) +
    '.';
  const enPersons =
    `${when.en}, assistance was provided to ` +
    (total === null ? 'a number of individuals that is not published' : en(total, 'individual', 'individuals')) +
    (men === null ? ' (the number of men is not published)' : ` (${men} of them ${men === 1 ? 'a man' : 'men'})`) +
    ': ' +
    (victims === null ? 'victims (number not published)' : en(victims, 'victim', 'victims')) +
    ' and ' +
    (atRisk === null ? 'people at risk (number not published)' : en(atRisk, 'person at risk', 'people at risk')) +
    '.';

  // The participle agrees with the noun: "suteikta 1 paslauga", "suteiktos 3 paslaugos",
  // "suteikta 10 paslaugų".
  const ltServices =
    (services === null
      ? 'Suteikta paslaugų, kurių bendras skaičius neskelbiamas'
      : `${ltForm(services) === 'few' ? 'Suteiktos' : 'Suteikta'} ${lt(services, {
          one: 'paslauga',
          few: 'paslaugos',
          many: 'paslaugų',
        })}`) +
    (servicesMen === null ? '; vyrams suteiktų paslaugų skaičius neskelbiamas.' : `, iš jų ${servicesMen} – vyrams.`);
  const enServices =
    (services === null
      ? 'Services were rendered, but their total number is not published'
      : `${en(services, 'service', 'services')} ${services === 1 ? 'was' : 'were'} rendered`) +
    (servicesMen === null ? '; the number rendered to men is not published.' : `, ${servicesMen} of them to men.`);

  // Dash and colon forms need no agreement with the number, so a missing figure reads as well
  // as a present one.
  const np = { lt: 'neskelbiama', en: 'not published' };
  const show = (n: number | null, lang: 'lt' | 'en'): string => (n === null ? np[lang] : String(n));
  const ltVictims =
    `Pripažintų aukų – ${show(identified, 'lt')}, tikėtinų aukų – ${show(presumed, 'lt')}; ` +
    `nepilnamečių (iki 18 metų) aukų – ${show(children, 'lt')}.`;
  const enVictims =
    `Formally identified victims: ${show(identified, 'en')}; presumed victims: ${show(presumed, 'en')}; ` +
    `child victims (under 18): ${show(children, 'en')}.`;

  const anySuppressed = [total, men, victims, atRisk, identified, presumed, children, services, servicesMen].some(
    (v) => v === null,
  );
  const ltNote = 'Neskelbiami skaičiai paslėpti, kad nebūtų galima atpažinti asmenų (žr. paaiškinimą).';
  const enNote = 'Figures not published are suppressed so that no person can be identified (see the legend).';

  return {
    lt: [ltPersons, ltServices, ltVictims, ...(anySuppressed ? [ltNote] : [])],
    en: [enPersons, enServices, enVictims, ...(anySuppressed ? [enNote] : [])],
  };
}

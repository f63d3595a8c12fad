import type { SuppressionReason } from './dto';
import { type Dimension, type TableId, type DIMENSIONS } from './model';

/**
 * Lithuanian and English labels for every code of every dimension, every dimension and every
 * table: the one source for the statistics screen (through its i18n bundles, labelsIn), the
 * printable report, the workbook and the national report, which must all name a cell alike.
 * The report and the workbook carry both languages whatever language the app runs in, since
 * the ministry reads both. Wording follows src/shared/cases/codes.ts where the same notion
 * appears there.
 */

export interface Bilingual {
  lt: string;
  en: string;
}

type CodeLabels<D extends Dimension> = Record<(typeof DIMENSIONS)[D][number], Bilingual>;

const UNKNOWN: Bilingual = { lt: 'Nežinoma', en: 'Unknown' };
const TOTAL: Bilingual = { lt: 'Iš viso', en: 'Total' };

export const CODE_LABELS: { [D in Dimension]: CodeLabels<D> } = {
  VICTIM_STATUS: {
    VOT_IDENT: { lt: 'Pripažintos aukos', en: 'Formally identified victims' },
    VOT_PRES: { lt: 'Tikėtinos aukos', en: 'Presumed victims' },
    VOT: { lt: 'Aukos iš viso', en: 'Victims, total' },
    AT_RISK: { lt: 'Rizikos grupės asmenys', en: 'Persons at risk' },
    _T: TOTAL,
  },
  SEX: {
    F: { lt: 'Moterys', en: 'Women' },
    M: { lt: 'Vyrai', en: 'Men' },
    _U: UNKNOWN,
    _T: TOTAL,
  },
  AGE: {
    Y_LT18: { lt: 'Iki 18 m.', en: 'Under 18' },
    Y_GE18: { lt: '18 m. ir daugiau', en: '18 and over' },
    _U: UNKNOWN,
    _T: TOTAL,
  },
  CITIZENSHIP: {
    NAT: { lt: 'Šalies piliečiai', en: 'Nationals' },
    EU_FOR: { lt: 'Kitų ES valstybių piliečiai', en: 'Citizens of other EU countries' },
    NEU_FOR: { lt: 'Ne ES valstybių piliečiai', en: 'Non-EU citizens' },
    STLS: { lt: 'Asmenys be pilietybės', en: 'Stateless persons' },
    _U: UNKNOWN,
    _T: TOTAL,
  },
  EXPLOIT: {
    SEX_EXPL: { lt: 'Seksualinis išnaudojimas', en: 'Sexual exploitation' },
    LAB_EXPL: { lt: 'Priverstinis darbas ar paslaugos', en: 'Forced labour or services' },
    CRIM_ACT: { lt: 'Išnaudojimas nusikalstamai veikai', en: 'Exploitation of criminal activities' },
    BEGGING: { lt: 'Priverstinis elgetavimas', en: 'Forced begging' },
    FORCED_MARR: { lt: 'Priverstinė santuoka', en: 'Forced marriage' },
    ORGAN: { lt: 'Organų pašalinimas', en: 'Removal of organs' },
    OTHER: { lt: 'Kita išnaudojimo forma', en: 'Other form of exploitation' },
    _U: UNKNOWN,
    _T: { lt: 'Aukos iš viso', en: 'Victims, total' },
  },
  TRAFF_TYPE: {
    DOMESTIC: { lt: 'Vidaus (šalies viduje)', en: 'Domestic' },
    TRANSNAT: { lt: 'Tarptautinė', en: 'Transnational' },
    _U: UNKNOWN,
    _T: TOTAL,
  },
  REFERRAL: {
    POLICE: { lt: 'Policija', en: 'Police' },
    BORDER: { lt: 'Valstybės sienos apsaugos tarnyba', en: 'State Border Guard' },
    LABOUR_INSP: { lt: 'Valstybinė darbo inspekcija', en: 'Labour inspectorate' },
    CONSULAR: { lt: 'Konsulinė įstaiga', en: 'Consulate' },
    NGO: { lt: 'Kita nevyriausybinė organizacija', en: 'Other NGO' },
    SELF: { lt: 'Kreipėsi pats asmuo', en: 'Self-referral' },
    OTHER: { lt: 'Kita', en: 'Other' },
    _U: UNKNOWN,
    _T: TOTAL,
  },
  SERVICE: {
    PSYCH: { lt: 'Psichologinė pagalba', en: 'Psychological assistance' },
    MEDICAL: { lt: 'Medicininė pagalba', en: 'Medical care' },
    HOUSING: { lt: 'Apgyvendinimas', en: 'Accommodation' },
    LEGAL: { lt: 'Teisinė pagalba', en: 'Legal assistance' },
    SOCIAL: { lt: 'Socialinės paslaugos', en: 'Social services' },
    EMPLOY_EDU: { lt: 'Užimtumas ir švietimas', en: 'Employment and education' },
    RETURN: { lt: 'Grįžimas ir reintegracija', en: 'Return and reintegration' },
    MATERIAL: { lt: 'Materialinė parama', en: 'Material assistance' },
    OTHER: { lt: 'Kita', en: 'Other' },
    _T: TOTAL,
  },
};

/**
 * Where a total means something other than the sum of its rows. In T6 a person receiving
 * several kinds of service is one person in the total, so the total is "any service"; in T7
 * services are counted and do add up.
 */
export const ROW_LABEL_OVERRIDES = {
  T6: { _T: { lt: 'Bet kuri paslauga', en: 'Any service' } },
} satisfies Partial<Record<TableId, Record<string, Bilingual>>>;

export function codeLabel(dim: Dimension, code: string): Bilingual {
  const labels = CODE_LABELS[dim] as Record<string, Bilingual>;
  return labels[code] ?? { lt: code, en: code };
}

export const DIMENSION_LABELS: Record<Dimension, Bilingual> = {
  VICTIM_STATUS: { lt: 'Statusas', en: 'Status' },
  SEX: { lt: 'Lytis', en: 'Sex' },
  AGE: { lt: 'Amžius', en: 'Age' },
  CITIZENSHIP: { lt: 'Pilietybė', en: 'Citizenship' },
  EXPLOIT: { lt: 'Išnaudojimo forma', en: 'Form of exploitation' },
  TRAFF_TYPE: { lt: 'Prekybos žmonėmis pobūdis', en: 'Type of trafficking' },
  REFERRAL: { lt: 'Kas nukreipė', en: 'Referred by' },
  SERVICE: { lt: 'Paslaugų grupė', en: 'Service group' },
};

export const TABLE_TITLES: Record<TableId, Bilingual> = {
  T1: {
    lt: 'Asmenys, kuriems suteikta pagalba, pagal statusą ir lytį',
    en: 'Persons assisted, by status and sex',
  },
  T2: { lt: 'Aukos pagal lytį ir amžių', en: 'Victims by sex and age' },
  T3: { lt: 'Aukos pagal pilietybę', en: 'Victims by citizenship' },
  T4: { lt: 'Aukos pagal išnaudojimo formą', en: 'Victims by form of exploitation' },
  T5: { lt: 'Aukos pagal tai, kas jas nukreipė', en: 'Victims by source of referral' },
  T6: {
    lt: 'Asmenys, gavę paslaugas, pagal paslaugų grupę ir lytį',
    en: 'Persons receiving services, by service group and sex',
  },
  T7: { lt: 'Suteiktos paslaugos pagal paslaugų grupę ir lytį', en: 'Services rendered, by service group and sex' },
};

export const MEASURE_UNITS = {
  PERS: { lt: 'asmenys', en: 'persons' },
  SERV: { lt: 'paslaugos', en: 'services' },
} as const satisfies Record<string, Bilingual>;

/** Why a table's columns do not add up to its total; shown under the table and in the legend. */
export const MULTI_COUNT_NOTES = {
  T4: {
    lt: 'Asmuo, patyręs kelias išnaudojimo formas, skaičiuojamas prie kiekvienos iš jų, todėl eilučių suma gali viršyti „Aukos iš viso“.',
    en: 'A person who suffered several forms of exploitation is counted under each, so the rows may add up to more than “Victims, total”.',
  },
  T6: {
    lt: 'Asmuo, gavęs kelių grupių paslaugas, skaičiuojamas prie kiekvienos iš jų, todėl eilučių suma gali viršyti „Bet kuri paslauga“.',
    en: 'A person who received several kinds of service is counted under each, so the rows may add up to more than “Any service”.',
  },
} satisfies Partial<Record<TableId, Bilingual>>;

export const REASON_LABELS: Record<SuppressionReason, Bilingual> = {
  threshold: { lt: 'Mažiau nei k asmenų (pirminis)', en: 'Fewer than k persons (primary)' },
  'few-persons': {
    lt: 'Paslaugas gavo mažiau nei k asmenų (pirminis)',
    en: 'Services received by fewer than k persons (primary)',
  },
  'revealing-zero': {
    lt: 'Nulis, atskleidžiantis grupės požymį (pirminis)',
    en: 'Zero that would reveal an attribute of a group (primary)',
  },
  linked: { lt: 'Susietas slėpimas (antrinis)', en: 'Linked suppression (secondary)' },
  revision: {
    lt: 'Dėl anksčiau paskelbtų duomenų (antrinis)',
    en: 'Because of earlier published returns (secondary)',
  },
};

export const REASONS: readonly SuppressionReason[] = [
  'threshold',
  'few-persons',
  'revealing-zero',
  'linked',
  'revision',
];

export const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Nominative, for "2026 m. kovas" in the title block. */
export const MONTHS_LT_NOM = [
  'sausis',
  'vasaris',
  'kovas',
  'balandis',
  'gegužė',
  'birželis',
  'liepa',
  'rugpjūtis',
  'rugsėjis',
  'spalis',
  'lapkritis',
  'gruodis',
] as const;

/** Genitive, for "2026 m. kovo mėn. pagalba suteikta …" in the summary. */
export const MONTHS_LT_GEN = [
  'sausio',
  'vasario',
  'kovo',
  'balandžio',
  'gegužės',
  'birželio',
  'liepos',
  'rugpjūčio',
  'rugsėjo',
  'spalio',
  'lapkričio',
  'gruodžio',
] as const;

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;
export const QUARTERS_EN = ['first', 'second', 'third', 'fourth'] as const;

/** The labels in one language, shaped for an i18n bundle (src/shared/i18n/stats.*.ts). */
export function labelsIn(lang: keyof Bilingual): {
  codes: { [D in Dimension]: Record<(typeof DIMENSIONS)[D][number], string> };
  dimensions: Record<Dimension, string>;
  titles: Record<TableId, string>;
} {
  const pick = <K extends string>(r: Record<K, Bilingual>): Record<K, string> =>
    Object.fromEntries(Object.entries<Bilingual>(r).map(([k, v]) => [k, v[lang]])) as Record<K, string>;
  const codes = Object.fromEntries(
    Object.entries(CODE_LABELS).map(([d, labels]) => [d, pick(labels as Record<string, Bilingual>)]),
  ) as { [D in Dimension]: Record<(typeof DIMENSIONS)[D][number], string> };
  return { codes, dimensions: pick(DIMENSION_LABELS), titles: pick(TABLE_TITLES) };
}

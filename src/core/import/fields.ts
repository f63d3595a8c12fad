import type { CodeEntry } from '../../shared/cases/codes';
import { IMPORT_CODE_LISTS } from '../../shared/import/codes';
import type { ImportField } from '../../shared/import/schemas';
import { fold } from '../cases/text';

/**
 * Where each importable field lands in the case record, how its text is read, and the
 * header words (Lithuanian and English) that suggest it.
 */
export type FieldKind = 'text' | 'longText' | 'isoDate' | 'partialDate' | 'int' | 'bool' | 'code' | 'codes' | 'list';
export type Target = 'new' | 'identity' | 'status' | 'experience' | 'management' | 'owner' | 'note';

export interface FieldDef {
  target: Target;
  /** The key inside the target section. */
  key: string;
  kind: FieldKind;
  codes?: readonly CodeEntry[];
  /** For code lists that accept any code of a standard (ISO countries, languages). */
  anyCode?: RegExp;
  /** Extra spellings seen in real spreadsheets, folded: value -> code. */
  aliases?: Record<string, string>;
  /** Header words, folded; the first that matches the whole header wins. */
  headers: string[];
}

export const FIELDS: Record<ImportField, FieldDef> = {
  openedOn: {
    target: 'new',
    key: 'openedOn',
    kind: 'isoDate',
    headers: [
      'atidarymo data',
      'bylos atidarymo data',
      'atidaryta',
      'registravimo data',
      'opened',
      'opened on',
      'date opened',
      'opening date',
      'open date',
    ],
  },
  givenNames: {
    target: 'identity',
    key: 'givenNames',
    kind: 'text',
    headers: ['vardas', 'vardai', 'given name', 'given names', 'first name', 'first names', 'forename'],
  },
  familyNames: {
    target: 'identity',
    key: 'familyNames',
    kind: 'text',
    headers: ['pavarde', 'pavardes', 'family name', 'family names', 'surname', 'last name'],
  },
  aliases: {
    target: 'identity',
    key: 'aliases',
    kind: 'list',
    headers: ['slapyvardis', 'slapyvardziai', 'kiti vardai', 'alias', 'aliases', 'other names'],
  },
  dateOfBirth: {
    target: 'identity',
    key: 'dateOfBirth',
    kind: 'partialDate',
    headers: ['gimimo data', 'gime', 'date of birth', 'birth date', 'dob', 'born'],
  },
  estimatedAge: {
    target: 'identity',
    key: 'estimatedAge',
    kind: 'int',
    headers: ['amzius', 'numatomas amzius', 'age', 'estimated age'],
  },
  sex: {
    target: 'identity',
    key: 'sex',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.sex,
    aliases: {
      moteris: 'F',
      mot: 'F',
      moter: 'F',
      vyras: 'M',
      vyr: 'M',
      v: 'M',
      female: 'F',
      woman: 'F',
      male: 'M',
      man: 'M',
      nezinoma: 'U',
      unknown: 'U',
    },
    headers: ['lytis', 'sex', 'gender (sex)'],
  },
  gender: {
    target: 'identity',
    key: 'gender',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.gender,
    headers: ['lytine tapatybe', 'gender', 'gender identity'],
  },
  citizenships: {
    target: 'identity',
    key: 'citizenships',
    kind: 'codes',
    codes: IMPORT_CODE_LISTS.citizenships,
    anyCode: /^[A-Z]{2}$/u,
    aliases: {
      lietuvos: 'LT',
      'lietuvos respublika': 'LT',
      lithuanian: 'LT',
      latvian: 'LV',
      polish: 'PL',
      ukrainian: 'UA',
      russian: 'RU',
      belarusian: 'BY',
      stateless: 'XX',
      'be pilietybes': 'XX',
    },
    headers: ['pilietybe', 'pilietybes', 'citizenship', 'citizenships', 'nationality'],
  },
  languages: {
    target: 'identity',
    key: 'languages',
    kind: 'codes',
    codes: IMPORT_CODE_LISTS.languages,
    anyCode: /^[a-z]{2}$/u,
    aliases: {
      'lietuviu kalba': 'lt',
      'rusu kalba': 'ru',
      'anglu kalba': 'en',
      'ukrainieciu kalba': 'uk',
      'lenku kalba': 'pl',
    },
    headers: ['kalba', 'kalbos', 'language', 'languages'],
  },
  interpreterNeeded: {
    target: 'identity',
    key: 'interpreterNeeded',
    kind: 'bool',
    headers: ['reikia vertejo', 'vertejas', 'interpreter', 'interpreter needed'],
  },
  phone: {
    target: 'identity',
    key: 'phone',
    kind: 'text',
    headers: ['telefonas', 'tel', 'tel nr', 'telefono numeris', 'phone', 'telephone', 'phone number'],
  },
  email: {
    target: 'identity',
    key: 'email',
    kind: 'text',
    headers: ['el pastas', 'el pasto adresas', 'e pastas', 'email', 'e mail'],
  },
  address: {
    target: 'identity',
    key: 'address',
    kind: 'longText',
    headers: ['adresas', 'gyvenamoji vieta', 'address'],
  },
  victimStatus: {
    target: 'status',
    key: 'victimStatus',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.victimStatus,
    aliases: {
      auka: 'IDENTIFIED',
      pripazinta: 'IDENTIFIED',
      tiketina: 'PRESUMED',
      rizika: 'AT_RISK',
      victim: 'IDENTIFIED',
      presumed: 'PRESUMED',
      'at risk': 'AT_RISK',
    },
    headers: ['statusas', 'aukos statusas', 'asmens statusas', 'victim status', 'status'],
  },
  firstIdentifier: {
    target: 'status',
    key: 'firstIdentifier',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.firstIdentifier,
    aliases: { policija: 'POLICE', vsat: 'BORDER_GUARD', vdi: 'LABOUR_INSPECTORATE', pats: 'SELF', nvo: 'NGO' },
    headers: [
      'kas nustate',
      'pirmasis identifikavo',
      'siuntejas',
      'identifikavo',
      'first identified by',
      'first identifier',
      'identified by',
      'referred by',
    ],
  },
  firstContactOn: {
    target: 'status',
    key: 'firstContactOn',
    kind: 'partialDate',
    headers: ['pirmo kontakto data', 'pirmas kontaktas', 'first contact', 'first contact on', 'date of first contact'],
  },
  decidedOn: {
    target: 'status',
    key: 'decidedOn',
    kind: 'partialDate',
    headers: [
      'statuso data',
      'pripazinimo data',
      'sprendimo data',
      'status decided on',
      'decided on',
      'identification date',
    ],
  },
  exploitationForms: {
    target: 'experience',
    key: 'exploitationForms',
    kind: 'codes',
    codes: IMPORT_CODE_LISTS.exploitationForms,
    aliases: {
      seksualinis: 'SEXUAL',
      darbo: 'FORCED_LABOUR',
      'priverstinis darbas': 'FORCED_LABOUR',
      elgetavimas: 'BEGGING',
      'nusikalstama veika': 'CRIMINAL_ACTIVITIES',
      sexual: 'SEXUAL',
      labour: 'FORCED_LABOUR',
      labor: 'FORCED_LABOUR',
      begging: 'BEGGING',
    },
    headers: [
      'isnaudojimo forma',
      'isnaudojimo formos',
      'isnaudojimas',
      'form of exploitation',
      'forms of exploitation',
      'exploitation',
      'exploitation forms',
    ],
  },
  traffickingType: {
    target: 'experience',
    key: 'traffickingType',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.traffickingType,
    aliases: { vidaus: 'DOMESTIC', tarptautine: 'TRANSNATIONAL', international: 'TRANSNATIONAL' },
    headers: ['prekybos tipas', 'prekybos zmonemis tipas', 'trafficking type', 'type of trafficking'],
  },
  recruiterRelationship: {
    target: 'experience',
    key: 'recruiterRelationship',
    kind: 'code',
    codes: IMPORT_CODE_LISTS.recruiterRelationship,
    headers: ['rysys su verbuotoju', 'verbuotojas', 'recruiter relationship', 'relationship to recruiter', 'recruiter'],
  },
  exploitationFrom: {
    target: 'experience',
    key: 'exploitationFrom',
    kind: 'partialDate',
    headers: ['isnaudojimo pradzia', 'isnaudojimas nuo', 'exploitation from', 'exploitation start'],
  },
  exploitationTo: {
    target: 'experience',
    key: 'exploitationTo',
    kind: 'partialDate',
    headers: ['isnaudojimo pabaiga', 'isnaudojimas iki', 'exploitation to', 'exploitation end'],
  },
  experienceSummary: {
    target: 'experience',
    key: 'summary',
    kind: 'longText',
    headers: ['patirties aprasymas', 'aplinkybes', 'istorija', 'experience summary', 'story', 'circumstances'],
  },
  flags: {
    target: 'management',
    key: 'flags',
    kind: 'codes',
    codes: IMPORT_CODE_LISTS.flags,
    aliases: { nepilnametis: 'MINOR', nepilnameti: 'MINOR', minor: 'MINOR' },
    headers: ['zymos', 'pozymiai', 'flags', 'case flags'],
  },
  managementNote: {
    target: 'management',
    key: 'note',
    kind: 'longText',
    headers: ['bylos pastaba', 'pastaba bylai', 'case note', 'management note'],
  },
  owner: {
    target: 'owner',
    key: 'ownerId',
    kind: 'text',
    headers: [
      'atvejo vadybininkas',
      'socialinis darbuotojas',
      'darbuotojas',
      'atsakingas',
      'caseworker',
      'case worker',
      'owner',
      'assigned to',
    ],
  },
  note: {
    target: 'note',
    key: 'text',
    kind: 'longText',
    headers: ['pastabos', 'pastaba', 'komentaras', 'komentarai', 'notes', 'note', 'comment', 'comments'],
  },
};

/** Folded, punctuation as spaces, single spaces: how headers and values are compared. */
export const simplify = (s: string): string =>
  fold(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Header → field for the headers that clearly name one; each field at most once. */
export function suggestColumns(headers: readonly string[]): { header: string; field: ImportField }[] {
  const taken = new Set<ImportField>();
  const out: { header: string; field: ImportField }[] = [];
  const entries = Object.entries(FIELDS) as [ImportField, FieldDef][];
  const pick = (header: string, test: (h: string, word: string) => boolean): boolean => {
    const h = simplify(header);
    for (const [field, def] of entries) {
      if (taken.has(field)) continue;
      if (def.headers.some((w) => test(h, w))) {
        taken.add(field);
        out.push({ header, field });
        return true;
      }
    }
    return false;
  };
  const left = headers.filter((h) => !pick(h, (x, w) => x === w));
  for (const h of left) pick(h, (x, w) => w.length >= 4 && (x.startsWith(`${w} `) || x.endsWith(` ${w}`)));
  return out;
}

/**
 * The code a spreadsheet value stands for in a code-list field: an explicit mapping first,
 * then the code itself, its Lithuanian or English label, or a known spelling, all compared
 * without case and diacritics. Undefined when nothing matches.
 */
export function matchCode(def: FieldDef, value: string, explicit?: ReadonlyMap<string, string>): string | undefined {
  const v = simplify(value);
  const mapped = explicit?.get(v);
  if (mapped !== undefined) return mapped;
  const codes = def.codes ?? [];
  const trimmed = value.trim();
  for (const e of codes) if (e.code === trimmed || simplify(e.code) === v) return e.code;
  if (def.anyCode) {
    for (const c of [trimmed.toUpperCase(), trimmed.toLowerCase()]) if (def.anyCode.test(c)) return c;
  }
  for (const e of codes) if (simplify(e.lt) === v || simplify(e.en) === v) return e.code;
  return def.aliases?.[v];
}

import pdfmake from 'pdfmake';
import roboto from 'pdfmake/fonts/Roboto';
import { CONSENT_GIVERS, CONSENT_PURPOSES, labelOf, RECIPIENT_CATEGORIES } from '../../shared/cases/codes';
import { CaseSummary, type CaseSummaryInput, type FieldValue } from './package/schema';

/**
 * The readable half of a case summary package. Only pdfmake's bundled Roboto is used (it covers
 * ąčęėįšųūž); URLs and any other file are refused, so rendering never touches the network and
 * the document carries nothing but the summary. Same summary and language, same bytes.
 */

type Lang = 'lt' | 'en';

const TEXT = {
  lt: {
    title: 'Bylos santrauka',
    confidential: 'KONFIDENCIALU',
    organisation: 'Organizacija',
    caseCode: 'Bylos kodas',
    recipient: 'Gavėjas',
    recipientCategory: 'Gavėjo kategorija',
    fingerprint: 'Gavėjo rakto kontrolinis kodas',
    purpose: 'Tikslas',
    created: 'Parengta',
    packageId: 'Siuntos identifikatorius',
    consent: 'Sutikimas, kuriuo remiantis teikiama informacija',
    giver: 'Sutikimą davė',
    guardianName: 'Globėjas ar atstovas',
    consentRecipient: 'Kam leidžiama teikti',
    consentPurpose: 'Kokiu tikslu',
    scope: 'Apimtis',
    formVersion: 'Sutikimo formos versija',
    givenOn: 'Duotas',
    expiresOn: 'Galioja iki',
    noExpiry: 'Neterminuotas',
    consentRecord: 'Sutikimo įrašas',
    version: 'versija',
    empty: 'Santraukoje nėra kitų duomenų.',
    footer: (id: string, version: number, givenOn: string) =>
      `Konfidencialu: neperduokite kitiems. Informacija teikiama pagal sutikimą ${id} (versija ${version}), duotą ${givenOn}.`,
    page: (n: number, of: number) => `${n} / ${of}`,
  },
  en: {
    title: 'Case summary',
    confidential: 'CONFIDENTIAL',
    organisation: 'Organisation',
    caseCode: 'Case code',
    recipient: 'Recipient',
    recipientCategory: 'Recipient category',
    fingerprint: 'Recipient key fingerprint',
    purpose: 'Purpose',
    created: 'Prepared',
    packageId: 'Package id',
    consent: 'Consent that authorises this disclosure',
    giver: 'Given by',
    guardianName: 'Guardian or representative',
    consentRecipient: 'May be given to',
    consentPurpose: 'For the purpose of',
    scope: 'Scope',
    formVersion: 'Consent form version',
    givenOn: 'Given on',
    expiresOn: 'Valid until',
    noExpiry: 'No expiry',
    consentRecord: 'Consent record',
    version: 'version',
    empty: 'The summary holds no further information.',
    footer: (id: string, version: number, givenOn: string) =>
      `Confidential: do not pass on. Disclosed under consent ${id} (version ${version}), given on ${givenOn}.`,
    page: (n: number, of: number) => `${n} / ${of}`,
  },
} as const;

const FONT_FILES = new Set(Object.values(roboto.Roboto));

const GREY = '#555555';
const RULE = '#bbbbbb';

type Row = [string, FieldValue];

function table(rows: readonly Row[]): object {
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([label, value]) => [
        { text: label, style: 'label' },
        typeof value === 'string' ? { text: value } : { ul: value.map((item) => ({ text: item })) },
      ]),
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0,
      hLineColor: () => RULE,
      paddingTop: () => 4,
      paddingBottom: () => 4,
      paddingLeft: () => 0,
      paddingRight: () => 8,
    },
    margin: [0, 0, 0, 14],
  };
}

const heading = (text: string): object => ({ text, style: 'heading', headlineLevel: 1 });

/** The created time to the minute, in UTC, as the manifest states it. */
const when = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export async function renderSummaryPdf(input: CaseSummaryInput, lang: Lang): Promise<Uint8Array> {
  const s = CaseSummary.parse(input);
  const t = TEXT[lang];
  const c = s.consent.record;

  const consentRows: Row[] = [
    [t.giver, labelOf(CONSENT_GIVERS, c.giver, lang)],
    ...(c.guardianName ? [[t.guardianName, c.guardianName] as Row] : []),
    [t.consentRecipient, labelOf(RECIPIENT_CATEGORIES, c.recipient, lang)],
    [t.consentPurpose, labelOf(CONSENT_PURPOSES, c.purpose, lang)],
    ...(c.scope ? [[t.scope, c.scope] as Row] : []),
    ...(c.formVersion ? [[t.formVersion, c.formVersion] as Row] : []),
    [t.givenOn, c.givenOn],
    [t.expiresOn, c.expiresOn ?? t.noExpiry],
    [t.consentRecord, `${s.consent.id} (${t.version} ${s.consent.version})`],
  ];

  const content: object[] = [
    { text: t.confidential, style: 'banner' },
    // The title names the case by its code only: a PDF title shows up in viewers and file lists.
    { text: `${t.title} ${s.caseCode}`, style: 'title' },
    table([
      [t.organisation, s.organisation.name],
      [t.caseCode, s.caseCode],
      [t.recipient, s.recipient.institution],
      [t.recipientCategory, labelOf(RECIPIENT_CATEGORIES, s.recipient.category, lang)],
      [t.fingerprint, s.recipient.fingerprint],
      [t.purpose, labelOf(CONSENT_PURPOSES, s.purpose, lang)],
      [t.created, when(s.created)],
      [t.packageId, s.id],
    ]),
    heading(t.consent),
    table(consentRows),
  ];
  for (const section of s.sections) {
    content.push(heading(section.label[lang]));
    content.push(table(section.fields.map((f) => [f.label[lang], f.value] as Row)));
  }
  if (s.sections.length === 0) content.push({ text: t.empty, style: 'note' });

  const footerText = t.footer(s.consent.id, s.consent.version, c.givenOn);
  const created = new Date(s.created);
  const doc = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 70],
    language: lang,
    info: {
      title: `${t.title} ${s.caseCode}`,
      author: s.organisation.name,
      creator: 'Sauga',
      producer: 'Sauga',
      creationDate: created,
      modDate: created,
    },
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      banner: { fontSize: 9, bold: true, color: '#a00000', margin: [0, 0, 0, 6] },
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 14] },
      heading: { fontSize: 12, bold: true, margin: [0, 4, 0, 6] },
      label: { color: GREY },
      note: { italics: true, color: GREY },
    },
    footer: (page: number, pages: number) => ({
      margin: [50, 20, 50, 0],
      columns: [
        { text: footerText, fontSize: 8, color: GREY, width: '*' },
        { text: t.page(page, pages), fontSize: 8, color: GREY, width: 40, alignment: 'right' },
      ],
    }),
    // A heading never ends a page: it moves to the next one with its fields.
    pageBreakBefore: (node: { headlineLevel?: number }, nodes: { getFollowingNodesOnPage: () => unknown[] }) =>
      node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
    content,
  };

  // pdfmake is a process-wide singleton; fonts and policies are set right before each
  // (synchronous) createPdf, which copies them into its own printer.
  pdfmake.setFonts({ Roboto: { ...roboto.Roboto } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));
  const buffer = await pdfmake.createPdf(doc).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
}

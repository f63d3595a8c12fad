import pdfmake from 'pdfmake';
import roboto from 'pdfmake/fonts/Roboto';
import {
  CONSENT_GIVERS,
  CONSENT_PURPOSES,
  GDPR_LEGAL_BASES,
  labelOf,
  RECIPIENT_CATEGORIES,
} from '../../shared/cases/codes';
import {
  CaseSummary,
  type AuthorisingConsent,
  type CaseSummaryInput,
  type FieldValue,
  type OverrideAuthority,
} from './package/schema';

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
    override: 'Teisinis pagrindas teikti be asmens sutikimo',
    legalBasis: 'Teisinis pagrindas',
    decidedAt: 'Sprendimas priimtas',
    decidedBy: 'Patvirtino',
    twoSupervisors: 'Du organizacijos vadovai',
    overrideFooter: (basis: string) =>
      `Konfidencialu: neperduokite kitiems. Informacija teikiama be asmens sutikimo, remiantis teisiniu pagrindu: ${basis}.`,
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
    override: "Legal basis for disclosure without the person's consent",
    legalBasis: 'Legal basis',
    decidedAt: 'Decided',
    decidedBy: 'Approved by',
    twoSupervisors: "Two of the organisation's supervisors",
    overrideFooter: (basis: string) =>
      `Confidential: do not pass on. Disclosed without the person's consent, on the legal basis: ${basis}.`,
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

interface AuthorityPart {
  heading: string;
  rows: Row[];
  footer: string;
}

function consentPart(consent: AuthorisingConsent, lang: Lang): AuthorityPart {
  const t = TEXT[lang];
  const c = consent.record;
  return {
    heading: t.consent,
    rows: [
      [t.giver, labelOf(CONSENT_GIVERS, c.giver, lang)],
      ...(c.guardianName ? [[t.guardianName, c.guardianName] as Row] : []),
      [t.consentRecipient, labelOf(RECIPIENT_CATEGORIES, c.recipient, lang)],
      [t.consentPurpose, labelOf(CONSENT_PURPOSES, c.purpose, lang)],
      ...(c.scope ? [[t.scope, c.scope] as Row] : []),
      ...(c.formVersion ? [[t.formVersion, c.formVersion] as Row] : []),
      [t.givenOn, c.givenOn],
      [t.expiresOn, c.expiresOn ?? t.noExpiry],
      [t.consentRecord, `${consent.id} (${t.version} ${consent.version})`],
    ],
    footer: t.footer(consent.id, consent.version, c.givenOn),
  };
}

function overridePart(o: OverrideAuthority, lang: Lang): AuthorityPart {
  const t = TEXT[lang];
  // A GDPR code is shown as its article; a citation in words is shown as written.
  const basis = GDPR_LEGAL_BASES.some((b) => b.code === o.legalBasis)
    ? labelOf(GDPR_LEGAL_BASES, o.legalBasis, lang)
    : o.legalBasis;
  return {
    heading: t.override,
    rows: [
      [t.legalBasis, basis],
      [t.decidedBy, t.twoSupervisors],
      [t.decidedAt, when(o.decidedAt)],
    ],
    footer: t.overrideFooter(basis),
  };
}

export async function renderSummaryPdf(input: CaseSummaryInput, lang: Lang): Promise<Uint8Array> {
  const s = CaseSummary.parse(input);
  const t = TEXT[lang];
  const authority = s.consent ? consentPart(s.consent, lang) : overridePart(s.override as OverrideAuthority, lang);
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
    heading(authority.heading),
    table(authority.rows),
  ];
  for (const section of s.sections) {
    content.push(heading(section.label[lang]));
    content.push(table(section.fields.map((f) => [f.label[lang], f.value] as Row)));
  }
  if (s.sections.length === 0) content.push({ text: t.empty, style: 'note' });

  const footerText = authority.footer;
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

import type { AuthorisingConsentInput, CaseSummaryInput } from './schema';

/** Fixtures for the package and PDF tests: invented people and places, Lithuanian letters throughout. */

export const PROSECUTOR_FINGERPRINT = '12345 67890 13579 24680 11223 34455 66778 89900';

export const sampleConsent: AuthorisingConsentInput = {
  id: '0b6f8a52-3c1d-4e2f-9a7b-1c2d3e4f5a6b',
  version: 3,
  record: {
    giver: 'PERSON',
    recipient: 'PROSECUTOR',
    purpose: 'CRIMINAL_PROCEEDINGS',
    scope: 'Išnaudojimo aplinkybės ir suteikta pagalba',
    formVersion: 'S-2025-2',
    givenOn: '2026-03-01',
    expiresOn: '2027-03-01',
  },
};

export function sampleSummary(over: Partial<CaseSummaryInput> = {}): CaseSummaryInput {
  return {
    format: 'sauga-case-summary',
    formatVersion: 1,
    id: '7d3e2f1a-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
    created: '2026-04-02T09:30:00.000Z',
    organisation: { name: 'Paramos centras „Viltis“' },
    caseCode: '2026-00042',
    purpose: 'CRIMINAL_PROCEEDINGS',
    recipient: {
      institution: 'Vilniaus apygardos prokuratūra',
      category: 'PROSECUTOR',
      fingerprint: PROSECUTOR_FINGERPRINT,
    },
    sections: [
      {
        key: 'experience',
        label: { lt: 'Prekybos žmonėmis aplinkybės', en: 'Trafficking experience' },
        fields: [
          {
            key: 'exploitationForms',
            label: { lt: 'Išnaudojimo formos', en: 'Forms of exploitation' },
            value: ['Priverstinis darbas žemės ūkyje', 'Skolų vergija'],
          },
          {
            key: 'summary',
            label: { lt: 'Santrauka', en: 'Summary' },
            value: 'Įdarbinta per tarpininką Šiauliuose; dokumentai paimti, užmokestis nemokėtas.\nDirbo šiltnamiuose.',
          },
          {
            key: 'exploitationCountry',
            label: { lt: 'Išnaudojimo šalis', en: 'Country of exploitation' },
            value: 'Lietuva',
          },
        ],
      },
      {
        key: 'assistance',
        label: { lt: 'Suteikta pagalba', en: 'Assistance provided' },
        fields: [
          {
            key: 'services',
            label: { lt: 'Paslaugos', en: 'Services' },
            value: ['Apgyvendinimas (ąčęėįšųūž ĄČĘĖĮŠŲŪŽ)', 'Teisinė konsultacija'],
          },
        ],
      },
    ],
    consent: sampleConsent,
    ...over,
  };
}

import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// Columns derived from the case sections, kept by the case service on every write (records.ts
// refreshDerived), so that statistics read the narrow `cases` rows instead of decrypting every
// case's sections (a 100,000-case return in well under the 3 s budget), and a narrow index
// holding every filter column, so that the case list counts any filter without a table lookup
// and without walking a wide index.
//
// birth_date stands for the person's birth when it is only partly known, so that an age on a
// given day can be computed: a full (or ~estimated) date of birth as given, a year as 1 July, a
// month as the 15th (the middle, so ages near 18 are not all pushed one way), and an estimated
// age as a birth half a year before that age was reached on the day it was estimated.
export const BIRTH_DATE_SQL = `CASE
  WHEN length(ltrim(@dob, '~')) = 10 THEN ltrim(@dob, '~')
  WHEN length(ltrim(@dob, '~')) = 7 THEN ltrim(@dob, '~') || '-15'
  WHEN length(ltrim(@dob, '~')) = 4 THEN ltrim(@dob, '~') || '-07-01'
  WHEN @estAge IS NOT NULL THEN date(@estOn, printf('-%d years', @estAge), '-6 months')
END`;

const fromSections = (expr: string): string =>
  expr
    .replaceAll('@dob', `json_extract(i.data, '$.dateOfBirth')`)
    .replaceAll('@estAge', `json_extract(i.data, '$.estimatedAge')`)
    .replaceAll('@estOn', `coalesce(json_extract(i.data, '$.estimatedAgeOn'), c.opened_at)`);

export const m0005: Migration = {
  version: 5,
  name: 'derived statistics columns and count index',
  up(db) {
    db.exec(`
      ALTER TABLE cases ADD COLUMN birth_date TEXT;
      -- The identity section's citizenships as a JSON array, NULL when none is recorded.
      ALTER TABLE cases ADD COLUMN citizenships TEXT CHECK (citizenships IS NULL OR json_valid(citizenships));
      -- How the person came to the organisation: the first identifier, else the incoming referral's source.
      ALTER TABLE cases ADD COLUMN referral_source TEXT;
      ALTER TABLE case_services ADD COLUMN end_date TEXT;

      UPDATE cases AS c SET
        birth_date = (SELECT ${fromSections(BIRTH_DATE_SQL)} FROM case_sections i WHERE i.case_n = c.n AND i.section = 'identity'),
        citizenships = (SELECT json_extract(i.data, '$.citizenships') FROM case_sections i WHERE i.case_n = c.n AND i.section = 'identity'),
        referral_source = coalesce(
          (SELECT json_extract(s.data, '$.firstIdentifier') FROM case_sections s WHERE s.case_n = c.n AND s.section = 'status'),
          (SELECT json_extract(r.data, '$.incomingFrom') FROM case_sections r WHERE r.case_n = c.n AND r.section = 'referral'));
      UPDATE case_services SET end_date = json_extract(data, '$.endDate');

      CREATE INDEX cases_counts ON cases(status, victim_status, exploit_mask, opened_at, closed_at);
      -- Services rendered in a period, read from the index alone.
      CREATE INDEX case_services_period ON case_services(date, status, type, case_n, end_date);
    `);
  },
};

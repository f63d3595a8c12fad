import type { Migration } from '../migrate';

// Frozen: never edit a released migration; add a new one instead.
//
// case_services_date (date, type) from migration 3 is a prefix of case_services_period (date,
// status, type, case_n, end_date) from migration 5: every lookup by date, with or without the
// type, reads the wider index as well, and the statistics read it alone. The narrow one only
// cost writes: each service logged dirtied one more page at a place chosen by its date, and in
// an encrypted vault every dirty page is encrypted into the log and again at checkpoint (at
// 100,000 cases, 7 of the 45 pages a bulk-loaded case dirties; bench/, issue 3).
export const m0014: Migration = {
  version: 14,
  name: 'drop the services date index that the period index covers',
  up(db) {
    db.exec('DROP INDEX IF EXISTS case_services_date');
  },
};

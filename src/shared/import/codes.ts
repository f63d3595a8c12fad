import {
  CASE_FLAGS,
  COUNTRIES,
  EXPLOITATION_FORMS,
  GENDERS,
  LANGUAGES,
  RECRUITER_RELATIONSHIPS,
  REFERRAL_SOURCES,
  SEXES,
  TRAFFICKING_TYPES,
  VICTIM_STATUSES,
  type CodeEntry,
} from '../cases/codes';
import type { ImportField } from './schemas';

/** The code list behind each code field of an import, for value mappings in the UI and core. */
export const IMPORT_CODE_LISTS: Partial<Record<ImportField, readonly CodeEntry[]>> = {
  sex: SEXES,
  gender: GENDERS,
  citizenships: COUNTRIES,
  languages: LANGUAGES,
  victimStatus: VICTIM_STATUSES,
  firstIdentifier: REFERRAL_SOURCES,
  exploitationForms: EXPLOITATION_FORMS,
  traffickingType: TRAFFICKING_TYPES,
  recruiterRelationship: RECRUITER_RELATIONSHIPS,
  flags: CASE_FLAGS,
};

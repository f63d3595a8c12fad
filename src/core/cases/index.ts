export { assertCanSee, locateCase, recordDenial, seesAllCases, worksWithCases } from './access';
export { ATTACHMENT_MAX_BYTES, detectMime } from './attachments';
export { CaseErrorCode } from './errors';
export { allocateCode } from './records';
export { CaseService, type CaseServiceOptions } from './service';
export { fold, ftsQuery, nameKey, MIN_SEARCH_TERM } from './text';

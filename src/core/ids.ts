import { v7 } from 'uuid';

/**
 * Ids for rows that are written often and looked up by id (cases, their items, attachments,
 * duty tasks): time-ordered UUIDs (RFC 9562 version 7), so each new row lands at the end of
 * its unique index instead of on a random page. With random (version 4) ids, every item
 * added dirtied another index page somewhere in the file, and in an encrypted vault each
 * dirty page is encrypted into the log and decrypted and encrypted again at checkpoint
 * (bench/, issue 3). The 74 random bits still make ids unguessable; the creation time they
 * carry is no more than the record's own dates tell.
 */
export const newRecordId = (): string => v7();

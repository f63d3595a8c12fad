import { z } from 'zod';
import { ConsentPurpose, DataCategory } from '../../shared/cases/codes';
import { IsoDate, ItemId } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { assertCanSee, caseIdByRef } from '../cases/access';
import { AccessDenied, parseInput } from '../cases/errors';
import { AppError } from '../errors';
import { assertSendable, listRecipients, type DirectoryEntry } from '../keys/directory';
import { vaultSigner } from '../stats/package/signingKey';
import type { VaultSession } from '../vault/vault';
import {
  createDraft,
  isSendable,
  overrideSummary,
  readDraft,
  summariesRequireApproval,
  type ComposedSummary,
  type SummaryDraft,
} from './compose';
import { recordDisclosure, type Disclosure } from './disclosures';
import { buildSummaryPackage, summaryFileName, type CaseSummary } from './package';
import { renderSummaryPdf } from './pdf';

/**
 * Sending a case summary (issue 5): the approved draft becomes one signed-then-encrypted
 * package, and the disclosure is recorded in the same step. Everything is built in memory;
 * the caller writes the bytes where the user chose, so no plaintext ever touches the disk.
 */

export interface ExportedSummary {
  fileName: string;
  /** The binary age file. */
  bytes: Uint8Array;
  /** SHA-256 of `bytes`, hex: the value the disclosure log holds. */
  sha256: string;
  disclosure: Disclosure;
  /** The draft after sending (status 'sent'). */
  draft: SummaryDraft;
}

export type SummaryLanguage = 'lt' | 'en';

export interface ExportOptions {
  /** The PDF's language; the recipient is a Lithuanian authority, so Lithuanian by default. */
  lang?: SummaryLanguage;
  /** The moment the recipient key's validity is judged at; the session clock by default. */
  now?: Date;
  /**
   * Writes the package where it goes, inside the transaction that records the disclosure: a
   * write that fails (a full disk, a vanished folder) records nothing and leaves the draft
   * ready to send again. Without it, the caller delivers the returned bytes itself.
   */
  deliver?: (bytes: Uint8Array) => void;
}

const DraftId = z.uuid({ error: 'validation.idInvalid' });
const Lang = z.enum(['lt', 'en']);

function draftOrThrow(session: VaultSession, rawId: unknown): SummaryDraft {
  const id = parseInput(DraftId, rawId);
  const d = readDraft(session.db, id);
  if (!d) throw new AppError(ErrorCode.NotFound, 'no such summary draft');
  return d;
}

/** The draft's state alone (no consent, no key): the cheap checks, in the order a user fixes them. */
function assertDraftSendable(session: VaultSession, d: SummaryDraft): void {
  if (d.status === 'sent' || d.status === 'cancelled')
    throw new AppError(ErrorCode.SummaryDraftState, 'the draft cannot be sent');
  if (d.status === 'needs_override')
    throw new AppError(ErrorCode.SummaryOverrideInvalid, 'the override has not been recorded');
  if (!isSendable(d, summariesRequireApproval(session)))
    throw new AppError(ErrorCode.SummaryApprovalRequired, 'a supervisor must approve the summary first');
}

/**
 * The directory entry the draft goes to: the current entry holding the very key the user saw
 * when composing and approving. The draft stores the fingerprint, not an entry id, so a key
 * change (a new revision with another fingerprint) finds nothing and stops the sending.
 */
function recipientOf(session: VaultSession, d: SummaryDraft, now: Date): DirectoryEntry {
  const r = d.composed.recipient;
  const current = listRecipients(session.db).filter((e) => e.fingerprint === r.fingerprint && e.withdrawnAt === null);
  const entry = current[0];
  if (!entry)
    throw new AppError(ErrorCode.DirectoryKeyChanged, 'no current directory entry holds the key the summary is for');
  const sendable = assertSendable(session.db, entry.id, now, r.fingerprint);
  // The consent was checked against this category; the key must belong to that kind of institution.
  if (sendable.category !== r.category)
    throw new AppError(
      ErrorCode.ConsentWrongRecipient,
      'the directory lists this key under another kind of institution',
    );
  return sendable;
}

/** The package content: composed under consent, or made now from the recorded override. */
function contentOf(session: VaultSession, d: SummaryDraft): CaseSummary {
  if (d.composed.summary) return d.composed.summary;
  return overrideSummary(d, session.getMeta('org_name') ?? '');
}

/**
 * Everything exportDraft checks before building, for a screen that asks where to save only
 * when the answer can be used. Returns the file name the package will have.
 */
export function checkExportable(session: VaultSession, draftId: unknown, opts: { now?: Date } = {}): string {
  const d = draftOrThrow(session, draftId);
  assertCanSee(session, d.composed.caseId, 'summary.export_checked');
  assertDraftSendable(session, d);
  recipientOf(session, d, opts.now ?? session.now());
  return summaryFileName(d.composed.id);
}

/**
 * Builds the package of an approved (or, where the organisation allows, unapproved
 * consent-based) draft and records the disclosure. Refused unless the draft is sendable, the
 * recipient's key is still the verified one captured at approval, and the consent (re-read
 * now, inside the disclosure's transaction) still covers what the draft carries. A refusal
 * is audited with its code; the bytes of a refused package are dropped, never returned.
 */
export async function exportDraft(
  session: VaultSession,
  draftId: unknown,
  opts: ExportOptions = {},
): Promise<ExportedSummary> {
  const lang = parseInput(Lang, opts.lang ?? 'lt');
  const d = draftOrThrow(session, draftId);
  const caseId = d.composed.caseId;
  assertCanSee(session, caseId, 'summary.disclosed');
  try {
    assertDraftSendable(session, d);
    const entry = recipientOf(session, d, opts.now ?? session.now());
    const summary = contentOf(session, d);
    const pdf = await renderSummaryPdf(summary, lang);
    const built = await buildSummaryPackage({
      summary,
      pdf,
      recipient: { ageRecipient: entry.ageRecipient, fingerprint: entry.fingerprint },
      signer: vaultSigner(session),
    });
    // Recorded only once the package exists: the log never names a package that was not made.
    const disclosure = session.db.transaction(() => {
      const recorded = recordDisclosure(session, { draftId: d.id, packageId: summary.id, sha256: built.sha256 });
      opts.deliver?.(built.bytes);
      return recorded;
    })();
    return {
      fileName: built.fileName,
      bytes: built.bytes,
      sha256: built.sha256,
      disclosure,
      draft: readDraft(session.db, d.id) as SummaryDraft,
    };
  } catch (e) {
    // A denial is audited where it happens (recordDisclosure); any other refusal is audited here.
    if (e instanceof AppError && !(e instanceof AccessDenied) && !session.isLocked)
      session.audit({
        action: 'summary.export_refused',
        subject: caseId,
        detail: { draftId: d.id, code: e.code },
      });
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// One step for the CLI: compose, keep the draft, and send when nobody needs to approve it

/** A summary to send to a directory recipient; the recipient's name and kind come from the directory. */
export const SendRequest = z.strictObject({
  /** The directory entry's stable id (`sauga directory list`). */
  recipientId: z.uuid(),
  purpose: ConsentPurpose,
  /** The day the consent must be in force on; the session clock's local date by default. */
  today: IsoDate.optional(),
  consentId: ItemId.optional(),
  categories: z.array(DataCategory).min(1).optional(),
  lang: Lang.optional(),
});
export type SendRequest = z.input<typeof SendRequest>;

export type CreateAndExportResult =
  | { status: 'exported'; draftId: string; composed: ComposedSummary; exported: ExportedSummary }
  | { status: 'needs_approval'; draftId: string; composed: ComposedSummary };

const localDay = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * Composes a summary of one case for one directory recipient, keeps it as a draft, and, when
 * the organisation does not require approval, exports it at once. Otherwise the draft waits
 * and the result names it, so a supervisor can approve it and `summary export` can send it.
 */
export async function createAndExport(
  session: VaultSession,
  caseRef: unknown,
  request: SendRequest,
  deliver?: ExportOptions['deliver'],
): Promise<CreateAndExportResult> {
  const req = parseInput(SendRequest, request);
  const caseId = caseIdByRef(session, caseRef, 'summary.draft_created');
  const now = session.now();
  // The key is checked before any case data is read: a summary for a bad key is never composed.
  const entry = assertSendable(session.db, req.recipientId, now);
  const { draftId, composed } = createDraft(session, caseId, {
    recipient: { institution: entry.institution, category: entry.category, fingerprint: entry.fingerprint },
    purpose: req.purpose,
    today: req.today ?? localDay(now),
    consentId: req.consentId ?? null,
    categories: req.categories ?? null,
  });
  const draft = readDraft(session.db, draftId) as SummaryDraft;
  if (!isSendable(draft, summariesRequireApproval(session))) return { status: 'needs_approval', draftId, composed };
  const exported = await exportDraft(session, draftId, {
    lang: req.lang ?? 'lt',
    now,
    ...(deliver ? { deliver } : {}),
  });
  return { status: 'exported', draftId, composed, exported };
}

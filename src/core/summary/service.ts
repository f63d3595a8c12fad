import { ErrorCode } from '../../shared/errors';
import type {
  AddRecipientInput,
  ComposeInput,
  DirectoryImportView,
  DirectoryView,
  DisclosureView,
  DraftView,
  InstallationView,
  RecipientView,
  SummaryPreview,
} from '../../shared/summary/views';
import { assertCanSee } from '../cases/access';
import { stmt } from '../db/statements';
import { AppError } from '../errors';
import {
  addRecipient,
  assertSendable,
  importDirectory,
  installedDirectory,
  listRecipients,
  verifyRecipient,
  type DirectoryEntry,
} from '../keys/directory';
import { isRecipientVault, recipientPublicInfo } from '../keys/recipient';
import { unlockVault, type VaultSession } from '../vault/vault';
import {
  approve,
  cancelDraft,
  composeSummary,
  createDraft,
  isSendable,
  override,
  readDraft,
  requestApproval,
  summariesRequireApproval,
  type ComposedSummary,
  type SummaryDraft,
} from './compose';
import { listDisclosures, withdrawalImpact, type Disclosure } from './disclosures';
import {
  addTrustedSender,
  getReceived,
  listReceived,
  listTrustedSenders,
  receivedPdf,
  receiveSummary,
  type ReceivedSummary,
  type ReceivedSummaryItem,
  type TrustedSender,
  type TrustedSenderInput,
} from './inbox';
import { summaryFileName } from './package';

const canManageDirectory = (s: VaultSession): boolean => s.hasRole('supervisor') || s.hasRole('administrator');

function toRecipientView(e: DirectoryEntry, blockedBy: RecipientView['blockedBy']): RecipientView {
  return {
    id: e.id,
    institution: e.institution,
    category: e.category,
    person: e.person,
    fingerprint: e.fingerprint,
    validFrom: e.validFrom,
    validTo: e.validTo,
    state: e.state,
    keyChanged: e.keyChanged,
    verifiedAt: e.verifiedAt,
    verifiedBy: e.verifiedBy,
    verifiedHow: e.verifiedHow,
    source: e.source,
    withdrawn: e.withdrawnAt !== null,
    blockedBy,
  };
}

function toPreview(c: ComposedSummary): SummaryPreview {
  return {
    id: c.id,
    caseId: c.caseId,
    caseCode: c.caseCode,
    composedAt: c.composedAt,
    composedBy: c.composedBy,
    recipient: c.recipient,
    purpose: c.purpose,
    basis: c.basis,
    consent: c.consent
      ? {
          id: c.consent.id,
          givenOn: c.consent.givenOn,
          expiresOn: c.consent.expiresOn ?? null,
          formVersion: c.consent.formVersion ?? null,
        }
      : null,
    categories: c.categories,
    fields: c.fields,
    // The package's own sections: what the preview shows is what the PDF and JSON carry. An
    // override's content is made only once it is recorded; until then the field list stands in.
    sections: c.summary?.sections ?? [],
    omitted: c.omitted,
  };
}

function toDisclosureView(d: Disclosure): DisclosureView {
  return {
    id: d.id,
    draftId: d.draftId,
    packageId: d.packageId,
    sha256: d.sha256,
    recipient: d.recipient,
    purpose: d.purpose,
    categories: d.categories,
    fieldCount: d.fields.length,
    consentId: d.consentId,
    legalBasis: d.legalBasis,
    approvedBy: d.approvedBy,
    secondApprover: d.secondApprover,
    sentAt: d.sentAt,
    sentBy: d.sentBy,
  };
}

/**
 * The desktop's view of case summaries and the key directory for one session: it resolves
 * directory entries to the recipients core composes for, and shapes core's records into what
 * the screens show. Every rule (need-to-know, consent, approval, key verification) stays in
 * the core functions it calls.
 */
export class SummaryService {
  constructor(
    readonly session: VaultSession,
    private readonly vaultDir: string,
  ) {}

  approvalRequired(): boolean {
    return summariesRequireApproval(this.session);
  }

  installation(): InstallationView {
    if (!isRecipientVault(this.session)) return { role: 'ngo' };
    const info = recipientPublicInfo(this.session);
    return { role: 'recipient', institution: info.institution, category: info.category, fingerprint: info.fingerprint };
  }

  // -------------------------------------------------------------------------------------------
  // Directory

  private recipientView(e: DirectoryEntry): RecipientView {
    return toRecipientView(e, this.blockedBy(e.id));
  }

  private blockedBy(id: string): RecipientView['blockedBy'] {
    try {
      assertSendable(this.session.db, id, this.session.now());
      return null;
    } catch (e) {
      if (e instanceof AppError) return e.code;
      throw e;
    }
  }

  directory(): DirectoryView {
    const db = this.session.db;
    const installed = installedDirectory(db);
    return {
      recipients: listRecipients(db).map((e) => this.recipientView(e)),
      installed: installed
        ? {
            version: installed.version,
            issuer: installed.issuer,
            issuedAt: installed.issuedAt,
            installedAt: installed.installedAt,
          }
        : null,
      canManage: canManageDirectory(this.session),
    };
  }

  addRecipient(input: AddRecipientInput): RecipientView {
    return this.recipientView(addRecipient(this.session, input));
  }

  verifyRecipient(id: string, fingerprint: string): RecipientView {
    return this.recipientView(verifyRecipient(this.session, id, fingerprint));
  }

  importDirectory(bytes: Uint8Array): DirectoryImportView {
    const r = importDirectory(this.session, bytes);
    return {
      version: r.version,
      issuer: r.issuer,
      added: r.added.length,
      updated: r.updated.length,
      keyChanged: r.keyChanged.length,
      withdrawn: r.withdrawn.length,
      unchanged: r.unchanged,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Composing and drafts

  /** The request core composes from: the recipient as the directory knows it now, or refused. */
  private request(input: ComposeInput) {
    const entry = assertSendable(this.session.db, input.recipientId, this.session.now());
    return {
      recipient: { institution: entry.institution, category: entry.category, fingerprint: entry.fingerprint },
      purpose: input.purpose,
      today: input.today,
      categories: input.categories ?? null,
      withoutConsent: input.withoutConsent ?? null,
    };
  }

  compose(input: ComposeInput): SummaryPreview {
    return toPreview(composeSummary(this.session, input.caseId, this.request(input)));
  }

  createDraft(input: ComposeInput): DraftView {
    const { draftId } = createDraft(this.session, input.caseId, this.request(input));
    return this.draftView(readDraft(this.session.db, draftId) as SummaryDraft);
  }

  draftView(d: SummaryDraft): DraftView {
    return {
      id: d.id,
      status: d.status,
      createdAt: d.createdAt,
      createdBy: d.createdBy,
      requestedAt: d.requestedAt,
      requestedBy: d.requestedBy,
      approvedAt: d.approvedAt,
      approvedBy: d.approvedBy,
      legalBasis: d.legalBasis,
      secondApprover: d.secondApprover,
      preview: toPreview(d.composed),
      sendable: isSendable(d, this.approvalRequired()),
      fileName: d.status === 'cancelled' ? null : summaryFileName(d.composed.id),
    };
  }

  /** The drafts of one case, newest first; need-to-know checked and the view logged. */
  drafts(caseId: string): DraftView[] {
    const c = assertCanSee(this.session, caseId, 'summary.drafts_viewed');
    const ids = this.session.write({ action: 'summary.drafts_viewed', subject: c.id }, (db) =>
      (
        stmt(db, 'SELECT id FROM summary_drafts WHERE case_n = ? ORDER BY created_at DESC, id').all(c.n) as {
          id: string;
        }[]
      ).map((r) => r.id),
    );
    return ids.map((id) => this.draftView(readDraft(this.session.db, id) as SummaryDraft));
  }

  requestApproval(draftId: string): DraftView {
    return this.draftView(requestApproval(this.session, draftId));
  }

  approve(draftId: string): DraftView {
    return this.draftView(approve(this.session, draftId));
  }

  cancel(draftId: string): DraftView {
    return this.draftView(cancelDraft(this.session, draftId));
  }

  /**
   * The second supervisor unlocks their own session here, on this computer, so the override
   * carries two people's proof of presence; that session is closed again at once.
   */
  async override(
    draftId: string,
    legalBasis: string,
    second: { userName: string; passphrase: string },
  ): Promise<DraftView> {
    if (second.userName === this.session.user.name)
      throw new AppError(ErrorCode.SummaryOverrideInvalid, 'an override needs a second, different supervisor');
    const secondSession = await unlockVault(this.vaultDir, second.userName, second.passphrase, this.session.options);
    try {
      return this.draftView(override(this.session, draftId, { legalBasis, secondApprover: secondSession }));
    } finally {
      secondSession.lock();
    }
  }

  disclosures(caseId: string): DisclosureView[] {
    return listDisclosures(this.session, caseId).map(toDisclosureView);
  }

  withdrawalImpact(caseId: string, consentId: string): DisclosureView[] {
    return withdrawalImpact(this.session, caseId, consentId).map(toDisclosureView);
  }

  // -------------------------------------------------------------------------------------------
  // The recipient's inbox (core/summary/inbox.ts checks the installation and the role)

  inbox(): ReceivedSummaryItem[] {
    return listReceived(this.session);
  }

  received(id: string): ReceivedSummary {
    return getReceived(this.session, id);
  }

  receive(bytes: Uint8Array): Promise<ReceivedSummary> {
    return receiveSummary(this.session, bytes);
  }

  receivedPdfBase64(id: string): string {
    return Buffer.from(receivedPdf(this.session, id)).toString('base64');
  }

  trustedSenders(): TrustedSender[] {
    return listTrustedSenders(this.session);
  }

  addTrustedSender(input: TrustedSenderInput): TrustedSender {
    return addTrustedSender(this.session, input);
  }
}

export { toDisclosureView };

import { z } from 'zod';
import {
  ATTACHMENT_MAX_BYTES,
  AssignmentRecord,
  AttachmentId,
  AttachmentInput,
  AttachmentMeta,
  CaseId,
  CaseListQuery,
  CaseListResult,
  CaseVersion,
  CaseView,
  ClosureInput,
  CreatedCase,
  DuplicateProbe,
  DuplicateWarning,
  HistoryPage,
  HistoryQuery,
  ItemId,
  ItemInput,
  ItemKind,
  NewCase,
  SectionUpdate,
  UserId,
  ViewLogEntry,
  Worker,
} from '../cases/schemas';
import {
  CompletionInput,
  ComplianceReport,
  DutyTask,
  InstalledRuleSet,
  Institution,
  InstitutionId,
  InstitutionInput,
  NotApplicableInput,
  ReportQuery,
  RuleSetDocument,
  TaskId,
} from '../duties/schemas';
import {
  ActiveRulesView,
  CaseRightsView,
  DashboardRequest,
  DashboardResult,
  InstitutionImportView,
  ReportExportRequest,
  RuleExportOptions,
  RuleSetChangeView,
  RuleSignerView,
  TrustRuleSignerInput,
} from '../duties/views';
import { ExportedReturn, ExportInput, ExportResult, PreviewInput, ReturnPreview, SigningKeyInfo } from '../stats/dto';
import { Role } from '../roles';
import {
  AddRecipientInput,
  ComposeInput,
  DirectoryImportView,
  DirectoryView,
  DisclosureView,
  DraftRef,
  DraftView,
  ExportRequest,
  InstallationView,
  OverrideRequest,
  RecipientView,
  SummaryExportResult,
  SummaryPreview,
  SummarySettings,
  VerifyRecipientInput,
} from '../summary/views';
import { ReceivedSummary, ReceivedSummaryItem, TrustedSender, TrustedSenderInput } from '../summary/dto';
import {
  IdleLockMinutes,
  Language,
  OrgName,
  Passphrase,
  PassphraseStrength,
  RecoveryWords,
  UserName,
  VaultStatus,
} from '../vault';
import { governanceContract } from './governance';
import { usersContract } from './users';
import { importContract } from './import';
import { AuditReceipt, AuditReport } from '../audit';

/**
 * Who may call a channel: anyone (no vault unlocked needed), any unlocked user, or an
 * unlocked user holding one of the roles. Checked by the handler table, never by the UI.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'unlocked' }
  | { kind: 'roles'; roles: readonly Role[] }
  /** An unlocked vault set up in the recipient role (`sauga keys init`): its inbox. */
  | { kind: 'recipientVault' };

const publicAccess: Access = { kind: 'public' };
const unlocked: Access = { kind: 'unlocked' };
const roles = (...r: Role[]): Access => ({ kind: 'roles', roles: r });

export interface ChannelSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelSpec<I, O> => ({
  input,
  output,
  access,
});

const Empty = z.strictObject({});
const Ok = z.strictObject({ ok: z.literal(true) });
const Version = z.strictObject({ version: z.number().int() });
/** Case content is for people who work with cases; administrators alone see none of it. */
const caseWork = roles('caseworker', 'supervisor');
const supervisor = roles('supervisor');
/** The key directory says where case data may go: supervisors and administrators keep it. */
const directoryKeepers = roles('supervisor', 'administrator');
const recipientVault: Access = { kind: 'recipientVault' };
const Drafts = z.array(DraftView).max(1000);
const Disclosures = z.array(DisclosureView).max(10_000);
/** The attachment limit as base64, with room for padding. */
const AttachmentBase64 = z.base64().max(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4);
/** The information-duty rules and the institution registry are an administrator's to change. */
const administrator = roles('administrator');
/** Counts only, no person in them: for those who answer for the organisation's compliance. */
const complianceReaders = roles('supervisor', 'administrator');
const anyRole = roles('caseworker', 'supervisor', 'administrator');

export const contract = {
  'stats.preview': spec(PreviewInput, ReturnPreview, supervisor),
  'stats.export': spec(ExportInput, ExportResult, supervisor),
  'stats.history': spec(Empty, z.array(ExportedReturn).max(10_000), supervisor),
  'stats.signingKey': spec(Empty, SigningKeyInfo, supervisor),

  'summary.settings': spec(Empty, SummarySettings, caseWork),
  /** A preview only: nothing is stored, but the case view (and any identity shown) is logged. */
  'summary.compose': spec(ComposeInput, SummaryPreview, caseWork),
  'summary.createDraft': spec(ComposeInput, DraftView, caseWork),
  'summary.drafts': spec(z.strictObject({ caseId: CaseId }), Drafts, caseWork),
  'summary.requestApproval': spec(DraftRef, DraftView, caseWork),
  'summary.approve': spec(DraftRef, DraftView, supervisor),
  'summary.override': spec(OverrideRequest, DraftView, supervisor),
  'summary.cancel': spec(DraftRef, DraftView, caseWork),
  /** Asks where to save (a dialog in main); cancelling saves nothing and logs nothing. */
  'summary.export': spec(ExportRequest, SummaryExportResult, caseWork),
  'summary.disclosures': spec(z.strictObject({ caseId: CaseId }), Disclosures, caseWork),
  'summary.withdrawalImpact': spec(z.strictObject({ caseId: CaseId, consentId: ItemId }), Disclosures, caseWork),

  'directory.list': spec(Empty, DirectoryView, roles('caseworker', 'supervisor', 'administrator')),
  'directory.add': spec(AddRecipientInput, RecipientView, directoryKeepers),
  'directory.verify': spec(VerifyRecipientInput, RecipientView, directoryKeepers),
  /** Asks which file to import (a dialog in main); cancelling changes nothing. */
  'directory.import': spec(
    Empty,
    z.union([
      z.strictObject({ imported: z.literal(false) }),
      z.strictObject({ imported: z.literal(true), result: DirectoryImportView }),
    ]),
    directoryKeepers,
  ),

  'installation.info': spec(Empty, InstallationView, unlocked),

  'inbox.list': spec(Empty, z.array(ReceivedSummaryItem).max(100_000), recipientVault),
  'inbox.get': spec(z.strictObject({ id: z.uuid() }), ReceivedSummary, recipientVault),
  /** Asks which package to open (a dialog in main); cancelling reads and logs nothing. */
  'inbox.open': spec(
    Empty,
    z.union([
      z.strictObject({ opened: z.literal(false) }),
      z.strictObject({ opened: z.literal(true), received: ReceivedSummary }),
    ]),
    recipientVault,
  ),
  'inbox.pdf': spec(z.strictObject({ id: z.uuid() }), z.strictObject({ contentBase64: z.base64() }), recipientVault),
  'inbox.trusted': spec(Empty, z.array(TrustedSender).max(10_000), recipientVault),
  'inbox.trust': spec(TrustedSenderInput, TrustedSender, recipientVault),

  'app.info': spec(Empty, z.strictObject({ version: z.string(), language: Language }), publicAccess),
  'app.setLanguage': spec(z.strictObject({ language: Language }), Ok, publicAccess),
  'vault.status': spec(Empty, VaultStatus, publicAccess),
  'vault.passphraseStrength': spec(
    z.strictObject({ passphrase: Passphrase, context: z.array(z.string().max(200)).max(4) }),
    PassphraseStrength,
    publicAccess,
  ),
  'vault.beginCreate': spec(
    z.strictObject({ orgName: OrgName, userName: UserName, passphrase: Passphrase }),
    z.strictObject({ words: RecoveryWords, confirmPositions: z.array(z.number().int().min(0).max(23)).length(3) }),
    publicAccess,
  ),
  'vault.cancelCreate': spec(Empty, Ok, publicAccess),
  'vault.forgetMissing': spec(Empty, VaultStatus, publicAccess),
  'vault.finishCreate': spec(
    z.strictObject({ confirmWords: z.array(z.string().trim().toLowerCase().max(16)).length(3) }),
    VaultStatus,
    publicAccess,
  ),
  'vault.unlock': spec(z.strictObject({ userName: UserName, passphrase: Passphrase }), VaultStatus, publicAccess),
  'vault.unlockWithRecovery': spec(
    z.strictObject({ words: RecoveryWords, userName: UserName, newPassphrase: Passphrase }),
    VaultStatus,
    publicAccess,
  ),
  'vault.lock': spec(Empty, VaultStatus, publicAccess),
  'vault.activity': spec(Empty, Ok, unlocked),
  'vault.changePassphrase': spec(
    z.strictObject({ currentPassphrase: Passphrase, newPassphrase: Passphrase }),
    Ok,
    unlocked,
  ),
  'vault.addUser': spec(
    z.strictObject({
      userName: UserName,
      roles: z.array(Role).min(1).max(3),
      passphrase: Passphrase,
    }),
    Ok,
    roles('administrator'),
  ),
  'settings.setIdleLock': spec(z.strictObject({ minutes: IdleLockMinutes }), Ok, roles('administrator')),

  'cases.list': spec(CaseListQuery, CaseListResult, caseWork),
  'cases.create': spec(NewCase, CreatedCase, caseWork),
  'cases.get': spec(z.strictObject({ caseId: CaseId, revealIdentity: z.boolean().optional() }), CaseView, caseWork),
  'cases.updateSection': spec(z.strictObject({ caseId: CaseId, update: SectionUpdate }), Version, caseWork),
  'cases.addItem': spec(
    z.strictObject({ caseId: CaseId, item: ItemInput }),
    z.strictObject({ id: ItemId, version: z.number().int() }),
    caseWork,
  ),
  'cases.updateItem': spec(
    z.strictObject({ caseId: CaseId, itemId: ItemId, item: ItemInput, expectedVersion: CaseVersion }),
    Version,
    caseWork,
  ),
  'cases.removeItem': spec(
    z.strictObject({ caseId: CaseId, kind: ItemKind, itemId: ItemId, expectedVersion: CaseVersion }),
    Version,
    caseWork,
  ),
  'cases.history': spec(z.strictObject({ caseId: CaseId, query: HistoryQuery }), HistoryPage, caseWork),
  'cases.viewLog': spec(z.strictObject({ caseId: CaseId }), z.array(ViewLogEntry), caseWork),
  'cases.workers': spec(Empty, z.array(Worker), caseWork),
  'cases.assignments': spec(z.strictObject({ caseId: CaseId }), z.array(AssignmentRecord), caseWork),
  'cases.assign': spec(
    z.strictObject({ caseId: CaseId, userId: UserId, owner: z.boolean().optional() }),
    Version,
    supervisor,
  ),
  'cases.unassign': spec(z.strictObject({ caseId: CaseId, userId: UserId }), Version, supervisor),
  'cases.reassign': spec(z.strictObject({ caseId: CaseId, fromUserId: UserId, toUserId: UserId }), Version, supervisor),
  'cases.setStatus': spec(
    z.strictObject({ caseId: CaseId, status: z.enum(['OPEN', 'FOLLOW_UP']), expectedVersion: CaseVersion }),
    Version,
    caseWork,
  ),
  'cases.requestClosure': spec(
    z.strictObject({ caseId: CaseId, closure: ClosureInput, expectedVersion: CaseVersion }),
    Version,
    caseWork,
  ),
  'cases.close': spec(
    z.strictObject({ caseId: CaseId, closure: ClosureInput.optional(), expectedVersion: CaseVersion }),
    Version,
    supervisor,
  ),
  'cases.checkDuplicates': spec(DuplicateProbe, DuplicateWarning, caseWork),
  'cases.addAttachment': spec(
    z.strictObject({ caseId: CaseId, attachment: AttachmentInput, contentBase64: AttachmentBase64 }),
    z.strictObject({ id: AttachmentId, version: z.number().int(), meta: AttachmentMeta }),
    caseWork,
  ),
  'cases.readAttachment': spec(
    z.strictObject({ caseId: CaseId, attachmentId: AttachmentId }),
    z.strictObject({ meta: AttachmentMeta, contentBase64: z.string() }),
    caseWork,
  ),
  /** Asks where to save (a dialog in main); cancelling saves nothing and logs nothing. */
  'cases.exportAttachment': spec(
    z.strictObject({ caseId: CaseId, attachmentId: AttachmentId }),
    z.strictObject({ saved: z.boolean() }),
    caseWork,
  ),
  'cases.removeAttachment': spec(
    z.strictObject({ caseId: CaseId, attachmentId: AttachmentId, expectedVersion: CaseVersion }),
    Version,
    caseWork,
  ),

  /** Need-to-know on every task and case: core checks the case behind a task, not only the role. */
  'duties.dashboard': spec(DashboardRequest, DashboardResult, caseWork),
  'duties.caseTasks': spec(z.strictObject({ caseId: CaseId }), z.array(DutyTask).max(10_000), caseWork),
  'duties.caseRights': spec(z.strictObject({ caseId: CaseId }), CaseRightsView, caseWork),
  'duties.complete': spec(z.strictObject({ taskId: TaskId, completion: CompletionInput }), DutyTask, caseWork),
  'duties.notApplicable': spec(z.strictObject({ taskId: TaskId, reason: NotApplicableInput }), DutyTask, caseWork),
  'duties.report': spec(ReportQuery, ComplianceReport, complianceReaders),
  /** Asks where to save (a dialog in main); cancelling saves nothing. */
  'duties.exportReport': spec(ReportExportRequest, z.strictObject({ saved: z.boolean() }), complianceReaders),

  'institutions.list': spec(Empty, z.array(Institution).max(100_000), anyRole),
  'institutions.add': spec(InstitutionInput, Institution, administrator),
  'institutions.edit': spec(
    z.strictObject({ id: InstitutionId, institution: InstitutionInput }),
    Institution,
    administrator,
  ),
  'institutions.remove': spec(z.strictObject({ id: InstitutionId }), Ok, administrator),
  /** Asks which file to import (a dialog in main); cancelling changes nothing. */
  'institutions.import': spec(
    Empty,
    z.union([
      z.strictObject({ imported: z.literal(false) }),
      z.strictObject({ imported: z.literal(true), result: InstitutionImportView }),
    ]),
    administrator,
  ),

  'rules.active': spec(Empty, ActiveRulesView, anyRole),
  'rules.list': spec(Empty, z.array(InstalledRuleSet).max(100_000), administrator),
  'rules.installExample': spec(Empty, RuleSetChangeView, administrator),
  'rules.save': spec(z.strictObject({ document: RuleSetDocument }), RuleSetChangeView, administrator),
  /** Asks which signed file to import (a dialog in main); cancelling changes nothing. */
  'rules.import': spec(
    Empty,
    z.union([
      z.strictObject({ imported: z.literal(false) }),
      z.strictObject({ imported: z.literal(true), change: RuleSetChangeView }),
    ]),
    administrator,
  ),
  /** Asks where to save (a dialog in main); cancelling signs and saves nothing. */
  'rules.export': spec(RuleExportOptions, z.strictObject({ saved: z.boolean() }), administrator),
  'rules.signers': spec(Empty, z.array(RuleSignerView).max(1000), administrator),
  /** After comparing the key's fingerprint with its holder (the ministry) by phone or on paper. */
  'rules.trustSigner': spec(TrustRuleSignerInput, RuleSignerView, administrator),

  /** The audit chain, its anchor outside the vault and its receipt: HMAC values and counts, no case data. */
  'audit.verify': spec(Empty, AuditReport, roles('supervisor', 'administrator')),
  'audit.head': spec(Empty, AuditReceipt, roles('supervisor', 'administrator')),

  ...governanceContract,
  ...importContract,
  ...usersContract,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

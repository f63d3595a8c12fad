import { type z } from 'zod';
import { type AppCore } from '../../core/app';
import { AppError } from '../../core/errors';
import { ErrorCode } from '../../shared/errors';
import {
  contract,
  type Access,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
} from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { governanceHandlers } from './governance';
import { importHandlers } from './import';
import { usersHandlers } from './users';

type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  core: AppCore,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

const ok = { ok: true } as const;

/** One handler per contract entry; a missing or extra entry fails to compile. */
export const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': (_, core) => ({ version: core.config.version, language: core.language() }),
  'app.setLanguage': (input, core) => {
    core.setLanguage(input.language);
    return ok;
  },
  'vault.status': (_, core) => core.status(),
  'vault.passphraseStrength': (input, core) => core.passphraseStrength(input.passphrase, input.context),
  'vault.beginCreate': (input, core) => core.beginCreate(input),
  'vault.cancelCreate': (_, core) => {
    core.cancelCreate();
    return ok;
  },
  'vault.forgetMissing': (_, core) => {
    core.forgetMissingVault();
    return core.status();
  },
  'vault.finishCreate': (input, core) => core.finishCreate(input.confirmWords),
  'vault.unlock': (input, core) => core.unlock(input.userName, input.passphrase),
  'vault.unlockWithRecovery': (input, core) =>
    core.unlockWithRecovery(input.words, input.userName, input.newPassphrase),
  'vault.lock': (_, core) => core.lock(),
  'vault.activity': (_, core) => {
    core.touch();
    return ok;
  },
  'vault.changePassphrase': async (input, core) => {
    await core.changePassphrase(input.currentPassphrase, input.newPassphrase);
    return ok;
  },
  'vault.addUser': async (input, core) => {
    await core.addUser(input);
    return ok;
  },
  'settings.setIdleLock': (input, core) => {
    core.setIdleLock(input.minutes);
    return ok;
  },

  'cases.list': (input, core) => core.cases().listCases(input),
  'cases.create': (input, core) => core.cases().createCase(input),
  'cases.get': (input, core) => core.cases().getCase(input.caseId, { revealIdentity: input.revealIdentity ?? false }),
  'cases.updateSection': (input, core) =>
    core.cases().updateSection(input.caseId, input.update.section, input.update.data, input.update.expectedVersion),
  'cases.addItem': (input, core) => core.cases().addItem(input.caseId, input.item.kind, input.item.data),
  'cases.updateItem': (input, core) =>
    core.cases().updateItem(input.caseId, input.item.kind, input.itemId, input.item.data, input.expectedVersion),
  'cases.removeItem': (input, core) =>
    core.cases().removeItem(input.caseId, input.kind, input.itemId, input.expectedVersion),
  'cases.history': (input, core) => core.cases().getHistory(input.caseId, input.query),
  'cases.viewLog': (input, core) => core.cases().getViewLog(input.caseId),
  'cases.workers': (_, core) => core.cases().listWorkers(),
  'cases.assignments': (input, core) => core.cases().getAssignments(input.caseId),
  'cases.assign': (input, core) => core.cases().assignCase(input.caseId, input.userId, { owner: input.owner ?? false }),
  'cases.unassign': (input, core) => core.cases().unassignCase(input.caseId, input.userId),
  'cases.reassign': (input, core) => core.cases().reassignCase(input.caseId, input.fromUserId, input.toUserId),
  'cases.setStatus': (input, core) => core.cases().setStatus(input.caseId, input.status, input.expectedVersion),
  'cases.requestClosure': (input, core) =>
    core.cases().requestClosure(input.caseId, input.closure, input.expectedVersion),
  'cases.close': (input, core) => core.cases().closeCase(input.caseId, input.closure, input.expectedVersion),
  'cases.checkDuplicates': (input, core) => core.cases().checkDuplicates(input),
  'cases.addAttachment': (input, core) =>
    core.cases().addAttachment(input.caseId, input.attachment, Buffer.from(input.contentBase64, 'base64')),
  'cases.readAttachment': (input, core) => {
    const { meta, content } = core.cases().readAttachment(input.caseId, input.attachmentId);
    return { meta, contentBase64: content.toString('base64') };
  },
  'cases.exportAttachment': async (input, core) => ({
    saved: await core.exportAttachment(input.caseId, input.attachmentId),
  }),
  'cases.removeAttachment': (input, core) =>
    core.cases().removeAttachment(input.caseId, input.attachmentId, input.expectedVersion),

  'stats.preview': (input, core) => core.stats().preview(input),
  'stats.export': (input, core) => core.exportStatsReturn(input),
  'stats.history': (_, core) => core.stats().history(),
  'stats.signingKey': (_, core) => core.stats().signingKey(),

  'summary.settings': (_, core) => ({ approvalRequired: core.summaries().approvalRequired() }),
  'summary.compose': (input, core) => core.summaries().compose(input),
  'summary.createDraft': (input, core) => core.summaries().createDraft(input),
  'summary.drafts': (input, core) => core.summaries().drafts(input.caseId),
  'summary.requestApproval': (input, core) => core.summaries().requestApproval(input.draftId),
  'summary.approve': (input, core) => core.summaries().approve(input.draftId),
  'summary.override': (input, core) => core.summaries().override(input.draftId, input.legalBasis, input.secondApprover),
  'summary.cancel': (input, core) => core.summaries().cancel(input.draftId),
  'summary.export': (input, core) => core.exportSummary(input.draftId, input.language),
  'summary.disclosures': (input, core) => core.summaries().disclosures(input.caseId),
  'summary.withdrawalImpact': (input, core) => core.summaries().withdrawalImpact(input.caseId, input.consentId),

  'directory.list': (_, core) => core.summaries().directory(),
  'directory.add': (input, core) => core.summaries().addRecipient(input),
  'directory.verify': (input, core) => core.summaries().verifyRecipient(input.id, input.fingerprint),
  'directory.import': (_, core) => core.importDirectory(),

  'installation.info': (_, core) => core.summaries().installation(),

  'inbox.list': (_, core) => core.summaries().inbox(),
  'inbox.get': (input, core) => core.summaries().received(input.id),
  'inbox.open': (_, core) => core.openSummaryPackage(),
  'inbox.pdf': (input, core) => ({ contentBase64: core.summaries().receivedPdfBase64(input.id) }),
  'inbox.trusted': (_, core) => core.summaries().trustedSenders(),
  'inbox.trust': (input, core) => core.summaries().addTrustedSender(input),

  'duties.dashboard': (input, core) => core.duties().dashboard(input),
  'duties.caseTasks': (input, core) => core.duties().caseTasks(input.caseId),
  'duties.caseRights': (input, core) => core.duties().caseRights(input.caseId),
  'duties.complete': (input, core) => core.duties().complete(input.taskId, input.completion),
  'duties.notApplicable': (input, core) => core.duties().notApplicable(input.taskId, input.reason),
  'duties.report': (input, core) => core.duties().report(input),
  'duties.exportReport': (input, core) => core.duties().exportReport(input.query, input.format),

  'institutions.list': (_, core) => core.duties().institutions(),
  'institutions.add': (input, core) => core.duties().addInstitution(input),
  'institutions.edit': (input, core) => core.duties().editInstitution(input.id, input.institution),
  'institutions.remove': (input, core) => {
    core.duties().removeInstitution(input.id);
    return ok;
  },
  'institutions.import': (_, core) => core.duties().importInstitutions(),

  'rules.active': (_, core) => core.duties().activeRules(),
  'rules.list': (_, core) => core.duties().ruleSets(),
  'rules.installExample': (_, core) => core.duties().installExample(),
  'rules.save': (input, core) => core.duties().saveLocal(input.document),
  'rules.import': (_, core) => core.duties().importRuleSet(),
  'rules.export': (input, core) => core.duties().exportRuleSet(input),
  'rules.signers': (_, core) => core.duties().ruleSigners(),
  'rules.trustSigner': (input, core) => core.duties().trustSigner(input),

  'audit.verify': (_, core) => core.auditReport(),
  'audit.head': (_, core) => core.auditReceipt(),

  ...governanceHandlers,
  ...importHandlers,
  ...usersHandlers,
};

export interface InvokeContext {
  /** URL of the frame that sent the call (Electron: event.senderFrame.url). */
  senderUrl: string | undefined;
}

export interface IpcInvokerOptions {
  /** Origins (scheme://host) whose frames may call; everything else is refused. */
  allowedOrigins: readonly string[];
  /** Told only the channel and the error code: never inputs, outputs or messages. */
  onInternalError?: (channel: string, error: unknown) => void;
}

/** `new URL('app://sauga/x').origin` is "null" for custom schemes, so compare scheme and host. */
export function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return undefined;
  }
}

function checkAccess(access: Access, core: AppCore): void {
  if (access.kind === 'public') return;
  const session = core.requireSession();
  if (access.kind === 'roles' && !access.roles.some((r) => session.hasRole(r))) {
    throw new AppError(ErrorCode.Forbidden, 'your role does not allow this');
  }
  if (access.kind === 'recipientVault' && !core.isRecipientVault()) {
    throw new AppError(ErrorCode.RecipientKeysMissing, 'this vault is not a recipient installation');
  }
}

const fail = (code: ErrorCode, message: string): IpcResult<never> => ({ ok: false, error: { code, message } });

/**
 * The one entry point for every renderer call, with or without Electron: origin check,
 * strict input parse, session and role check, the core call, output parse, and errors as
 * data. Calls run one at a time so an unlock and a lock cannot interleave.
 */
export function createIpcInvoker(core: AppCore, options: IpcInvokerOptions) {
  let queue: Promise<unknown> = Promise.resolve();
  const allowed = new Set(options.allowedOrigins);

  async function run(channel: string, rawInput: unknown, ctx: InvokeContext): Promise<IpcResult<unknown>> {
    const origin = originOf(ctx.senderUrl);
    if (!origin || !allowed.has(origin)) return fail(ErrorCode.ForeignOrigin, 'call from an untrusted origin refused');
    if (!Object.hasOwn(contract, channel)) return fail(ErrorCode.UnknownChannel, 'unknown channel');
    const spec = contract[channel as Channel];
    const parsed = spec.input.safeParse(rawInput);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? first.path.map(String).join('.') : '';
      return fail(ErrorCode.InvalidInput, `invalid input${where ? ` at ${where}` : ''}`);
    }
    try {
      checkAccess(spec.access, core);
      if (spec.access.kind !== 'public') core.touch();
      const handler = handlers[channel as Channel] as (input: unknown, core: AppCore) => unknown;
      const value = await handler(parsed.data, core);
      return { ok: true, value: (spec.output as z.ZodType).parse(value) };
    } catch (e) {
      if (e instanceof AppError) return fail(e.code, e.message);
      options.onInternalError?.(channel, e);
      return fail(ErrorCode.Internal, 'internal error');
    }
  }

  return function invoke(channel: string, rawInput: unknown, ctx: InvokeContext): Promise<IpcResult<unknown>> {
    const next = queue.then(() => run(channel, rawInput, ctx));
    queue = next.catch(() => undefined);
    return next;
  };
}

export type IpcInvoker = ReturnType<typeof createIpcInvoker>;

import { extname } from 'node:path';
import type { ComplianceReport, DutyTask, Institution, InstalledRuleSet } from '../../shared/duties/schemas';
import type {
  ActiveRulesView,
  CaseRightsView,
  DashboardRequest,
  DashboardResult,
  InstitutionImportView,
  ReportFormat,
  RuleExportOptions,
  RuleSetChangeView,
  RuleSignerView,
  TrustRuleSignerInput,
} from '../../shared/duties/views';
import { ErrorCode } from '../../shared/errors';
import { assertCanSee, seesAllCases } from '../cases/access';
import { readView } from '../cases/records';
import { AppError } from '../errors';
import { writeFileAtomic } from '../fs/atomic';
import { readBoundedFile } from '../fs/read';
import type { VaultSession } from '../vault/vault';
import { exportRuleSet, importRuleSet, installExampleRuleSet, saveLocalRuleSet } from './admin';
import { localDate } from './calendar';
import { complianceReport, myDashboard, organisationDashboard, workload } from './dashboard';
import {
  addInstitution,
  assertCanManageInstitutions,
  editInstitution,
  importInstitutions,
  INSTITUTION_FILE_MAX_BYTES,
  listInstitutions,
  removeInstitution,
} from './institutions';
import { reportCsv, reportWorkbook } from './reportFile';
import { reflectionStatus, rightsChecklist } from './rights';
import {
  activeRuleSet,
  activeRuleSetInfo,
  assertCanManageRules,
  listRuleSets,
  listRuleSigners,
  RULE_SET_LIMITS,
  trustRuleSigner,
  type RuleSigner,
} from './rules';

const signerView = (s: RuleSigner): RuleSignerView => ({
  keyId: s.keyId,
  organisation: s.organisation,
  fingerprint: s.fingerprint,
  addedAt: s.addedAt,
  addedBy: s.addedBy,
});
import { completeTask, DUTY_CALENDAR, listCaseTasks, markNotApplicable } from './tasks';

/**
 * The information duties as the desktop shell sees them: one session, and the save and open
 * dialogs of main. Every function checks access itself (the handler table checks roles too);
 * the renderer never names a path.
 */

export type DutyOpenKind = 'ruleSet' | 'institutions';

export interface DutyDialogs {
  chooseSavePath?: ((suggestedName: string) => Promise<string | undefined>) | undefined;
  chooseOpenPath?: ((kind: DutyOpenKind) => Promise<string | undefined>) | undefined;
}

/** The bytes of the file the user picked, or undefined when the dialog was closed. */
async function readPicked(
  choose: DutyDialogs['chooseOpenPath'],
  kind: DutyOpenKind,
  maxBytes: number,
  tooLarge: ErrorCode,
): Promise<{ path: string; bytes: Uint8Array } | undefined> {
  const path = await choose?.(kind);
  if (!path) return undefined;
  return { path, bytes: readBoundedFile(path, maxBytes, tooLarge) };
}

export class DutiesService {
  constructor(
    readonly session: VaultSession,
    private readonly dialogs: DutyDialogs = {},
  ) {}

  // -- Work ------------------------------------------------------------------------------------

  dashboard(request: DashboardRequest): DashboardResult {
    const { scope, ...query } = request;
    if (scope === 'organisation') {
      if (!seesAllCases(this.session))
        throw new AppError(ErrorCode.Forbidden, 'only a supervisor sees the work of others');
      return {
        scope,
        dashboard: organisationDashboard(this.session, query),
        workers: workload(this.session, query),
      };
    }
    return { scope, dashboard: myDashboard(this.session, query), workers: [] };
  }

  caseTasks(caseId: string): DutyTask[] {
    return listCaseTasks(this.session, caseId);
  }

  /** The art. 4 checklist and the reflection period, read where the case form keeps them. */
  caseRights(caseId: string): CaseRightsView {
    const ref = assertCanSee(this.session, caseId, 'duties.rights');
    // Without the identity: neither the checklist nor the reflection period needs it.
    const view = readView(this.session.db, ref, false);
    const today = localDate(this.session.now(), DUTY_CALENDAR.timeZone);
    return { rights: rightsChecklist(view), reflection: reflectionStatus(view, today) };
  }

  complete(taskId: string, completion: unknown): DutyTask {
    return completeTask(this.session, taskId, completion);
  }

  notApplicable(taskId: string, input: unknown): DutyTask {
    return markNotApplicable(this.session, taskId, input);
  }

  // -- Institution registry --------------------------------------------------------------------

  institutions(): Institution[] {
    return listInstitutions(this.session.db);
  }

  addInstitution(input: unknown): Institution {
    return addInstitution(this.session, input);
  }

  editInstitution(id: string, input: unknown): Institution {
    return editInstitution(this.session, id, input);
  }

  removeInstitution(id: string): void {
    removeInstitution(this.session, id);
  }

  /** A JSON or CSV file the user picks (told apart by its extension); cancelling changes nothing. */
  async importInstitutions(): Promise<{ imported: false } | { imported: true; result: InstitutionImportView }> {
    assertCanManageInstitutions(this.session);
    const file = await readPicked(
      this.dialogs.chooseOpenPath,
      'institutions',
      INSTITUTION_FILE_MAX_BYTES,
      ErrorCode.InvalidInput,
    );
    if (!file) return { imported: false };
    const format = extname(file.path).toLowerCase() === '.csv' ? 'csv' : 'json';
    return { imported: true, result: importInstitutions(this.session, file.bytes, format) };
  }

  // -- Rule sets -------------------------------------------------------------------------------

  /** The active rules, for every user: a caseworker is told when they come from an example. */
  activeRules(): ActiveRulesView {
    return { info: activeRuleSetInfo(this.session.db), document: activeRuleSet(this.session.db)?.document ?? null };
  }

  ruleSets(): InstalledRuleSet[] {
    assertCanManageRules(this.session);
    return listRuleSets(this.session.db);
  }

  ruleSigners(): RuleSignerView[] {
    assertCanManageRules(this.session);
    return listRuleSigners(this.session.db).map(signerView);
  }

  trustSigner(input: TrustRuleSignerInput): RuleSignerView {
    return signerView(trustRuleSigner(this.session, input.organisation, input.minisignPublicKey));
  }

  installExample(): RuleSetChangeView {
    return installExampleRuleSet(this.session);
  }

  saveLocal(document: unknown): RuleSetChangeView {
    return saveLocalRuleSet(this.session, document);
  }

  /** A signed rule set file the user picks; refused unless trusted, intact and newer. */
  async importRuleSet(): Promise<{ imported: false } | { imported: true; change: RuleSetChangeView }> {
    assertCanManageRules(this.session);
    const file = await readPicked(
      this.dialogs.chooseOpenPath,
      'ruleSet',
      RULE_SET_LIMITS.file,
      ErrorCode.DutyRuleSetRejected,
    );
    if (!file) return { imported: false };
    return { imported: true, change: importRuleSet(this.session, file.bytes) };
  }

  /** Checked first, so nobody picks a path for nothing; a closed dialog signs and logs nothing. */
  async exportRuleSet(options: RuleExportOptions): Promise<{ saved: boolean }> {
    assertCanManageRules(this.session);
    const active = activeRuleSet(this.session.db);
    if (!active) throw new AppError(ErrorCode.DutyRuleSetMissing, 'no rule set is installed');
    const path = await this.dialogs.chooseSavePath?.(`sauga-rules-v${options.version ?? active.document.version}.zip`);
    if (!path) return { saved: false };
    writeFileAtomic(path, exportRuleSet(this.session, options));
    return { saved: true };
  }

  // -- Compliance report -----------------------------------------------------------------------

  report(query: unknown): ComplianceReport {
    return complianceReport(this.session, query);
  }

  /** Counts only, so the file may be printed or sent; the user picks where it goes. */
  async exportReport(query: { from: string; to: string }, format: ReportFormat): Promise<{ saved: boolean }> {
    const report = complianceReport(this.session, query);
    const path = await this.dialogs.chooseSavePath?.(`sauga-duties-${report.from}_${report.to}.${format}`);
    if (!path) return { saved: false };
    writeFileAtomic(path, format === 'csv' ? `\uFEFF${reportCsv(report)}` : await reportWorkbook(report));
    return { saved: true };
  }
}

import { z } from 'zod';
import { RightsItem } from '../cases/codes';
import { RightsEntry } from '../cases/schemas';
import { DashboardQuery, DutyTask, InstalledRuleSet, ReportQuery, RuleSetDocument } from './schemas';

/**
 * What the desktop shell receives from the information-duty core: the parsed outputs of the
 * duties.*, institutions.* and rules.* channels. Data only; core builds them.
 */

const MAX_ROWS = 100_000;
const count = z.number().int().min(0);

export const ReflectionStateCode = z.enum(['not_started', 'running', 'ending_soon', 'ended_no_outcome', 'decided']);
export type ReflectionStateCode = z.infer<typeof ReflectionStateCode>;

export const ReflectionView = z.strictObject({
  start: z.string().nullable(),
  end: z.string().nullable(),
  minimumEnd: z.string().nullable(),
  reminderOn: z.string().nullable(),
  daysLeft: z.number().int().nullable(),
  outcome: z.string().nullable(),
  state: ReflectionStateCode,
});
export type ReflectionView = z.infer<typeof ReflectionView>;

export const RightsChecklistView = z.strictObject({
  items: z
    .array(z.strictObject({ code: RightsItem, lt: z.string(), en: z.string(), informed: RightsEntry.nullable() }))
    .max(11),
  informedCount: count,
  missing: z.array(RightsItem).max(11),
  firstInformedOn: z.string().nullable(),
});
export type RightsChecklistView = z.infer<typeof RightsChecklistView>;

export const CaseRightsView = z.strictObject({ rights: RightsChecklistView, reflection: ReflectionView });
export type CaseRightsView = z.infer<typeof CaseRightsView>;

export const ReflectionRowView = ReflectionView.extend({ caseId: z.string(), caseCode: z.string() });
export type ReflectionRowView = z.infer<typeof ReflectionRowView>;

export const NoRightsRowView = z.strictObject({
  caseId: z.string(),
  caseCode: z.string(),
  openedOn: z.string(),
  daysOpen: z.number().int(),
});
export type NoRightsRowView = z.infer<typeof NoRightsRowView>;

export const DashboardView = z.strictObject({
  asOf: z.string(),
  dueWithinDays: count,
  tasks: z.array(DutyTask).max(MAX_ROWS),
  overdue: count,
  dueSoon: count,
  reflections: z.array(ReflectionRowView).max(MAX_ROWS),
  withoutRights: z.array(NoRightsRowView).max(MAX_ROWS),
});
export type DashboardView = z.infer<typeof DashboardView>;

export const WorkerLoadView = z.strictObject({
  worker: z.strictObject({ id: z.string(), name: z.string() }),
  overdue: count,
  dueSoon: count,
  reflectionsEnding: count,
  withoutRights: count,
});
export type WorkerLoadView = z.infer<typeof WorkerLoadView>;

/** Whose work: the user's own cases, or (a supervisor) every case, with a line per worker. */
export const DashboardScope = z.enum(['mine', 'organisation']);
export type DashboardScope = z.infer<typeof DashboardScope>;

export const DashboardRequest = z.strictObject({ scope: DashboardScope, ...DashboardQuery.shape });
export type DashboardRequest = z.infer<typeof DashboardRequest>;

export const DashboardResult = z.strictObject({
  scope: DashboardScope,
  dashboard: DashboardView,
  /** Per worker, for the organisation scope; empty for "mine". */
  workers: z.array(WorkerLoadView).max(10_000),
});
export type DashboardResult = z.infer<typeof DashboardResult>;

export const RuleSetChangeView = z.strictObject({ installed: InstalledRuleSet, cases: count, changed: count });
export type RuleSetChangeView = z.infer<typeof RuleSetChangeView>;

export const ActiveRulesView = z.strictObject({
  info: InstalledRuleSet.nullable(),
  document: RuleSetDocument.nullable(),
});
export type ActiveRulesView = z.infer<typeof ActiveRulesView>;

export const InstitutionImportView = z.strictObject({ added: count, updated: count, unchanged: count });
export type InstitutionImportView = z.infer<typeof InstitutionImportView>;

export const RuleExportOptions = z.strictObject({
  version: z.number().int().min(1).max(1_000_000).optional(),
  issuer: z.string().trim().min(1).max(200).optional(),
});
export type RuleExportOptions = z.infer<typeof RuleExportOptions>;

export const ReportFormat = z.enum(['xlsx', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormat>;

export const ReportExportRequest = z.strictObject({ query: ReportQuery, format: ReportFormat });
export type ReportExportRequest = z.infer<typeof ReportExportRequest>;

/** A key pinned as a signer of rule set files, with the fingerprint to compare by phone. */
export const RuleSignerView = z.strictObject({
  keyId: z.string(),
  organisation: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type RuleSignerView = z.infer<typeof RuleSignerView>;

export const TrustRuleSignerInput = z.strictObject({
  organisation: z.string().trim().min(1).max(200),
  /** The minisign public key: its base64 line, or the .pub file's text. */
  minisignPublicKey: z.string().trim().min(1).max(2000),
});
export type TrustRuleSignerInput = z.infer<typeof TrustRuleSignerInput>;

export { exportRuleSet, importRuleSet, installExampleRuleSet, saveLocalRuleSet, type RuleSetChange } from './admin';
export {
  addDays,
  dueAt,
  easterSunday,
  holidaysOf,
  isWorkingDay,
  LITHUANIA,
  LITHUANIAN_HOLIDAYS,
  localDate,
  localDateTime,
  VILNIUS,
  type DutyCalendar,
  type HolidayRule,
} from './calendar';
export {
  complianceReport,
  myDashboard,
  organisationDashboard,
  workload,
  type Dashboard,
  type NoRightsRow,
  type ReflectionRow,
  type WorkerLoad,
} from './dashboard';
export { isOverdue, planTasks, type ActiveRuleSet, type PlannedTask } from './engine';
export { deriveEvents, factsFromView, type CaseEvent, type CaseFacts } from './events';
export { EXAMPLE_RULE_SET } from './example';
export {
  addInstitution,
  editInstitution,
  getInstitution,
  importInstitutions,
  INSTITUTION_FILE_MAX_BYTES,
  listInstitutions,
  removeInstitution,
  type InstitutionImportResult,
} from './institutions';
export { reflectionStatus, rightsChecklist, type ReflectionStatus, type RightsChecklist } from './rights';
export {
  activeRuleSet,
  activeRuleSetInfo,
  listRuleSets,
  listRuleSigners,
  RULE_SET_LIMITS,
  trustRuleSigner,
  verifyRuleSetFile,
  writeRuleSetFile,
  type RuleSigner,
} from './rules';
export {
  completeTask,
  listCaseTasks,
  markNotApplicable,
  recomputeAll,
  recomputeCase,
  type RecomputeResult,
} from './tasks';

export {
  DEFAULT_SEED,
  generateDemoCases,
  MAX_DEMO_CASES,
  type GenerateOptions,
  type GenerateResult,
} from './generator';
export { planCase, SPAN_DAYS, type DemoCasePlan, type PlanContext, type PlanFacts } from './plan';
export {
  assertDemoVault,
  createDemoVault,
  DEMO_ADMIN,
  DEMO_META_KEY,
  DEMO_ORG,
  DEMO_SUPERVISOR,
  isDemoMarked,
  NotDemoVault,
  type CreateDemoVaultInput,
  type DemoVault,
  type NotDemoReason,
} from './vault';

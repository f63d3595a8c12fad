import { z } from 'zod';
import {
  BackupCreated,
  BackupPolicyInput,
  BackupStatusView,
  BackupVerified,
  BackupVerifyInput,
  HoldRequest,
  LegalHoldView,
  PlanRequest,
  PolicyChangeInput,
  PurgePlanView,
  PurgeReportView,
  PurgeRequest,
  ReleaseRequest,
  RestoreChoice,
  RestoreDone,
  RestoreInput,
  RetentionPolicyView,
  WithdrawalHandlingInput,
  WithdrawalPlanView,
  WithdrawalRequest,
} from '../governance/schemas';
import type { Access, ChannelSpec } from './contract';

const spec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelSpec<I, O> => ({
  input,
  output,
  access,
});
const Empty = z.strictObject({});
const publicAccess: Access = { kind: 'public' };
/**
 * A backup holds every case and every key slot: the administrators' duty (domain.md), as core
 * and `sauga backup` have it. Supervisors get the reminder through their administrator.
 */
const administrator: Access = { kind: 'roles', roles: ['administrator'] };
/** Administrators set the policy; supervisors plan purges by it, so both may read it. */
const policyReaders: Access = { kind: 'roles', roles: ['administrator', 'supervisor'] };
/** Holds, the plan and the purge name cases: supervisors, as in core and `sauga retention`. */
const supervisor: Access = { kind: 'roles', roles: ['supervisor'] };
/** A withdrawal is handled by whoever works the case; core checks need-to-know. */
const caseWork: Access = { kind: 'roles', roles: ['caseworker', 'supervisor'] };

/** Backup and retention channels, spread into the contract. */
export const governanceContract = {
  'backup.status': spec(Empty, BackupStatusView, administrator),
  'backup.setPolicy': spec(BackupPolicyInput, BackupStatusView, administrator),
  /** Asks where to save (a dialog in main); cancelling writes nothing. */
  'backup.create': spec(Empty, BackupCreated, administrator),
  /** Asks which backup to check (a dialog in main); with the passphrase, a full check. */
  'backup.verify': spec(BackupVerifyInput, BackupVerified, administrator),
  /** Start screen with no vault: pick the backup file, learn its date and users. */
  'backup.chooseRestore': spec(Empty, RestoreChoice, publicAccess),
  /** Restores the picked backup into this installation's empty vault folder and unlocks it. */
  'backup.restore': spec(RestoreInput, RestoreDone, publicAccess),

  'retention.policy': spec(Empty, RetentionPolicyView, policyReaders),
  'retention.setPolicy': spec(PolicyChangeInput, RetentionPolicyView, administrator),
  'retention.holds': spec(Empty, z.array(LegalHoldView).max(1_000_000), supervisor),
  'retention.hold': spec(HoldRequest, LegalHoldView, supervisor),
  'retention.release': spec(ReleaseRequest, LegalHoldView, supervisor),
  'retention.plan': spec(PlanRequest, PurgePlanView, supervisor),
  'retention.purge': spec(PurgeRequest, PurgeReportView, supervisor),
  'retention.withdrawalPlan': spec(WithdrawalRequest, WithdrawalPlanView, caseWork),
  'retention.recordWithdrawal': spec(WithdrawalHandlingInput, WithdrawalPlanView, caseWork),
} as const;

import { ErrorCode } from '../../shared/errors';
import type {
  BackupCreated,
  BackupStatusView,
  PurgePlanView,
  PurgeReportView,
  RestoreChoice,
  RestoreReportView,
  VerifyRecord,
} from '../../shared/governance/schemas';
import type { VaultStatus } from '../../shared/vault';
import type { AppCore } from '../app';
import {
  backupKeepLast,
  backupStatus,
  createBackup,
  inspectBackup,
  lastBackup,
  lastBackupCheck,
  recordBackupCheck,
  restoreBackup,
  rotateBackups,
  setBackupIntervalDays,
  setBackupKeepLast,
  verifyBackup,
} from '../backup';
import { AppError } from '../errors';
import {
  getPolicy,
  listHolds,
  planPurge,
  purge,
  recordWithdrawalHandling,
  releaseHold,
  setHold,
  setPolicy,
  withdrawalPlan,
  type HoldInput,
  type LegalHold,
  type PolicyChange,
  type ReleaseInput,
  type RetentionRule,
  type WithdrawalHandling,
  type WithdrawalPlan,
} from '../retention';
import { assertPassphraseAcceptable } from '../vault/strength';

/** The backup picked on the start screen, until it is restored or the app closes. */
const chosenRestore = new WeakMap<AppCore, { file: string; users: string[] }>();

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** A file name that says whose backup it is and when; the dialog lets the user change it. */
export function suggestedBackupName(orgName: string, at: Date): string {
  const org = orgName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/gu, '')
    .replace(/[^0-9A-Za-z]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 40);
  const stamp = at.toISOString().slice(0, 16).replace(/[:T]/gu, '-');
  return `${org || 'sauga'}-${stamp}.sauga`;
}

/**
 * Backups, restore and retention for the desktop app. Every role rule is core's own
 * (createBackup, setPolicy, planPurge...); the IPC contract repeats them only as a first gate.
 */
export class GovernanceService {
  constructor(private readonly core: AppCore) {}

  backupStatus(): BackupStatusView {
    const session = this.core.requireSession();
    if (!session.hasRole('administrator'))
      throw new AppError(ErrorCode.Forbidden, 'only an administrator sees the backup status');
    const s = backupStatus(session);
    return {
      lastBackupAt: s.lastBackupAt,
      intervalDays: s.intervalDays,
      due: s.due,
      keepLast: backupKeepLast(session),
      last: lastBackup(session),
      lastVerify: lastBackupCheck(session),
      restoredFrom: s.restoredFrom,
    };
  }

  setBackupPolicy(input: { intervalDays: number; keepLast: number | null }): BackupStatusView {
    const session = this.core.requireSession();
    setBackupIntervalDays(session, input.intervalDays);
    setBackupKeepLast(session, input.keepLast);
    return this.backupStatus();
  }

  async createBackup(): Promise<BackupCreated> {
    const session = this.core.requireSession();
    if (!session.hasRole('administrator'))
      throw new AppError(ErrorCode.Forbidden, 'only an administrator can make backups');
    const name = suggestedBackupName(session.getMeta('org_name') ?? '', session.now());
    const path = await this.core.config.chooseSavePath?.(name);
    if (!path) return { saved: false };
    const started = performance.now();
    const r = await createBackup(session, path);
    const seconds = Math.round(performance.now() - started) / 1000;
    const keep = backupKeepLast(session);
    const removed = keep === null ? 0 : rotateBackups(session, r.file, keep);
    return {
      saved: true,
      backup: { file: r.file, backupId: r.backupId, createdAt: r.createdAt, bytes: r.bytes, cases: r.cases },
      seconds,
      removed,
    };
  }

  /**
   * Checks a backup picked in the open dialog: hashes always; with the signed-in user's
   * passphrase also the seal and a full check of a decrypted-to-temp (still encrypted) copy.
   */
  async verifyBackup(
    passphrase: string | undefined,
  ): Promise<{ opened: false } | { opened: true; verdict: VerifyRecord }> {
    const session = this.core.requireSession();
    if (!session.hasRole('administrator'))
      throw new AppError(ErrorCode.Forbidden, 'only an administrator can check backups');
    const file = await this.core.config.chooseOpenPath?.('backup');
    if (!file) return { opened: false };
    const v = await verifyBackup(
      file,
      passphrase === undefined ? undefined : { userName: session.user.name, passphrase },
    );
    const verdict: VerifyRecord = {
      file,
      backupId: v.backupId,
      createdAt: v.createdAt,
      verifiedAt: session.now().toISOString(),
      sameVault: v.vaultId === session.vaultId,
      authenticated: v.authenticated,
      cases: v.contents?.cases ?? null,
      auditEntries: v.contents?.auditEntries ?? null,
    };
    recordBackupCheck(session, verdict);
    return { opened: true, verdict };
  }

  private assertNoVault(): void {
    const state = this.core.status().state;
    if (state !== 'none' && state !== 'missing')
      throw new AppError(ErrorCode.VaultExists, 'a vault already exists here');
  }

  async chooseRestore(): Promise<RestoreChoice> {
    this.assertNoVault();
    const file = await this.core.config.chooseOpenPath?.('backup');
    if (!file) return { chosen: false };
    const info = inspectBackup(file);
    chosenRestore.set(this.core, { file, users: info.users });
    return { chosen: true, createdAt: info.createdAt, users: info.users };
  }

  /**
   * The picked backup becomes this installation's vault, opened with the recovery words, and
   * the chosen user gets a new passphrase (a new machine has nobody's old one typed in yet).
   */
  async restore(input: {
    words: string[];
    userName: string;
    newPassphrase: string;
  }): Promise<{ status: VaultStatus; report: RestoreReportView }> {
    this.assertNoVault();
    const chosen = chosenRestore.get(this.core);
    if (!chosen) throw new AppError(ErrorCode.FileUnreadable, 'no backup has been chosen');
    const userName = input.userName.normalize('NFC');
    if (!chosen.users.includes(userName))
      throw new AppError(ErrorCode.UnknownUser, 'no user of that name in this backup');
    assertPassphraseAcceptable(input.newPassphrase, [userName]);
    const r = await restoreBackup(
      chosen.file,
      this.core.config.vaultDir,
      { recoveryWords: input.words },
      {
        ...(this.core.config.now ? { now: this.core.config.now } : {}),
      },
    );
    chosenRestore.delete(this.core);
    const status = await this.core.unlockWithRecovery(input.words, userName, input.newPassphrase);
    return {
      status,
      report: {
        orgName: r.orgName,
        cases: r.cases,
        auditEntries: r.auditEntries,
        createdBy: r.createdBy,
        backupCreatedAt: r.backupCreatedAt,
        restoredAt: r.restoredAt,
      },
    };
  }

  // -------------------------------------------------------------------------------------------
  // Retention

  policy(): RetentionRule[] {
    return getPolicy(this.core.requireSession());
  }

  setPolicy(change: PolicyChange): RetentionRule[] {
    return setPolicy(this.core.requireSession(), change);
  }

  holds(): LegalHold[] {
    return listHolds(this.core.requireSession());
  }

  hold(caseId: string, input: HoldInput): LegalHold {
    return setHold(this.core.requireSession(), caseId, input);
  }

  release(caseId: string, input: ReleaseInput): LegalHold {
    return releaseHold(this.core.requireSession(), caseId, input);
  }

  /** For today, or a later day to see what will fall due by then; never an earlier one. */
  plan(asOf: string | undefined): PurgePlanView {
    const session = this.core.requireSession();
    const today = isoDay(session.now());
    if (asOf !== undefined && asOf < today)
      throw new AppError(ErrorCode.InvalidInput, 'a plan is made for today or a later day');
    return planPurge(session, asOf ?? today);
  }

  /** Always as of today: a plan made for a later day can be looked at, never purged early. */
  purge(confirm: string[]): PurgeReportView {
    const session = this.core.requireSession();
    return purge(session, { today: isoDay(session.now()), confirm });
  }

  withdrawalPlan(caseId: string, consentId: string): WithdrawalPlan {
    return withdrawalPlan(this.core.requireSession(), caseId, consentId);
  }

  recordWithdrawal(caseId: string, consentId: string, handling: WithdrawalHandling): WithdrawalPlan {
    return recordWithdrawalHandling(this.core.requireSession(), caseId, consentId, handling);
  }
}

import { randomBytes, randomInt } from 'node:crypto';
import { ErrorCode } from '../shared/errors';
import type { Role } from '../shared/roles';
import type { Language, PassphraseStrength, VaultStatus } from '../shared/vault';
import { CaseService } from './cases/service';
import type { ExportInput, ExportResult } from '../shared/stats/dto';
import { StatsService } from './stats/service';
import type { DirectoryImportView, SummaryExportResult } from '../shared/summary/views';
import type { ReceivedSummary } from '../shared/summary/dto';
import { SummaryService } from './summary/service';
import { DutiesService, type DutyOpenKind } from './duties/service';
import { exportSummaryDraft, readImportFile } from './summary/files';
import { readConfig, writeConfig } from './config';
import { AppError } from './errors';
import { entropyToWords } from './vault/recovery';
import { assertPassphraseAcceptable, passphraseStrength } from './vault/strength';
import {
  addUser,
  changePassphrase,
  createVault,
  listUserNames,
  recoverWithWords,
  unlockVault,
  vaultExists,
  type VaultOptions,
  type VaultSession,
} from './vault/vault';
import { isDemoMarked } from './demo/vault';
import { backupDue } from './backup';
import type { AnchorState, AuditReceipt, AuditReport, AuditRollback } from '../shared/audit';
import { checkAnchor, defaultAnchorFile, recordAnchorQuietly, type AnchorEvent } from './audit/anchor';
import { auditHead } from './audit/chain';
import { auditReceipt, auditReport, ROLLBACK_ACTION } from './audit/report';

export interface AppCoreConfig extends VaultOptions {
  vaultDir: string;
  configFile: string;
  version: string;
  /**
   * Asks the user where to save a file (Electron's save dialog in the app, a stub in tests).
   * Resolves undefined when the user cancels.
   */
  chooseSavePath?: (suggestedName: string) => Promise<string | undefined>;
  /**
   * Asks the user which file to open (Electron's open dialog in the app, a stub in tests):
   * a signed key directory, a case summary package, a signed rule set or an institution list.
   * Resolves undefined when cancelled.
   */
  chooseOpenPath?: (
    kind: 'directory' | 'summaryPackage' | DutyOpenKind | 'backup' | 'spreadsheet',
  ) => Promise<string | undefined>;
}

interface PendingCreation {
  orgName: string;
  userName: string;
  passphrase: string;
  entropy: Buffer;
  confirmPositions: number[];
}

const DEFAULT_IDLE_MINUTES = 10;

function pickPositions(): number[] {
  const set = new Set<number>();
  while (set.size < 3) set.add(randomInt(0, 24));
  return [...set].sort((a, b) => a - b);
}

/**
 * The application as the desktop shell sees it: one vault folder, at most one unlocked
 * session, a vault creation in progress, the idle lock. The CLI uses the vault functions
 * directly; the IPC handler table calls only this.
 */
export class AppCore {
  private session: VaultSession | undefined;
  private caseService: { session: VaultSession; service: CaseService } | undefined;
  private statsService: { session: VaultSession; service: StatsService } | undefined;
  private summaryService: { session: VaultSession; service: SummaryService } | undefined;
  private dutiesService: { session: VaultSession; service: DutiesService } | undefined;
  private pending: PendingCreation | undefined;
  private lastActivity = 0;
  private failedUnlocks = 0;
  /** Found by the unlock of the current session; shown until it locks. */
  private auditRollback: AuditRollback | undefined;

  constructor(readonly config: AppCoreConfig) {}

  private now(): Date {
    return this.config.now?.() ?? new Date();
  }

  private vaultOptions(): VaultOptions {
    const { nativeBinding, now, kdf } = this.config;
    return { ...(nativeBinding ? { nativeBinding } : {}), ...(now ? { now } : {}), ...(kdf ? { kdf } : {}) };
  }

  language(): Language {
    return readConfig(this.config.configFile).language;
  }

  setLanguage(language: Language): void {
    writeConfig(this.config.configFile, { ...readConfig(this.config.configFile), language });
  }

  idleLockMinutes(): number {
    const v = Number(this.session?.getSetting('idle_lock_minutes') ?? DEFAULT_IDLE_MINUTES);
    return Number.isInteger(v) && v >= 0 ? v : DEFAULT_IDLE_MINUTES;
  }

  status(): VaultStatus {
    this.lockIfIdle();
    if (this.session && !this.session.isLocked) {
      return {
        state: 'unlocked',
        orgName: this.session.getMeta('org_name') ?? '',
        user: { name: this.session.user.name, roles: this.session.user.roles },
        idleLockMinutes: this.idleLockMinutes(),
        demo: isDemoMarked(this.session.db),
        ...(this.session.hasRole('administrator') ? { backupDue: backupDue(this.session) } : {}),
        ...(this.auditRollback ? { auditRollback: this.auditRollback } : {}),
      };
    }
    if (this.pending) return { state: 'creating', confirmPositions: this.pending.confirmPositions };
    if (!vaultExists(this.config.vaultDir)) {
      // Never offer "create a vault" silently when the one we knew has disappeared.
      return readConfig(this.config.configFile).knownVaultId ? { state: 'missing' } : { state: 'none' };
    }
    let users: string[] = [];
    try {
      users = listUserNames(this.config.vaultDir);
    } catch {
      // A damaged slot file still shows the unlock screen; unlocking then explains the damage.
    }
    return { state: 'locked', users };
  }

  /** The current session, or Locked. Every case-data path goes through here. */
  requireSession(): VaultSession {
    this.lockIfIdle();
    if (!this.session || this.session.isLocked) throw new AppError(ErrorCode.Locked, 'the vault is locked');
    return this.session;
  }

  /** The case service of the current session; every call in it checks need-to-know itself. */
  cases(): CaseService {
    const session = this.requireSession();
    if (this.caseService?.session !== session) this.caseService = { session, service: new CaseService(session) };
    return this.caseService.service;
  }

  /** Saving a copy of an attachment out of the vault: the user picks the file, then it is logged. */
  async exportAttachment(caseId: string, attachmentId: string): Promise<boolean> {
    const cases = this.cases();
    const { meta } = cases.readAttachmentMeta(caseId, attachmentId);
    const path = await this.config.chooseSavePath?.(meta.fileName);
    if (!path) return false;
    cases.exportAttachment(caseId, attachmentId, path);
    return true;
  }

  /** Statistics returns of the current session (supervisors; the handler table checks the role). */
  stats(): StatsService {
    const session = this.requireSession();
    if (this.statsService?.session !== session)
      this.statsService = { session, service: new StatsService(session, this.config.version) };
    return this.statsService.service;
  }

  /** Export a statistics return: the package is built and audited first, then the user picks the file. */
  async exportStatsReturn(input: ExportInput): Promise<ExportResult> {
    const stats = this.stats();
    const fileName = stats.suggestedFileName(input);
    const path = await this.config.chooseSavePath?.(fileName);
    if (!path) return { saved: false };
    const exported = await stats.exportReturn(input, path);
    this.recordAnchor('statsExport');
    return { saved: true, exported };
  }

  /**
   * Audit chain heads kept outside the vault folder: in its parent, which in the app is the
   * user-data folder beside config.json, and where a restore into vaultDir resets it.
   */
  anchorFile(): string {
    return defaultAnchorFile(this.config.vaultDir);
  }

  private recordAnchor(event: AnchorEvent): void {
    const session = this.session;
    if (session && !session.isLocked)
      recordAnchorQuietly(this.anchorFile(), session.vaultId, session.db, event, this.now());
  }

  /** The whole chain verified and compared with the anchor (administrators and supervisors). */
  auditReport(): AuditReport {
    const session = this.requireSession();
    return auditReport(session.db, session.auditKeyForVerification(), session.vaultId, this.anchorFile());
  }

  auditReceipt(): AuditReceipt {
    const session = this.requireSession();
    const receipt = auditReceipt(session.db, session.vaultId, session.getMeta('org_name') ?? '', this.now());
    this.recordAnchor('receipt');
    return receipt;
  }

  /**
   * Before anything is appended: does the chain still extend the last head recorded outside
   * the vault? If not, the unlock goes on, and the finding is shown and written into the chain.
   */
  private checkRollback(session: VaultSession): void {
    this.auditRollback = undefined;
    let state: AnchorState;
    try {
      // The anchored entry and its link only: constant time at every unlock; the audit screen walks it all.
      state = checkAnchor(this.anchorFile(), session.vaultId, session.db, session.auditKeyForVerification(), 'entry');
    } catch {
      // A damaged database is explained by the integrity and chain checks, not here.
      return;
    }
    if (state.state !== 'rollback') return;
    this.auditRollback = {
      recordedSeq: state.recordedSeq,
      recordedAt: state.recordedAt,
      currentSeq: auditHead(session.db).seq,
      reason: state.reason,
    };
    session.audit({
      action: ROLLBACK_ACTION,
      subject: 'vault',
      detail: {
        recordedSeq: state.recordedSeq,
        recordedAt: state.recordedAt,
        reason: state.reason,
        firstBadSeq: state.firstBadSeq,
      },
    });
  }

  /** Case summaries, the key directory and the installation's role, for the current session. */
  summaries(): SummaryService {
    const session = this.requireSession();
    if (this.summaryService?.session !== session)
      this.summaryService = { session, service: new SummaryService(session, this.config.vaultDir) };
    return this.summaryService.service;
  }

  /** Information duties, the institution registry and the rule sets, with main's file dialogs. */
  duties(): DutiesService {
    const session = this.requireSession();
    if (this.dutiesService?.session !== session)
      this.dutiesService = {
        session,
        service: new DutiesService(session, {
          chooseSavePath: this.config.chooseSavePath,
          chooseOpenPath: this.config.chooseOpenPath,
        }),
      };
    return this.dutiesService.service;
  }

  isRecipientVault(): boolean {
    return this.summaries().installation().role === 'recipient';
  }

  /** Export a summary package: checked first, then the user picks the file, then it is built and logged. */
  async exportSummary(draftId: string, language: Language): Promise<SummaryExportResult> {
    return exportSummaryDraft(this.summaries(), draftId, language, (name) => this.config.chooseSavePath?.(name));
  }

  /** Import a signed directory file the user picks; cancelling changes nothing. */
  async importDirectory(): Promise<{ imported: false } | { imported: true; result: DirectoryImportView }> {
    const summaries = this.summaries();
    const bytes = await readImportFile(() => this.config.chooseOpenPath?.('directory'));
    if (!bytes) return { imported: false };
    return { imported: true, result: summaries.importDirectory(bytes) };
  }

  /** Open a summary package the user picks, in a recipient vault; cancelling reads nothing. */
  async openSummaryPackage(): Promise<{ opened: false } | { opened: true; received: ReceivedSummary }> {
    const summaries = this.summaries();
    const bytes = await readImportFile(() => this.config.chooseOpenPath?.('summaryPackage'), 'summaryPackage');
    if (!bytes) return { opened: false };
    return { opened: true, received: await summaries.receive(bytes) };
  }

  touch(): void {
    this.lastActivity = this.now().getTime();
  }

  /** Called by the shell on a timer and before every call: an idle session closes itself. */
  lockIfIdle(): boolean {
    if (!this.session || this.session.isLocked) return false;
    const minutes = this.idleLockMinutes();
    if (minutes > 0 && this.now().getTime() - this.lastActivity > minutes * 60_000) {
      this.lock();
      return true;
    }
    return false;
  }

  passphraseStrength(passphrase: string, context: string[]): PassphraseStrength {
    return passphraseStrength(passphrase, context);
  }

  /** After a vault folder is lost for good, an administrator may start again with a new one. */
  forgetMissingVault(): void {
    if (this.status().state !== 'missing') throw new AppError(ErrorCode.InvalidInput, 'the vault is not missing');
    const { knownVaultId: _, ...rest } = readConfig(this.config.configFile);
    writeConfig(this.config.configFile, rest);
  }

  beginCreate(input: { orgName: string; userName: string; passphrase: string }): {
    words: string[];
    confirmPositions: number[];
  } {
    if (vaultExists(this.config.vaultDir)) throw new AppError(ErrorCode.VaultExists, 'a vault already exists here');
    assertPassphraseAcceptable(input.passphrase, [input.orgName, input.userName]);
    this.cancelCreate();
    // Nothing is written until the words are confirmed: a vault never exists with a
    // recovery sheet nobody has seen.
    const entropy = randomBytes(32);
    this.pending = { ...input, entropy, confirmPositions: pickPositions() };
    return { words: entropyToWords(entropy), confirmPositions: this.pending.confirmPositions };
  }

  cancelCreate(): void {
    this.pending?.entropy.fill(0);
    this.pending = undefined;
  }

  async finishCreate(confirmWords: string[]): Promise<VaultStatus> {
    const p = this.pending;
    if (!p) throw new AppError(ErrorCode.NoPendingCreation, 'no vault creation is in progress');
    const words = entropyToWords(p.entropy);
    const ok = p.confirmPositions.every((pos, i) => words[pos] === confirmWords[i]?.trim().toLowerCase());
    if (!ok) throw new AppError(ErrorCode.RecoveryConfirmMismatch, 'the confirmed words do not match the sheet');
    const { session } = await createVault(
      {
        dir: this.config.vaultDir,
        orgName: p.orgName,
        userName: p.userName,
        passphrase: p.passphrase,
        recoveryEntropy: p.entropy,
      },
      this.vaultOptions(),
    );
    this.cancelCreate();
    this.adopt(session);
    return this.status();
  }

  private adopt(session: VaultSession): void {
    this.session?.lock();
    this.session = session;
    this.checkRollback(session);
    const config = readConfig(this.config.configFile);
    if (config.knownVaultId !== session.vaultId) {
      try {
        writeConfig(this.config.configFile, { ...config, knownVaultId: session.vaultId });
      } catch {
        // Preferences are a convenience; a read-only profile must not stop an unlock.
      }
    }
    this.touch();
    if (this.failedUnlocks > 0) {
      session.audit({ action: 'session.failed_unlocks', subject: 'vault', detail: { count: this.failedUnlocks } });
      this.failedUnlocks = 0;
    }
    session.audit({ action: 'session.unlocked', subject: session.user.name });
    this.recordAnchor('unlock');
  }

  private async countFailures<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError && (e.code === ErrorCode.WrongPassphrase || e.code === ErrorCode.UnknownUser)) {
        this.failedUnlocks++;
      }
      throw e;
    }
  }

  async unlock(userName: string, passphrase: string): Promise<VaultStatus> {
    const session = await this.countFailures(() =>
      unlockVault(this.config.vaultDir, userName, passphrase, this.vaultOptions()),
    );
    this.adopt(session);
    return this.status();
  }

  async unlockWithRecovery(words: string[], userName: string, newPassphrase: string): Promise<VaultStatus> {
    const session = await this.countFailures(() =>
      recoverWithWords(this.config.vaultDir, words, userName, newPassphrase, this.vaultOptions()),
    );
    this.adopt(session);
    return this.status();
  }

  lock(): VaultStatus {
    if (this.session && !this.session.isLocked) {
      try {
        this.session.audit({ action: 'session.locked', subject: this.session.user.name });
        this.recordAnchor('lock');
      } finally {
        this.session.lock();
      }
    }
    this.session = undefined;
    this.caseService = undefined;
    this.auditRollback = undefined;
    return this.status();
  }

  async changePassphrase(current: string, next: string): Promise<void> {
    await changePassphrase(this.requireSession(), current, next);
  }

  async addUser(input: { userName: string; roles: Role[]; passphrase: string }): Promise<void> {
    await addUser(this.requireSession(), input);
  }

  setIdleLock(minutes: number): void {
    const session = this.requireSession();
    session.write({ action: 'settings.idle_lock_changed', subject: 'vault', detail: { minutes } }, (db) => {
      db.prepare(
        `INSERT INTO settings (key, value) VALUES ('idle_lock_minutes', ?)
                  ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
      ).run(String(minutes));
    });
  }
}

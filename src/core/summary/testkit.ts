import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import type { SessionUser, VaultSession } from '../vault/vault';
import type { ComposeRequest } from './compose';

/** For tests: the day the summary tests compose on, and a recipient fingerprint. */
export const TODAY = '2026-03-01';
export const FINGERPRINT = '12345 67890 13579 24680 11223 34455 66778 89900';

export interface SummaryVault {
  v: CaseVault;
  /** The caseworker who owns the test cases; another caseworker; two supervisors. */
  worker: SessionUser;
  stranger: SessionUser;
  boss: SessionUser;
  boss2: SessionUser;
  cwS: VaultSession;
  cw: CaseService;
}

/** A real encrypted vault with the people the approval and override rules need. */
export async function openSummaryVault(): Promise<SummaryVault> {
  const v = await openCaseVault(() => new Date(`${TODAY}T10:00:00.000Z`));
  const worker = v.addUser('Rūta Caseworker', ['caseworker']);
  const cwS = v.as(worker);
  return {
    v,
    worker,
    stranger: v.addUser('Jonas Caseworker', ['caseworker']),
    boss: v.addUser('Vida Supervisor', ['supervisor']),
    boss2: v.addUser('Aldona Supervisor', ['supervisor']),
    cwS,
    cw: new CaseService(cwS),
  };
}

/** A prosecutor in criminal proceedings, the summary this issue is about. */
export const prosecutorRequest = (over: Partial<ComposeRequest> = {}): ComposeRequest => ({
  recipient: { institution: 'Vilniaus apygardos prokuratūra', category: 'PROSECUTOR', fingerprint: FINGERPRINT },
  purpose: 'CRIMINAL_PROCEEDINGS',
  today: TODAY,
  ...over,
});

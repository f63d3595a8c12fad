import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { addRecipient, verifyRecipient } from '../keys/directory';
import { initRecipientKeys } from '../keys/recipient';
import { ensureSigningKey } from '../stats/package/signingKey';
import { ORG } from '../testing/fixtures';
import type { SessionUser, VaultSession } from '../vault/vault';
import type { ComposeRequest } from './compose';
import { addTrustedSender } from './inbox';

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

/** Two installations for send/receive tests: an NGO vault with cases, and a prosecutor's vault. */
export interface Exchange extends SummaryVault {
  /** The prosecutor's vault: `admin` (keys, trust) and a caseworker who reads summaries. */
  rv: CaseVault;
  reader: VaultSession;
  /** The directory entry the NGO sends to, verified. */
  recipientId: string;
  recipient: ComposeRequest['recipient'];
  /** The NGO's signing key as `sauga keys export-public` prints it. */
  ngoPublicKey: string;
  close(): void;
}

export const PROSECUTOR_OFFICE = 'Vilniaus apygardos prokuratūra';

export async function openExchange(): Promise<Exchange> {
  const ngo = await openSummaryVault();
  const rv = await openCaseVault(() => new Date(`${TODAY}T12:00:00.000Z`));
  const info = await initRecipientKeys(rv.admin, { institution: PROSECUTOR_OFFICE, category: 'PROSECUTOR' });
  const entry = addRecipient(ngo.v.admin, {
    institution: info.institution,
    category: info.category,
    ageRecipient: info.ageRecipient,
    ed25519PublicKey: info.ed25519PublicKey,
    validFrom: '2026-01-01',
  });
  verifyRecipient(ngo.v.admin, entry.id, info.fingerprint);
  const ngoPublicKey = ensureSigningKey(ngo.v.admin).minisignPublicKey;
  addTrustedSender(rv.admin, { organisation: ORG, minisignPublicKey: ngoPublicKey });
  return {
    ...ngo,
    rv,
    reader: rv.as(rv.addUser('Prokurorė Jūratė', ['caseworker'])),
    recipientId: entry.id,
    recipient: { institution: info.institution, category: 'PROSECUTOR', fingerprint: info.fingerprint },
    ngoPublicKey,
    close() {
      ngo.v.close();
      rv.close();
    },
  };
}

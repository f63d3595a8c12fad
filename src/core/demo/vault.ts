import { ErrorCode } from '../../shared/errors';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { addUser, createVault, unlockVault, type VaultOptions, type VaultSession } from '../vault/vault';
import { WORKER_NAMES } from './vocabulary';

/**
 * Demo data must never reach a vault with real cases. A vault is a demo vault only if
 * `sauga demo` made it: the mark is written into its (encrypted) meta table right after the
 * vault is created, and nothing else in Sauga writes it. The generator refuses any vault
 * without the mark, and any vault holding a case whose source is not 'demo'.
 */
export const DEMO_META_KEY = 'demo';
export const DEMO_ORG = 'Demonstracinė organizacija';
export const DEMO_ADMIN = 'Demo administratorius';
export const DEMO_SUPERVISOR = 'Demo koordinatorė';

export type NotDemoReason = 'unmarked' | 'real_cases';

export class NotDemoVault extends AppError {
  constructor(readonly reason: NotDemoReason) {
    super(
      ErrorCode.NotDemoVault,
      reason === 'unmarked'
        ? 'not a demo vault: demo cases go only into vaults made by sauga demo'
        : 'this vault holds cases that are not demo data',
    );
    this.name = 'NotDemoVault';
  }
}

export function isDemoMarked(db: Db): boolean {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(DEMO_META_KEY) as { value: string } | undefined;
  return row?.value === '1';
}

/**
 * Refuse unless the vault is marked as a demo vault and every case in it (or every case
 * after row `afterN`, when the earlier ones were checked already) is demo data.
 */
export function assertDemoVault(db: Db, afterN = 0): void {
  if (!isDemoMarked(db)) throw new NotDemoVault('unmarked');
  // The rowid range keeps repeated checks cheap during a long generation.
  if (db.prepare(`SELECT 1 FROM cases WHERE n > ? AND source != 'demo' LIMIT 1`).get(afterN)) {
    throw new NotDemoVault('real_cases');
  }
}

export interface CreateDemoVaultInput {
  dir: string;
  passphrase: string;
  /** The account to work with: administrator and supervisor, so it sees every demo case. */
  userName?: string;
  orgName?: string;
  /** Caseworkers the cases are shared among; real users with the same passphrase. */
  caseworkers?: readonly string[];
}

export interface DemoVault {
  /** Unlocked as `userName`. */
  session: VaultSession;
  recoveryWords: string[];
  users: { name: string; roles: string[] }[];
}

/**
 * A new vault in an empty folder, marked as a demo vault before anything else is written.
 * The first account (created with the vault) is a plain administrator, as in a real
 * installation; the working account is administrator and supervisor; the caseworkers can
 * sign in too, to show what each of them may see. All share the given passphrase.
 */
export async function createDemoVault(input: CreateDemoVaultInput, options: VaultOptions = {}): Promise<DemoVault> {
  const userName = (input.userName ?? DEMO_SUPERVISOR).normalize('NFC');
  const caseworkers = [...(input.caseworkers ?? WORKER_NAMES)];
  const names = [DEMO_ADMIN, userName, ...caseworkers];
  if (new Set(names).size !== names.length) throw new AppError(ErrorCode.UserExists, 'demo user names must differ');
  const { session: admin, recoveryWords } = await createVault(
    { dir: input.dir, orgName: input.orgName ?? DEMO_ORG, userName: DEMO_ADMIN, passphrase: input.passphrase },
    options,
  );
  try {
    admin.write({ action: 'vault.marked_demo', subject: 'vault' }, (db) => {
      db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DEMO_META_KEY, '1');
    });
    await addUser(admin, { userName, roles: ['administrator', 'supervisor'], passphrase: input.passphrase });
    for (const name of caseworkers) {
      await addUser(admin, { userName: name, roles: ['caseworker'], passphrase: input.passphrase });
    }
  } finally {
    admin.lock();
  }
  const session = await unlockVault(input.dir, userName, input.passphrase, options);
  return {
    session,
    recoveryWords,
    users: [
      { name: DEMO_ADMIN, roles: ['administrator'] },
      { name: userName, roles: ['administrator', 'supervisor'] },
      ...caseworkers.map((name) => ({ name, roles: ['caseworker'] })),
    ],
  };
}

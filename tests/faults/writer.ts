/**
 * A child process that writes into a vault through the real CaseService and prints every
 * write Sauga acknowledged, after its commit returned:
 *
 *   ack case <id> <seq>      ack note <caseId> <noteId> <seq>      ack backup <file>
 *
 * The fault tests kill it with SIGKILL at random moments and check that each acknowledged
 * write is still there. Modes (argv[2]):
 *   unlock  open with unlockVault (takes the process lock), as the app and the CLI do
 *   raw     open vault.db directly with a key from SAUGA_FAULT_DEK, bypassing the process
 *           lock: the "other connection" that writes while a backup is taken
 * Settings come from the environment, never from argv, so no passphrase shows in `ps`.
 */
import { join } from 'node:path';
import { deriveAuditKey } from '../../src/core/audit/chain';
import { createBackup } from '../../src/core/backup/backup';
import { CaseService } from '../../src/core/cases/service';
import { openEncrypted } from '../../src/core/db/connection';
import { unlockVault, vaultPaths, VaultSession, type SessionUser } from '../../src/core/vault/vault';

const env = process.env;
const dir = env.SAUGA_FAULT_VAULT ?? '';
const mode = process.argv[2] ?? 'unlock';
const limit = Number(env.SAUGA_FAULT_WRITES ?? '1000000');
const backupEvery = Number(env.SAUGA_FAULT_BACKUP_EVERY ?? '0');
const backupDir = env.SAUGA_FAULT_BACKUP_DIR ?? '';
const start = Number(env.SAUGA_FAULT_START ?? '0');

function say(line: string): void {
  // Synchronous on Linux pipes: the line is in the pipe before the next write begins.
  process.stdout.write(`${line}\n`);
}

async function open(): Promise<VaultSession> {
  if (mode === 'raw') {
    const dek = Buffer.from(env.SAUGA_FAULT_DEK ?? '', 'hex');
    const paths = vaultPaths(dir);
    const db = openEncrypted(paths.db, dek);
    // Checkpoint as often as possible, so checkpoints race the backup's snapshot.
    db.pragma('wal_autocheckpoint = 8');
    const vaultId = (db.prepare(`SELECT value FROM meta WHERE key = 'vault_id'`).get() as { value: string }).value;
    const row = db
      .prepare(`SELECT id, name, roles FROM users WHERE roles LIKE '%supervisor%' ORDER BY created_at LIMIT 1`)
      .get() as {
      id: string;
      name: string;
      roles: string;
    };
    const user: SessionUser = { id: row.id, name: row.name, roles: JSON.parse(row.roles) as SessionUser['roles'] };
    return new VaultSession(paths, vaultId, db, dek, deriveAuditKey(dek, vaultId), user, {});
  }
  return unlockVault(dir, env.SAUGA_FAULT_USER ?? '', env.SAUGA_FAULT_PASSPHRASE ?? '');
}

async function main(): Promise<void> {
  const session = await open();
  const cases = new CaseService(session);
  say('ready');
  for (let i = start; i < start + limit; i++) {
    const c = cases.createCase({
      openedOn: '2026-03-01',
      identity: { givenNames: `Writer${i}`, familyNames: `Fault${i}` },
    });
    say(`ack case ${c.id} ${i}`);
    const note = cases.addItem(c.id, 'notes', { date: '2026-03-02', text: `note ${i}` });
    say(`ack note ${c.id} ${note.id} ${i}`);
    if (backupEvery > 0 && i % backupEvery === backupEvery - 1) {
      const file = join(backupDir, `b-${i}.sauga`);
      await createBackup(session, file);
      say(`ack backup ${file}`);
    }
  }
  session.lock();
  say('done');
}

main().catch((e: unknown) => {
  const code = (e as { code?: string }).code ?? 'UNKNOWN';
  process.stdout.write(`error ${code} ${(e as Error).message}\n`);
  process.exitCode = 3;
});

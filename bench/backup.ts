import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup } from '../src/core/backup/backup';
import type { VaultSession } from '../src/core/vault/vault';

export interface BackupBenchResult {
  ms: number;
  bytes: number;
  cases: number;
}

/** Issue 7: one backup of the full vault, as `sauga backup create` makes it (file removed after). */
export async function runBackupBench(session: VaultSession, dir: string): Promise<BackupBenchResult> {
  const file = join(dir, 'bench-backup.sauga');
  rmSync(file, { force: true });
  const started = performance.now();
  const r = await createBackup(session, file);
  const ms = Math.round(performance.now() - started);
  rmSync(file, { force: true });
  return { ms, bytes: r.bytes, cases: r.cases };
}

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../src/core/backup/backup';
import { ADMIN, ORG, tempDir } from '../../src/core/testing/fixtures';
import { checkVault } from '../../src/core/vault/check';
import { addUser, createVault, unlockVault } from '../../src/core/vault/vault';
import { parseAcks, run, type Acks } from './child';
import { KILLS, rng, SEED, SUP } from './scale';

let dir: string;
let cleanup: () => void;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-kills-'));
  const { session } = await createVault({
    dir: join(dir, 'vault'),
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  await addUser(session, { userName: SUP.name, roles: ['administrator', 'supervisor'], passphrase: SUP.passphrase });
  session.lock();
});

afterAll(() => cleanup());

describe(`SIGKILL at random points (${KILLS} kills, seed ${SEED})`, () => {
  it(
    'the vault opens, integrity_check is ok, the audit chain verifies and every acknowledged write is there',
    async () => {
      const random = rng(SEED);
      const vault = join(dir, 'vault');
      const all: Acks = { cases: [], notes: [], backups: [], ready: false, done: false, errors: [] };
      const phases = { beforeReady: 0, whileWriting: 0, duringBackupRuns: 0 };
      for (let k = 0; k < KILLS; k++) {
        // Every fourth writer also makes backups, so kills land inside a backup too.
        const withBackups = k % 4 === 3;
        const writer = run('tests/faults/writer.ts', ['unlock'], {
          SAUGA_FAULT_VAULT: vault,
          SAUGA_FAULT_USER: SUP.name,
          SAUGA_FAULT_PASSPHRASE: SUP.passphrase,
          SAUGA_FAULT_START: String(k * 100_000),
          ...(withBackups ? { SAUGA_FAULT_BACKUP_EVERY: '3', SAUGA_FAULT_BACKUP_DIR: dir } : {}),
        });
        // One kill in eight lands during start-up (unlock, migrations check), the rest mid-write.
        if (random() < 0.125) {
          await new Promise((r) => setTimeout(r, random() * 900));
          phases.beforeReady++;
        } else {
          const ready = await writer.waitFor(/^ready$/u);
          expect(ready, writer.stderr() + writer.output()).toBe(true);
          await new Promise((r) => setTimeout(r, random() * 400));
          if (withBackups) phases.duringBackupRuns++;
          else phases.whileWriting++;
        }
        writer.child.kill('SIGKILL');
        const exit = await writer.exited;
        const acks = parseAcks(writer.output());
        expect(acks.errors, writer.stderr()).toEqual([]);
        expect(exit.signal === 'SIGKILL' || acks.done).toBe(true);
        all.cases.push(...acks.cases);
        all.notes.push(...acks.notes);
        all.backups.push(...acks.backups);

        // The kernel dropped the dead writer's lock: this open must not say VAULT_IN_USE.
        const s = await unlockVault(vault, SUP.name, SUP.passphrase);
        try {
          const check = checkVault(s);
          expect(check.integrity, `kill ${k}`).toEqual(['ok']);
          expect(check.audit.ok, `kill ${k}`).toBe(true);
          expect(check.foreignKeyViolations).toBe(0);
          const hasCase = s.db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
          const hasNote = s.db.prepare('SELECT 1 FROM case_notes WHERE id = ?').pluck();
          const lostCases = all.cases.filter((c) => hasCase.get(c.id) === undefined);
          const lostNotes = all.notes.filter((n) => hasNote.get(n.noteId) === undefined);
          expect(lostCases, `kill ${k}`).toEqual([]);
          expect(lostNotes, `kill ${k}`).toEqual([]);
        } finally {
          s.lock();
        }
      }
      // A backup file under its final name is always whole; a cut one is only ever a .tmp.
      const finals = readdirSync(dir).filter((n) => n.endsWith('.sauga'));
      for (const f of finals) await expect(verifyBackup(join(dir, f))).resolves.toBeTruthy();
      for (const f of all.backups) expect(finals).toContain(f.slice(dir.length + 1));
      console.info(
        `kills: ${KILLS} (${phases.beforeReady} during start-up, ${phases.whileWriting} while writing, ${phases.duringBackupRuns} while writing and backing up); acknowledged ${all.cases.length} cases, ${all.notes.length} notes, ${all.backups.length} backups, none lost; ${readdirSync(dir).filter((n) => n.endsWith('.tmp')).length} cut backup temp files left`,
      );
    },
    KILLS * 20_000,
  );
});

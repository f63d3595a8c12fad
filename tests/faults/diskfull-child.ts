/**
 * Runs inside a private mount namespace on a small tmpfs (see diskfull.test.ts): fills the
 * disk through real CaseService writes until Sauga reports an error, then checks that the
 * error is DISK_FULL, that a backup onto the full disk fails cleanly, that every write
 * acknowledged before is still there, and that work goes on once space is freed.
 * Prints one JSON line with what it saw.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackup, verifyBackup } from '../../src/core/backup/backup';
import { CaseService } from '../../src/core/cases/service';
import { checkVault } from '../../src/core/vault/check';
import { addUser, createVault, unlockVault } from '../../src/core/vault/vault';

const root = process.argv[2] ?? '';
const SUP = { name: 'Rūta Vadovė', passphrase: 'violet harbour lantern 2026' };

const codeOf = (e: unknown): string => (e as { code?: string }).code ?? `untyped: ${(e as Error).message}`;

async function main(): Promise<void> {
  const dir = join(root, 'vault');
  // Room set aside now and freed after the disk is full: "the user deletes something".
  const filler = join(root, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(1024 * 1024));
  const { session: admin } = await createVault({
    dir,
    orgName: 'Disk full test',
    userName: 'Ona Admin',
    passphrase: 'correct horse battery staple',
  });
  await addUser(admin, { userName: SUP.name, roles: ['administrator', 'supervisor'], passphrase: SUP.passphrase });
  admin.lock();
  let session = await unlockVault(dir, SUP.name, SUP.passphrase);
  let cases = new CaseService(session);
  const acked: string[] = [];
  let fullError = '';
  for (let i = 0; i < 10_000 && !fullError; i++) {
    try {
      const c = cases.createCase({ openedOn: '2026-03-01', identity: { givenNames: `Full${i}` } });
      cases.addAttachment(
        c.id,
        { fileName: `scan-${i}.pdf` },
        Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(256 * 1024)]),
      );
      acked.push(c.id);
    } catch (e) {
      fullError = codeOf(e);
    }
  }
  const backupErrors: string[] = [];
  const tryBackup = async (): Promise<void> => {
    try {
      await createBackup(session, join(root, 'backup.sauga'));
      backupErrors.push('ok');
    } catch (e) {
      backupErrors.push(codeOf(e));
    }
  };
  // Once on the full disk (the snapshot's checkpoint fails), once with the filler's 1 MiB
  // free (the copy of a larger database fails part-way).
  await tryBackup();
  rmSync(filler);
  session.db.pragma('wal_checkpoint(TRUNCATE)');
  const free = (): number => {
    const s = statfsSync(root);
    return s.bavail * s.bsize;
  };
  const dbBytes = statSync(join(dir, 'vault.db')).size;
  const half = join(root, 'half.bin');
  writeFileSync(half, Buffer.alloc(Math.max(0, free() - Math.floor(dbBytes / 2))));
  await tryBackup();
  const leftoversWhenFull = readdirSync(root).filter((n) => n.includes('backup'));
  rmSync(half);
  await tryBackup();
  const leftovers = readdirSync(root).filter((n) => n.includes('backup'));
  const verified = leftovers.includes('backup.sauga')
    ? (await verifyBackup(join(root, 'backup.sauga'))).databaseBytes === dbBytes
    : false;
  session.lock();

  let reopenError = '';
  let check: ReturnType<typeof checkVault> | undefined;
  let present = 0;
  try {
    session = await unlockVault(dir, SUP.name, SUP.passphrase);
    check = checkVault(session);
    present = acked.filter((id) => session.db.prepare('SELECT 1 FROM cases WHERE id = ?').get(id)).length;
  } catch (e) {
    reopenError = codeOf(e);
  }
  let afterFree = '';
  try {
    cases = new CaseService(session);
    cases.createCase({ openedOn: '2026-03-01', identity: { givenNames: 'AfterFree' } });
    afterFree = 'ok';
  } catch (e) {
    afterFree = codeOf(e);
  }
  const finalCheck = checkVault(session).ok;
  session.lock();
  process.stdout.write(
    `${JSON.stringify({
      acked: acked.length,
      fullError,
      backupErrors,
      leftoversWhenFull,
      leftovers,
      verified,
      reopenError,
      checkOk: check?.ok ?? false,
      present,
      afterFree,
      finalCheck,
    })}\n`,
  );
}

main().catch((e: unknown) => {
  process.stdout.write(`${JSON.stringify({ crashed: codeOf(e) })}\n`);
  process.exitCode = 3;
});

import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { createVault, type VaultSession } from '../vault/vault';
import { createBackup } from './backup';
import { backupKeepLast, inspectBackup, lastBackup, rotateBackups, setBackupKeepLast, vaultBackupsIn } from './catalog';

let dir: string;
let cleanup: () => void;
let session: VaultSession;
let other: VaultSession;
let clock = new Date('2026-05-01T10:00:00Z');

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-backup-catalog-'));
  const now = (): Date => clock;
  ({ session } = await createVault(
    { dir: join(dir, 'vault'), orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase },
    { now },
  ));
  ({ session: other } = await createVault(
    { dir: join(dir, 'other'), orgName: 'Kita', userName: ADMIN.name, passphrase: ADMIN.passphrase },
    { now },
  ));
}, 60_000);

afterAll(() => {
  session.lock();
  other.lock();
  cleanup();
});

const tick = (): void => {
  clock = new Date(clock.getTime() + 60_000);
};

describe('backup catalogue', () => {
  it('records where the last backup went, and what a backup says before any secret', async () => {
    const out = join(dir, 'first.sauga');
    const r = await createBackup(session, out);
    expect(lastBackup(session)).toEqual({
      file: out,
      backupId: r.backupId,
      createdAt: r.createdAt,
      bytes: r.bytes,
      cases: 0,
    });
    const info = inspectBackup(out);
    expect(info).toMatchObject({ backupId: r.backupId, vaultId: session.vaultId, createdAt: r.createdAt });
    expect(info.users).toEqual([ADMIN.name]);
  });

  it('keeps the newest N backups of this vault and never touches anything else', async () => {
    const folder = join(dir, 'rotate');
    mkdirSync(folder);
    const mine: string[] = [];
    for (let i = 0; i < 4; i++) {
      tick();
      const f = join(folder, `mine-${i}.sauga`);
      await createBackup(session, f);
      mine.push(f);
    }
    tick();
    await createBackup(other, join(folder, 'other-vault.sauga'));
    writeFileSync(join(folder, 'notes.sauga'), 'not a backup at all');
    writeFileSync(join(folder, 'photo.jpg'), Buffer.alloc(4096, 7));
    expect(vaultBackupsIn(session, folder).map((b) => b.file)).toEqual(mine);

    tick();
    const newest = join(folder, 'mine-4.sauga');
    await createBackup(session, newest);
    expect(rotateBackups(session, newest, 2)).toBe(3);
    expect(readdirSync(folder).sort()).toEqual(
      ['mine-3.sauga', 'mine-4.sauga', 'notes.sauga', 'other-vault.sauga', 'photo.jpg'].sort(),
    );
    const audit = session.db.prepare(`SELECT detail FROM audit_log WHERE action = 'backup.rotated'`).all() as {
      detail: string;
    }[];
    expect(audit.map((a) => JSON.parse(a.detail) as unknown)).toEqual([{ removed: 3, keep: 2 }]);
  });

  it('keep-last is an administrator setting, off by default', () => {
    expect(backupKeepLast(session)).toBeNull();
    setBackupKeepLast(session, 5);
    expect(backupKeepLast(session)).toBe(5);
    setBackupKeepLast(session, null);
    expect(backupKeepLast(session)).toBeNull();
    expect(() => setBackupKeepLast(session, 0)).toThrow();
  });
});

import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../src/shared/errors';
import { tempDir } from '../../src/core/testing/fixtures';
import { ROOT } from './child';

const scratch = tempDir('sauga-diskfull-');
afterAll(() => scratch.cleanup());

/**
 * A real full disk: an 8 MiB tmpfs mounted in a private user and mount namespace
 * (`unshare -rm`), which needs no root on the host. Where the machine does not allow it,
 * the simulated ENOSPC below still runs.
 */
function canMountTmpfs(): boolean {
  const probe = join(scratch.dir, 'probe');
  mkdirSync(probe, { recursive: true });
  const r = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=1m tmpfs "$1"', 'sh', probe], {
    encoding: 'utf8',
  });
  return r.status === 0;
}

const tmpfs = canMountTmpfs();

describe('full disk', () => {
  // Skipped only where this machine cannot mount a tmpfs without root; the simulated ENOSPC below runs anyway.
  it.skipIf(!tmpfs)(
    'on a small tmpfs: DISK_FULL, nothing acknowledged lost, backups fail cleanly, work resumes',
    () => {
      const mount = join(scratch.dir, 'mnt');
      mkdirSync(mount);
      const r = spawnSync(
        'unshare',
        [
          '-rm',
          'sh',
          '-c',
          'mount -t tmpfs -o size=8m tmpfs "$1" && shift && exec "$@"',
          'sh',
          mount,
          process.execPath,
          '--import',
          'tsx',
          join(ROOT, 'tests/faults/diskfull-child.ts'),
          mount,
        ],
        { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      );
      const line = r.stdout.trim().split('\n').at(-1) ?? '';
      const out = JSON.parse(line) as Record<string, unknown>;
      expect(out, r.stderr).toMatchObject({
        fullError: ErrorCode.DiskFull,
        // Full disk: the snapshot's checkpoint; half a database free: the copy; then room.
        backupErrors: [ErrorCode.DiskFull, ErrorCode.DiskFull, 'ok'],
        leftoversWhenFull: [],
        leftovers: ['backup.sauga'],
        verified: true,
        reopenError: '',
        checkOk: true,
        afterFree: 'ok',
        finalCheck: true,
      });
      expect(out.present).toBe(out.acked);
      expect(out.acked as number).toBeGreaterThan(3);
    },
  );

  it('simulated ENOSPC in the backup copy: DISK_FULL and no file left behind', async () => {
    // Where no small file system can be mounted, the copy is made to fail the way a full
    // disk makes it fail. SQLite's own writes cannot be reached from here (no custom VFS).
    vi.resetModules();
    vi.doMock('node:fs/promises', async (orig) => {
      const real = await orig<typeof FsPromises>();
      return {
        ...real,
        copyFile: async (_src: string, dest: string) => {
          closeSync(openSync(dest, 'wx'));
          throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        },
      };
    });
    try {
      const { createBackup } = await import('../../src/core/backup/backup');
      const { createVault } = await import('../../src/core/vault/vault');
      const { ADMIN, ORG } = await import('../../src/core/testing/fixtures');
      const dir = join(scratch.dir, 'sim');
      const { session } = await createVault({
        dir: join(dir, 'vault'),
        orgName: ORG,
        userName: ADMIN.name,
        passphrase: ADMIN.passphrase,
      });
      try {
        const before = session.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
        await expect(createBackup(session, join(dir, 'b.sauga'))).rejects.toMatchObject({ code: ErrorCode.DiskFull });
        expect(readdirSync(dir)).toEqual(['vault']);
        expect(session.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
      } finally {
        session.lock();
      }
    } finally {
      vi.doUnmock('node:fs/promises');
      vi.resetModules();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/shared/errors';
import { errorMessage } from '../../src/shared/i18n';
import { run as cli } from '../../src/cli/index';
import { captureIo } from '../../src/cli/testing';
import { ADMIN, ORG, tempDir } from '../../src/core/testing/fixtures';
import { checkVault } from '../../src/core/vault/check';
import { holdsVaultLock } from '../../src/core/vault/lock';
import { addUser, createVault, rewrapPassphrase, unlockVault } from '../../src/core/vault/vault';
import { parseAcks, run } from './child';
import { SUP } from './scale';

let dir: string;
let cleanup: () => void;
let vault: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-second-'));
  vault = join(dir, 'vault');
  const { session } = await createVault({
    dir: vault,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  await addUser(session, { userName: SUP.name, roles: ['administrator', 'supervisor'], passphrase: SUP.passphrase });
  session.lock();
  writeFileSync(join(dir, 'pass'), SUP.passphrase);
});

afterAll(() => cleanup());

describe('a second instance', () => {
  it('is refused with VAULT_IN_USE while another process writes, in both languages, and corrupts nothing', async () => {
    const first = run('tests/faults/writer.ts', ['unlock'], {
      SAUGA_FAULT_VAULT: vault,
      SAUGA_FAULT_USER: SUP.name,
      SAUGA_FAULT_PASSPHRASE: SUP.passphrase,
    });
    try {
      expect(await first.waitFor(/^ack note /u), first.stderr()).toBe(true);
      for (let i = 0; i < 3; i++) {
        await expect(unlockVault(vault, SUP.name, SUP.passphrase)).rejects.toMatchObject({
          code: ErrorCode.VaultInUse,
        });
      }
      await expect(
        rewrapPassphrase(vault, SUP.name, SUP.passphrase, 'a quite different passphrase 99'),
      ).rejects.toMatchObject({
        code: ErrorCode.VaultInUse,
      });
      expect(holdsVaultLock(vault)).toBe(false);
      for (const lang of ['en', 'lt'] as const) {
        const io = captureIo();
        const code = await cli(
          [
            'vault',
            'check',
            '--vault',
            vault,
            '--user',
            SUP.name,
            '--passphrase-file',
            join(dir, 'pass'),
            '--lang',
            lang,
          ],
          io,
        );
        expect(code).toBe(2);
        expect(io.err).toContain(errorMessage(ErrorCode.VaultInUse, lang));
      }
      const io = captureIo();
      expect(
        await cli(
          [
            'backup',
            'create',
            '--vault',
            vault,
            '--user',
            SUP.name,
            '--passphrase-file',
            join(dir, 'pass'),
            '--out',
            join(dir, 'b.sauga'),
            '--json',
          ],
          io,
        ),
      ).toBe(2);
      expect(JSON.parse(io.out)).toMatchObject({ ok: false, error: { code: ErrorCode.VaultInUse } });
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    const acks = parseAcks(first.output());
    // The first instance died holding the lock; the kernel released it with the process.
    const s = await unlockVault(vault, SUP.name, SUP.passphrase);
    try {
      expect(checkVault(s).ok).toBe(true);
      const has = s.db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
      expect(acks.cases.filter((c) => has.get(c.id) === undefined)).toEqual([]);
      expect(acks.cases.length).toBeGreaterThan(0);
    } finally {
      s.lock();
    }
  });

  it('inside one process a second unlock shares the lock, which is released with the last session', async () => {
    const a = await unlockVault(vault, SUP.name, SUP.passphrase);
    const b = await unlockVault(vault, SUP.name, SUP.passphrase);
    a.lock();
    expect(holdsVaultLock(vault)).toBe(true);
    b.lock();
    expect(holdsVaultLock(vault)).toBe(false);
    const holder = run('tests/faults/holder.ts', [], {
      SAUGA_FAULT_VAULT: vault,
      SAUGA_FAULT_USER: SUP.name,
      SAUGA_FAULT_PASSPHRASE: SUP.passphrase,
    });
    try {
      expect(await holder.waitFor(/^ready$/u), holder.output()).toBe(true);
    } finally {
      holder.child.kill('SIGKILL');
      await holder.exited;
    }
  });
});

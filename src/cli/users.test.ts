import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ORG, tempDir } from '../core/testing/fixtures';
import { createVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo } from './testing';

let dir: string;
let cleanup: () => void;
let vault: string;
const JONAS = { name: 'Jonas', passphrase: 'Žalias kalnas prie upės 97' };

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-cli-users-'));
  vault = join(dir, 'vault');
  const { session } = await createVault({
    dir: vault,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  session.lock();
  writeFileSync(join(dir, 'pass'), `${ADMIN.passphrase}\n`);
  writeFileSync(join(dir, 'jonas'), `${JONAS.passphrase}\n`);
});

afterAll(() => cleanup());

const admin = (): string[] => ['--vault', vault, '--user', ADMIN.name, '--passphrase-file', join(dir, 'pass')];
const asJonas = (): string[] => ['--vault', vault, '--user', JONAS.name, '--passphrase-file', join(dir, 'jonas')];

describe('sauga users', () => {
  it('add, list, role, remove; the removed user can no longer open the vault', async () => {
    let io = captureIo();
    expect(
      await run(
        [
          'users',
          'add',
          ...admin(),
          '--name',
          JONAS.name,
          '--roles',
          'caseworker',
          '--new-passphrase-file',
          join(dir, 'jonas'),
        ],
        io,
      ),
    ).toBe(0);
    expect(io.out).toContain('User Jonas added with roles caseworker.');

    io = captureIo();
    expect(await run(['users', 'role', ...admin(), '--name', JONAS.name, '--roles', 'caseworker,supervisor'], io)).toBe(
      0,
    );
    io = captureIo();
    expect(await run(['users', 'list', ...admin(), '--json'], io)).toBe(0);
    const listed = JSON.parse(io.out) as { users: { name: string; roles: string[]; removedAt: string | null }[] };
    expect(listed.users.find((u) => u.name === JONAS.name)).toMatchObject({
      roles: ['caseworker', 'supervisor'],
      removedAt: null,
    });

    // Not an administrator: refused in core.
    io = captureIo();
    expect(await run(['users', 'list', ...asJonas()], io)).toBe(2);

    io = captureIo({ lang: 'lt_LT.UTF-8' });
    expect(await run(['users', 'remove', ...admin(), '--name', JONAS.name], io)).toBe(0);
    expect(io.out).toContain('Naudotojas Jonas pašalintas');

    io = captureIo();
    expect(await run(['vault', 'check', ...asJonas()], io)).toBe(2);
    io = captureIo();
    expect(await run(['audit', 'verify', ...admin()], io)).toBe(0);
    io = captureIo();
    expect(await run(['users', 'list', ...admin()], io)).toBe(0);
    expect(io.out).toMatch(/Jonas: removed \d{4}-/u);
  });

  it('refuses to remove oneself, with a translated error, and bad roles as bad input', async () => {
    let io = captureIo();
    expect(await run(['users', 'remove', ...admin(), '--name', ADMIN.name], io)).toBe(2);
    expect(io.err).toContain('You cannot remove yourself');
    io = captureIo();
    expect(await run(['users', 'role', ...admin(), '--name', ADMIN.name, '--roles', 'king'], io)).toBe(2);
  });
});

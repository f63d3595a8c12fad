import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../shared/roles';
import { ADMIN, ORG, tempDir } from '../core/testing/fixtures';
import { addUser, createVault } from '../core/vault/vault';
import type { CliIo } from './io';

export type CapturedIo = CliIo & { out: string; err: string };

/**
 * For tests: a CLI io that keeps what a command printed. `onPrint` sees every line as well, for
 * tests that check nothing secret ever reaches the terminal across several commands.
 */
export function captureIo(o: { lang?: string; stdin?: string; onPrint?: (s: string) => void } = {}): CapturedIo {
  const io: CapturedIo = {
    out: '',
    err: '',
    stdout: (s: string) => {
      io.out += s;
      o.onPrint?.(s);
    },
    stderr: (s: string) => {
      io.err += s;
      o.onPrint?.(s);
    },
    readStdin: () => Buffer.from(o.stdin ?? '', 'utf8'),
    env: { LANG: o.lang ?? 'en_GB.UTF-8' },
  };
  return io;
}

export interface CliTestUser {
  /** The passphrase file's name in the folder, and the handle passed to `as`. */
  file: string;
  name: string;
  passphrase: string;
  roles: Role[];
}

export interface CliTestVault {
  dir: string;
  vault: string;
  cleanup: () => void;
  /** `--vault … --user … --passphrase-file …` for the administrator ('admin') or a user's file. */
  as: (file: string) => string[];
}

/**
 * For CLI tests: a vault made by ADMIN with the given users, in a temp folder beside a
 * passphrase file for each of them (and 'admin'), as an operator would keep them.
 */
export async function cliTestVault(prefix: string, users: readonly CliTestUser[]): Promise<CliTestVault> {
  const { dir, cleanup } = tempDir(prefix);
  const vault = join(dir, 'vault');
  const { session } = await createVault({
    dir: vault,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  try {
    for (const u of users) await addUser(session, { userName: u.name, roles: u.roles, passphrase: u.passphrase });
  } finally {
    session.lock();
  }
  const everyone = [{ file: 'admin', name: ADMIN.name, passphrase: ADMIN.passphrase }, ...users];
  for (const u of everyone) writeFileSync(join(dir, u.file), `${u.passphrase}\n`);
  const as = (file: string): string[] => {
    const u = everyone.find((e) => e.file === file);
    if (!u) throw new Error(`no test user with the file ${file}`);
    return ['--vault', vault, '--user', u.name, '--passphrase-file', join(dir, file)];
  };
  return { dir, vault, cleanup, as };
}

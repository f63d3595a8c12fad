import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../shared/errors';
import { ADMIN, ORG, tempDir } from '../core/testing/fixtures';
import { createVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo } from './testing';

let dir: string;
let cleanup: () => void;
let vault: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-cli-backup-'));
  vault = join(dir, 'vault');
  const { session, recoveryWords } = await createVault({
    dir: vault,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  session.lock();
  writeFileSync(join(dir, 'pass'), `${ADMIN.passphrase}\n`);
  // As written on the emergency sheet: numbered, four to a line.
  writeFileSync(join(dir, 'words'), recoveryWords.map((w, i) => `${i + 1}. ${w}`).join('\n'));
});

afterAll(() => cleanup());

const unlock = (): string[] => ['--vault', vault, '--user', ADMIN.name, '--passphrase-file', join(dir, 'pass')];

describe('sauga backup', () => {
  it('create, verify (with and without a secret), restore with the recovery words, status', async () => {
    const file = join(dir, 'b.sauga');
    let io = captureIo();
    expect(await run(['backup', 'create', ...unlock(), '--out', file], io)).toBe(0);
    expect(io.out).toMatch(/^Backup written to .*b\.sauga: .* MiB, 0 cases/u);

    io = captureIo();
    expect(await run(['backup', 'verify', file], io)).toBe(0);
    expect(io.out).toContain('Checked without a secret');

    io = captureIo({ lang: 'lt_LT.UTF-8' });
    expect(await run(['backup', 'verify', file, '--recovery-words-file', join(dir, 'words')], io)).toBe(0);
    expect(io.out).toContain('Antspaudas patikrintas');

    const target = join(dir, 'restored');
    io = captureIo();
    expect(
      await run(['backup', 'restore', file, '--to', target, '--recovery-words-file', join(dir, 'words'), '--json'], io),
    ).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ ok: true, orgName: ORG, cases: 0 });
    expect(readdirSync(target).sort()).toEqual(['keyslots.json', 'vault.db']);

    io = captureIo();
    expect(
      await run(
        [
          'backup',
          'status',
          '--vault',
          target,
          '--user',
          ADMIN.name,
          '--passphrase-file',
          join(dir, 'pass'),
          '--days',
          '14',
        ],
        io,
      ),
    ).toBe(0);
    expect(io.out).toMatch(/Last backup: .*every 14 days/u);
    expect(io.out).toMatch(/restored on .* from a backup made/u);
  });

  it('refuses bad arguments and a non-empty target with translated reasons', async () => {
    const file = join(dir, 'b.sauga');
    let io = captureIo();
    expect(await run(['backup', 'restore', file, '--to', join(dir, 'x')], io)).toBe(2);
    expect(io.err).toContain(ErrorCode.InvalidInput);

    io = captureIo();
    const args = ['backup', 'restore', file, '--to', vault, '--recovery-words-file', join(dir, 'words'), '--json'];
    expect(await run(args, io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: ErrorCode.RestoreTargetNotEmpty } });

    io = captureIo({ lang: 'lt_LT.UTF-8' });
    writeFileSync(join(dir, 'junk.sauga'), 'not a backup at all');
    expect(await run(['backup', 'verify', join(dir, 'junk.sauga')], io)).toBe(2);
    expect(io.err).toMatch(/^Klaida: Atsarginės kopijos failas sugadintas/u);
  });
});

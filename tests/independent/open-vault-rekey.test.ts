import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../src/core/db/connection';
import { parsedSlots, readSlotFile, sealDek, writeSlotFile } from '../../src/core/vault/keyslots';
import { rekeyByCopy } from '../../src/core/vault/rekey';
import { addUser, createVault, removeUser, unlockVault, vaultPaths } from '../../src/core/vault/vault';

// Version 2 slots and a user removal, opened with the independent opener (docs/vault-format.md).
const ROOT = resolve(__dirname, '../..');
const SCRIPT = join(ROOT, 'tests/independent/open-vault.mjs');
const ADMIN = { name: 'ona', passphrase: 'correct horse battery staple' };
const GONE = { name: 'petras', passphrase: 'Petro slaptafrazė su 4 žodžiais' };
const CANARY = 'Žėrūnė-REKEY-CANARY-9';

interface Opened {
  status: number | null;
  stderr: string;
  json?: { rows: { value: string }[]; audit?: { ok: boolean; entries: number }; dek?: string };
}

let work: string;

function open(vault: string, user: string, passphrase: string): Opened {
  const pf = join(work, `pass-${randomBytes(4).toString('hex')}`);
  writeFileSync(pf, passphrase, { mode: 0o600 });
  const r = spawnSync(
    process.execPath,
    [
      SCRIPT,
      '--vault',
      vault,
      '--user',
      user,
      '--passphrase-file',
      pf,
      '--sql',
      `SELECT value FROM settings WHERE key = 'canary'`,
      '--verify-audit',
      '--print-dek',
    ],
    { encoding: 'utf8', timeout: 120_000, cwd: ROOT },
  );
  rmSync(pf);
  return { status: r.status, stderr: r.stderr, ...(r.status === 0 ? { json: JSON.parse(r.stdout) } : {}) };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sauga-indep-rekey-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the independent opener and version 2 slots', () => {
  it('opens a version 2 vault, and after a removal opens it under the new key with the audit chain intact', async () => {
    const vault = join(work, 'v');
    const { session } = await createVault({
      dir: vault,
      orgName: 'Org',
      userName: ADMIN.name,
      passphrase: ADMIN.passphrase,
    });
    await addUser(session, { userName: GONE.name, roles: ['caseworker'], passphrase: GONE.passphrase });
    session.write({ action: 'test', subject: 'vault' }, (db) =>
      db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('canary', CANARY),
    );
    const oldDek = session.withDek((d) => d.toString('hex'));
    session.lock();
    const before = open(vault, GONE.name, GONE.passphrase);
    expect(before.status, before.stderr).toBe(0);
    expect(before.json?.dek).toBe(oldDek);
    expect(JSON.parse(readFileSync(vaultPaths(vault).slots, 'utf8')).formatVersion).toBe(2);

    const s = await unlockVault(vault, ADMIN.name, ADMIN.passphrase);
    removeUser(s, GONE.name);
    const newDek = s.withDek((d) => d.toString('hex'));
    s.lock();
    const after = open(vault, ADMIN.name, ADMIN.passphrase);
    expect(after.status, after.stderr).toBe(0);
    expect(after.json?.dek).toBe(newDek);
    expect(after.json?.rows).toEqual([{ value: CANARY }]);
    expect(after.json?.audit?.ok).toBe(true);
    // The removed user has no slot any more.
    expect(open(vault, GONE.name, GONE.passphrase).status).toBe(1);
  });

  it('during an interrupted removal, picks whichever key the database is under', async () => {
    const vault = join(work, 'p');
    const { session } = await createVault({
      dir: vault,
      orgName: 'Org',
      userName: ADMIN.name,
      passphrase: ADMIN.passphrase,
    });
    session.write({ action: 'test', subject: 'vault' }, (db) =>
      db.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run('canary', CANARY),
    );
    // What removeUser does before the key changes: keep the audit key in the database.
    session.write({ action: 'user.removed', subject: 'nobody' }, (db) =>
      db
        .prepare(`INSERT INTO meta (key, value) VALUES ('audit_key', ?)`)
        .run(session.auditKeyForVerification().toString('hex')),
    );
    const oldDek = session.withDek((d) => Buffer.from(d));
    session.lock();
    const p = vaultPaths(vault);
    const file = readSlotFile(p.slots);
    const newDek = randomBytes(32);
    writeSlotFile(p.pending, {
      ...file,
      slots: parsedSlots(file).map((x) => ({ ...x.slot, sealedKey: sealDek(x.meta, newDek) })),
    });
    const pendingOnly = open(vault, ADMIN.name, ADMIN.passphrase);
    expect(pendingOnly.status, pendingOnly.stderr).toBe(0);
    expect(pendingOnly.json?.dek).toBe(oldDek.toString('hex'));
    rekeyByCopy(p, openEncrypted(p.db, oldDek), oldDek, newDek);
    const copied = open(vault, ADMIN.name, ADMIN.passphrase);
    expect(copied.status, copied.stderr).toBe(0);
    expect(copied.json?.dek).toBe(newDek.toString('hex'));
    expect(copied.json?.rows).toEqual([{ value: CANARY }]);
  });
});

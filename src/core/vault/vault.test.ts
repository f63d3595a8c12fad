import { createHash } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  truncateSync,
  copyFileSync,
  readdirSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { checkVault } from './check';
import { kdfStats } from './kdf';
import { readSlotFile } from './keyslots';
import {
  addUser,
  changePassphrase,
  createVault,
  recoverWithWords,
  rewrapPassphrase,
  unlockVault,
  vaultInfo,
  vaultPaths,
  type VaultSession,
} from './vault';

let dir: string;
let cleanup: () => void;
let words: string[];

async function makeVault(): Promise<VaultSession> {
  const created = await createVault({ dir, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase });
  words = created.recoveryWords;
  return created.session;
}

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function editSlotMeta(edit: (meta: Record<string, unknown>) => void, index = 0): void {
  const path = vaultPaths(dir).slots;
  const file = JSON.parse(readFileSync(path, 'utf8'));
  const meta = JSON.parse(file.slots[index].meta);
  edit(meta);
  file.slots[index].meta = JSON.stringify(meta);
  writeFileSync(path, JSON.stringify(file));
}

function overwrite(path: string, offset: number, bytes: Buffer): void {
  const fd = openSync(path, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('create and unlock', () => {
  it('creates an encrypted vault that opens with the passphrase and shows its organisation', async () => {
    const s = await makeVault();
    expect(s.user.roles).toEqual(['administrator']);
    s.lock();
    expect(readFileSync(vaultPaths(dir).db).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(words).toHaveLength(24);
    const again = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect(again.getMeta('org_name')).toBe(ORG);
    expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(again.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.db.pragma('secure_delete', { simple: true })).toBe(1);
    expect(again.db.pragma('synchronous', { simple: true })).toBe(2);
    again.lock();
  });

  it('accepts the user name in another Unicode normal form', async () => {
    (await makeVault()).lock();
    const s = await unlockVault(dir, ADMIN.name.normalize('NFD'), ADMIN.passphrase.normalize('NFD'));
    expect(s.user.name).toBe(ADMIN.name);
    s.lock();
  });

  it('stores names in NFC whatever form the caller used', async () => {
    const { session } = await createVault({
      dir,
      orgName: ORG.normalize('NFD'),
      userName: ADMIN.name.normalize('NFD'),
      passphrase: ADMIN.passphrase,
    });
    session.lock();
    const s = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect(s.getMeta('org_name')).toBe(ORG.normalize('NFC'));
    s.lock();
    expect(statSync(vaultPaths(dir).db).mode & 0o077).toBe(0);
  });

  it('refuses a second vault in the same folder', async () => {
    (await makeVault()).lock();
    await expectCode(
      createVault({ dir, orgName: ORG, userName: 'X', passphrase: ADMIN.passphrase }),
      ErrorCode.VaultExists,
    );
  });

  it('refuses a weak passphrase before writing anything', async () => {
    await expectCode(
      createVault({ dir, orgName: ORG, userName: 'Ona', passphrase: 'password123' }),
      ErrorCode.WeakPassphrase,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('locking closes the database and zeroes the keys', async () => {
    const s = await makeVault();
    s.lock();
    expect(() => s.db).toThrowError(expect.objectContaining({ code: ErrorCode.Locked }));
    expect(() => s.withDek(() => 1)).toThrow();
  });

  it('reports info without any secret', async () => {
    (await makeVault()).lock();
    const info = vaultInfo(dir);
    expect(info.databaseLooksEncrypted).toBe(true);
    expect(info.slots.map((s) => s.kind).sort()).toEqual(['passphrase', 'recovery']);
    expect(JSON.stringify(info)).not.toContain(ORG);
  });

  it('says the vault is missing when the folder is gone', async () => {
    (await makeVault()).lock();
    rmSync(dir, { recursive: true });
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.VaultMissing);
  });
});

describe('attacks on the key slots', () => {
  it('wrong passphrase fails before the database is opened', async () => {
    (await makeVault()).lock();
    // Replace the database with garbage: if it were opened first we would see VAULT_DAMAGED.
    writeFileSync(vaultPaths(dir).db, Buffer.alloc(8192, 7));
    await expectCode(unlockVault(dir, ADMIN.name, 'not the passphrase at all'), ErrorCode.WrongPassphrase);
  });

  it('unknown user is its own error', async () => {
    (await makeVault()).lock();
    await expectCode(unlockVault(dir, 'Nobody', ADMIN.passphrase), ErrorCode.UnknownUser);
  });

  it('an edited role in the slot metadata breaks the slot', async () => {
    const s = await makeVault();
    await addUser(s, { userName: 'Jonas', roles: ['caseworker'], passphrase: 'Žalias kalnas prie upės 97' });
    s.lock();
    editSlotMeta((m) => {
      m.roles = ['administrator', 'supervisor'];
    }, 2);
    await expectCode(unlockVault(dir, 'Jonas', 'Žalias kalnas prie upės 97'), ErrorCode.WrongPassphrase);
  });

  it('an edited user name in the slot metadata breaks the slot', async () => {
    (await makeVault()).lock();
    editSlotMeta((m) => {
      m.user = 'Mallory';
    });
    await expectCode(unlockVault(dir, 'Mallory', ADMIN.passphrase), ErrorCode.WrongPassphrase);
  });

  it('lowered KDF parameters are refused before any derivation', async () => {
    (await makeVault()).lock();
    editSlotMeta((m) => {
      (m.kdf as Record<string, number>).memoryKiB = 1024;
      (m.kdf as Record<string, number>).iterations = 1;
    });
    const before = kdfStats.derivations;
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.KdfBelowFloor);
    expect(kdfStats.derivations).toBe(before);
  });

  it('absurd KDF parameters are refused rather than exhausting memory', async () => {
    (await makeVault()).lock();
    editSlotMeta((m) => {
      (m.kdf as Record<string, number>).memoryKiB = 2 * 1024 * 1024;
    });
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.SlotFileInvalid);
  });

  it('a slot file that is not ours is refused with its own error', async () => {
    (await makeVault()).lock();
    writeFileSync(vaultPaths(dir).slots, '{"format":"something-else"}');
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.SlotFileInvalid);
    writeFileSync(vaultPaths(dir).slots, 'not json');
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.SlotFileInvalid);
  });
});

describe('attacks on the database file', () => {
  it('a damaged page 1 is reported as damage, not as a wrong passphrase', async () => {
    (await makeVault()).lock();
    overwrite(vaultPaths(dir).db, 100, Buffer.alloc(64, 0xff));
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.VaultDamaged);
  });

  it('a truncated file is reported as damage', async () => {
    (await makeVault()).lock();
    truncateSync(vaultPaths(dir).db, 1000);
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.VaultDamaged);
  });

  it('a plaintext SQLite file swapped in is recognised as replaced', async () => {
    (await makeVault()).lock();
    const db = vaultPaths(dir).db;
    rmSync(db);
    const plain = new Database(db);
    plain.exec('CREATE TABLE meta (key TEXT, value TEXT)');
    plain.close();
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.VaultReplaced);
  });

  it('damage deeper in the file is found by the check and never read as data', async () => {
    const s = await makeVault();
    s.write({ action: 'test.fill', subject: 'vault' }, (db) => {
      db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, v TEXT)');
      const ins = db.prepare('INSERT INTO filler (v) VALUES (?)');
      for (let i = 0; i < 2000; i++) ins.run(`row-${i}-${'x'.repeat(100)}`);
    });
    // Damage a page that really holds the table, wherever the schema put it.
    const { page } = s.db.prepare(`SELECT max(pageno) AS page FROM dbstat WHERE name = 'filler'`).get() as {
      page: number;
    };
    s.lock();
    const path = vaultPaths(dir).db;
    expect(page).toBeGreaterThan(2);
    overwrite(path, 4096 * (page - 1) + 500, Buffer.from('tampered bytes here'));
    const again = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect(checkVault(again).ok).toBe(false);
    expect(() => again.db.prepare('SELECT count(*), max(length(v)) FROM filler').get()).toThrowError(
      expect.objectContaining({ code: expect.stringMatching(/SQLITE_(CORRUPT|NOTADB)/) }),
    );
    again.lock();
  });

  it('a healthy vault passes the check, including its audit chain', async () => {
    const s = await makeVault();
    const report = checkVault(s);
    expect(report).toMatchObject({ ok: true, integrity: ['ok'], foreignKeyViolations: 0 });
    expect(report.audit).toMatchObject({ ok: true, entries: 2 });
    s.lock();
  });

  it('a vault written by a newer Sauga is refused with its own error', async () => {
    const s = await makeVault();
    s.db.pragma('user_version = 99');
    s.lock();
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.VaultTooNew);
  });
});

describe('passphrases, users and recovery', () => {
  it('a passphrase change re-wraps the slot and leaves the database bytes unchanged', async () => {
    (await makeVault()).lock();
    const before = sha256(vaultPaths(dir).db);
    await rewrapPassphrase(dir, ADMIN.name, ADMIN.passphrase, 'a brand new passphrase, spring 2027');
    expect(sha256(vaultPaths(dir).db)).toBe(before);
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.WrongPassphrase);
    const s = await unlockVault(dir, ADMIN.name, 'a brand new passphrase, spring 2027');
    s.lock();
  });

  it('changing the passphrase in a session keeps the same database key', async () => {
    const s = await makeVault();
    s.lock();
    const snapshot = join(dir, 'snapshot.db');
    copyFileSync(vaultPaths(dir).db, snapshot);
    const s2 = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    await changePassphrase(s2, ADMIN.passphrase, 'a brand new passphrase, spring 2027');
    s2.lock();
    // The old database file still opens under the new slot: no rekey happened.
    copyFileSync(snapshot, vaultPaths(dir).db);
    rmSync(snapshot);
    const s3 = await unlockVault(dir, ADMIN.name, 'a brand new passphrase, spring 2027');
    expect(s3.getMeta('org_name')).toBe(ORG);
    s3.lock();
  });

  it('a wrong current passphrase does not change anything', async () => {
    const s = await makeVault();
    const slotsBefore = readFileSync(vaultPaths(dir).slots, 'utf8');
    await expectCode(
      changePassphrase(s, 'not my passphrase at all', 'a brand new passphrase, spring 2027'),
      ErrorCode.WrongPassphrase,
    );
    expect(readFileSync(vaultPaths(dir).slots, 'utf8')).toBe(slotsBefore);
    s.lock();
  });

  it('only an administrator can add a user; the new user opens the vault with their role', async () => {
    const s = await makeVault();
    await addUser(s, { userName: 'Jonas', roles: ['caseworker'], passphrase: 'Žalias kalnas prie upės 97' });
    await expectCode(
      addUser(s, { userName: 'Jonas', roles: ['caseworker'], passphrase: 'another good passphrase 1' }),
      ErrorCode.UserExists,
    );
    s.lock();
    const j = await unlockVault(dir, 'Jonas', 'Žalias kalnas prie upės 97');
    expect(j.user.roles).toEqual(['caseworker']);
    await expectCode(
      addUser(j, { userName: 'Eve', roles: ['administrator'], passphrase: 'another good passphrase 1' }),
      ErrorCode.Forbidden,
    );
    j.lock();
    expect(readSlotFile(vaultPaths(dir).slots).slots).toHaveLength(3);
  });

  it('recovery words reset a forgotten passphrase', async () => {
    (await makeVault()).lock();
    const s = await recoverWithWords(dir, words, ADMIN.name, 'recovered: lilac kettle mountain');
    expect(s.user.name).toBe(ADMIN.name);
    s.lock();
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.WrongPassphrase);
    (await unlockVault(dir, ADMIN.name, 'recovered: lilac kettle mountain')).lock();
  });

  it('recovery words with a typo are rejected before any key derivation', async () => {
    (await makeVault()).lock();
    const typo = [...words];
    typo[5] = `${typo[5]}x`;
    const swapped = [...words];
    [swapped[0], swapped[1]] = [swapped[1] as string, swapped[0] as string];
    const before = kdfStats.derivations;
    await expectCode(
      recoverWithWords(dir, typo, ADMIN.name, 'recovered: lilac kettle mountain'),
      ErrorCode.RecoveryWordsInvalid,
    );
    if (swapped[0] !== swapped[1]) {
      // A swap keeps every word valid; the checksum catches it (all but 1 in 256 cases).
      const swappedAttempt = recoverWithWords(dir, swapped, ADMIN.name, 'recovered: lilac kettle mountain');
      await expect(swappedAttempt).rejects.toMatchObject({
        code: expect.stringMatching(/RECOVERY_WORDS_INVALID|WRONG_PASSPHRASE/),
      });
    }
    await expectCode(
      recoverWithWords(dir, words.slice(0, 23), ADMIN.name, 'recovered: lilac kettle mountain'),
      ErrorCode.RecoveryWordsInvalid,
    );
    expect(kdfStats.derivations - before).toBeLessThanOrEqual(1);
  });
});

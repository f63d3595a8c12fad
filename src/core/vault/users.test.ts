import { createCipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import { verifyAudit } from '../audit/chain';
import { createBackup, verifyBackup } from '../backup/backup';
import { openEncrypted } from '../db/connection';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { checkVault } from './check';
import { deriveKek } from './kdf';
import { parsedSlots, readSlotFile, sealDek, writeSlotFile, type Slot, type SlotFile } from './keyslots';
import { wordsToEntropy } from './recovery';
import { rekeyByCopy } from './rekey';
import {
  addUser,
  changeRole,
  createVault,
  listUsers,
  recoverWithWords,
  removeUser,
  unlockVault,
  vaultInfo,
  vaultPaths,
  type VaultSession,
} from './vault';

const JONAS = { name: 'Jonas Jonaitis', passphrase: 'Žalias kalnas prie upės 97' };
const RUTA = { name: 'Rūta', passphrase: 'violetinė lempa ant stalo 12' };

let dir: string;
let cleanup: () => void;
let words: string[];

beforeEach(() => {
  ({ dir, cleanup } = tempDir('sauga-users-'));
});
afterEach(() => cleanup());

async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
  await expect(p).rejects.toMatchObject({ code });
}

function expectThrowCode(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toMatchObject({ code });
}

/** A vault with an administrator, Jonas (caseworker), Rūta (supervisor) and some cases' worth of rows. */
async function makeVault(): Promise<VaultSession> {
  const created = await createVault({ dir, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase });
  words = created.recoveryWords;
  const s = created.session;
  await addUser(s, { userName: JONAS.name, roles: ['caseworker'], passphrase: JONAS.passphrase });
  await addUser(s, { userName: RUTA.name, roles: ['supervisor'], passphrase: RUTA.passphrase });
  s.write({ action: 'test.rows', subject: 'vault' }, (db) => {
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 500; i++) put.run(`test.row.${i}`, `value ${i} ${'x'.repeat(200)}`);
  });
  return s;
}

const dekOf = (s: VaultSession): Buffer => s.withDek((d) => Buffer.from(d));

function opensWith(dek: Buffer): boolean {
  try {
    openEncrypted(vaultPaths(dir).db, dek, { readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

/** The version 1 format as Sauga 0.1 wrote it: the KEK wraps the DEK itself. */
async function v1Slot(slot: Slot, secret: Buffer, dek: Buffer): Promise<Slot> {
  const meta = JSON.parse(slot.meta) as Record<string, unknown>;
  const kdf = { ...(meta.kdf as object), salt: randomBytes(16).toString('base64') } as Parameters<typeof deriveKek>[1];
  const v1 = JSON.stringify({
    formatVersion: 1,
    vaultId: meta.vaultId,
    slotId: meta.slotId,
    kind: meta.kind,
    user: meta.user,
    roles: meta.roles,
    kdf,
    createdAt: meta.createdAt,
  });
  const kek = await deriveKek(secret, kdf);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(v1, 'utf8'));
  const ct = Buffer.concat([c.update(dek), c.final(), c.getAuthTag()]);
  return { meta: v1, iv: iv.toString('base64'), wrappedKey: ct.toString('base64') };
}

/** Turn the named slots (or 'recovery') of the vault into version 1 slots. */
async function downgrade(dek: Buffer, secrets: Record<string, Buffer>, fileVersion: 1 | 2 = 2): Promise<void> {
  const path = vaultPaths(dir).slots;
  const file = readSlotFile(path);
  const slots: Slot[] = [];
  for (const p of parsedSlots(file)) {
    const key = p.meta.kind === 'recovery' ? 'recovery' : (p.meta.user ?? '');
    const secret = secrets[key];
    slots.push(secret ? await v1Slot(p.slot, secret, dek) : p.slot);
  }
  const next = { ...file, formatVersion: fileVersion, slots } as SlotFile;
  writeSlotFile(path, next);
}

const slotVersions = (): Record<string, number> =>
  Object.fromEntries(
    parsedSlots(readSlotFile(vaultPaths(dir).slots)).map((p) => [p.meta.user ?? 'recovery', p.meta.formatVersion]),
  );

const pass = (p: string): Buffer => Buffer.from(p.normalize('NFC'), 'utf8');

const entropyOf = (w: string[]): Buffer => wordsToEntropy(w);

describe('key slots, version 2', () => {
  it('a new vault writes version 2 slots: the DEK sealed to a key pair the passphrase wraps', async () => {
    (await makeVault()).lock();
    const file = readSlotFile(vaultPaths(dir).slots);
    expect(file.formatVersion).toBe(2);
    for (const p of parsedSlots(file)) {
      expect(p.meta.formatVersion).toBe(2);
      expect(p.slot.sealedKey).toBeDefined();
    }
    expect(slotVersions()).toEqual({ [ADMIN.name]: 2, [JONAS.name]: 2, [RUTA.name]: 2, recovery: 2 });
    (await unlockVault(dir, JONAS.name, JONAS.passphrase)).lock();
  });

  it('a sealed key moved to another slot, or altered, does not open', async () => {
    (await makeVault()).lock();
    const path = vaultPaths(dir).slots;
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const original = JSON.stringify(file);
    file.slots[0].sealedKey = file.slots[1].sealedKey;
    writeFileSync(path, JSON.stringify(file));
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.SlotFileInvalid);
    writeFileSync(path, original);
    // A v2 slot without its seal is not a valid slot.
    const stripped = JSON.parse(original);
    delete stripped.slots[0].sealedKey;
    writeFileSync(path, JSON.stringify(stripped));
    await expectCode(unlockVault(dir, ADMIN.name, ADMIN.passphrase), ErrorCode.SlotFileInvalid);
    writeFileSync(path, original);
    (await unlockVault(dir, ADMIN.name, ADMIN.passphrase)).lock();
  });

  it('a version 1 vault opens and each slot becomes version 2 at its first unlock, the database untouched', async () => {
    const s = await makeVault();
    const dek = dekOf(s);
    s.lock();
    await downgrade(
      dek,
      {
        [ADMIN.name]: pass(ADMIN.passphrase),
        [JONAS.name]: pass(JONAS.passphrase),
        [RUTA.name]: pass(RUTA.passphrase),
        recovery: entropyOf(words),
      },
      1,
    );
    expect(readSlotFile(vaultPaths(dir).slots).formatVersion).toBe(1);
    expect(vaultInfo(dir).slots.every((x) => x.kind !== undefined)).toBe(true);
    const j = await unlockVault(dir, JONAS.name, JONAS.passphrase);
    expect(j.withDek((d) => d.equals(dek))).toBe(true);
    j.lock();
    expect(slotVersions()).toEqual({ [ADMIN.name]: 1, [JONAS.name]: 2, [RUTA.name]: 1, recovery: 1 });
    expect(readSlotFile(vaultPaths(dir).slots).formatVersion).toBe(2);
    (await unlockVault(dir, JONAS.name, JONAS.passphrase)).lock();
    const r = await recoverWithWords(dir, words, RUTA.name, 'four blue kettles on a warm stove');
    r.lock();
    expect(slotVersions()).toEqual({ [ADMIN.name]: 1, [JONAS.name]: 2, [RUTA.name]: 2, recovery: 2 });
    const a = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect(slotVersions()).toEqual({ [ADMIN.name]: 2, [JONAS.name]: 2, [RUTA.name]: 2, recovery: 2 });
    expect(a.withDek((d) => d.equals(dek))).toBe(true);
    expect(checkVault(a).audit.ok).toBe(true);
    a.lock();
  });
});

describe('removing a user', () => {
  it('rekeys: the removed user and the old key no longer open it, everyone else and the words still do', async () => {
    const s = await makeVault();
    const oldDek = dekOf(s);
    const rowsBefore = s.db.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'test.row.%'`).get();
    removeUser(s, JONAS.name);
    const newDek = dekOf(s);
    expect(newDek.equals(oldDek)).toBe(false);
    // The session keeps working on the new key, and the audit chain still verifies.
    s.audit({ action: 'test.after_rekey', subject: 'vault' });
    expect(verifyAudit(s.db, s.auditKeyForVerification()).ok).toBe(true);
    expect(listUsers(s).find((u) => u.name === JONAS.name)?.removedAt).not.toBeNull();
    s.lock();

    const p = vaultPaths(dir);
    expect(existsSync(p.pending)).toBe(false);
    expect(existsSync(p.rekeyTmp)).toBe(false);
    expect(opensWith(oldDek)).toBe(false);
    expect(opensWith(newDek)).toBe(true);
    expect(vaultInfo(dir).slots.map((x) => x.user)).not.toContain(JONAS.name);
    await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.UnknownUser);

    const r = await unlockVault(dir, RUTA.name, RUTA.passphrase);
    expect(r.db.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'test.row.%'`).get()).toEqual(rowsBefore);
    const check = checkVault(r);
    expect(check.integrity).toEqual(['ok']);
    expect(check.audit.ok).toBe(true);
    r.lock();
    const w = await recoverWithWords(dir, words, ADMIN.name, 'after removal: 7 green lanterns');
    expect(w.withDek((d) => d.equals(newDek))).toBe(true);
    w.lock();
  });

  it('a removed user keeps nothing useful: their private key and the old DEK open neither the vault nor a new backup', async () => {
    const s = await makeVault();
    const oldBackup = join(dir, '..', `${Date.now()}-old.sauga-backup`);
    await createBackup(s, oldBackup);
    removeUser(s, JONAS.name);
    const newBackup = join(dir, '..', `${Date.now()}-new.sauga-backup`);
    await createBackup(s, newBackup);
    s.lock();
    try {
      // An old backup still opens with the slots it was made with (documented).
      expect(
        (await verifyBackup(oldBackup, { userName: JONAS.name, passphrase: JONAS.passphrase })).authenticated,
      ).toBe(true);
      await expect(
        verifyBackup(newBackup, { userName: JONAS.name, passphrase: JONAS.passphrase }),
      ).rejects.toMatchObject({
        code: ErrorCode.UnknownUser,
      });
      expect((await verifyBackup(newBackup, { userName: RUTA.name, passphrase: RUTA.passphrase })).authenticated).toBe(
        true,
      );
    } finally {
      for (const f of [oldBackup, newBackup]) rmSync(f, { force: true });
    }
  });

  it('is refused while a remaining slot is version 1, naming who must log in; works after they do', async () => {
    const s = await makeVault();
    const dek = dekOf(s);
    await downgrade(dek, { [RUTA.name]: pass(RUTA.passphrase) });
    expectThrowCode(() => removeUser(s, JONAS.name), ErrorCode.RekeyNeedsUpgrade);
    expect(listUsers(s).find((u) => u.name === RUTA.name)?.needsLogin).toBe(true);
    s.lock();
    (await unlockVault(dir, RUTA.name, RUTA.passphrase)).lock();
    const a = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect(listUsers(a).every((u) => !u.needsLogin)).toBe(true);
    removeUser(a, JONAS.name);
    a.lock();
    await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.UnknownUser);
  });

  it('guards: administrators only, not oneself, not an unknown user', async () => {
    const s = await makeVault();
    expectThrowCode(() => removeUser(s, ADMIN.name), ErrorCode.CannotRemoveSelf);
    expectThrowCode(() => removeUser(s, 'Nobody'), ErrorCode.UnknownUser);
    s.lock();
    const r = await unlockVault(dir, RUTA.name, RUTA.passphrase);
    expectThrowCode(() => removeUser(r, JONAS.name), ErrorCode.Forbidden);
    expectThrowCode(() => changeRole(r, JONAS.name, ['supervisor']), ErrorCode.Forbidden);
    r.lock();
  });

  it('a removed user can be added again, with a new passphrase', async () => {
    const s = await makeVault();
    removeUser(s, JONAS.name);
    await addUser(s, { userName: JONAS.name, roles: ['supervisor'], passphrase: 'three red boats under a bridge' });
    s.lock();
    await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.WrongPassphrase);
    const j = await unlockVault(dir, JONAS.name, 'three red boats under a bridge');
    expect(j.user.roles).toEqual(['supervisor']);
    j.lock();
  });
});

describe('a crash during the rekey', () => {
  /** The state removeUser leaves after writing the pending file and, optionally, the rekeyed copy. */
  async function interrupted(
    stage: 'disabled' | 'pending' | 'copied' | 'committed',
  ): Promise<{ oldDek: Buffer; newDek: Buffer }> {
    const s = await makeVault();
    const oldDek = dekOf(s);
    // The database part of removeUser: the row disabled, the audit key kept.
    s.write({ action: 'user.removed', subject: JONAS.name }, (db) => {
      db.prepare(`INSERT OR IGNORE INTO meta (key, value) VALUES ('audit_key', ?)`).run(
        s.auditKeyForVerification().toString('hex'),
      );
      db.prepare('UPDATE users SET disabled_at = ? WHERE name = ?').run(new Date().toISOString(), JONAS.name);
    });
    s.lock();
    const p = vaultPaths(dir);
    const file = readSlotFile(p.slots);
    const newDek = randomBytes(32);
    if (stage === 'disabled') return { oldDek, newDek };
    const next: SlotFile = {
      ...file,
      slots: parsedSlots(file)
        .filter((x) => x.meta.user !== JONAS.name)
        .map((x) => ({ ...x.slot, sealedKey: sealDek(x.meta, newDek) })),
    };
    writeSlotFile(p.pending, next);
    if (stage !== 'pending') rekeyByCopy(p, openEncrypted(p.db, oldDek), oldDek, newDek);
    if (stage === 'committed') writeSlotFile(p.slots, next);
    return { oldDek, newDek };
  }

  for (const stage of ['pending', 'copied', 'committed'] as const) {
    it(`after "${stage}", the next unlock finishes the removal`, async () => {
      const { oldDek, newDek } = await interrupted(stage);
      expect(vaultInfo(dir).pendingRekey).toBe(true);
      const r = await unlockVault(dir, RUTA.name, RUTA.passphrase);
      expect(r.withDek((d) => d.equals(newDek))).toBe(true);
      expect(checkVault(r).integrity).toEqual(['ok']);
      expect(checkVault(r).audit.ok).toBe(true);
      expect(r.db.prepare(`SELECT count(*) AS n FROM settings WHERE key LIKE 'test.row.%'`).get()).toEqual({ n: 500 });
      r.lock();
      expect(vaultInfo(dir).pendingRekey).toBe(false);
      expect(opensWith(oldDek)).toBe(false);
      await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.UnknownUser);
    });
  }

  it('after "disabled" (no pending file yet), the next unlock of anyone else finishes the removal', async () => {
    const { oldDek } = await interrupted('disabled');
    await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.Forbidden);
    const r = await unlockVault(dir, RUTA.name, RUTA.passphrase);
    expect(r.withDek((d) => d.equals(oldDek))).toBe(false);
    expect(checkVault(r).audit.ok).toBe(true);
    r.lock();
    expect(opensWith(oldDek)).toBe(false);
    expect(vaultInfo(dir).slots.map((x) => x.user)).not.toContain(JONAS.name);
  });

  it('the removed user cannot finish it for themself, and the recovery words can', async () => {
    await interrupted('copied');
    await expectCode(unlockVault(dir, JONAS.name, JONAS.passphrase), ErrorCode.Forbidden);
    const w = await recoverWithWords(dir, words, ADMIN.name, 'after a crash: 9 silver spoons');
    expect(checkVault(w).integrity).toEqual(['ok']);
    w.lock();
    expect(vaultInfo(dir).pendingRekey).toBe(false);
  });

  it('a half-made copy left by a crash is thrown away, and the removal still completes', async () => {
    // rekeyByCopy never writes the live file: a copy left behind is garbage and is deleted.
    const { oldDek } = await interrupted('pending');
    writeFileSync(vaultPaths(dir).rekeyTmp, randomBytes(8192));
    const a = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    a.lock();
    expect(existsSync(vaultPaths(dir).rekeyTmp)).toBe(false);
    expect(opensWith(oldDek)).toBe(false);
  });
});

describe('changing roles', () => {
  it('the database is the authority at once; the slot copy is refreshed at the next unlock', async () => {
    const s = await makeVault();
    changeRole(s, JONAS.name, ['supervisor', 'caseworker']);
    expect(listUsers(s).find((u) => u.name === JONAS.name)?.roles).toEqual(['supervisor', 'caseworker']);
    s.lock();
    const roleOf = (): Role[] | null =>
      parsedSlots(readSlotFile(vaultPaths(dir).slots)).find((p) => p.meta.user === JONAS.name)?.meta.roles ?? null;
    expect(roleOf()).toEqual(['caseworker']);
    const j = await unlockVault(dir, JONAS.name, JONAS.passphrase);
    expect([...j.user.roles].sort()).toEqual(['caseworker', 'supervisor']);
    j.lock();
    expect([...(roleOf() ?? [])].sort()).toEqual(['caseworker', 'supervisor']);
  });

  it('the last administrator keeps the role, and a user needs at least one role', async () => {
    const s = await makeVault();
    expectThrowCode(() => changeRole(s, ADMIN.name, ['supervisor']), ErrorCode.LastAdministrator);
    expectThrowCode(() => changeRole(s, JONAS.name, []), ErrorCode.InvalidInput);
    expectThrowCode(() => changeRole(s, 'Nobody', ['caseworker']), ErrorCode.UnknownUser);
    changeRole(s, RUTA.name, ['administrator']);
    changeRole(s, ADMIN.name, ['supervisor']);
    expect(s.db.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get('user.roles_changed')).toEqual({
      n: 2,
    });
    s.lock();
  });
});

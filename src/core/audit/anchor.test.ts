import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../app';
import { createBackup, restoreBackup } from '../backup/backup';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { DB_FILE, SLOT_FILE } from '../vault/vault';
import { ANCHOR_FILE_NAME, checkAnchor, defaultAnchorFile, latestAnchor, readAnchors, recordAnchor } from './anchor';
import { appendAudit, auditHead, extendsHead, verifyAudit } from './chain';
import { ROLLBACK_ACTION } from './report';

let dir: string;
let cleanup: () => void;
let core: AppCore;
let vaultDir: string;

async function unlock(): Promise<ReturnType<AppCore['status']>> {
  return core.unlock(ADMIN.name, ADMIN.passphrase);
}

const rollbackOf = (s: ReturnType<AppCore['status']>) => (s.state === 'unlocked' ? s.auditRollback : 'not unlocked');

/** A few audited changes, as any working day makes. */
function work(n: number): void {
  for (let i = 0; i < n; i++) core.setIdleLock(10 + i);
}

function copyAside(to: string): void {
  for (const f of [DB_FILE, SLOT_FILE]) cpSync(join(vaultDir, f), join(to, f));
}
function copyBack(from: string): void {
  for (const f of [DB_FILE, SLOT_FILE]) cpSync(join(from, f), join(vaultDir, f));
}

beforeEach(async () => {
  ({ dir, cleanup } = tempDir());
  vaultDir = join(dir, 'vault');
  core = new AppCore({ vaultDir, configFile: join(dir, 'config.json'), version: 'test' });
  const { words, confirmPositions } = core.beginCreate({
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  await core.finishCreate(confirmPositions.map((p) => words[p] as string));
});
afterEach(() => {
  core.lock();
  cleanup();
});

describe('audit anchors outside the vault', () => {
  it('the anchor file sits beside the config, outside the vault folder, and holds HMAC heads only', () => {
    work(2);
    core.lock();
    const file = join(dir, ANCHOR_FILE_NAME);
    expect(core.anchorFile()).toBe(file);
    expect(defaultAnchorFile(vaultDir)).toBe(file);
    const { anchors, damaged } = readAnchors(file);
    expect(damaged).toBe(false);
    expect(anchors.map((a) => a.event)).toEqual(['unlock', 'lock']);
    expect(readFileSync(file, 'utf8')).not.toContain(ORG);
  });

  it('a normal lock and unlock cycle gives no warning', async () => {
    work(3);
    core.lock();
    const s = await unlock();
    expect(s.state).toBe('unlocked');
    expect(rollbackOf(s)).toBeUndefined();
    const r = core.auditReport();
    expect(r).toMatchObject({ ok: true, anchor: { state: 'extends' }, rollbacksRecorded: 0 });
  });

  it('an older copy of the vault put back is reported as a rollback, recorded in the chain, once', async () => {
    core.lock();
    const aside = join(dir, 'aside');
    mkdirSync(aside);
    copyAside(aside);
    await unlock();
    work(3);
    core.lock();
    const recorded = latestAnchor(core.anchorFile(), readVaultId());
    copyBack(aside);

    const s = await unlock();
    expect(s.state).toBe('unlocked');
    const rb = rollbackOf(s);
    expect(rb).toMatchObject({ reason: 'missing', recordedSeq: recorded?.seq });
    expect((rb as { currentSeq: number }).currentSeq).toBeLessThan(recorded?.seq ?? 0);
    const report = core.auditReport();
    expect(report.ok).toBe(true);
    expect(report.rollbacksRecorded).toBe(1);
    const action = core
      .requireSession()
      .db.prepare('SELECT action, detail FROM audit_log WHERE action = ?')
      .get(ROLLBACK_ACTION) as { detail: string };
    expect(JSON.parse(action.detail)).toMatchObject({ recordedSeq: recorded?.seq, reason: 'missing' });

    // Seen and written down: the next unlock does not cry again, but the chain remembers.
    core.lock();
    const again = await unlock();
    expect(rollbackOf(again)).toBeUndefined();
    expect(core.auditReport().rollbacksRecorded).toBe(1);
  });

  it('a chain cut off at the end (head meta fixed too, so the chain alone looks fine) is reported', async () => {
    const session = core.requireSession();
    const anchored = auditHead(session.db);
    work(2);
    const keep = anchored.seq - 2;
    session.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keep);
    const cut = auditHead(session.db);
    session.db.prepare(`UPDATE meta SET value = ? WHERE key = 'audit_head'`).run(`${cut.seq}:${cut.mac}`);
    expect(verifyAudit(session.db, session.auditKeyForVerification()).ok).toBe(true);
    // Closed behind the app's back, as a copy taken with the key would be.
    session.lock();

    const s = await unlock();
    expect(rollbackOf(s)).toMatchObject({ reason: 'missing', recordedSeq: anchored.seq, currentSeq: keep });
  });

  it('a rewritten chain (same length, other entries, valid MACs) is reported', async () => {
    const session = core.requireSession();
    const key = session.auditKeyForVerification();
    const anchored = auditHead(session.db);
    session.db.prepare('DELETE FROM audit_log WHERE seq > ?').run(anchored.seq - 3);
    for (let i = 0; i < 5; i++)
      appendAudit(session.db, key, { actor: 'x', action: 'settings.idle_lock_changed', subject: 'vault' });
    expect(verifyAudit(session.db, key).ok).toBe(true);
    expect(extendsHead(session.db, key, anchored)).toEqual({
      extends: false,
      reason: 'mac',
      firstBadSeq: anchored.seq,
    });
    session.lock();
    const s = await unlock();
    expect(rollbackOf(s)).toMatchObject({ reason: 'mac', recordedSeq: anchored.seq });
  });

  it('a broken chain: the anchored entry itself at unlock, anything before it on the full check', async () => {
    const session = core.requireSession();
    const anchored = auditHead(session.db);
    session.db.prepare(`UPDATE audit_log SET subject = 'edited' WHERE seq = ?`).run(anchored.seq);
    session.lock();
    expect(rollbackOf(await unlock())).toMatchObject({ reason: 'chain', recordedSeq: anchored.seq });
    core.lock();

    // An edit further back is not looked for at unlock (constant time), but the full check names it.
    expect(rollbackOf(await unlock())).toBeUndefined();
    const s2 = core.requireSession();
    const head = auditHead(s2.db);
    s2.db.prepare(`UPDATE audit_log SET subject = 'edited' WHERE seq = 1`).run();
    expect(extendsHead(s2.db, s2.auditKeyForVerification(), head)).toEqual({
      extends: false,
      reason: 'chain',
      firstBadSeq: 1,
    });
    expect(extendsHead(s2.db, s2.auditKeyForVerification(), head, 'entry')).toEqual({ extends: true });
    expect(core.auditReport()).toMatchObject({
      ok: false,
      firstBadSeq: 1,
      reason: 'mac',
      anchor: { state: 'rollback', reason: 'chain', firstBadSeq: 1 },
    });
  });

  it('a restored backup does not false-alarm: the restore resets the anchor knowingly', async () => {
    const backup = join(dir, 'backup.sauga-backup');
    await createBackup(core.requireSession(), backup);
    work(4);
    core.lock();
    const before = latestAnchor(core.anchorFile(), readVaultId());
    rmSync(vaultDir, { recursive: true });
    const r = await restoreBackup(backup, vaultDir, { userName: ADMIN.name, passphrase: ADMIN.passphrase });
    const after = latestAnchor(core.anchorFile(), r.vaultId);
    expect(after).toMatchObject({ event: 'restore' });
    expect(after?.seq).toBeLessThan(before?.seq ?? 0);

    const s = await unlock();
    expect(s.state).toBe('unlocked');
    expect(rollbackOf(s)).toBeUndefined();
    expect(core.auditReport()).toMatchObject({ ok: true, anchor: { state: 'extends' }, rollbacksRecorded: 0 });
  });

  it('keeps the last five heads of each vault, and a damaged file is no reason to refuse an unlock', async () => {
    const file = join(dir, 'other', 'anchors.json');
    const mac = 'ab'.repeat(32);
    for (let i = 1; i <= 8; i++) recordAnchor(file, 'vault-a', { seq: i, mac }, 'lock');
    recordAnchor(file, 'vault-b', { seq: 1, mac }, 'unlock');
    const { anchors } = readAnchors(file);
    expect(anchors.filter((a) => a.vaultId === 'vault-a').map((a) => a.seq)).toEqual([4, 5, 6, 7, 8]);
    expect(latestAnchor(file, 'vault-b')?.seq).toBe(1);

    core.lock();
    writeFileSync(core.anchorFile(), '{"format": "not ours"');
    expect(readAnchors(core.anchorFile()).damaged).toBe(true);
    const s = await unlock();
    expect(rollbackOf(s)).toBeUndefined();
    const session = core.requireSession();
    expect(
      checkAnchor(core.anchorFile(), session.vaultId, session.db, session.auditKeyForVerification()),
    ).toMatchObject({ state: 'extends' });
  });
});

function readVaultId(): string {
  return (JSON.parse(readFileSync(join(vaultDir, SLOT_FILE), 'utf8')) as { vaultId: string }).vaultId;
}

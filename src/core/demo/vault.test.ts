import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { verifyAudit } from '../audit/chain';
import { AppCore } from '../app';
import { CaseService } from '../cases/service';
import { tempDir } from '../testing/fixtures';
import { createVault, listUserNames, unlockVault, type VaultSession } from '../vault/vault';
import { generateDemoCases } from './generator';
import { createDemoVault, DEMO_ADMIN, DEMO_META_KEY, DEMO_ORG, DEMO_SUPERVISOR, isDemoMarked } from './vault';

const PASS = 'lilac kettle mountain, spring 2026';
let dir: string;
let cleanup: () => void;
let session: VaultSession;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-demo-'));
  session = (await createDemoVault({ dir: join(dir, 'demo'), passphrase: PASS })).session;
});
afterAll(() => {
  if (!session.isLocked) session.lock();
  cleanup();
});

describe('createDemoVault', () => {
  it('marks the vault as a demo vault and records that in the audit chain', () => {
    expect(session.getMeta(DEMO_META_KEY)).toBe('1');
    expect(isDemoMarked(session.db)).toBe(true);
    expect(session.getMeta('org_name')).toBe(DEMO_ORG);
    const actions = session.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[];
    expect(actions.map((a) => a.action).slice(0, 3)).toEqual(['vault.created', 'user.added', 'vault.marked_demo']);
    expect(verifyAudit(session.db, session.auditKeyForVerification()).ok).toBe(true);
  });

  it('tells the app it is a demo vault (the banner on every screen); a real vault says it is not', async () => {
    const app = (vaultDir: string) =>
      new AppCore({ vaultDir, configFile: join(dir, `${vaultDir.length}.json`), version: 'test' });
    const demo = app(join(dir, 'demo'));
    expect(await demo.unlock(DEMO_SUPERVISOR, PASS)).toMatchObject({ state: 'unlocked', demo: true });
    demo.lock();
    const realDir = join(dir, 'real-for-banner');
    (await createVault({ dir: realDir, orgName: 'Viltis', userName: 'Ona', passphrase: PASS })).session.lock();
    const real = app(realDir);
    expect(await real.unlock('Ona', PASS)).toMatchObject({ state: 'unlocked', demo: false });
    real.lock();
  });

  it('opens as an administrator and supervisor, with caseworkers who can sign in themselves', async () => {
    expect(session.user.name).toBe(DEMO_SUPERVISOR);
    expect([...session.user.roles].sort()).toEqual(['administrator', 'supervisor']);
    const names = listUserNames(join(dir, 'demo'));
    expect(names).toContain(DEMO_ADMIN);
    expect(names.length).toBe(5);
    generateDemoCases(session, { cases: 8, today: '2026-02-01' });
    const all = new CaseService(session).listCases({}).total ?? 0;
    expect(all).toBe(8);
    const worker = names.find((n) => n !== DEMO_ADMIN && n !== DEMO_SUPERVISOR) ?? '';
    const own = await unlockVault(join(dir, 'demo'), worker, PASS);
    try {
      expect(own.user.roles).toEqual(['caseworker']);
      const svc = new CaseService(own);
      const mine = svc.listCases({}).rows;
      expect(mine.length).toBeLessThan(all);
      for (const row of mine) expect(svc.getCase(row.id).assignees.map((a) => a.name)).toContain(worker);
    } finally {
      own.lock();
    }
  });

  it('never takes over a folder that already holds a vault', async () => {
    const real = join(dir, 'real');
    (await createVault({ dir: real, orgName: 'Viltis', userName: 'Ona', passphrase: PASS })).session.lock();
    await expect(createDemoVault({ dir: real, passphrase: PASS })).rejects.toMatchObject({
      code: ErrorCode.VaultExists,
    });
    const s = await unlockVault(real, 'Ona', PASS);
    try {
      expect(isDemoMarked(s.db)).toBe(false);
    } finally {
      s.lock();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUPERVISOR } from '../core/demo';
import { WORKER_NAMES } from '../core/demo/vocabulary';
import { tempDir } from '../core/testing/fixtures';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo } from './testing';

const PASS = 'lilac kettle mountain, spring 2026';
let dir: string;
let cleanup: () => void;
let pass: string;
let vault: string;

const as = (user: string) => ['--vault', vault, '--user', user, '--passphrase-file', pass];
type Listed = { ok: boolean; rows: { code: string; owner: { name: string } | null }[]; total: number };

async function list(user: string, ...more: string[]): Promise<Listed> {
  const i = captureIo();
  expect(await run(['cases', 'list', ...as(user), '--json', ...more], i)).toBe(0);
  return JSON.parse(i.out) as Listed;
}

async function auditActions(): Promise<string[]> {
  const s = await unlockVault(vault, DEMO_SUPERVISOR, PASS);
  try {
    const rows = s.db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[];
    return rows.map((r) => r.action);
  } finally {
    s.lock();
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-cli-cases-'));
  pass = join(dir, 'pass.txt');
  writeFileSync(pass, `${PASS}\n`);
  vault = join(dir, 'demo');
  expect(await run(['demo', '--vault', vault, '--cases', '12', '--passphrase-file', pass], captureIo())).toBe(0);
});
afterAll(() => cleanup());

describe('sauga cases', () => {
  it('lists every case for a supervisor and only their own for a caseworker', async () => {
    const all = await list(DEMO_SUPERVISOR, '--limit', '100');
    expect(all.total).toBe(12);
    const worker = WORKER_NAMES[0] as string;
    const own = await list(worker, '--limit', '100');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.length).toBeLessThan(12);
    for (const r of own.rows) expect(all.rows.map((a) => a.code)).toContain(r.code);
    expect((await list(DEMO_SUPERVISOR, '--limit', '3')).rows).toHaveLength(3);
  });

  it('shows a case by code with the identity hidden unless revealed, and logs the reveal', async () => {
    const code = (await list(DEMO_SUPERVISOR)).rows[0]?.code as string;
    const hidden = captureIo();
    expect(await run(['cases', 'show', ...as(DEMO_SUPERVISOR), '--case', code], hidden)).toBe(0);
    expect(hidden.out).toContain(`Case ${code}`);
    expect(hidden.out).toContain('identity: null');
    expect(hidden.out).toContain('--reveal-identity');

    const shown = captureIo();
    expect(
      await run(['cases', 'show', ...as(DEMO_SUPERVISOR), '--case', code, '--reveal-identity', '--json'], shown),
    ).toBe(0);
    const view = JSON.parse(shown.out) as { identityRevealed: boolean; sections: { identity: unknown } };
    expect(view.identityRevealed).toBe(true);
    expect(view.sections.identity).not.toBeNull();
    expect(await auditActions()).toContain('case.identity_revealed');
  });

  it('refuses a caseworker a case not assigned to them, and a code that does not exist alike, logging both', async () => {
    const worker = WORKER_NAMES[0] as string;
    const own = new Set((await list(worker, '--limit', '100')).rows.map((r) => r.code));
    const other = (await list(DEMO_SUPERVISOR, '--limit', '100')).rows.find((r) => !own.has(r.code))?.code as string;
    for (const code of [other, '2099-99999']) {
      const i = captureIo({ lang: 'lt_LT.UTF-8' });
      expect(await run(['cases', 'show', ...as(worker), '--case', code, '--json'], i)).toBe(2);
      expect(JSON.parse(i.out)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    const denials = (await auditActions()).filter((a) => a === 'case.access_denied');
    expect(denials.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses bad arguments with exit 2 and a translated message', async () => {
    const i = captureIo();
    expect(await run(['cases', 'list', ...as(DEMO_SUPERVISOR), '--status', 'NOPE'], i)).toBe(2);
    expect(i.err).toContain('--status is not valid');
    const j = captureIo();
    expect(await run(['cases', 'show', ...as(DEMO_SUPERVISOR)], j)).toBe(2);
    expect(j.err).toContain('--case is required');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../shared/errors';
import { CaseService } from '../core/cases/service';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo, cliTestVault } from './testing';

const BOSS = { name: 'Vida Supervisor', passphrase: 'another correct horse battery' };
let cleanup: () => void;
let vault: string;
let code: string;
let as: (file: string) => string[];

beforeAll(async () => {
  ({ vault, cleanup, as } = await cliTestVault('sauga-cli-retention-', [
    { file: 'boss', ...BOSS, roles: ['supervisor'] },
  ]));
  const boss = await unlockVault(vault, BOSS.name, BOSS.passphrase);
  const cases = new CaseService(boss);
  const c = cases.createCase({ openedOn: '2010-01-01', status: { victimStatus: 'NOT_VICTIM' } });
  cases.closeCase(c.id, { reason: 'GOALS_ACHIEVED', closedOn: '2012-01-01' }, 1);
  code = c.code;
  boss.lock();
}, 60_000);

afterAll(() => cleanup());

describe('sauga retention', () => {
  it('policy, hold, release, plan and purge', async () => {
    let io = captureIo();
    expect(await run(['retention', 'policy', ...as('admin'), '--type', 'NOT_VICTIM', '--years', '3'], io)).toBe(0);
    expect(io.out).toContain('NOT_VICTIM: 3 years');

    io = captureIo();
    expect(await run(['retention', 'hold', ...as('boss'), '--case', code, '--reason', 'CIVIL_PROCEEDINGS'], io)).toBe(
      0,
    );
    io = captureIo();
    expect(await run(['retention', 'plan', ...as('boss'), '--today', '2026-03-01', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ ok: true, plan: { due: { count: 0 }, held: 1 } });

    io = captureIo();
    expect(
      await run(['retention', 'purge', ...as('boss'), '--today', '2026-03-01', '--confirm', code, '--json'], io),
    ).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ ok: false, error: { code: ErrorCode.RetentionNotDue } });

    io = captureIo({ lang: 'lt_LT.UTF-8' });
    expect(
      await run(['retention', 'release', ...as('boss'), '--case', code, '--reason', 'PROCEEDINGS_ENDED'], io),
    ).toBe(0);
    expect(io.out).toContain('panaikintas');

    io = captureIo();
    expect(await run(['retention', 'plan', ...as('boss'), '--today', '2026-03-01'], io)).toBe(0);
    expect(io.out).toContain('Due for deletion on 2026-03-01: 1 cases');
    expect(io.out).toContain(code);

    io = captureIo();
    expect(await run(['retention', 'plan', ...as('admin'), '--today', '2026-03-01'], io)).toBe(2);
    expect(io.err).toContain(ErrorCode.Forbidden);

    io = captureIo();
    expect(await run(['retention', 'purge', ...as('boss'), '--today', '2026-03-01', '--confirm', code], io)).toBe(0);
    expect(io.out).toContain('Purged for good: 1 cases');
    expect(io.err).toContain('vacuum');

    io = captureIo();
    expect(await run(['retention', 'purge', ...as('boss'), '--today', '2026-03-01'], io)).toBe(2);
    expect(io.err).toContain(ErrorCode.InvalidInput);
  }, 60_000);
});

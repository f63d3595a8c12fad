import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseService } from '../core/cases/service';
import { DEMO_SUPERVISOR } from '../core/demo';
import { tempDir } from '../core/testing/fixtures';
import { listUserNames, unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo, type CapturedIo } from './testing';

const PASS = 'lilac kettle mountain, spring 2026';
let dir: string;
let cleanup: () => void;
let pass: string;
let demo: string;

const io = (lang = 'en_GB.UTF-8'): CapturedIo => captureIo({ lang });

async function countCases(vault: string, user: string): Promise<{ total: number; sources: string[] }> {
  const s = await unlockVault(vault, user, PASS);
  try {
    const rows = s.db.prepare('SELECT DISTINCT source FROM cases ORDER BY source').all() as { source: string }[];
    const total = (s.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    return { total, sources: rows.map((r) => r.source) };
  } finally {
    s.lock();
  }
}

beforeAll(() => {
  ({ dir, cleanup } = tempDir('sauga-cli-demo-'));
  pass = join(dir, 'pass.txt');
  writeFileSync(pass, `${PASS}\n`);
  demo = join(dir, 'demo');
});
afterAll(() => cleanup());

describe('sauga demo', () => {
  it('creates a demo vault with N cases, shows progress as percentages, and says how to sign in', async () => {
    const i = io();
    const code = await run(['demo', '--vault', demo, '--cases', '24', '--passphrase-file', pass, '--json'], i);
    expect(code).toBe(0);
    const out = JSON.parse(i.out) as Record<string, unknown>;
    expect(out).toMatchObject({
      ok: true,
      vault: demo,
      createdVault: true,
      user: DEMO_SUPERVISOR,
      cases: 24,
      totalCases: 24,
      seed: 'sauga',
    });
    expect(out.recoveryWords).toHaveLength(24);
    const lines = i.err.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    for (const l of lines) expect(l).toMatch(/^Creating demo cases: \d+% \(\d+\/24\)$/u);
    expect(lines.at(-1)).toContain('100%');
    expect(await countCases(demo, DEMO_SUPERVISOR)).toEqual({ total: 24, sources: ['demo'] });
    expect(listUserNames(demo)).toHaveLength(5);
  });

  it('adds more cases to a demo vault it made, with text output in Lithuanian', async () => {
    const i = io('lt_LT.UTF-8');
    const code = await run(['demo', '--vault', demo, '--cases', '6', '--passphrase-file', pass, '--seed', 'kitas'], i);
    expect(code).toBe(0);
    expect(i.out).toContain('Pridėta demonstracinių bylų: 6');
    expect(i.out).toContain('iš viso saugykloje: 30');
    expect(i.err).toContain('Kuriamos demonstracinės bylos: 100 %');
    expect(await countCases(demo, DEMO_SUPERVISOR)).toEqual({ total: 30, sources: ['demo'] });
  });

  it('refuses a vault that `sauga demo` did not make (exit 2), in both languages, changing nothing', async () => {
    const real = join(dir, 'real');
    expect(
      await run(
        ['vault', 'init', '--vault', real, '--org', 'Viltis', '--user', 'Ona', '--passphrase-file', pass],
        io(),
      ),
    ).toBe(0);
    const en = io();
    expect(await run(['demo', '--vault', real, '--cases', '5', '--passphrase-file', pass, '--user', 'Ona'], en)).toBe(
      2,
    );
    expect(en.err).toContain('is not a demo vault');
    expect(en.err).toContain('Nothing was changed');
    const lt = io('lt_LT.UTF-8');
    expect(
      await run(['demo', '--vault', real, '--cases', '5', '--passphrase-file', pass, '--user', 'Ona', '--json'], lt),
    ).toBe(2);
    expect(lt.err).toContain('nėra demonstracinė');
    expect(JSON.parse(lt.out)).toMatchObject({ ok: false, error: { code: 'NOT_DEMO_VAULT' } });
    expect(await countCases(real, 'Ona')).toEqual({ total: 0, sources: [] });
  });

  it('refuses a demo vault once a case was entered in it by hand (exit 2), changing nothing', async () => {
    const s = await unlockVault(demo, DEMO_SUPERVISOR, PASS);
    try {
      new CaseService(s).createCase({ openedOn: '2026-01-10', identity: { givenNames: 'Ona' } });
    } finally {
      s.lock();
    }
    const i = io();
    expect(await run(['demo', '--vault', demo, '--cases', '5', '--passphrase-file', pass], i)).toBe(2);
    expect(i.err).toContain('holds cases that are not demo data');
    expect(await countCases(demo, DEMO_SUPERVISOR)).toEqual({ total: 31, sources: ['demo', 'manual'] });
  });

  it('refuses bad arguments with exit 2 before creating anything', async () => {
    const fresh = join(dir, 'never');
    for (const cases of ['0', '200001', 'abc', '-5', '1.5']) {
      const i = io();
      expect(await run(['demo', '--vault', fresh, `--cases=${cases}`, '--passphrase-file', pass], i), cases).toBe(2);
      expect(i.err).toContain('--cases is not valid');
    }
    expect(await run(['demo', '--vault', fresh, '--passphrase-file', pass], io())).toBe(2);
    expect(await run(['demo', '--vault', fresh, '--cases', '3', '--passphrase-file', join(dir, 'nope')], io())).toBe(2);
    expect(await run(['demo', 'extra', '--vault', fresh, '--cases', '3', '--passphrase-file', pass], io())).toBe(2);
    expect(existsSync(fresh)).toBe(false);
  });

  it('is in the help text in both languages', async () => {
    const en = io();
    expect(await run(['--help'], en)).toBe(0);
    expect(en.out).toContain('sauga demo');
    const lt = io();
    expect(await run(['--help', '--lang', 'lt'], lt)).toBe(0);
    expect(lt.out).toContain('Demonstraciniai duomenys');
  });
});

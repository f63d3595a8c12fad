import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { cellKey } from '../../shared/stats/model';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { tempDir } from '../testing/fixtures';
import { seedWorkedExample, type WorkedExample } from './fixtures';
import { parseTrustedKeys, verifyStatsPackage } from './package';
import { StatsService } from './service';

let v: CaseVault;
let example: WorkedExample;
let stats: StatsService;
let out: { dir: string; cleanup: () => void };

beforeAll(async () => {
  v = await openCaseVault();
  const supervisor = v.addUser('Rasa', ['supervisor']);
  example = seedWorkedExample(new CaseService(v.as(supervisor)));
  stats = new StatsService(v.as(supervisor), '1.2.3');
  out = tempDir('sauga-stats-out-');
}, 120_000);
afterAll(() => {
  v.close();
  out.cleanup();
});

const year = () => ({ kind: 'year' as const, year: example.year });

describe('statistics returns over a real vault', () => {
  it('previews the worked example with the small cell suppressed and the headline totals published', async () => {
    const p = await stats.preview({ period: year() });
    const cell = (table: 'T1' | 'T4', dims: Record<string, string>) =>
      p.cells.find((c) => cellKey(c.table, c.dims) === cellKey(table, dims));
    expect(cell('T1', { VICTIM_STATUS: '_T', SEX: '_T' })).toMatchObject({
      value: example.persons,
      status: 'published',
    });
    expect(cell('T1', { VICTIM_STATUS: 'VOT', SEX: '_T' })).toMatchObject({ value: example.victims });
    expect(cell('T1', { VICTIM_STATUS: 'AT_RISK', SEX: '_T' })).toMatchObject({ value: example.atRisk });
    expect(cell('T1', { VICTIM_STATUS: '_T', SEX: 'M' })).toMatchObject({ value: example.men });
    expect(cell('T4', { EXPLOIT: 'BEGGING' })?.status).not.toBe('published');
    expect(p.audit.ok).toBe(true);
    for (const c of p.cells) {
      if (c.status === 'published' && c.table !== 'T7')
        expect(c.value === 0 || c.value >= 5, JSON.stringify(c)).toBe(true);
      expect(c.status === 'published').toBe(c.reason === null);
    }
    expect(v.auditActions('organisation').map((a) => a.action)).toContain('stats.previewed');
  });

  it('exports a signed package the ministry verifies, registers it and logs the export', async () => {
    const path = join(out.dir, stats.suggestedFileName({ period: year() }));
    expect(path).not.toMatch(/Ona|Rasa|\d{4}-\d{5}/);
    const exported = await stats.exportReturn({ period: year() }, path);
    expect(exported).toMatchObject({ sequence: 1, replaces: null, createdBy: 'Rasa' });
    expect(readdirSync(out.dir)).toEqual([exported.fileName]);

    const key = stats.signingKey();
    const trusted = parseTrustedKeys([
      { organisation: key.organisation, publicKey: key.minisignPublicKey.split('\n')[1] },
    ]);
    if (!trusted.ok) throw new Error(trusted.detail);
    const verdict = verifyStatsPackage(new Uint8Array(readFileSync(path)), {
      trustedKeys: trusted.value,
      received: [],
    });
    expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.sha256).toBe(exported.sha256);
    const total = verdict.cells.find(
      (c) => cellKey(c.table, c.dims) === cellKey('T1', { VICTIM_STATUS: '_T', SEX: '_T' }),
    );
    expect(total?.value).toBe(example.persons);
    // Suppressed values never leave: every suppressed cell is null in what the ministry reads.
    for (const c of verdict.cells) if (c.status !== 'published') expect(c.value).toBeNull();

    expect(stats.history().map((h) => h.packageId)).toEqual([exported.packageId]);
    expect(v.auditActions('organisation').map((a) => a.action)).toContain('stats.exported');
    expect(v.auditIntact()).toBe(true);
  });

  it('a second export of the same period replaces the first and is audited against it', async () => {
    const path = join(out.dir, 'again.zip');
    const second = await stats.exportReturn({ period: year() }, path);
    expect(second.sequence).toBe(2);
    expect(second.replaces).toBe(stats.history().find((h) => h.sequence === 1)?.packageId);
    const p = await stats.preview({ period: year() });
    expect(p.overlapping.map((o) => o.sequence)).toEqual([1, 2]);
  });

  it('refuses to export when the audit fails, writing and registering nothing', async () => {
    // k above every count: nothing can be published without pinning a primary cell.
    const before = stats.history().length;
    const path = join(out.dir, 'refused.zip');
    await expect(
      stats.exportReturn({ period: year(), params: { k: 50, consentedOnly: false } }, path),
    ).rejects.toMatchObject({
      code: ErrorCode.StatsAuditFailed,
    });
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(out.dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(stats.history()).toHaveLength(before);
  });

  it('an empty period exports nothing identifying either: every count is zero', async () => {
    const p = await stats.preview({ period: { kind: 'month', year: 2001, month: 2 } });
    expect(p.cases).toBe(0);
    expect(p.cells.every((c) => c.value === 0)).toBe(true);
  });
});

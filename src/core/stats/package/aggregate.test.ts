import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../../shared/errors';
import { cellKey } from '../../../shared/stats/model';
import { aggregateReturns, nationalCsv, nationalHtml } from './aggregate';
import { crowd, packageInput, protectedReturn, testOrg } from './testkit';
import { verifyStatsPackage, type VerifiedPackage } from './verify';
import { writeStatsPackage } from './writer';

const a = testOrg('Viltis', 1);
const b = testOrg('Kitas centras', 2);
const c3 = testOrg('Trečiasis sektorius', 3);
const trust = { trustedKeys: [a.trusted, b.trusted, c3.trusted], received: [] };

async function verified(
  org: typeof a,
  scale: number,
  over: Parameters<typeof packageInput>[1] = {},
): Promise<VerifiedPackage> {
  const { cells, sdc } = await protectedReturn(crowd(scale));
  const bytes = (await writeStatsPackage(packageInput(org, { cells, sdc, ...over }))).bytes;
  const r = verifyStatsPackage(bytes, trust);
  if (!r.ok) throw new Error(`${r.reason}: ${r.detail}`);
  return r;
}

describe('aggregateReturns', () => {
  it("sums three NGOs' published values, marks cells with a suppressed share as incomplete, and re-protects", async () => {
    const ra = await verified(a, 1);
    const rb = await verified(b, 2);
    const rc = await verified(c3, 3);
    const n = await aggregateReturns([ra, rb, rc]);
    expect(n.audit.ok).toBe(true);
    expect(n.sources.map((s) => s.organisation)).toEqual(['Viltis', 'Kitas centras', 'Trečiasis sektorius']);
    expect(n.statements.some((s) => /counted twice/u.test(s.en))).toBe(true);
    for (const c of n.cells) {
      const shares = [ra, rb, rc].map((r) => r.cells.find((x) => cellKey(x.table, x.dims) === c.key));
      const hidden = shares.filter((s) => s?.value === null).length;
      expect(c.suppressedContributions, c.key).toBe(hidden);
      const sum = shares.reduce((t, s) => t + (s?.value ?? 0), 0);
      if (hidden > 0) expect(c).toMatchObject({ status: 'incomplete', value: sum });
      else if (c.status === 'published') expect(c.value, c.key).toBe(sum);
      else expect(c.value).toBeNull();
    }
    expect(n.cells.some((c) => c.status === 'incomplete')).toBe(true);
    const csv = nationalCsv(n);
    expect(csv.split('\r\n')).toHaveLength(n.cells.length + 2);
    const html = nationalHtml(n);
    expect(html).not.toMatch(/<script/iu);
    expect(html).toContain('Viltis');
  }, 120_000);

  it('keeps the replacement when an organisation revised its return, and refuses mixed periods and duplicates', async () => {
    const first = await verified(a, 1);
    const revised = await verified(a, 2, {
      packageId: '11111111-2222-4333-8444-555555555555',
      sequence: 2,
      replaces: first.manifest.packageId,
    });
    const n = await aggregateReturns([first, revised], {
      protect: async (p) => ({
        cells: p.cells.map((c) => ({ key: c.key, status: 'published', reason: null })),
        audit: { ok: true, findings: [], programmes: 0 },
        method: { primary: 'x', secondary: 'x', audit: 'x', solver: 'x' },
      }),
    });
    expect(n.sources.map((s) => s.packageId)).toEqual([revised.manifest.packageId]);
    const other = await verified(b, 1, { period: { kind: 'quarter', year: 2026, quarter: 2 } });
    await expect(aggregateReturns([first, other])).rejects.toMatchObject({ code: ErrorCode.StatsPeriodMismatch });
    const again = await verified(a, 1, { packageId: '21111111-2222-4333-8444-555555555555', sequence: 3 });
    await expect(aggregateReturns([first, again])).rejects.toMatchObject({ code: ErrorCode.StatsDuplicateReturn });
  }, 120_000);
});

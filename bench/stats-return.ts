/**
 * The statistics return at scale: building T1..T7 from the case records, protecting and
 * auditing them, and writing the signed package, for one year of a 100,000-case vault
 * (issue 4 target: <= 3 s for the whole export).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { periodRange, type Period } from '../src/shared/stats/model';
import { tableRelations } from '../src/core/stats/relations';
import { protect } from '../src/core/stats/sdc';
import { StatsService } from '../src/core/stats/service';
import { buildTables } from '../src/core/stats/tables';
import type { VaultSession } from '../src/core/vault/vault';
import { msSince, now } from './stats';

export interface StatsBenchResult {
  period: string;
  casesCounted: number;
  /** Whole exports (build, protect, audit, sign, write, register), first one first. */
  exportMs: number[];
  buildMs: number;
  protectMs: number;
  suppressed: { primary: number; secondary: number };
  auditOk: boolean;
}

export async function runStatsBench(session: VaultSession, year: number, dir: string): Promise<StatsBenchResult> {
  const period: Period = { kind: 'year', year };
  const out = mkdtempSync(join(dir, 'stats-'));
  try {
    const stats = new StatsService(session, 'bench');
    const exportMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = now();
      await stats.exportReturn({ period }, join(out, `return-${i}.zip`));
      exportMs.push(msSince(t));
    }
    let t = now();
    const range = periodRange(period);
    const built = buildTables(session.db, range, { consentedOnly: false });
    const buildMs = msSince(t);
    t = now();
    const sdc = await protect({ cells: built.cells, relations: tableRelations(), k: 5, ...range });
    const protectMs = msSince(t);
    return {
      period: String(year),
      casesCounted: built.cases,
      exportMs: exportMs.map((x) => Math.round(x)),
      buildMs: Math.round(buildMs),
      protectMs: Math.round(protectMs),
      suppressed: {
        primary: sdc.cells.filter((c) => c.status === 'primary').length,
        secondary: sdc.cells.filter((c) => c.status === 'secondary').length,
      },
      auditOk: sdc.audit.ok,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

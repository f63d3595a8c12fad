import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseListResult, CaseView } from '../../shared/cases/schemas';
import { ErrorCode } from '../../shared/errors';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import type { SessionUser, VaultSession } from '../vault/vault';
import { generateDemoCases, MAX_DEMO_CASES } from './generator';
import { assertDemoVault, DEMO_META_KEY, NotDemoVault } from './vault';

const TODAY = '2026-02-20';

interface Team {
  v: CaseVault;
  boss: SessionUser;
  workers: SessionUser[];
  sup: VaultSession;
}

/** A test vault (users as rows, see testkit) marked as a demo vault, as createDemoVault does. */
async function demoTeam(mark = true): Promise<Team> {
  const v = await openCaseVault();
  if (mark) v.admin.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(DEMO_META_KEY, '1');
  const boss = v.addUser('Demo koordinatorė', ['supervisor', 'administrator']);
  const workers = ['Rūta Žilinskienė', 'Tomas Čepulis', 'Eglė Šimkutė'].map((n) => v.addUser(n, ['caseworker']));
  return { v, boss, workers, sup: v.as(boss) };
}

/** What two runs with the same seed must agree on (ids are random UUIDs, so left out). */
function comparable(sup: VaultSession): unknown[] {
  const svc = new CaseService(sup);
  const list = svc.listCases({ sort: { field: 'code', direction: 'asc' }, page: { offset: 0, limit: 200 } });
  return list.rows.map((row) => {
    const view = svc.getCase(row.id, { revealIdentity: true });
    const items = Object.fromEntries(
      Object.entries(view.items).map(([k, list]) => [
        k,
        (list as Record<string, unknown>[]).map(({ id: _id, consentId, ...rest }) => ({
          ...rest,
          consent: consentId ? 'yes' : 'no',
        })),
      ]),
    );
    return {
      code: row.code,
      status: row.status,
      victimStatus: row.victimStatus,
      sex: row.sex,
      forms: row.exploitationForms,
      openedOn: row.openedOn,
      closedOn: row.closedOn,
      updatedAt: row.updatedAt,
      owner: row.owner?.name,
      assignees: view.assignees.map((a) => a.name),
      version: view.version,
      sections: view.sections,
      items,
    };
  });
}

describe('generateDemoCases', () => {
  let team: Team;
  beforeAll(async () => {
    team = await demoTeam();
  });
  afterAll(() => team.v.close());

  it('writes cases through CaseService that read back valid, as demo data, shared among caseworkers', () => {
    const progress: [number, number][] = [];
    const r = generateDemoCases(team.sup, {
      cases: 60,
      seed: 'test',
      today: TODAY,
      chunkSize: 25,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(r).toMatchObject({ created: 60, totalCases: 60, seed: 'test' });
    expect(progress).toEqual([
      [25, 60],
      [50, 60],
      [60, 60],
    ]);
    const svc = new CaseService(team.sup);
    const list = CaseListResult.parse(svc.listCases({ page: { offset: 0, limit: 100 } }));
    expect(list.total).toBe(60);
    expect(new Set(list.rows.map((c) => c.source))).toEqual(new Set(['demo']));
    const owners = new Set(list.rows.map((c) => c.owner?.name));
    expect(owners.size).toBeGreaterThanOrEqual(2);
    for (const row of list.rows) {
      const view = CaseView.parse(svc.getCase(row.id, { revealIdentity: true }));
      expect(view.openedOn <= TODAY).toBe(true);
      expect(view.updatedAt.slice(0, 10) >= view.openedOn).toBe(true);
      if (view.closedOn) expect(view.status).toBe('CLOSED');
      for (const ref of view.items.referrals) {
        if (ref.consentId) expect(view.items.consents.map((c) => c.id)).toContain(ref.consentId);
      }
    }
    expect(list.rows.some((r) => r.status !== 'CLOSED')).toBe(true);
    expect(list.rows.some((r) => r.status === 'CLOSED')).toBe(true);
    // Caseworkers did the work on their own cases; assignments and closures by the supervisor.
    const actors = new Set(team.v.auditActions().map((a) => a.actor));
    for (const w of team.workers) expect(actors.has(w.name)).toBe(true);
    expect(
      team.v
        .auditActions()
        .filter((a) => a.action === 'case.created')
        .every((a) => a.actor === team.boss.name),
    ).toBe(true);
    expect(team.v.auditIntact()).toBe(true);
  });

  it('leaves each caseworker seeing exactly the demo cases assigned to them', () => {
    const sup = new CaseService(team.sup);
    const all = sup.listCases({ page: { offset: 0, limit: 200 } }).rows;
    const assignees = new Map(all.map((r) => [r.id, sup.getCase(r.id).assignees.map((a) => a.name)]));
    for (const w of team.workers) {
      const mine = new CaseService(team.v.as(w)).listCases({ page: { offset: 0, limit: 200 } }).rows;
      const expected = all.filter((r) => assignees.get(r.id)?.includes(w.name)).map((r) => r.id);
      expect(mine.map((r) => r.id).sort()).toEqual(expected.sort());
      expect(mine.length).toBeGreaterThan(0);
    }
  });

  it('finds generated people by diacritic-free partial names and note words', () => {
    const svc = new CaseService(team.sup);
    const view = svc.getCase(svc.listCases({ page: { offset: 0, limit: 1 } }).rows[0]?.id, { revealIdentity: true });
    const family = view.sections.identity?.familyNames ?? view.sections.identity?.givenNames ?? '';
    const folded = family
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .slice(0, 5);
    if (folded.length >= 3) {
      const found = svc.listCases({ search: folded, page: { offset: 0, limit: 200 } });
      expect(found.rows.map((r) => r.id)).toContain(view.id);
    }
    expect(svc.listCases({ search: 'konsultacij' }).total).toBeGreaterThan(0);
  });

  it('continues numbering in a second batch, so it adds other people', () => {
    const before = new CaseService(team.sup).listCases({ page: { offset: 0, limit: 1 } }).total ?? 0;
    const r = generateDemoCases(team.sup, { cases: 5, seed: 'test', today: TODAY });
    expect(r.totalCases).toBe(before + 5);
  });

  it('refuses a case count outside 1..200000, and a user who is not a supervisor', () => {
    for (const cases of [0, -1, 1.5, MAX_DEMO_CASES + 1]) {
      expect(() => generateDemoCases(team.sup, { cases })).toThrow(
        expect.objectContaining({ code: ErrorCode.InvalidInput }),
      );
    }
    const worker = team.workers[0];
    if (!worker) throw new Error('no worker');
    expect(() => generateDemoCases(team.v.as(worker), { cases: 1 })).toThrow(
      expect.objectContaining({ code: ErrorCode.Forbidden }),
    );
  });
});

describe('the same seed gives the same cases', () => {
  it('in two fresh vaults', async () => {
    const runs: unknown[][] = [];
    for (let i = 0; i < 2; i++) {
      const t = await demoTeam();
      try {
        generateDemoCases(t.sup, { cases: 25, seed: 'repeat', today: TODAY, chunkSize: i === 0 ? 25 : 7 });
        runs.push(comparable(t.sup));
      } finally {
        t.v.close();
      }
    }
    expect(runs[0]?.length).toBe(25);
    expect(runs[1]).toEqual(runs[0]);
  });
});

describe('never into a vault with real cases', () => {
  it('refuses a vault that was not made as a demo vault, and writes nothing', async () => {
    const t = await demoTeam(false);
    try {
      const auditBefore = t.v.auditActions().length;
      expect(() => generateDemoCases(t.sup, { cases: 3 })).toThrow(NotDemoVault);
      try {
        generateDemoCases(t.sup, { cases: 3 });
      } catch (e) {
        expect(e).toMatchObject({ reason: 'unmarked', code: ErrorCode.NotDemoVault });
      }
      expect(t.v.admin.db.prepare('SELECT count(*) AS n FROM cases').get()).toEqual({ n: 0 });
      expect(t.v.auditActions().length).toBe(auditBefore);
    } finally {
      t.v.close();
    }
  });

  it('refuses a demo-marked vault once it holds a case entered by hand, and writes nothing', async () => {
    const t = await demoTeam();
    try {
      generateDemoCases(t.sup, { cases: 2, today: TODAY });
      new CaseService(t.sup).createCase({ openedOn: '2026-01-05', identity: { givenNames: 'Ona' } });
      const count = (): unknown => t.v.admin.db.prepare('SELECT count(*) AS n FROM cases').get();
      expect(count()).toEqual({ n: 3 });
      let error: unknown;
      try {
        generateDemoCases(t.sup, { cases: 3 });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(NotDemoVault);
      expect(error).toMatchObject({ reason: 'real_cases' });
      expect(count()).toEqual({ n: 3 });
      expect(() => assertDemoVault(t.sup.db)).toThrow(NotDemoVault);
    } finally {
      t.v.close();
    }
  });

  it('stops before the next batch when a real case appears during a run', async () => {
    const t = await demoTeam();
    try {
      let sneaked = false;
      expect(() =>
        generateDemoCases(t.sup, {
          cases: 6,
          today: TODAY,
          chunkSize: 2,
          onProgress: () => {
            if (sneaked) return;
            sneaked = true;
            new CaseService(t.sup).createCase({ openedOn: '2026-01-05' }, { source: 'manual' });
          },
        }),
      ).toThrow(NotDemoVault);
      const sources = t.v.admin.db
        .prepare('SELECT source, count(*) AS n FROM cases GROUP BY source ORDER BY source')
        .all();
      expect(sources).toEqual([
        { source: 'demo', n: 2 },
        { source: 'manual', n: 1 },
      ]);
    } finally {
      t.v.close();
    }
  });
});

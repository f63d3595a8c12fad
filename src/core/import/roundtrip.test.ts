import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  EXPLOITATION_FORMS,
  GENDERS,
  labelOf,
  RECRUITER_RELATIONSHIPS,
  REFERRAL_SOURCES,
  SEXES,
  TRAFFICKING_TYPES,
  VICTIM_STATUSES,
  type CodeEntry,
} from '../../shared/cases/codes';
import type { SectionData } from '../../shared/cases/schemas';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { planCase } from '../demo/plan';
import { tempDir } from '../testing/fixtures';
import type { SessionUser } from '../vault/vault';
import { readSpreadsheet } from './read';
import { ImportService } from './service';
import { suggestMapping } from './suggest';
import { writeTemp } from './testkit';

/**
 * The round trip: 5,000 realistic rows (the demo generator's people, in Lithuanian
 * headers and labels) written as XLSX by a spreadsheet library, mapped by the suggestions
 * alone, dry-run, imported, and compared field by field with what was written.
 */
const N = 5_000;
const WORKERS = ['Rūta Žilinskienė', 'Tomas Čepulis', 'Eglė Šimkutė'];

type Cell = string | number | boolean | string[] | undefined;
interface Column {
  header: string;
  section: 'new' | 'identity' | 'status' | 'experience' | 'owner';
  key: string;
  codes?: readonly CodeEntry[];
}

const COLUMNS: Column[] = [
  { header: 'Atidarymo data', section: 'new', key: 'openedOn' },
  { header: 'Vardas', section: 'identity', key: 'givenNames' },
  { header: 'Pavardė', section: 'identity', key: 'familyNames' },
  { header: 'Slapyvardžiai', section: 'identity', key: 'aliases' },
  { header: 'Gimimo data', section: 'identity', key: 'dateOfBirth' },
  { header: 'Amžius', section: 'identity', key: 'estimatedAge' },
  { header: 'Lytis', section: 'identity', key: 'sex', codes: SEXES },
  { header: 'Lytinė tapatybė', section: 'identity', key: 'gender', codes: GENDERS },
  { header: 'Pilietybė', section: 'identity', key: 'citizenships', codes: COUNTRIES },
  { header: 'Kalbos', section: 'identity', key: 'languages' },
  { header: 'Reikia vertėjo', section: 'identity', key: 'interpreterNeeded' },
  { header: 'Telefonas', section: 'identity', key: 'phone' },
  { header: 'Statusas', section: 'status', key: 'victimStatus', codes: VICTIM_STATUSES },
  { header: 'Kas nustatė', section: 'status', key: 'firstIdentifier', codes: REFERRAL_SOURCES },
  { header: 'Pirmo kontakto data', section: 'status', key: 'firstContactOn' },
  { header: 'Statuso data', section: 'status', key: 'decidedOn' },
  { header: 'Išnaudojimo formos', section: 'experience', key: 'exploitationForms', codes: EXPLOITATION_FORMS },
  { header: 'Prekybos tipas', section: 'experience', key: 'traffickingType', codes: TRAFFICKING_TYPES },
  {
    header: 'Ryšys su verbuotoju',
    section: 'experience',
    key: 'recruiterRelationship',
    codes: RECRUITER_RELATIONSHIPS,
  },
  { header: 'Išnaudojimo pradžia', section: 'experience', key: 'exploitationFrom' },
  { header: 'Išnaudojimo pabaiga', section: 'experience', key: 'exploitationTo' },
  { header: 'Darbuotojas', section: 'owner', key: 'owner' },
];

type Source = Record<string, Record<string, Cell>>;

function sourceRecords(): Source[] {
  return Array.from({ length: N }, (_, i) => {
    const plan = planCase('import-roundtrip', i, {
      today: '2026-06-30',
      workers: WORKERS.length,
      position: i,
      total: N,
    });
    const experience = plan.ops.find((o) => o.op.kind === 'section' && o.op.section === 'experience')?.op as
      { data: SectionData<'experience'> } | undefined;
    return {
      new: { openedOn: plan.newCase.openedOn },
      identity: { ...(plan.newCase.identity ?? {}) } as Record<string, Cell>,
      status: { ...(plan.newCase.status ?? {}) } as Record<string, Cell>,
      experience: { ...(experience?.data ?? {}) } as Record<string, Cell>,
      owner: { owner: plan.owner >= 0 ? WORKERS[plan.owner % WORKERS.length] : undefined },
    };
  });
}

/** How a person would type the value: labels in Lithuanian, lists with "; ", yes/no as taip/ne. */
function typed(c: Column, value: Cell): string {
  if (value === undefined || value === null) return '';
  const label = (code: string): string => (c.codes ? labelOf(c.codes, code, 'lt') : code);
  if (Array.isArray(value)) return value.map(label).join('; ');
  if (typeof value === 'boolean') return value ? 'taip' : 'ne';
  return label(String(value));
}

let v: CaseVault;
let boss: SessionUser;
let sources: Source[];
let path: string;
let cleanup: () => void;

beforeAll(async () => {
  v = await openCaseVault();
  boss = v.addUser('Demo koordinatorė', ['supervisor']);
  for (const w of WORKERS) v.addUser(w, ['caseworker']);
  sources = sourceRecords();
  const header: Row = COLUMNS.map((c) => ({ value: c.header, fontWeight: 'bold' as const }));
  const rows: Row[] = sources.map((s) =>
    COLUMNS.map((c) => {
      const value = s[c.section]?.[c.key];
      // The opening date as a real date cell, as spreadsheet programs store dates.
      if (c.key === 'openedOn')
        return { type: Date, value: new Date(`${String(value)}T00:00:00Z`), format: 'yyyy-mm-dd' };
      const text = typed(c, value);
      return text === '' ? null : { type: String, value: text };
    }),
  );
  const buf = await writeXlsxFile([header, ...rows]).toBuffer();
  const t = tempDir('sauga-roundtrip-');
  cleanup = t.cleanup;
  path = writeTemp(t.dir, 'senosios bylos.xlsx', new Uint8Array(buf));
});
afterAll(() => {
  v.close();
  cleanup();
});

describe('round trip of 5,000 generated rows', () => {
  it('suggests every column, dry-runs clean, imports the same cases, and undoes them', () => {
    const t0 = performance.now();
    const source = readSpreadsheet(path);
    const read = performance.now();
    const { profile } = suggestMapping(source.table, 'Demo');
    expect(profile.columns.map((c) => c.header)).toEqual(COLUMNS.map((c) => c.header));
    const imp = new ImportService(v.as(boss));
    const dry = imp.dryRun(source.table, profile);
    const dried = performance.now();
    expect(dry.rows).toBe(N);
    expect(dry.problems.filter((p) => p.problem !== 'duplicateInFile')).toEqual([]);
    expect(dry.blocked).toBe(0);

    const result = imp.importTable(source, profile);
    const imported = performance.now();
    expect(result.cases).toBe(N);
    console.info(
      `import round trip, ${N} rows: read ${Math.round(read - t0)} ms, dry run ${Math.round(dried - read)} ms, import ${Math.round(imported - dried)} ms`,
    );

    const db = v.admin.db;
    const ns = (
      db
        .prepare('SELECT case_n AS n FROM import_batch_cases WHERE batch_id = ? ORDER BY case_n')
        .all(result.batchId) as { n: number }[]
    ).map((r) => r.n);
    expect(ns).toHaveLength(N);
    const sectionOf = db.prepare('SELECT data FROM case_sections WHERE case_n = ? AND section = ?');
    const caseRow = db.prepare(
      'SELECT c.opened_at AS openedOn, c.source, u.name AS owner FROM cases c JOIN users u ON u.id = c.owner_id WHERE c.n = ?',
    );
    let compared = 0;
    ns.forEach((n, i) => {
      const s = sources[i] as Source;
      const got: Source = {
        new: {},
        identity: JSON.parse((sectionOf.get(n, 'identity') as { data: string }).data) as Record<string, Cell>,
        status: JSON.parse((sectionOf.get(n, 'status') as { data: string }).data) as Record<string, Cell>,
        experience: JSON.parse(
          (sectionOf.get(n, 'experience') as { data: string } | undefined)?.data ?? '{}',
        ) as Record<string, Cell>,
        owner: {},
      };
      const c = caseRow.get(n) as { openedOn: string; source: string; owner: string };
      expect(c.source).toBe('import');
      got.new = { openedOn: c.openedOn };
      got.owner = { owner: c.owner };
      for (const col of COLUMNS) {
        const want = s[col.section]?.[col.key];
        if (col.section === 'owner' && want === undefined) continue;
        expect(got[col.section]?.[col.key], `row ${i + 2} ${col.header}`).toEqual(want);
        compared++;
      }
    });
    expect(compared).toBeGreaterThan(N * 10);

    // Search and the case list see the imported cases.
    const svc = new CaseService(v.as(boss));
    expect(svc.listCases({ filter: { importBatch: result.batchId }, withTotal: true }).total).toBe(N);
    const someone = sources.find((s) => typeof s.identity?.familyNames === 'string')?.identity?.familyNames as string;
    expect(svc.listCases({ search: someone }).rows.length).toBeGreaterThan(0);

    const u0 = performance.now();
    expect(imp.undo(result.batchId).cases).toBe(N);
    console.info(`import undo, ${N} cases: ${Math.round(performance.now() - u0)} ms`);
    expect((db.prepare('SELECT count(*) AS k FROM cases').get() as { k: number }).k).toBe(0);
    expect(v.auditIntact()).toBe(true);
  }, 600_000);
});

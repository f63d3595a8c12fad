import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IMPORT_CODE_LISTS } from '../../shared/import/codes';
import type { ImportField, MappingProfileInput } from '../../shared/import/schemas';
import { ErrorCode } from '../../shared/errors';
import { CaseService } from '../cases/service';
import { openCaseVault, type CaseVault } from '../cases/testkit';
import { AppError } from '../errors';
import { StatsService } from '../stats/service';
import { tempDir } from '../testing/fixtures';
import type { SessionUser, VaultSession } from '../vault/vault';
import { reportCsv } from './convert';
import { FIELDS } from './fields';
import { readSpreadsheet, type SourceFile } from './read';
import { ImportService } from './service';
import { suggestMapping } from './suggest';
import { patchDeclaredSize, sheetXml, writeTemp, xlsxBytes } from './testkit';

let v: CaseVault;
let boss: SessionUser;
let worker: SessionUser;
let bossS: VaultSession;
let dir: string;
let cleanup: () => void;

beforeEach(async () => {
  v = await openCaseVault();
  boss = v.addUser('Rūta Vadovė', ['supervisor']);
  worker = v.addUser('Jonas Darbuotojas', ['caseworker']);
  bossS = v.as(boss);
  ({ dir, cleanup } = tempDir('sauga-import-'));
});
afterEach(() => {
  v.close();
  cleanup();
});

const HEADERS = [
  'Atidarymo data',
  'Vardas',
  'Pavardė',
  'Gimimo data',
  'Lytis',
  'Pilietybė',
  'Išnaudojimo forma',
  'Darbuotojas',
  'Pastabos',
];

function csv(rows: string[][]): SourceFile {
  const cell = (c: string): string => (/[;"]/u.test(c) ? `"${c.replace(/"/gu, '""')}"` : c);
  const path = writeTemp(dir, 'bylos.csv', [HEADERS, ...rows].map((r) => r.map(cell).join(';')).join('\n'));
  return readSpreadsheet(path);
}

const profile = (extra: Partial<MappingProfileInput> = {}): MappingProfileInput => ({
  format: 'sauga-import-mapping',
  version: 1,
  name: 'Senoji lentelė',
  columns: [
    { header: 'Atidarymo data', field: 'openedOn' },
    { header: 'Vardas', field: 'givenNames' },
    { header: 'Pavardė', field: 'familyNames' },
    { header: 'Gimimo data', field: 'dateOfBirth' },
    { header: 'Lytis', field: 'sex' },
    { header: 'Pilietybė', field: 'citizenships' },
    { header: 'Išnaudojimo forma', field: 'exploitationForms' },
    { header: 'Darbuotojas', field: 'owner' },
    { header: 'Pastabos', field: 'note' },
  ],
  ...extra,
});

const ROWS = [
  [
    '2024-03-01',
    'Ona',
    'Kazlauskaitė',
    '1990-05-17',
    'moteris',
    'Lietuva',
    'Seksualinis išnaudojimas',
    'Jonas Darbuotojas',
    'Atvyko per policiją',
  ],
  [
    '2024.03.02',
    'Petras',
    'Jonaitis',
    '1985',
    'Vyras',
    'UA; PL',
    'Priverstinis darbas ar paslaugos',
    '',
    '=HYPERLINK("x")',
  ],
  ['05.03.2024', 'Žėrūnė', 'Šalčiūtė', '~2001', 'F', 'lv', 'BEGGING', 'jonas darbuotojas', ''],
];

const count = (): number => (v.admin.db.prepare('SELECT count(*) AS k FROM cases').get() as { k: number }).k;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  throw new Error('did not throw');
}

describe('code lists', () => {
  it('core matches values against the same lists the screen offers', () => {
    for (const [field, list] of Object.entries(IMPORT_CODE_LISTS))
      expect(FIELDS[field as ImportField].codes, field).toBe(list);
    const withCodes = (Object.keys(FIELDS) as ImportField[]).filter((f) => FIELDS[f].codes);
    expect(withCodes.sort()).toEqual(Object.keys(IMPORT_CODE_LISTS).sort());
  });
});

describe('suggestions', () => {
  it('maps Lithuanian and English headers to fields and values to codes', () => {
    const { profile: p, values } = suggestMapping(csv(ROWS).table, 'x');
    expect(p.columns).toEqual([
      { header: 'Atidarymo data', field: 'openedOn' },
      { header: 'Vardas', field: 'givenNames' },
      { header: 'Pavardė', field: 'familyNames' },
      { header: 'Gimimo data', field: 'dateOfBirth' },
      { header: 'Lytis', field: 'sex' },
      { header: 'Pilietybė', field: 'citizenships' },
      { header: 'Išnaudojimo forma', field: 'exploitationForms' },
      { header: 'Darbuotojas', field: 'owner' },
      { header: 'Pastabos', field: 'note' },
    ]);
    const sex = Object.fromEntries(values.filter((x) => x.field === 'sex').map((x) => [x.value, x.code]));
    expect(sex).toEqual({ moteris: 'F', Vyras: 'M', F: 'F' });
    const en = suggestMapping(
      { kind: 'csv', headers: ['Date opened', 'First name', 'Surname', 'Sex', 'Nationality'], rows: [] },
      'en',
    );
    expect(en.profile.columns.map((c) => c.field)).toEqual([
      'openedOn',
      'givenNames',
      'familyNames',
      'sex',
      'citizenships',
    ]);
  });
});

describe('dry run and import', () => {
  it('a dry run lists each problem by row, column and value, and writes no case', () => {
    const src = csv([
      ...ROWS,
      ['2024-13-01', 'Rasa', 'Bad', 'vakar', 'nežinau', 'Lietuva', 'Kosmosas', 'Nėra tokio', ''],
      ['', 'Be', 'Datos', '', '', '', '', '', ''],
    ]);
    const r = new ImportService(bossS).dryRun(src.table, profile());
    expect(count()).toBe(0);
    expect(r).toMatchObject({ rows: 5, ready: 3, blocked: 2 });
    const of = (row: number) => r.problems.filter((p) => p.row === row).map((p) => [p.column, p.value, p.problem]);
    expect(of(5)).toEqual([
      ['Atidarymo data', '2024-13-01', 'dateInvalid'],
      ['Gimimo data', 'vakar', 'dateInvalid'],
      ['Lytis', 'nežinau', 'unknownValue'],
      ['Išnaudojimo forma', 'Kosmosas', 'unknownValue'],
      ['Darbuotojas', 'Nėra tokio', 'unknownOwner'],
    ]);
    expect(of(6)).toEqual([['Atidarymo data', '', 'required']]);
    const out = reportCsv(r, ['Eilutė', 'Stulpelis', 'Reikšmė', 'Problema', 'Paaiškinimas']);
    expect(out.startsWith('\uFEFFEilutė,Stulpelis,Reikšmė,Problema,Paaiškinimas\r\n')).toBe(true);
    expect(out).toContain('5,Atidarymo data,2024-13-01,dateInvalid,');
    expect(v.auditActions('import').map((a) => a.action)).toEqual(['import.dry_run']);
  });

  it('a value mapping in the profile decides over built-in matching', () => {
    const src = csv([['2024-03-01', 'Ona', 'K', '', 'M', '', '', '', '']]);
    // In many Lithuanian sheets "M" means moteris.
    const r = new ImportService(bossS).importTable(src, profile({ values: [{ field: 'sex', value: 'm', code: 'F' }] }));
    const svc = new CaseService(bossS);
    const row = svc.listCases({}).rows[0];
    expect(row?.sex).toBe('F');
    expect(r.cases).toBe(1);
  });

  it('imports every row through the case service in one batch: history, search, audit, source', () => {
    const src = csv(ROWS);
    const imp = new ImportService(bossS);
    const r = imp.importTable(src, profile());
    expect(r.cases).toBe(3);
    expect(count()).toBe(3);
    const svc = new CaseService(bossS);
    const list = svc.listCases({ filter: { importBatch: r.batchId } });
    expect(list.rows.map((x) => x.source)).toEqual(['import', 'import', 'import']);
    expect(svc.listCases({ search: 'zerune' }).rows).toHaveLength(1);
    const ona = svc.listCases({ search: 'Kazlauskaite' }).rows[0];
    const view = svc.getCase(ona?.id, { revealIdentity: true });
    expect(view.owner?.name).toBe('Jonas Darbuotojas');
    expect(view.sections.identity).toMatchObject({
      givenNames: 'Ona',
      familyNames: 'Kazlauskaitė',
      dateOfBirth: '1990-05-17',
      sex: 'F',
      citizenships: ['LT'],
    });
    expect(view.sections.experience.exploitationForms).toEqual(['SEXUAL']);
    expect(view.items.notes.map((n) => n.text)).toEqual(['Atvyko per policiją']);
    expect(svc.getHistory(ona?.id).total).toBeGreaterThan(0);
    // The caseworker sees the case assigned to them, as if entered by hand.
    expect(new CaseService(v.as(worker)).listCases({}).rows).toHaveLength(2);
    const petras = svc.getCase(svc.listCases({ search: 'Jonaitis' }).rows[0]?.id, { revealIdentity: true });
    expect(petras.sections.identity?.citizenships).toEqual(['UA', 'PL']);
    expect(petras.items.notes[0]?.text).toBe('=HYPERLINK("x")');
    expect(imp.listBatches()).toMatchObject([
      { id: r.batchId, cases: 3, fileKind: 'csv', profileName: 'Senoji lentelė' },
    ]);
    expect(imp.listBatches()[0]?.fileNameHash).toBe(src.fileNameHash);
    expect(imp.batchCaseCodes(r.batchId)).toHaveLength(3);
    const created = v.auditActions().filter((a) => a.action === 'case.created');
    expect(created.map((a) => a.detail.source)).toEqual(['import', 'import', 'import']);
    expect(v.auditActions(r.batchId).map((a) => a.action)).toEqual(['import.completed']);
    expect(v.auditIntact()).toBe(true);
  });

  it('imported cases count in the statistics return, and leave it when undone', async () => {
    const stats = new StatsService(bossS, 'test');
    const period = { kind: 'year' as const, year: 2024 };
    expect((await stats.preview({ period })).cases).toBe(0);
    // Statistics count victims: a status column this time.
    const path = writeTemp(
      dir,
      'aukos.csv',
      'Atidarymo data;Vardas;Pavardė;Statusas\n2024-02-01;Ona;K;Pripažinta prekybos žmonėmis auka\n2024-03-01;Rasa;P;tikėtina\n2024-04-01;Eva;L;IDENTIFIED\n',
    );
    const r = new ImportService(bossS).importTable(readSpreadsheet(path), {
      ...profile(),
      columns: [
        { header: 'Atidarymo data', field: 'openedOn' },
        { header: 'Vardas', field: 'givenNames' },
        { header: 'Pavardė', field: 'familyNames' },
        { header: 'Statusas', field: 'victimStatus' },
      ],
    });
    expect((await stats.preview({ period })).cases).toBe(3);
    new ImportService(bossS).undo(r.batchId);
    expect((await stats.preview({ period })).cases).toBe(0);
  });

  it('refuses the whole file when any row is blocked: nothing half-imported', () => {
    const src = csv([...ROWS, ['2024-02-30', 'X', 'Y', '', '', '', '', '', '']]);
    expect(codeOf(() => new ImportService(bossS).importTable(src, profile()))).toBe(ErrorCode.ImportRowsInvalid);
    expect(count()).toBe(0);
    expect(v.auditActions('import').map((a) => a.action)).toContain('import.refused');
  });

  it('rolls everything back when a write fails midway', () => {
    const src = csv(ROWS);
    const imp = new ImportService(bossS);
    const db = v.admin.db;
    // A trigger makes the third case's insert fail, after two cases were written.
    db.exec(`CREATE TEMP TRIGGER fail_third BEFORE INSERT ON cases WHEN (SELECT count(*) FROM cases) >= 2
             BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    expect(() => imp.importTable(src, profile())).toThrow();
    db.exec('DROP TRIGGER fail_third');
    expect(count()).toBe(0);
    expect((db.prepare('SELECT count(*) AS k FROM import_batches').get() as { k: number }).k).toBe(0);
    expect(v.auditIntact()).toBe(true);
  });

  it('only supervisors import, undo and keep profiles', () => {
    const src = csv(ROWS);
    for (const s of [v.as(worker), v.admin]) {
      const imp = new ImportService(s);
      expect(codeOf(() => imp.dryRun(src.table, profile()))).toBe(ErrorCode.Forbidden);
      expect(codeOf(() => imp.importTable(src, profile()))).toBe(ErrorCode.Forbidden);
      expect(codeOf(() => imp.saveProfile(profile()))).toBe(ErrorCode.Forbidden);
    }
    expect(count()).toBe(0);
    expect(v.auditActions('import').filter((a) => a.action === 'import.access_denied')).toHaveLength(6);
  });

  it('refuses a mapping that names unknown columns, maps a field twice or leaves out the opening date', () => {
    const src = csv(ROWS);
    const imp = new ImportService(bossS);
    const bad = [
      profile({ columns: [{ header: 'Nėra', field: 'openedOn' }] }),
      profile({ columns: [{ header: 'Vardas', field: 'givenNames' }] }),
      profile({
        columns: [
          { header: 'Atidarymo data', field: 'openedOn' },
          { header: 'Vardas', field: 'openedOn' },
        ],
      }),
      profile({ values: [{ field: 'sex', value: 'x', code: 'Q' }] }),
      { ...profile(), format: 'other' },
      { ...profile(), columns: [{ header: 'Atidarymo data', field: 'openedOn', extra: 1 }] },
    ];
    for (const p of bad) expect(codeOf(() => imp.dryRun(src.table, p))).toBe(ErrorCode.ImportMappingInvalid);
  });
});

describe('hostile files end to end: a clear error and no case written', () => {
  it.each([
    [
      'zip bomb (declared size)',
      () =>
        writeTemp(dir, 'b.xlsx', patchDeclaredSize(xlsxBytes(sheetXml([['a']])), 'xl/worksheets/sheet1.xml', 2 ** 31)),
      ErrorCode.ImportTooLarge,
    ],
    [
      'zip bomb (lying size)',
      () =>
        writeTemp(
          dir,
          'l.xlsx',
          patchDeclaredSize(xlsxBytes(new Uint8Array(8 * 1024 * 1024)), 'xl/worksheets/sheet1.xml', 1000),
        ),
      ErrorCode.ImportArchiveRefused,
    ],
    ['not a zip', () => writeTemp(dir, 'n.xlsx', 'PK but not really'), ErrorCode.ImportFileInvalid],
    [
      'truncated zip',
      () => writeTemp(dir, 't.xlsx', xlsxBytes(sheetXml([['a'], ['b']])).subarray(0, 200)),
      ErrorCode.ImportFileInvalid,
    ],
    [
      'broken encoding',
      () => writeTemp(dir, 'e.csv', new Uint8Array([0x61, 0x3b, 0x81, 0x0a, 0x00, 0x01])),
      ErrorCode.ImportEncodingInvalid,
    ],
  ])('%s', (_name, make, code) => {
    const path = make();
    const imp = new ImportService(bossS);
    expect(
      codeOf(() => {
        const src = readSpreadsheet(path);
        imp.importTable(src, profile());
      }),
    ).toBe(code);
    expect(count()).toBe(0);
  });

  it('formula cells: the cached value is imported as text, with a warning', () => {
    const path = writeTemp(
      dir,
      'f.xlsx',
      xlsxBytes(
        sheetXml([
          ['Atidarymo data', 'Vardas'],
          ['2024-01-05', { f: 'CONCAT("O","na")', v: 'Ona' }],
        ]),
      ),
    );
    const src = readSpreadsheet(path);
    const p = profile({
      columns: [
        { header: 'Atidarymo data', field: 'openedOn' },
        { header: 'Vardas', field: 'givenNames' },
      ],
    });
    const imp = new ImportService(bossS);
    const dry = imp.dryRun(src.table, p);
    expect(dry.problems).toEqual([{ row: 2, column: 'Vardas', value: 'Ona', problem: 'formula', detail: null }]);
    expect(dry.blocked).toBe(0);
    imp.importTable(src, p);
    const svc = new CaseService(bossS);
    expect(svc.getCase(svc.listCases({}).rows[0]?.id, { revealIdentity: true }).sections.identity?.givenNames).toBe(
      'Ona',
    );
  });

  it('100,000 rows: a dry run in bounded time, and one row more is refused before any write', () => {
    const line = ['2024-01-02', 'Ona', 'Petraitienė', '', 'moteris', 'LT', '', '', ''];
    const path = writeTemp(
      dir,
      'daug.csv',
      [HEADERS, ...Array.from({ length: 100_000 }, () => line)].map((r) => r.join(';')).join('\n'),
    );
    const t0 = performance.now();
    const r = new ImportService(bossS).dryRun(readSpreadsheet(path).table, profile());
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ rows: 100_000, blocked: 0 });
    // Same name and no birth year: not a duplicate by the case-file rule, so no warnings.
    expect(r.warnings).toBe(0);
    expect(ms).toBeLessThan(60_000);
    const over = writeTemp(
      dir,
      'per-daug.csv',
      [HEADERS, ...Array.from({ length: 100_001 }, () => line)].map((x) => x.join(';')).join('\n'),
    );
    expect(codeOf(() => readSpreadsheet(over))).toBe(ErrorCode.ImportLimitExceeded);
    expect(count()).toBe(0);
  });
});

describe('duplicates', () => {
  it('warns about a person already in the vault and twice in the file, naming case codes to supervisors', () => {
    const svc = new CaseService(bossS);
    const existing = svc.createCase({
      openedOn: '2023-01-01',
      identity: { givenNames: 'Ona', familyNames: 'Kazlauskaitė', dateOfBirth: '1990-05-17' },
    });
    const src = csv([
      ROWS[0] as string[],
      ['2024-04-01', 'ONA', 'KAZLAUSKAITE', '1990', 'F', '', '', '', ''],
      ROWS[1] as string[],
    ]);
    const r = new ImportService(bossS).dryRun(src.table, profile());
    expect(r.blocked).toBe(0);
    expect(r.problems.map((p) => [p.row, p.problem, p.detail])).toEqual([
      [2, 'duplicateExisting', existing.code],
      [3, 'duplicateInFile', '2'],
      [3, 'duplicateExisting', existing.code],
    ]);
    expect(r.warnings).toBe(3);
    // Duplicates are warnings: the import goes on and the case service's own warning still applies.
    expect(new ImportService(bossS).importTable(src, profile()).warnings).toBe(3);
  });
});

describe('undo', () => {
  it('removes the whole batch while nothing changed, for good, and is audited', () => {
    const manual = new CaseService(bossS).createCase({ openedOn: '2023-01-01' });
    const imp = new ImportService(bossS);
    const r = imp.importTable(csv(ROWS), profile());
    expect(count()).toBe(4);
    const u = imp.undo(r.batchId);
    expect(u.cases).toBe(3);
    expect(count()).toBe(1);
    expect(new CaseService(bossS).listCases({}).rows.map((x) => x.code)).toEqual([manual.code]);
    const db = v.admin.db;
    for (const t of ['case_sections', 'case_changes', 'case_notes', 'case_assignments', 'import_batch_cases'])
      expect((db.prepare(`SELECT count(*) AS k FROM ${t} WHERE case_n != 1`).get() as { k: number }).k, t).toBe(0);
    expect(new CaseService(bossS).listCases({ search: 'zerune' }).rows).toHaveLength(0);
    expect(imp.listBatches()[0]?.undoneBy).toBe('Rūta Vadovė');
    expect(v.auditActions(r.batchId).map((a) => a.action)).toEqual(['import.completed', 'import.undone']);
    expect(codeOf(() => imp.undo(r.batchId))).toBe(ErrorCode.ImportUndoRefused);
    expect(v.auditIntact()).toBe(true);
  });

  it('is refused as a whole once any case of the batch was changed', () => {
    const imp = new ImportService(bossS);
    const r = imp.importTable(csv(ROWS), profile());
    const svc = new CaseService(bossS);
    const one = svc.listCases({ search: 'Jonaitis' }).rows[0];
    svc.addItem(one?.id, 'notes', { date: '2024-05-01', text: 'Susitikimas' });
    expect(codeOf(() => imp.undo(r.batchId))).toBe(ErrorCode.ImportUndoRefused);
    expect(count()).toBe(3);
    expect(v.auditActions(r.batchId).map((a) => a.action)).toEqual(['import.completed', 'import.undo_refused']);
  });
});

describe('mapping profiles in the vault', () => {
  it('are saved by name, replaced, listed and deleted', () => {
    const imp = new ImportService(bossS);
    imp.saveProfile(profile());
    imp.saveProfile(profile({ listSeparator: ',' }));
    imp.saveProfile(profile({ name: 'Kitas' }));
    expect(imp.listProfiles().map((p) => [p.name, p.listSeparator])).toEqual([
      ['Kitas', ';'],
      ['Senoji lentelė', ','],
    ]);
    expect(imp.getProfile('Senoji lentelė').columns).toHaveLength(9);
    imp.deleteProfile('Kitas');
    expect(codeOf(() => imp.getProfile('Kitas'))).toBe(ErrorCode.NotFound);
    expect(codeOf(() => imp.saveProfile({ ...profile(), columns: [] }))).toBe(ErrorCode.ImportMappingInvalid);
  });
});

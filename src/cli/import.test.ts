import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../shared/errors';
import { unlockVault } from '../core/vault/vault';
import { run } from './index';
import { captureIo, cliTestVault } from './testing';

const BOSS = { name: 'Vida Vadovė', passphrase: 'another correct horse battery' };
let dir: string;
let cleanup: () => void;
let vault: string;
let as: (file: string) => string[];

beforeAll(async () => {
  ({ dir, vault, cleanup, as } = await cliTestVault('sauga-cli-import-', [
    { file: 'boss', ...BOSS, roles: ['supervisor'] },
  ]));
  writeFileSync(
    join(dir, 'bylos.csv'),
    [
      'Atidarymo data;Vardas;Pavardė;Lytis;Pilietybė;Spalva',
      '2024-01-10;Ona;Kazlauskaitė;moteris;Lietuva;žalia',
      '2024-01-11;Petras;Jonaitis;vyras;Lenkija;mėlyna',
      '2024-01-12;Asta;Petrauskienė;ponia;LT;raudona',
    ].join('\r\n'),
  );
}, 60_000);
afterAll(() => cleanup());

const cases = async (): Promise<number> => {
  const s = await unlockVault(vault, BOSS.name, BOSS.passphrase);
  try {
    return (s.db.prepare('SELECT count(*) AS k FROM cases').get() as { k: number }).k;
  } finally {
    s.lock();
  }
};

describe('sauga import', () => {
  it('suggest, dry run with a report, fix the mapping, import, list batches, undo', async () => {
    const file = join(dir, 'bylos.csv');
    const profile = join(dir, 'susiejimas.json');
    let io = captureIo({ lang: 'lt_LT.UTF-8' });
    expect(await run(['import', 'suggest', file, '--out', profile, '--name', 'Senoji'], io)).toBe(0);
    expect(io.out).toContain('susieta stulpelių 5 iš 6');
    expect(io.out).toContain('Nesusieti stulpeliai (neimportuojami): Spalva');
    expect(io.out).toContain('"ponia" × 1');
    const written = JSON.parse(readFileSync(profile, 'utf8')) as { columns: { field: string }[] };
    expect(written.columns.map((c) => c.field)).toEqual([
      'openedOn',
      'givenNames',
      'familyNames',
      'sex',
      'citizenships',
    ]);
    // The output is never overwritten.
    io = captureIo();
    expect(await run(['import', 'suggest', file, '--out', profile, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ ok: false, error: { code: ErrorCode.OutputExists } });

    const report = join(dir, 'ataskaita.csv');
    io = captureIo({ lang: 'lt_LT.UTF-8' });
    expect(await run(['import', ...as('boss'), file, '--mapping', profile, '--dry-run', '--report', report], io)).toBe(
      1,
    );
    expect(io.err).toContain('su klaidomis: 1');
    const csv = readFileSync(report, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFEilutė,Stulpelis,Reikšmė,Problema,Paaiškinimas');
    expect(csv).toContain('4,Lytis,ponia,unknownValue,Reikšmė nesusieta su klasifikatoriumi');
    expect(await cases()).toBe(0);

    // The import itself is refused as a whole while a row fails.
    io = captureIo();
    expect(await run(['import', ...as('boss'), file, '--mapping', profile, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ ok: false, error: { code: ErrorCode.ImportRowsInvalid } });
    expect(await cases()).toBe(0);

    const fixed = {
      ...JSON.parse(readFileSync(profile, 'utf8')),
      values: [{ field: 'sex', value: 'ponia', code: 'F' }],
    };
    writeFileSync(profile, JSON.stringify(fixed));
    io = captureIo();
    expect(await run(['import', ...as('boss'), file, '--mapping', profile, '--dry-run', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ ok: true, report: { rows: 3, ready: 3, blocked: 0 } });
    expect(await cases()).toBe(0);

    io = captureIo();
    expect(await run(['import', ...as('boss'), file, '--mapping', profile, '--json'], io)).toBe(0);
    const imported = JSON.parse(io.out) as { import: { batchId: string; cases: number } };
    expect(imported.import.cases).toBe(3);
    expect(await cases()).toBe(3);

    io = captureIo();
    expect(await run(['import', 'batches', ...as('boss')], io)).toBe(0);
    expect(io.out).toContain(imported.import.batchId);
    expect(io.out).not.toContain('bylos.csv');

    io = captureIo();
    expect(await run(['cases', 'list', ...as('boss'), '--search', 'Kazlauskaite', '--json'], io)).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({ rows: [{ source: 'import' }] });

    io = captureIo();
    expect(await run(['import', 'undo', ...as('boss'), '--batch', imported.import.batchId], io)).toBe(0);
    expect(io.out).toContain('3');
    expect(await cases()).toBe(0);
    io = captureIo();
    expect(await run(['import', 'undo', ...as('boss'), '--batch', imported.import.batchId, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: ErrorCode.ImportUndoRefused } });
  });

  it('refuses an administrator, a bad mapping file and a hostile file with clear codes', async () => {
    const file = join(dir, 'bylos.csv');
    const profile = join(dir, 'p.json');
    writeFileSync(
      profile,
      JSON.stringify({
        format: 'sauga-import-mapping',
        version: 1,
        name: 'p',
        columns: [{ header: 'Atidarymo data', field: 'openedOn' }],
      }),
    );
    let io = captureIo();
    expect(await run(['import', ...as('admin'), file, '--mapping', profile, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: ErrorCode.Forbidden } });

    writeFileSync(join(dir, 'bad.json'), '{"format": "sauga-import-mapping", "version": 1, ');
    io = captureIo();
    expect(await run(['import', ...as('boss'), file, '--mapping', join(dir, 'bad.json'), '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: ErrorCode.ImportMappingInvalid } });

    writeFileSync(join(dir, 'fake.xlsx'), 'not a spreadsheet at all');
    io = captureIo();
    expect(await run(['import', ...as('boss'), join(dir, 'fake.xlsx'), '--mapping', profile, '--json'], io)).toBe(2);
    expect(JSON.parse(io.out)).toMatchObject({ error: { code: ErrorCode.ImportFileInvalid } });
    expect(await cases()).toBe(0);

    io = captureIo();
    expect(await run(['import', ...as('boss'), '--mapping', profile], io)).toBe(2);
  });
});

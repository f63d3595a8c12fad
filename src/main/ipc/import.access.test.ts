import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/errors';
import { channels, type Channel } from '../../shared/ipc/contract';
import type { DryRunReport, ImportResult, MappingProfile } from '../../shared/import/schemas';
import { openIpcHarness, type Answer, type IpcHarness } from './testkit';

/**
 * Importing through the real handler table: only supervisors reach any import channel, the
 * file comes only from the open dialog, its rows stay in main, and a closed dialog does nothing.
 */
const USERS = {
  ona: { userName: 'Ona', roles: ['caseworker'] as const, passphrase: 'mėlynas dangus virš ežero 2031' },
  vida: { userName: 'Vida', roles: ['supervisor'] as const, passphrase: 'žalia giria ošia tyliai 1975' },
};

let h: IpcHarness<keyof typeof USERS>;
const call = <T = unknown>(channel: Channel, input: unknown): Promise<Answer<T>> => h.call<T>(channel, input);

beforeAll(async () => {
  h = await openIpcHarness(USERS);
  writeFileSync(
    join(h.dir, 'bylos.csv'),
    'Atidarymo data;Vardas;Pavardė;Lytis\n2024-01-10;Ona;Kazlauskaitė;moteris\n2024-01-11;Rasa;Petraitytė;ponia\n',
  );
}, 120_000);
afterAll(() => h.close());

const importChannels = channels.filter((c) => c.startsWith('import.'));

describe('import channels', () => {
  it('are refused to caseworkers and to administrators', async () => {
    expect(importChannels).toHaveLength(8);
    for (const who of ['ona', 'admin'] as const) {
      await h.as(who);
      for (const ch of importChannels) {
        const input = ch === 'import.undo' ? { batchId: '0b9c4f7e-6f39-4a8e-9a0e-5b1c2d3e4f50' } : {};
        const r = await call(ch, input);
        expect(r.ok, ch).toBe(false);
        if (r.error?.code !== ErrorCode.InvalidInput) expect(r.error?.code, ch).toBe(ErrorCode.Forbidden);
      }
    }
    expect(h.dialogs.open).toEqual([]);
  });

  it('a supervisor picks, maps, dry-runs, exports the report, imports and undoes', async () => {
    await h.as('vida');
    h.dialogs.openPath = undefined;
    expect(await call('import.pick', {})).toEqual({ ok: true, value: { picked: false } });
    // Nothing picked: nothing to run.
    const none = await call('import.dryRun', {
      profile: { format: 'sauga-import-mapping', version: 1, name: 'x', columns: [] },
    });
    expect(none.ok).toBe(false);

    h.dialogs.openPath = join(h.dir, 'bylos.csv');
    const picked = await call<{ picked: true; file: { rows: number; suggestion: MappingProfile } }>('import.pick', {});
    expect(h.dialogs.open).toEqual(['spreadsheet', 'spreadsheet']);
    const file = picked.value?.file;
    expect(file?.rows).toBe(2);
    const profile = { ...(file?.suggestion as MappingProfile), name: 'Senoji' };
    expect(profile.columns.map((c) => c.field)).toEqual(['openedOn', 'givenNames', 'familyNames', 'sex']);

    const dry = await call<DryRunReport>('import.dryRun', { profile });
    expect(dry.value?.blocked).toBe(1);

    h.dialogs.savePath = join(h.dir, 'ataskaita.csv');
    expect(await call('import.exportReport', { profile, language: 'lt' })).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(readFileSync(join(h.dir, 'ataskaita.csv'), 'utf8')).toContain('3,Lytis,ponia,unknownValue');

    const refused = await call('import.run', { profile });
    expect(refused.error?.code).toBe(ErrorCode.ImportRowsInvalid);

    const fixed = { ...profile, values: [{ field: 'sex', value: 'ponia', code: 'F' }] };
    expect((await call('import.saveProfile', { profile: fixed })).ok).toBe(true);
    expect(await call('import.profiles', {})).toMatchObject({ ok: true, value: [{ name: 'Senoji' }] });
    const run = await call<ImportResult>('import.run', { profile: fixed });
    const batchId = run.value?.batchId;
    expect(run.value?.cases).toBe(2);
    const listed = await call<{ rows: { source: string }[] }>('cases.list', {
      filter: { importBatch: batchId },
    });
    expect(listed.value?.rows.map((r) => r.source)).toEqual(['import', 'import']);
    // The picked rows are gone once imported.
    expect((await call('import.run', { profile: fixed })).ok).toBe(false);

    const batches = await call<{ id: string; cases: number }[]>('import.batches', {});
    expect(batches.value?.[0]).toMatchObject({ id: batchId, cases: 2 });
    expect(await call('import.undo', { batchId })).toMatchObject({ ok: true, value: { cases: 2 } });
    const after = await call<{ rows: unknown[] }>('cases.list', {});
    expect(after.value?.rows).toEqual([]);
  });
});

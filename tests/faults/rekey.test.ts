import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/shared/errors';
import { openEncrypted } from '../../src/core/db/connection';
import { ADMIN, ORG, tempDir } from '../../src/core/testing/fixtures';
import { checkVault } from '../../src/core/vault/check';
import { parsedSlots, readSlotFile } from '../../src/core/vault/keyslots';
import { addUser, createVault, unlockVault, vaultPaths } from '../../src/core/vault/vault';
import { run } from './child';
import { LONG, rng, SEED, SUP } from './scale';

/** Kills during a user removal: the long form at least 20, the short form (npm test) a few. */
const REKEY_KILLS = LONG ? 24 : 4;
const GONE = { name: 'Petras Išeinantis', passphrase: 'Petro slaptafrazė su 4 žodžiais' };
/** About 5 MiB of rows, so the copy and the rekey take long enough to be hit. */
const ROWS = 2500;

let dir: string;
let cleanup: () => void;
let base: string;
let oldDek: Buffer;
let rowDigest: string;

const digestSql = `SELECT count(*) AS n, sum(length(value)) AS bytes, max(value) AS top FROM settings WHERE key LIKE 'fault.row.%'`;

function opensWith(vault: string, dek: Buffer): boolean {
  try {
    openEncrypted(vaultPaths(vault).db, dek, { readonly: true }).close();
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-rekey-faults-'));
  base = join(dir, 'base');
  const { session } = await createVault({
    dir: base,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  await addUser(session, { userName: SUP.name, roles: ['supervisor'], passphrase: SUP.passphrase });
  await addUser(session, { userName: GONE.name, roles: ['caseworker'], passphrase: GONE.passphrase });
  session.write({ action: 'test.rows', subject: 'vault' }, (db) => {
    const put = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < ROWS; i++) put.run(`fault.row.${i}`, randomBytes(1500).toString('base64'));
  });
  oldDek = session.withDek((d) => Buffer.from(d));
  rowDigest = JSON.stringify(session.db.prepare(digestSql).get());
  session.lock();
});

afterAll(() => cleanup());

describe(`SIGKILL during a user removal (${REKEY_KILLS} kills, seed ${SEED})`, () => {
  it(
    'a remaining user always opens the vault, nothing is lost, the removed user is out, the old key dead once done',
    async () => {
      const random = rng(SEED + 7);
      // One removal left to finish: its duration sets the window the kills aim at.
      const measured = join(dir, 'measured');
      cpSync(base, measured, { recursive: true });
      const full = run('tests/faults/remover.ts', [], {
        SAUGA_FAULT_VAULT: measured,
        SAUGA_FAULT_USER: ADMIN.name,
        SAUGA_FAULT_PASSPHRASE: ADMIN.passphrase,
        SAUGA_FAULT_REMOVE: GONE.name,
      });
      await full.exited;
      const ms = Number(/^removed (\d+)$/mu.exec(full.output())?.[1] ?? NaN);
      expect(ms, full.output() + full.stderr()).toBeGreaterThan(0);

      const seen = { beforeDisable: 0, disabledNoPending: 0, pending: 0, copied: 0, done: 0 };
      for (let k = 0; k < REKEY_KILLS; k++) {
        const vault = join(dir, `v${k}`);
        cpSync(base, vault, { recursive: true });
        const child = run('tests/faults/remover.ts', [], {
          SAUGA_FAULT_VAULT: vault,
          SAUGA_FAULT_USER: ADMIN.name,
          SAUGA_FAULT_PASSPHRASE: ADMIN.passphrase,
          SAUGA_FAULT_REMOVE: GONE.name,
        });
        expect(await child.waitFor(/^ready$/u), child.stderr()).toBe(true);
        // Spread the kills over the removal (and a little past it).
        await new Promise((r) => setTimeout(r, random() * ms * 1.3));
        child.child.kill('SIGKILL');
        await child.exited;
        const acked = /^removed /mu.test(child.output());
        expect(child.output()).not.toMatch(/^error /mu);

        const p = vaultPaths(vault);
        const pendingAtKill = existsSync(p.pending);
        const goneSlotAtKill = parsedSlots(readSlotFile(p.slots)).some((s) => s.meta.user === GONE.name);
        const newKeyInPlace = !opensWith(vault, oldDek);

        // A remaining user opens it (this also finishes an interrupted rekey).
        const s = await unlockVault(vault, SUP.name, SUP.passphrase);
        let disabled: boolean;
        try {
          const check = checkVault(s);
          expect(check.integrity, `kill ${k}`).toEqual(['ok']);
          expect(check.audit.ok, `kill ${k}`).toBe(true);
          expect(JSON.stringify(s.db.prepare(digestSql).get()), `kill ${k}`).toBe(rowDigest);
          const row = s.db.prepare('SELECT disabled_at FROM users WHERE name = ?').get(GONE.name) as {
            disabled_at: string | null;
          };
          disabled = row.disabled_at !== null;
        } finally {
          s.lock();
        }
        expect(existsSync(p.pending), `kill ${k}`).toBe(false);
        expect(existsSync(p.rekeyTmp), `kill ${k}`).toBe(false);
        if (acked) expect(disabled, `kill ${k}`).toBe(true);

        if (!disabled) {
          seen.beforeDisable++;
          // Nothing happened yet: the user may still open it, under the old key.
          expect(opensWith(vault, oldDek)).toBe(true);
        } else {
          if (acked) seen.done++;
          else if (pendingAtKill && newKeyInPlace) seen.copied++;
          else if (pendingAtKill) seen.pending++;
          else if (goneSlotAtKill) seen.disabledNoPending++;
          else seen.done++;
          // The removed user is out whatever the moment of the kill.
          await expect(unlockVault(vault, GONE.name, GONE.passphrase)).rejects.toMatchObject({
            code: expect.stringMatching(new RegExp(`^(${ErrorCode.UnknownUser}|${ErrorCode.Forbidden})$`, 'u')),
          });
          // The remaining user's unlock above finished the removal, wherever it had stopped.
          expect(parsedSlots(readSlotFile(p.slots)).some((x) => x.meta.user === GONE.name)).toBe(false);
          expect(opensWith(vault, oldDek), `kill ${k}: the old key must be dead`).toBe(false);
          await expect(unlockVault(vault, GONE.name, GONE.passphrase)).rejects.toMatchObject({
            code: ErrorCode.UnknownUser,
          });
        }
        rmSync(vault, { recursive: true, force: true });
      }
      console.info(`rekey kills: removal takes ${ms} ms on ${ROWS} rows; phases ${JSON.stringify(seen)}`);
      expect(Object.values(seen).reduce((a, b) => a + b, 0)).toBe(REKEY_KILLS);
    },
    LONG ? 1_800_000 : 300_000,
  );
});

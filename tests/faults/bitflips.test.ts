import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/shared/errors';
import { CaseService } from '../../src/core/cases/service';
import { AppError } from '../../src/core/errors';
import { ADMIN, ORG, tempDir } from '../../src/core/testing/fixtures';
import { checkVault } from '../../src/core/vault/check';
import { addUser, createVault, unlockVault, type VaultSession } from '../../src/core/vault/vault';
import { FLIPS, rng, SEED, SUP } from './scale';

let dir: string;
let cleanup: () => void;
const ids: string[] = [];
let expected: string[];

function dump(s: VaultSession): string[] {
  const svc = new CaseService(s);
  return ids.map((id) => {
    const v = svc.getCase(id, { revealIdentity: true });
    return JSON.stringify({ code: v.code, sections: v.sections, items: v.items });
  });
}

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('sauga-flips-'));
  const pristine = join(dir, 'pristine');
  const { session } = await createVault({
    dir: pristine,
    orgName: ORG,
    userName: ADMIN.name,
    passphrase: ADMIN.passphrase,
  });
  await addUser(session, { userName: SUP.name, roles: ['administrator', 'supervisor'], passphrase: SUP.passphrase });
  session.lock();
  const s = await unlockVault(pristine, SUP.name, SUP.passphrase);
  const svc = new CaseService(s);
  for (let i = 0; i < 25; i++) {
    const c = svc.createCase({
      openedOn: '2026-02-01',
      identity: { givenNames: `Asmuo${i}`, familyNames: `Pavardė${i}` },
    });
    svc.addItem(c.id, 'notes', { date: '2026-02-03', text: `Pastaba ${i}: ${'ž'.repeat(i * 40)}` });
    ids.push(c.id);
  }
  expected = dump(s);
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.lock();
});

afterAll(() => cleanup());

type Outcome = 'refusedAtOpen' | 'refusedAtRead' | 'foundByCheck' | 'unreadPage';

describe(`random bit flips in vault.db (${FLIPS} flips, seed ${SEED})`, () => {
  it(
    'are detected with VAULT_DAMAGED; wrong data is never returned',
    async () => {
      const random = rng(SEED);
      const pristine = join(dir, 'pristine');
      const size = readFileSync(join(pristine, 'vault.db')).length;
      const outcomes: Record<Outcome, number> = { refusedAtOpen: 0, refusedAtRead: 0, foundByCheck: 0, unreadPage: 0 };
      const isDamage = (e: unknown): boolean =>
        e instanceof AppError && (e.code === ErrorCode.VaultDamaged || e.code === ErrorCode.VaultReplaced);
      for (let t = 0; t < FLIPS; t++) {
        const trial = join(dir, `t${t}`);
        cpSync(pristine, trial, { recursive: true });
        const file = join(trial, 'vault.db');
        const bytes = readFileSync(file);
        // One flip in four lands in page 1, which every open reads.
        const at = random() < 0.25 ? Math.floor(random() * 4096) : Math.floor(random() * size);
        bytes[at] = (bytes[at] as number) ^ (1 << Math.floor(random() * 8));
        writeFileSync(file, bytes);
        let s: VaultSession;
        try {
          s = await unlockVault(trial, SUP.name, SUP.passphrase);
        } catch (e) {
          expect(isDamage(e), `flip at ${at}: ${String(e)}`).toBe(true);
          outcomes.refusedAtOpen++;
          rmSync(trial, { recursive: true });
          continue;
        }
        try {
          let got: string[] | undefined;
          try {
            got = dump(s);
          } catch (e) {
            expect(isDamage(e), `flip at ${at}: ${String(e)}`).toBe(true);
            outcomes.refusedAtRead++;
          }
          if (got) {
            // Whatever was returned without an error is exactly what was written.
            expect(got, `flip at ${at}`).toEqual(expected);
            let ok = false;
            try {
              ok = checkVault(s).ok;
            } catch (e) {
              expect(isDamage(e), `flip at ${at}: ${String(e)}`).toBe(true);
            }
            if (ok) outcomes.unreadPage++;
            else outcomes.foundByCheck++;
          }
        } finally {
          s.lock();
          rmSync(trial, { recursive: true });
        }
      }
      console.info(`bit flips: ${FLIPS}; ${JSON.stringify(outcomes)}; wrong data returned: 0`);
      expect(outcomes.refusedAtOpen + outcomes.refusedAtRead + outcomes.foundByCheck).toBeGreaterThan(FLIPS / 2);
    },
    FLIPS * 10_000,
  );
});

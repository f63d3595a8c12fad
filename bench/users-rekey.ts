/**
 * User removal (rekey) and slot unlock timings: `npx tsx bench/users-rekey.ts [--cases N]`.
 * Makes a demo vault with N synthetic cases (default 5,000) in a temp folder, then measures
 * unlock of a version 2 slot, of a version 1 slot (as Sauga 0.1 wrote it, including its
 * one-time upgrade), and removeUser (the copy, rekey and rename of the whole database).
 * Prints one JSON line. Timings only: never a pass/fail.
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoVault, DEMO_SUPERVISOR, generateDemoCases } from '../src/core/demo';
import { WORKER_NAMES } from '../src/core/demo/vocabulary';
import { deriveKek } from '../src/core/vault/kdf';
import { parsedSlots, readSlotFile, unwrapSlot, writeSlotFile, type Slot } from '../src/core/vault/keyslots';
import { removeUser, unlockVault, vaultPaths } from '../src/core/vault/vault';

const PASS = 'violet harbour lantern kettle 2026';
const arg = process.argv.indexOf('--cases');
const CASES = arg > 0 ? Number(process.argv[arg + 1]) : 5000;

async function v1Slot(slot: Slot, secret: Buffer, dek: Buffer): Promise<Slot> {
  const m = JSON.parse(slot.meta) as Record<string, unknown>;
  const kdf = { ...(m.kdf as object), salt: randomBytes(16).toString('base64') } as Parameters<typeof deriveKek>[1];
  const meta = JSON.stringify({
    formatVersion: 1,
    vaultId: m.vaultId,
    slotId: m.slotId,
    kind: m.kind,
    user: m.user,
    roles: m.roles,
    kdf,
    createdAt: m.createdAt,
  });
  const kek = await deriveKek(secret, kdf);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(Buffer.from(meta, 'utf8'));
  const ct = Buffer.concat([c.update(dek), c.final(), c.getAuthTag()]);
  return { meta, iv: iv.toString('base64'), wrappedKey: ct.toString('base64') };
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, Math.round(performance.now() - t)];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sauga-bench-rekey-'));
  try {
    const vault = join(dir, 'vault');
    const { session } = await createDemoVault({ dir: vault, passphrase: PASS });
    generateDemoCases(session, { cases: CASES, chunkSize: 500 });
    const dek = session.withDek((d) => Buffer.from(d));
    session.lock();

    const v2: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [s, ms] = await timed(() => unlockVault(vault, DEMO_SUPERVISOR, PASS));
      s.lock();
      v2.push(ms);
    }
    const slotV1: number[] = [];
    const slotV2: number[] = [];
    const v1Upgrade: number[] = [];
    for (let i = 0; i < 3; i++) {
      const p = vaultPaths(vault).slots;
      const file = readSlotFile(p);
      const slots: Slot[] = [];
      for (const x of parsedSlots(file))
        slots.push(x.meta.user === DEMO_SUPERVISOR ? await v1Slot(x.slot, Buffer.from(PASS), dek) : x.slot);
      writeSlotFile(p, { ...file, slots });
      const mine = (f: typeof file) => parsedSlots(f).find((x) => x.meta.user === DEMO_SUPERVISOR)!;
      const [, a] = await timed(() => unwrapSlot(mine(file), Buffer.from(PASS)));
      const [, b] = await timed(() => unwrapSlot(mine(readSlotFile(p)), Buffer.from(PASS)));
      slotV2.push(a);
      slotV1.push(b);
      // First unlock of a v1 slot: opens, then re-wraps it as v2 (a second Argon2id).
      const [s, ms] = await timed(() => unlockVault(vault, DEMO_SUPERVISOR, PASS));
      s.lock();
      v1Upgrade.push(ms);
    }
    const bytes = statSync(vaultPaths(vault).db).size;
    const s = await unlockVault(vault, DEMO_SUPERVISOR, PASS);
    const [, removeMs] = await timed(() => removeUser(s, WORKER_NAMES[0]));
    s.lock();
    const [s2, removeMs2] = await timed(async () => {
      const a = await unlockVault(vault, DEMO_SUPERVISOR, PASS);
      removeUser(a, WORKER_NAMES[1]);
      return a;
    });
    s2.lock();
    process.stdout.write(
      `${JSON.stringify({
        cases: CASES,
        databaseMiB: +(bytes / 1048576).toFixed(1),
        unlockV2Ms: v2,
        unlockV1WithUpgradeMs: v1Upgrade,
        slotOpenV1Ms: slotV1,
        slotOpenV2Ms: slotV2,
        removeUserMs: removeMs,
        unlockAndRemoveMs: removeMs2,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

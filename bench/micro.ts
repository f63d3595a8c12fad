/**
 * The first benchmark of the project: the cost of SQLCipher on a plain insert-and-scan
 * workload, and the cost of unlocking (Argon2id + open) against opening a plain database.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncrypted } from '../src/core/db/connection';
import { createVault, unlockVault } from '../src/core/vault/vault';
import { percentile, time, timeAsync } from './stats';

export interface MicroResult {
  rows: number;
  repeats: number;
  insertScan: { plainMs: number; encryptedMs: number; ratio: number };
  unlock: { plainOpenMs: number; unlockMs: number };
}

function workload(db: Database.Database, rows: number): void {
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, body TEXT)');
  const ins = db.prepare('INSERT INTO t (name, body) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) ins.run(`Vardenis ${i}`, `pastaba ${i} `.repeat(10));
  })();
  db.prepare(`SELECT count(*) FROM t WHERE name LIKE '%123%'`).get();
}

function plainDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

export async function runMicroBench(dir: string, rows: number, repeats: number): Promise<MicroResult> {
  const plain: number[] = [];
  const enc: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const p = plainDb(join(dir, `plain-${r}.db`));
    plain.push(time(() => workload(p, rows)));
    p.close();
    const e = openEncrypted(join(dir, `enc-${r}.db`), randomBytes(32), { create: true });
    enc.push(time(() => workload(e, rows)));
    e.close();
  }
  const pass = 'correct horse battery staple';
  const vaultDir = join(dir, 'unlock-vault');
  const created = await createVault({ dir: vaultDir, orgName: 'Bench', userName: 'Admin', passphrase: pass });
  created.session.lock();
  const unlocks: number[] = [];
  const opens: number[] = [];
  for (let r = 0; r < repeats; r++) {
    unlocks.push(await timeAsync(async () => (await unlockVault(vaultDir, 'Admin', pass)).lock()));
    opens.push(time(() => plainDb(join(dir, 'plain-0.db')).close()));
  }
  const med = (xs: number[]): number => Math.round(percentile(xs, 50) * 10) / 10;
  return {
    rows,
    repeats,
    insertScan: { plainMs: med(plain), encryptedMs: med(enc), ratio: Math.round((med(enc) / med(plain)) * 100) / 100 },
    unlock: { plainOpenMs: med(opens), unlockMs: med(unlocks) },
  };
}

/**
 * `npm run bench`: timings as ratios against a baseline measured in the same run, so the
 * figures mean something on any machine. Nothing here asserts; tests never time anything.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncrypted } from '../src/core/db/connection';
import { createVault, unlockVault } from '../src/core/vault/vault';

const ROWS = Number(process.env.BENCH_ROWS ?? 50_000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function workload(db: Database.Database): void {
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, body TEXT)');
  const ins = db.prepare('INSERT INTO t (name, body) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < ROWS; i++) ins.run(`Vardenis ${i}`, `pastaba ${i} `.repeat(10));
  })();
  db.prepare(`SELECT count(*) FROM t WHERE name LIKE '%123%'`).get();
}

function plainDb(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sauga-bench-'));
  try {
    const plain: number[] = [];
    const enc: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      const p = plainDb(join(dir, `plain-${r}.db`));
      plain.push(time(() => workload(p)));
      p.close();
      const e = openEncrypted(join(dir, `enc-${r}.db`), randomBytes(32), { create: true });
      enc.push(time(() => workload(e)));
      e.close();
    }
    const pass = 'correct horse battery staple';
    const vaultDir = join(dir, 'vault');
    const created = await createVault({ dir: vaultDir, orgName: 'Bench', userName: 'Admin', passphrase: pass });
    created.session.lock();
    const unlocks: number[] = [];
    const opens: number[] = [];
    for (let r = 0; r < REPEATS; r++) {
      unlocks.push(await timeAsync(async () => (await unlockVault(vaultDir, 'Admin', pass)).lock()));
      opens.push(time(() => plainDb(join(dir, 'plain-0.db')).close()));
    }
    const rows = [
      ['workload', 'baseline (plain SQLite)', 'Sauga', 'ratio'],
      [
        `insert ${ROWS} rows + LIKE scan`,
        `${median(plain).toFixed(0)} ms`,
        `${median(enc).toFixed(0)} ms`,
        (median(enc) / median(plain)).toFixed(2),
      ],
      [
        'unlock (Argon2id 64 MiB + open)',
        `${median(opens).toFixed(1)} ms`,
        `${median(unlocks).toFixed(0)} ms`,
        (median(unlocks) / median(opens)).toFixed(0),
      ],
    ];
    for (const row of rows) process.stdout.write(`${row.map((c, i) => c.padEnd(i === 0 ? 36 : 26)).join('')}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();

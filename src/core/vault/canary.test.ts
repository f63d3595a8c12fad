import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ORG, tempDir } from '../testing/fixtures';
import { createVault, unlockVault, vaultPaths } from './vault';

// Random per run, so the canary is not also in this source file or in tool caches.
const MARK = randomBytes(8).toString('hex');
const CANARY = `Žėrūnė-${MARK}`;

let dir: string;
let cleanup: () => void;

function filesBelow(root: string, since: number): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const n of names) {
      const p = join(d, n);
      try {
        const st = statSync(p);
        if (st.isDirectory()) walk(p);
        else if (st.isFile() && st.mtimeMs >= since && st.size < 64 * 1024 * 1024) out.push(p);
      } catch {
        // files of other processes come and go
      }
    }
  };
  walk(root);
  return out;
}

function containsCanary(path: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false; // another process's temp file, gone already
  }
  return [Buffer.from(CANARY, 'utf8'), Buffer.from(CANARY, 'utf16le'), Buffer.from(MARK, 'latin1')].some((needle) =>
    bytes.includes(needle),
  );
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

describe('no plaintext on disk', () => {
  it('a canary written to the vault appears in no file: database, WAL, shared memory or temp', async () => {
    const started = Date.now() - 1000;
    const { session } = await createVault({ dir, orgName: ORG, userName: ADMIN.name, passphrase: ADMIN.passphrase });
    session.write({ action: 'test.canary', subject: 'vault' }, (db) => {
      db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
      const ins = db.prepare('INSERT INTO notes (body) VALUES (?)');
      for (let i = 0; i < 500; i++) ins.run(`${CANARY} ${i} ${'pastaba '.repeat(20)}`);
      // Large sorts and temp indexes would spill to temp files if temp_store were not MEMORY.
      db.prepare('SELECT body FROM notes ORDER BY body DESC').all();
      db.exec('CREATE INDEX notes_body ON notes(body)');
    });
    const wal = `${vaultPaths(dir).db}-wal`;
    expect(existsSync(wal)).toBe(true);
    const whileOpen = [
      ...readdirSync(dir).map((n) => join(dir, n)),
      ...filesBelow(tmpdir(), started).filter((p) => !p.startsWith(dir)),
    ];
    const leaksOpen = whileOpen.filter(containsCanary);
    session.db.prepare('DELETE FROM notes WHERE id % 2 = 0').run();
    session.lock();
    const afterLock = [
      ...readdirSync(dir).map((n) => join(dir, n)),
      ...filesBelow(tmpdir(), started).filter((p) => !p.startsWith(dir)),
    ];
    expect(leaksOpen).toEqual([]);
    expect(afterLock.filter(containsCanary)).toEqual([]);

    const again = await unlockVault(dir, ADMIN.name, ADMIN.passphrase);
    expect((again.db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(250);
    again.lock();
  });
});

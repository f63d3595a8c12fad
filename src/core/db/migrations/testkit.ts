import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../../testing/fixtures';
import { openEncrypted, type Db } from '../connection';

/**
 * For migration tests: a new, empty encrypted database before each test, closed and deleted
 * after it. `use` receives each one (tests keep it in a `let db`).
 */
export function withScratchDb(use: (db: Db) => void): void {
  let cleanup: (() => void) | undefined;
  let db: Db | undefined;
  beforeEach(() => {
    const t = tempDir();
    cleanup = t.cleanup;
    db = openEncrypted(join(t.dir, 'v.db'), randomBytes(32), { create: true });
    use(db);
  });
  afterEach(() => {
    if (db?.open) db.close();
    cleanup?.();
  });
}

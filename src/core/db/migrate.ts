import { ErrorCode } from '../../shared/errors';
import { AppError } from '../errors';
import type { Db } from './connection';

export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the database to the newest schema this build knows. Each migration runs in its own
 * transaction together with the user_version bump, so a failure leaves the previous version
 * intact. A database written by a newer Sauga is refused, never "downgraded".
 */
export function migrate(db: Db, list: readonly Migration[]): { from: number; to: number } {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration list out of order at ${m.name}`);
  });
  const latest = list.length;
  const from = schemaVersion(db);
  if (from > latest) {
    throw new AppError(ErrorCode.VaultTooNew, `vault schema ${from} is newer than this Sauga understands (${latest})`);
  }
  for (const m of list.slice(from)) {
    try {
      db.transaction(() => {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }).immediate();
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(ErrorCode.MigrationFailed, `migration ${m.version} (${m.name}) failed and was rolled back`, {
        cause: e,
      });
    }
  }
  return { from, to: latest };
}

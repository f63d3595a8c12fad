import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from './connection';

// Prepared statements are compiled once per connection: the list, the case screen and the
// audit chain run the same few statements all day, and compiling costs as much as running.
const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/** The statement for this SQL on this connection, compiled on first use. */
export function stmt(db: Db, sql: string): Database.Statement {
  let map = statements.get(db);
  if (!map) {
    map = new Map();
    statements.set(db, map);
  }
  let s = map.get(sql);
  if (!s) {
    s = db.prepare(sql);
    map.set(sql, s);
  }
  return s;
}

import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Prepared statements per connection, for repository functions called in
 * bulk (an import stores thousands of versions per transaction): preparing
 * the same SQL again each call costs more than running it.
 */
const cache = new WeakMap<Db, Map<string, Statement>>();

export function prepared<Params extends unknown[] = unknown[], Row = unknown>(db: Db, sql: string): Statement<Params, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as Statement<Params, Row>;
}

import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

/**
 * Prepared statements per connection, for repository functions called in
 * bulk (an import stores thousands of versions per transaction): preparing
 * the same SQL again each call costs more than running it. A statement's
 * pluck()/raw() mode sticks to it: each SQL text is used in one mode only.
 */
const cache = new WeakMap<Db, Map<string, Statement>>();
const MAX_STATEMENTS = 500;

export function prepared<Params extends unknown[] = unknown[], Row = unknown>(db: Db, sql: string): Statement<Params, Row> {
  let statements = cache.get(db);
  if (!statements) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    // Search builds SQL per query shape (filters, script groups): keep the cache bounded.
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as Statement<Params, Row>;
}

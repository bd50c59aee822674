import { openReadConnection, type Db } from '../../db/connection';
import type { CoreContext } from './context';

/**
 * Runs a long read (one that awaits between pages: an archive or project
 * export) on its own read-only connection inside one transaction, which is
 * its consistent snapshot. The shared connection is never left inside a
 * transaction across an await: a save made meanwhile commits, and is
 * acknowledged, on its own — and survives if the process dies mid-export.
 */
export async function withReadSnapshot<T>(ctx: CoreContext, read: (db: Db) => Promise<T>): Promise<T> {
  const db = openReader(ctx);
  try {
    db.exec('BEGIN');
    return await read(db);
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.close();
  }
}

/** The same context, reading from `db` (a snapshot) instead of the shared connection. */
export function readingFrom(ctx: CoreContext, db: Db): CoreContext {
  return { dbPath: ctx.dbPath, now: () => ctx.now(), db, ...(ctx.host ? { host: ctx.host } : {}), ...(ctx.library ? { library: ctx.library } : {}) };
}

function openReader(ctx: CoreContext): Db {
  if (ctx.library) return ctx.library.openReader();
  // Contexts built by hand (tests, tools): the same file, default native build.
  const shared = ctx.db;
  return ctx.dbPath === ':memory:' ? openReadConnection(shared.serialize()) : openReadConnection(ctx.dbPath);
}

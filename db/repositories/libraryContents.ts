import type { Db } from '../connection';

export interface LibraryContents {
  notes: number;
  articles: number;
  /** Deletions not yet pruned from the backups: an empty library with pending ones was emptied on purpose. */
  pendingPurges: number;
}

/** What a library holds, for telling a library that lost its data from one that was emptied (or is new). */
export function libraryContents(db: Db): LibraryContents {
  const has = (table: string) => db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) !== undefined;
  const count = (table: string) => (has(table) ? (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
  return { notes: count('notes'), articles: count('articles'), pendingPurges: count('purge_log') };
}

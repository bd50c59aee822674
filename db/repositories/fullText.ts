import type { Db } from '../connection';

/** Every FTS5 table of the schema, by the kind of row it indexes. */
export const FULL_TEXT_TABLES = {
  article: ['article_fts', 'article_trigram'],
  note: ['note_fts', 'note_trigram'],
  passage: ['passage_fts', 'passage_trigram'],
} as const;

export type FullTextTable = (typeof FULL_TEXT_TABLES)[keyof typeof FULL_TEXT_TABLES][number];

/**
 * Merges each index into one segment. FTS5 records a deletion as a marker
 * and keeps the deleted row's tokens (lowercased words) in older segments
 * until a merge reaches them; 'optimize' merges everything, dropping both, and
 * with PRAGMA secure_delete the old segments' pages are zeroed as they are
 * freed. FTS5's own 'secure-delete' option would avoid the rewrite, but on
 * SQLite 3.53.2 it corrupts the index (a phantom match and an
 * integrity-check failure) when a row with a long position list is replaced
 * and later deleted, which a note saved with a long text then deleted does.
 */
export function optimizeFullText(db: Db, tables: readonly FullTextTable[]): void {
  for (const table of tables) db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
}

/**
 * For a copy of the library of any schema version (an older backup being
 * pruned of deleted items): merges every full-text table it has, so the
 * deleted rows' tokens go before its VACUUM. services/backups.ts is meant to
 * call this in pruneBackupFile, after its deletes.
 */
export function optimizeExistingFullText(db: Db): void {
  const present = new Set(
    (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
  );
  optimizeFullText(db, Object.values(FULL_TEXT_TABLES).flat().filter((t) => present.has(t)));
}

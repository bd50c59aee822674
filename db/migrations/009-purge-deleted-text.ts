import type { Migration } from '../migrate';

/**
 * Deleted means gone, for what libraries deleted before this version.
 *
 * Up to version 8, the words of deleted notes and articles stayed in the
 * full-text index (FTS5 keeps a deleted row's tokens in older segments until
 * a merge reaches them), in the file and in every later backup. Deletes now
 * merge the indexes they touch (services/purge.ts); this does it once for
 * every index, so the tokens already left behind go too. PRAGMA secure_delete
 * zeroes the freed pages in the same transaction.
 *
 * Passages of deleted articles: a passage no note quotes is now deleted with
 * its article (services/purge.ts), and those already orphaned go here; a
 * quoted one keeps its exact text (the note holds it too) and its citation,
 * but not the deleted article's surrounding text (prefix/suffix).
 *
 * The table list and statements are written out here, not imported: a landed
 * migration must not change when the code around it does.
 */
const FULL_TEXT_TABLES = ['article_fts', 'article_trigram', 'note_fts', 'note_trigram', 'passage_fts', 'passage_trigram'];

export const m009PurgeDeletedText: Migration = {
  version: 9,
  name: 'purge-deleted-text',
  up(db) {
    // Freed pages are zeroed even on a connection opened without the pragma (a tool, a test).
    db.pragma('secure_delete = ON');
    db.exec(`
      UPDATE passages SET prefix = '', suffix = '' WHERE anchor_status = 'source_deleted' AND (prefix <> '' OR suffix <> '');
      DELETE FROM passages WHERE anchor_status = 'source_deleted' AND id NOT IN (SELECT passage_id FROM note_quotes);
    `);
    for (const table of FULL_TEXT_TABLES) db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
  },
};

import type { Migration } from '../migrate';

/**
 * Indexes that match the library list's sort orders (db/repositories/libraryList.ts),
 * so sorting a large library by title, outlet or published date reads an index
 * in order instead of sorting every row. Their expressions must stay identical
 * to the ORDER BY clauses there for SQLite to use them.
 */
export const m009LibrarySortIndexes: Migration = {
  version: 9,
  name: 'library-sort-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX articles_by_title ON articles (title COLLATE NOCASE, id);
      CREATE INDEX articles_by_outlet ON articles (site_name IS NULL, site_name COLLATE NOCASE, created_at DESC, id DESC);
      CREATE INDEX articles_by_published ON articles (published_at IS NULL, substr(published_at, 1, 10), published_at, id);
    `);
  },
};

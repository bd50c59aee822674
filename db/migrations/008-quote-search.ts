import type { Migration } from '../migrate';
import { SPACELESS_SQL_FUNCTION } from '../../shared/search/scripts';

/**
 * Quotes in search, and tags on passages.
 *
 * passage_fts indexes each passage: its text (`exact`) and the titles of the
 * notes quoting it, so `type:quote harbour` finds the passages about the
 * harbour and the passages quoted in the "Harbour story" note. The source
 * article is not indexed again here (its title, byline and text are in
 * article_fts; `site:` and `project:` filter quotes by source). It is contentless with contentless_delete, so a row can be
 * replaced without the values it was indexed with: triggers on passages,
 * note_quotes (written in the same transaction as every note save) and note
 * renames simply re-index the passage. Snippets are built from passages.exact
 * (searchSnippet.ts), so the index holds no copy of the text.
 *
 * passage_trigram holds the same rows when they contain a script written
 * without spaces, as for articles and notes.
 *
 * passage_tags links tags to passages (a tag on a quote: "on the record",
 * "needs second source"); the tags domain counts and filters them like
 * article and note tags.
 */
const UNICODE_TOKENIZER = `tokenize = "unicode61 remove_diacritics 2"`;
const TRIGRAM_TOKENIZER = `tokenize = "trigram"`;
/** Rank = bm25 with field weights: the quoted text > the quoting notes' titles. */
export const PASSAGE_RANK = 'bm25(4.0, 1.0)';
const COLUMNS = 'exact, notes';

/** SELECT of the indexed values of the passages whose ids `ids` (a SELECT or a list) gives. */
const indexedRows = (ids: string) => `
  SELECT p.id AS id, p.exact AS exact,
         coalesce((SELECT group_concat(title, ' ') FROM (SELECT DISTINCT n.title AS title FROM note_quotes q JOIN notes n ON n.id = q.note_id
                    WHERE q.passage_id = p.id ORDER BY n.id)), '') AS notes
    FROM passages p WHERE p.id IN (${ids})`;

/** Statements that bring those passages' index rows up to date (a passage that is gone just leaves). */
const reindex = (ids: string) => `
  DELETE FROM passage_fts WHERE rowid IN (${ids});
  DELETE FROM passage_trigram WHERE rowid IN (${ids});
  INSERT INTO passage_fts (rowid, ${COLUMNS}) SELECT id, exact, notes FROM (${indexedRows(ids)});
  INSERT INTO passage_trigram (rowid, ${COLUMNS})
    SELECT id, exact, notes FROM (${indexedRows(ids)}) WHERE ${SPACELESS_SQL_FUNCTION}(exact, notes);`;

export const m008QuoteSearch: Migration = {
  version: 8,
  name: 'quote-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE passage_fts USING fts5(${COLUMNS}, content = '', contentless_delete = 1, ${UNICODE_TOKENIZER});
      CREATE VIRTUAL TABLE passage_trigram USING fts5(${COLUMNS}, content = '', contentless_delete = 1, ${TRIGRAM_TOKENIZER});
      INSERT INTO passage_fts (passage_fts, rank) VALUES ('rank', '${PASSAGE_RANK}');

      CREATE TRIGGER passages_search_insert AFTER INSERT ON passages BEGIN ${reindex('NEW.id')} END;
      CREATE TRIGGER passages_search_update AFTER UPDATE OF exact ON passages WHEN OLD.exact IS NOT NEW.exact BEGIN
        ${reindex('NEW.id')}
      END;
      CREATE TRIGGER passages_search_delete AFTER DELETE ON passages BEGIN
        DELETE FROM passage_fts WHERE rowid = OLD.id;
        DELETE FROM passage_trigram WHERE rowid = OLD.id;
      END;
      CREATE TRIGGER note_quotes_search_insert AFTER INSERT ON note_quotes BEGIN ${reindex('NEW.passage_id')} END;
      CREATE TRIGGER note_quotes_search_delete AFTER DELETE ON note_quotes BEGIN ${reindex('OLD.passage_id')} END;
      CREATE TRIGGER note_quotes_search_update AFTER UPDATE OF passage_id ON note_quotes BEGIN
        ${reindex('OLD.passage_id, NEW.passage_id')}
      END;
      CREATE TRIGGER notes_quote_search_rename AFTER UPDATE OF title ON notes WHEN OLD.title IS NOT NEW.title BEGIN
        ${reindex('SELECT passage_id FROM note_quotes WHERE note_id = NEW.id')}
      END;

      CREATE TABLE passage_tags (
        passage_id  INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (passage_id, tag_id)
      ) STRICT;
      CREATE INDEX passage_tags_by_tag ON passage_tags (tag_id);
    `);
    // Index what already exists.
    db.exec(reindex('SELECT id FROM passages'));
  },
};

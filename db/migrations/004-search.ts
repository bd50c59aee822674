import type { Migration } from '../migrate';
import { SPACELESS_SQL_FUNCTION } from '../../shared/search/scripts';

/**
 * Full-text search over articles and notes, kept in sync by triggers so every
 * writer (clipper, editor, CLI, imports) updates the index in its own
 * transaction.
 *
 * - article_fts indexes the title, byline, site and the text of the LATEST
 *   version of each article. It is an external-content table over the view
 *   article_search_source, so the text is stored once (in article_versions)
 *   and snippet() reads it from there.
 * - note_fts indexes notes (title, content_text), external content = notes.
 * - article_trigram / note_trigram are trigram indexes over the same sources,
 *   holding only rows whose text contains a script written without spaces
 *   (CJK, Thai, ...): the unicode61 tokenizer can't split those into words.
 *   Latin-only text never pays for a trigram index. The triggers decide with
 *   the SQL function dossier_has_spaceless_script, which openDatabase
 *   registers on every connection (a connection without it can read but
 *   not write articles or notes: it fails loudly rather than desync).
 *
 * External-content FTS5 tables must be told the exact previously indexed
 * values when a row changes ('delete' command), so each trigger deletes with
 * the old values before inserting the new ones. Deleting an article runs
 * BEFORE DELETE, while its versions still exist (the cascade deletes them
 * after the article row is gone, and their triggers then see no article).
 *
 * A quotes index (passages' quoted text) follows the same pattern: a
 * passage_fts table over the passages table with insert/update/delete
 * triggers, added by a later migration once passages exist.
 */
const UNICODE_TOKENIZER = `tokenize = "unicode61 remove_diacritics 2"`;
const TRIGRAM_TOKENIZER = `tokenize = "trigram"`;

/** Rank = bm25 with field weights: title > byline > site > body. */
export const ARTICLE_RANK = 'bm25(10.0, 5.0, 3.0, 1.0)';
export const NOTE_RANK = 'bm25(10.0, 1.0)';

const ARTICLE_COLUMNS = 'title, byline, site, body';
const NOTE_COLUMNS = 'title, content_text';

export const m004Search: Migration = {
  version: 4,
  name: 'search',
  up(db) {
    /** True when a row's text (given as SQL expressions) belongs in the trigram index. */
    const needsTrigram = (...columns: string[]) => `${SPACELESS_SQL_FUNCTION}(${columns.join(', ')})`;

    db.exec(`
      -- One row per article that has a version: its metadata and its latest version's text.
      CREATE VIEW article_search_source AS
        SELECT a.id AS article_id,
               a.title AS title,
               coalesce(a.byline, '') AS byline,
               coalesce(a.site_name, '') AS site,
               v.content_text AS body
          FROM articles a
          JOIN article_versions v ON v.article_id = a.id
         WHERE v.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = a.id);

      CREATE VIRTUAL TABLE article_fts USING fts5(
        ${ARTICLE_COLUMNS}, content = 'article_search_source', content_rowid = 'article_id', ${UNICODE_TOKENIZER}
      );
      CREATE VIRTUAL TABLE article_trigram USING fts5(
        ${ARTICLE_COLUMNS}, content = 'article_search_source', content_rowid = 'article_id', ${TRIGRAM_TOKENIZER}
      );
      CREATE VIRTUAL TABLE note_fts USING fts5(
        ${NOTE_COLUMNS}, content = 'notes', content_rowid = 'id', ${UNICODE_TOKENIZER}
      );
      CREATE VIRTUAL TABLE note_trigram USING fts5(
        ${NOTE_COLUMNS}, content = 'notes', content_rowid = 'id', ${TRIGRAM_TOKENIZER}
      );
      INSERT INTO article_fts (article_fts, rank) VALUES ('rank', '${ARTICLE_RANK}');
      INSERT INTO note_fts (note_fts, rank) VALUES ('rank', '${NOTE_RANK}');
    `);

    // Articles: one "reindex" = delete with the values indexed before, insert the current view row.
    // The trigram table gets the same statements, each guarded by whether those values need it.
    const articleIndexes = ['article_fts', 'article_trigram'] as const;
    /** `from` is a FROM … WHERE … clause selecting the one row the value expressions read. */
    const articleDelete = (table: string, id: string, title: string, byline: string, site: string, body: string, from: string) => {
      const guard = table === 'article_trigram' ? `AND ${needsTrigram(title, byline, site, body)}` : '';
      return `INSERT INTO ${table} (${table}, rowid, ${ARTICLE_COLUMNS})
                SELECT 'delete', ${id}, ${title}, ${byline}, ${site}, ${body} ${from} ${guard};`;
    };
    const articleInsert = (table: string, id: string) => {
      const guard = table === 'article_trigram' ? `AND ${needsTrigram('title', 'byline', 'site', 'body')}` : '';
      return `INSERT INTO ${table} (rowid, ${ARTICLE_COLUMNS})
                SELECT article_id, ${ARTICLE_COLUMNS} FROM article_search_source WHERE article_id = ${id} ${guard};`;
    };
    const currentRow = (id: string) => `FROM article_search_source WHERE article_id = ${id}`;

    // An article is in the index exactly when it has a version (the clipper writes both in one
    // transaction), so a bulk import indexes each article once, when its first version arrives.
    // Statements that read the view are no-ops for an article without versions.
    db.exec(`
      CREATE TRIGGER articles_search_update AFTER UPDATE OF title, byline, site_name ON articles
      WHEN OLD.title IS NOT NEW.title OR OLD.byline IS NOT NEW.byline OR OLD.site_name IS NOT NEW.site_name BEGIN
        ${articleIndexes
          .map((t) => articleDelete(t, 'OLD.id', 'OLD.title', `coalesce(OLD.byline, '')`, `coalesce(OLD.site_name, '')`, 'body', currentRow('OLD.id')))
          .join('\n')}
        ${articleIndexes.map((t) => articleInsert(t, 'NEW.id')).join('\n')}
      END;

      CREATE TRIGGER articles_search_delete BEFORE DELETE ON articles BEGIN
        ${articleIndexes.map((t) => articleDelete(t, 'OLD.id', 'title', 'byline', 'site', 'body', currentRow('OLD.id'))).join('\n')}
      END;

      -- A new latest version replaces the indexed text of the previous latest version, if any.
      -- Its text comes from NEW, not the view: reading it back would walk the row's overflow pages again.
      CREATE TRIGGER article_versions_search_insert AFTER INSERT ON article_versions
      WHEN NOT EXISTS (SELECT 1 FROM article_versions WHERE article_id = NEW.article_id AND version_no > NEW.version_no) BEGIN
        ${articleIndexes
          .map((t) =>
            articleDelete(
              t,
              'a.id',
              'a.title',
              `coalesce(a.byline, '')`,
              `coalesce(a.site_name, '')`,
              'p.content_text',
              `FROM articles a JOIN article_versions p ON p.article_id = a.id
                WHERE a.id = NEW.article_id
                  AND p.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = a.id AND version_no < NEW.version_no)`,
            ),
          )
          .join('\n')}
        ${articleIndexes
          .map((t) => {
            const guard = t === 'article_trigram' ? `AND ${needsTrigram('a.title', 'a.byline', 'a.site_name', 'NEW.content_text')}` : '';
            return `INSERT INTO ${t} (rowid, ${ARTICLE_COLUMNS})
                      SELECT a.id, a.title, coalesce(a.byline, ''), coalesce(a.site_name, ''), NEW.content_text
                        FROM articles a WHERE a.id = NEW.article_id ${guard};`;
          })
          .join('\n')}
      END;

      -- Removing the latest version (not as part of deleting its article) falls back to the previous one, if any.
      CREATE TRIGGER article_versions_search_delete AFTER DELETE ON article_versions
      WHEN NOT EXISTS (SELECT 1 FROM article_versions WHERE article_id = OLD.article_id AND version_no > OLD.version_no)
       AND EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id) BEGIN
        ${articleIndexes
          .map((t) =>
            articleDelete(t, 'a.id', 'a.title', `coalesce(a.byline, '')`, `coalesce(a.site_name, '')`, 'OLD.content_text', 'FROM articles a WHERE a.id = OLD.article_id'),
          )
          .join('\n')}
        ${articleIndexes.map((t) => articleInsert(t, 'OLD.article_id')).join('\n')}
      END;

      -- Versions are immutable by design; this keeps the index right if one is ever corrected in place.
      CREATE TRIGGER article_versions_search_update AFTER UPDATE OF content_text ON article_versions
      WHEN OLD.content_text IS NOT NEW.content_text
       AND NOT EXISTS (SELECT 1 FROM article_versions WHERE article_id = NEW.article_id AND version_no > NEW.version_no) BEGIN
        ${articleIndexes
          .map((t) =>
            articleDelete(t, 'a.id', 'a.title', `coalesce(a.byline, '')`, `coalesce(a.site_name, '')`, 'OLD.content_text', 'FROM articles a WHERE a.id = NEW.article_id'),
          )
          .join('\n')}
        ${articleIndexes.map((t) => articleInsert(t, 'NEW.article_id')).join('\n')}
      END;
    `);

    const noteTrigramGuard = (prefix: string) => `WHEN ${needsTrigram(`${prefix}.title`, `${prefix}.content_text`)}`;
    db.exec(`
      CREATE TRIGGER notes_search_insert AFTER INSERT ON notes BEGIN
        INSERT INTO note_fts (rowid, ${NOTE_COLUMNS}) VALUES (NEW.id, NEW.title, NEW.content_text);
      END;
      CREATE TRIGGER notes_search_update AFTER UPDATE OF title, content_text ON notes
      WHEN OLD.title IS NOT NEW.title OR OLD.content_text IS NOT NEW.content_text BEGIN
        INSERT INTO note_fts (note_fts, rowid, ${NOTE_COLUMNS}) VALUES ('delete', OLD.id, OLD.title, OLD.content_text);
        INSERT INTO note_fts (rowid, ${NOTE_COLUMNS}) VALUES (NEW.id, NEW.title, NEW.content_text);
      END;
      CREATE TRIGGER notes_search_delete AFTER DELETE ON notes BEGIN
        INSERT INTO note_fts (note_fts, rowid, ${NOTE_COLUMNS}) VALUES ('delete', OLD.id, OLD.title, OLD.content_text);
      END;

      CREATE TRIGGER notes_trigram_insert AFTER INSERT ON notes ${noteTrigramGuard('NEW')} BEGIN
        INSERT INTO note_trigram (rowid, ${NOTE_COLUMNS}) VALUES (NEW.id, NEW.title, NEW.content_text);
      END;
      -- One trigger, so the old row always leaves the index before the new one enters it.
      CREATE TRIGGER notes_trigram_update AFTER UPDATE OF title, content_text ON notes
      WHEN OLD.title IS NOT NEW.title OR OLD.content_text IS NOT NEW.content_text BEGIN
        INSERT INTO note_trigram (note_trigram, rowid, ${NOTE_COLUMNS})
          SELECT 'delete', OLD.id, OLD.title, OLD.content_text WHERE ${needsTrigram('OLD.title', 'OLD.content_text')};
        INSERT INTO note_trigram (rowid, ${NOTE_COLUMNS})
          SELECT NEW.id, NEW.title, NEW.content_text WHERE ${needsTrigram('NEW.title', 'NEW.content_text')};
      END;
      CREATE TRIGGER notes_trigram_delete AFTER DELETE ON notes ${noteTrigramGuard('OLD')} BEGIN
        INSERT INTO note_trigram (note_trigram, rowid, ${NOTE_COLUMNS}) VALUES ('delete', OLD.id, OLD.title, OLD.content_text);
      END;
    `);

    // Index what already exists.
    db.exec(`
      INSERT INTO article_fts (article_fts) VALUES ('rebuild');
      INSERT INTO note_fts (note_fts) VALUES ('rebuild');
      INSERT INTO article_trigram (rowid, ${ARTICLE_COLUMNS})
        SELECT article_id, ${ARTICLE_COLUMNS} FROM article_search_source WHERE ${needsTrigram('title', 'byline', 'site', 'body')};
      INSERT INTO note_trigram (rowid, ${NOTE_COLUMNS})
        SELECT id, ${NOTE_COLUMNS} FROM notes WHERE ${needsTrigram('title', 'content_text')};
    `);
  },
};

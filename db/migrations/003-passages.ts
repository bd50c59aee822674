import type { Migration } from '../migrate';

/**
 * Passages, highlights and the note↔passage links.
 *
 * A passage is a selection in one article version (W3C TextQuote +
 * TextPosition selectors over content_text, plus the sha256 of `exact`), with
 * its current anchor on the article's latest version (re-anchored when a new
 * version arrives). A highlight marks a passage in the reader; a note quotes a
 * passage through a `dossier-quote` / `dossier-inline-quote` node, and
 * note_quotes is derived from the note's JSON in the same transaction as the
 * note save.
 *
 * Deleting an article never deletes a quote's text from a note: passages keep
 * their row (so passageId in notes stays meaningful), lose article_id and the
 * version references (SET NULL), and are marked source_deleted by a trigger.
 * The citation snapshot (source_title, source_site, source_url) keeps the
 * quote citable.
 */
export const m003Passages: Migration = {
  version: 3,
  name: 'passages',
  up(db) {
    db.exec(`
      CREATE TABLE passages (
        id                  INTEGER PRIMARY KEY,
        article_id          INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        created_version_id  INTEGER REFERENCES article_versions (id) ON DELETE SET NULL,
        exact               TEXT    NOT NULL CHECK (length(exact) > 0),
        prefix              TEXT    NOT NULL,
        suffix              TEXT    NOT NULL,
        start_offset        INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset          INTEGER NOT NULL CHECK (end_offset > start_offset),
        exact_sha256        TEXT    NOT NULL,
        source_title        TEXT    NOT NULL,
        source_site         TEXT,
        source_url          TEXT,
        anchor_version_id   INTEGER REFERENCES article_versions (id) ON DELETE SET NULL,
        anchor_start        INTEGER,
        anchor_end          INTEGER,
        anchor_status       TEXT    NOT NULL CHECK (anchor_status IN ('ok', 'changed', 'orphan', 'source_deleted')),
        anchor_matched      TEXT,
        anchor_score        REAL,
        anchor_method       TEXT,
        source_deleted_at   TEXT,
        created_at          TEXT    NOT NULL,
        CHECK ((anchor_start IS NULL) = (anchor_end IS NULL))
      ) STRICT;

      CREATE INDEX passages_by_article ON passages (article_id, start_offset);
      CREATE INDEX passages_by_anchor_version ON passages (anchor_version_id);
      CREATE INDEX passages_by_created_version ON passages (created_version_id);

      CREATE TRIGGER passages_mark_source_deleted BEFORE DELETE ON articles
      BEGIN
        UPDATE passages
           SET anchor_status = 'source_deleted',
               source_deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
               anchor_start = NULL, anchor_end = NULL, anchor_matched = NULL
         WHERE article_id = OLD.id;
      END;

      CREATE TABLE highlights (
        passage_id  INTEGER PRIMARY KEY REFERENCES passages (id) ON DELETE CASCADE,
        color       TEXT    NOT NULL DEFAULT 'yellow' CHECK (color IN ('yellow', 'green', 'blue', 'pink')),
        created_at  TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE note_quotes (
        note_id      INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        ordinal      INTEGER NOT NULL CHECK (ordinal >= 0),
        passage_id   INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE,
        kind         TEXT    NOT NULL CHECK (kind IN ('block', 'inline')),
        quoted_text  TEXT    NOT NULL,
        altered      INTEGER NOT NULL CHECK (altered IN (0, 1)),
        PRIMARY KEY (note_id, ordinal)
      ) STRICT;

      CREATE INDEX note_quotes_by_passage ON note_quotes (passage_id);
    `);
  },
};

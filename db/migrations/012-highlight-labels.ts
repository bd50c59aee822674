import type { Migration } from '../migrate';

/**
 * Highlight labels and comments (issue #12).
 *
 * A highlight carries an optional label from a small set (the defaults in
 * shared/highlights/labels.ts: verify, on record, claim) and an optional
 * comment. The label is stored by name, normalized by the shared rule
 * (lower case, single spaces), so search (`label:verify`) and export read it
 * without a join. `highlight_labels` holds only the labels the journalist
 * added: the defaults live in code, so a new library has no rows here (an
 * archive import needs every table empty). Each table keeps its rowid for
 * archives.
 */
export const m012HighlightLabels: Migration = {
  version: 12,
  name: 'highlight-labels',
  up(db) {
    db.exec(`
      ALTER TABLE highlights ADD COLUMN label TEXT CHECK (label IS NULL OR length(label) BETWEEN 1 AND 40);
      ALTER TABLE highlights ADD COLUMN comment TEXT CHECK (comment IS NULL OR length(comment) BETWEEN 1 AND 4000);
      CREATE INDEX highlights_by_label ON highlights (label) WHERE label IS NOT NULL;

      CREATE TABLE highlight_labels (
        id          INTEGER PRIMARY KEY,
        name        TEXT    NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
        created_at  TEXT    NOT NULL
      ) STRICT;
    `);
  },
};

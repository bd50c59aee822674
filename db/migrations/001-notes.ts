import type { Migration } from '../migrate';

export const m001Notes: Migration = {
  version: 1,
  name: 'notes',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        id            INTEGER PRIMARY KEY,
        title         TEXT    NOT NULL DEFAULT '',
        content_json  TEXT    NOT NULL,
        content_text  TEXT    NOT NULL DEFAULT '',
        created_at    TEXT    NOT NULL,
        updated_at    TEXT    NOT NULL,
        revision      INTEGER NOT NULL DEFAULT 0
      ) STRICT;

      CREATE INDEX notes_by_updated ON notes (updated_at DESC, id DESC);
    `);
  },
};

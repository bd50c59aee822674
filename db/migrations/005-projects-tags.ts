import type { Migration } from '../migrate';

/**
 * Projects (a story or investigation) and tags. Both are many-to-many with
 * articles and notes, through one link table per kind of item so every link
 * has a real foreign key and disappears with its item. Passages get their own
 * link tables (project membership through their article; passage_tags) in a
 * later migration. Names are unique ignoring case: "Cartels" and "cartels"
 * are the same tag.
 */
export const m005ProjectsTags: Migration = {
  version: 5,
  name: 'projects-tags',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id          INTEGER PRIMARY KEY,
        name        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        created_at  TEXT    NOT NULL,
        updated_at  TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE project_articles (
        project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        added_at    TEXT    NOT NULL,
        PRIMARY KEY (project_id, article_id)
      ) STRICT;
      CREATE INDEX project_articles_by_article ON project_articles (article_id);

      CREATE TABLE project_notes (
        project_id  INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        added_at    TEXT    NOT NULL,
        PRIMARY KEY (project_id, note_id)
      ) STRICT;
      CREATE INDEX project_notes_by_note ON project_notes (note_id);

      CREATE TABLE tags (
        id          INTEGER PRIMARY KEY,
        name        TEXT    NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
        created_at  TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE article_tags (
        article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT;
      CREATE INDEX article_tags_by_tag ON article_tags (tag_id);

      CREATE TABLE note_tags (
        note_id     INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
        tag_id      INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (note_id, tag_id)
      ) STRICT;
      CREATE INDEX note_tags_by_tag ON note_tags (tag_id);

      -- Filters used by search and the library list.
      CREATE INDEX articles_by_reading_state ON articles (reading_state, created_at DESC);
      CREATE INDEX articles_starred ON articles (created_at DESC) WHERE starred = 1;
    `);
  },
};

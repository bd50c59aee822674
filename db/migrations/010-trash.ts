import type { Migration } from '../migrate';

/**
 * The Trash. Deleting a note or an article from the app now sets trashed_at
 * instead of deleting the row: the item leaves every list, count, search and
 * export, its quotes in notes say "source in trash", and it can be restored
 * (quotes linked again, since nothing was unlinked) until the journalist
 * deletes it for good or the trash is emptied after the retention period.
 * Deleting for good is the scrubbing delete of migration 9's era
 * (services/purge.ts).
 *
 * The partial indexes hold only trashed rows, so "not in the trash" filters
 * cost a lookup in a tiny index. `settings` holds library-wide preferences
 * that the core itself must read (the trash retention, emptied at startup
 * and while idle), as text values keyed by name.
 */
export const m010Trash: Migration = {
  version: 10,
  name: 'trash',
  up(db) {
    db.exec(`
      ALTER TABLE notes ADD COLUMN trashed_at TEXT;
      ALTER TABLE articles ADD COLUMN trashed_at TEXT;
      CREATE INDEX notes_trashed ON notes (trashed_at) WHERE trashed_at IS NOT NULL;
      CREATE INDEX articles_trashed ON articles (trashed_at) WHERE trashed_at IS NOT NULL;

      CREATE TABLE settings (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;
    `);
  },
};

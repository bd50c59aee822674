import type { Migration } from '../migrate';

/**
 * Durability bookkeeping.
 *
 * - note_checksums: one row per note, written in the same transaction as the
 *   note's content. It records which revision the content belongs to and a
 *   SHA-256 of the stored JSON, so `db check` (and the kill test) can prove a
 *   save was never half-applied: a note whose revision or hash disagrees with
 *   its checksum row is a torn write.
 * - purge_log: ids (never text) of deleted notes and articles, filled by
 *   triggers so every deletion path is covered. The backup rotation uses it to
 *   remove deleted items from older backups too (source confidentiality).
 */
export const m006Durability: Migration = {
  version: 6,
  name: 'durability',
  up(db) {
    db.exec(`
      CREATE TABLE note_checksums (
        note_id       INTEGER PRIMARY KEY REFERENCES notes (id) ON DELETE CASCADE,
        revision      INTEGER NOT NULL,
        json_sha256   TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE purge_log (
        id          INTEGER PRIMARY KEY,
        kind        TEXT    NOT NULL CHECK (kind IN ('note', 'article')),
        item_id     INTEGER NOT NULL,
        deleted_at  TEXT    NOT NULL
      ) STRICT;

      CREATE TRIGGER notes_purge_log AFTER DELETE ON notes BEGIN
        INSERT INTO purge_log (kind, item_id, deleted_at) VALUES ('note', old.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;

      CREATE TRIGGER articles_purge_log AFTER DELETE ON articles BEGIN
        INSERT INTO purge_log (kind, item_id, deleted_at) VALUES ('article', old.id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
      END;
    `);
  },
};

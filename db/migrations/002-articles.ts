import type { Migration } from '../migrate';

/**
 * Clipped articles. An article is the stable identity (what notes and projects
 * point at); each capture of it is an immutable version holding the original
 * bytes, the sanitized HTML and the normalized plain text that passages anchor
 * into. Re-clipping adds a version, never overwrites one.
 *
 * Metadata columns on `articles` hold the values shown to the user (extracted
 * from the latest version, or edited); `metadata_json` records per field
 * whether it was found, missing or edited by the user.
 */
export const m002Articles: Migration = {
  version: 2,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE assets (
        sha256      TEXT    PRIMARY KEY,
        mime_type   TEXT    NOT NULL,
        size        INTEGER NOT NULL,
        bytes       BLOB    NOT NULL,
        created_at  TEXT    NOT NULL
      ) STRICT;

      CREATE TABLE articles (
        id               INTEGER PRIMARY KEY,
        canonical_url    TEXT,
        title            TEXT    NOT NULL,
        byline           TEXT,
        authors_json     TEXT    NOT NULL DEFAULT '[]',
        site_name        TEXT,
        published_at     TEXT,
        modified_at      TEXT,
        lang             TEXT,
        excerpt          TEXT,
        lead_image_sha256 TEXT   REFERENCES assets (sha256),
        metadata_json    TEXT    NOT NULL DEFAULT '{}',
        reading_state    TEXT    NOT NULL DEFAULT 'unread' CHECK (reading_state IN ('unread', 'read', 'archived')),
        starred          INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
        created_at       TEXT    NOT NULL,
        updated_at       TEXT    NOT NULL
      ) STRICT;

      CREATE UNIQUE INDEX articles_by_canonical_url ON articles (canonical_url) WHERE canonical_url IS NOT NULL;
      CREATE INDEX articles_by_created ON articles (created_at DESC, id DESC);

      CREATE TABLE article_versions (
        id                 INTEGER PRIMARY KEY,
        article_id         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version_no         INTEGER NOT NULL,
        clipped_at         TEXT    NOT NULL,
        source_kind        TEXT    NOT NULL CHECK (source_kind IN ('file', 'paste', 'url')),
        source_location    TEXT,
        http_status        INTEGER,
        http_headers_json  TEXT,
        original_gzip      BLOB    NOT NULL,
        original_sha256    TEXT    NOT NULL,
        original_size      INTEGER NOT NULL,
        content_html       TEXT    NOT NULL,
        content_text       TEXT    NOT NULL,
        text_sha256        TEXT    NOT NULL,
        word_count         INTEGER NOT NULL,
        extractor_version  TEXT    NOT NULL,
        warnings_json      TEXT    NOT NULL DEFAULT '[]',
        metadata_json      TEXT    NOT NULL DEFAULT '{}',
        UNIQUE (article_id, version_no)
      ) STRICT;

      CREATE INDEX article_versions_by_text_sha256 ON article_versions (text_sha256);

      CREATE TABLE article_version_assets (
        version_id    INTEGER NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
        asset_sha256  TEXT    NOT NULL REFERENCES assets (sha256),
        original_url  TEXT,
        PRIMARY KEY (version_id, asset_sha256)
      ) STRICT;

      CREATE INDEX article_version_assets_by_asset ON article_version_assets (asset_sha256);

      -- URLs clipped while offline, fetched later.
      CREATE TABLE pending_clips (
        id          INTEGER PRIMARY KEY,
        url         TEXT    NOT NULL,
        status      TEXT    NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'failed', 'done')),
        last_error  TEXT,
        attempts    INTEGER NOT NULL DEFAULT 0,
        created_at  TEXT    NOT NULL,
        updated_at  TEXT    NOT NULL
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * Facts (issue #13): who said what, the figures and the dates of each article
 * version, and its named people, organisations and places.
 *
 * Quotes, figures and dates are spans of one version's content_text, stored
 * like passages (W3C TextQuote exact + prefix/suffix, TextPosition
 * start/end on the version they were extracted from) with an anchor on the
 * article's latest version (ok / changed / orphan), re-anchored when a
 * re-clip adds a version. One table holds the three kinds (they share the
 * anchor and the search); each kind's own columns are checked by kind.
 *
 * Entities are per version too: a name, its type and aliases, and its
 * mentions as offsets into that version (recomputed with each version).
 *
 * fact_runs records that a version's facts were extracted (even when none were
 * found), so the backfill knows which versions are left. Everything cascades
 * from article_versions, so an article's facts go with it (and PRAGMA
 * secure_delete zeroes their pages); there is no full-text index of facts.
 *
 * *_key columns hold the lower-cased forms search and the project views
 * compare (speaker, entity name, figure unit lemma). Every table keeps its
 * rowid: archives (electron/core/archive) copy rows by rowid.
 */
export const m011Facts: Migration = {
  version: 11,
  name: 'facts',
  up(db) {
    db.exec(`
      CREATE TABLE fact_runs (
        version_id    INTEGER PRIMARY KEY REFERENCES article_versions (id) ON DELETE CASCADE,
        article_id    INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        extracted_at  TEXT    NOT NULL,
        quotes        INTEGER NOT NULL,
        entities      INTEGER NOT NULL,
        figures       INTEGER NOT NULL,
        dates         INTEGER NOT NULL,
        dropped       INTEGER NOT NULL DEFAULT 0,
        error         TEXT
      ) STRICT;

      CREATE INDEX fact_runs_by_article ON fact_runs (article_id);

      CREATE TABLE facts (
        id                 INTEGER PRIMARY KEY,
        article_id         INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version_id         INTEGER NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
        kind               TEXT    NOT NULL CHECK (kind IN ('quote', 'figure', 'date')),
        ordinal            INTEGER NOT NULL CHECK (ordinal >= 0),
        text               TEXT    NOT NULL,
        exact              TEXT    NOT NULL CHECK (length(exact) > 0),
        prefix             TEXT    NOT NULL,
        suffix             TEXT    NOT NULL,
        start_offset       INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset         INTEGER NOT NULL CHECK (end_offset > start_offset),
        source             TEXT,
        speaker            TEXT,
        speaker_key        TEXT,
        cue                TEXT,
        anonymous          INTEGER,
        quote_kind         TEXT CHECK (quote_kind IS NULL OR quote_kind IN ('direct', 'indirect')),
        source_start       INTEGER,
        source_end         INTEGER,
        value              REAL,
        unit               TEXT,
        unit_key           TEXT,
        qualifier          TEXT,
        iso                TEXT,
        precision          TEXT,
        anchor_version_id  INTEGER REFERENCES article_versions (id) ON DELETE SET NULL,
        anchor_start       INTEGER,
        anchor_end         INTEGER,
        anchor_status      TEXT    NOT NULL CHECK (anchor_status IN ('ok', 'changed', 'orphan')),
        anchor_score       REAL,
        anchor_method      TEXT,
        CHECK ((anchor_start IS NULL) = (anchor_end IS NULL)),
        CHECK (kind <> 'quote' OR (source IS NOT NULL AND cue IS NOT NULL AND anonymous IN (0, 1))),
        CHECK (kind <> 'figure' OR (value IS NOT NULL AND unit IS NOT NULL AND unit_key IS NOT NULL)),
        CHECK (kind <> 'date' OR (iso IS NOT NULL AND precision IN ('day', 'month', 'year')))
      ) STRICT;

      CREATE INDEX facts_by_version ON facts (version_id, kind, start_offset);
      CREATE INDEX facts_by_article ON facts (article_id);
      CREATE INDEX facts_by_anchor_version ON facts (anchor_version_id);
      CREATE INDEX facts_by_speaker ON facts (speaker_key) WHERE kind = 'quote';
      CREATE INDEX facts_by_unit ON facts (unit_key) WHERE kind = 'figure';
      CREATE INDEX facts_by_iso ON facts (iso) WHERE kind = 'date';

      CREATE TABLE fact_entities (
        id          INTEGER PRIMARY KEY,
        article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version_id  INTEGER NOT NULL REFERENCES article_versions (id) ON DELETE CASCADE,
        ordinal     INTEGER NOT NULL CHECK (ordinal >= 0),
        name        TEXT    NOT NULL CHECK (length(name) > 0),
        name_key    TEXT    NOT NULL,
        type        TEXT    NOT NULL CHECK (type IN ('person', 'org', 'place')),
        aliases     TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(aliases))
      ) STRICT;

      CREATE INDEX fact_entities_by_version ON fact_entities (version_id, ordinal);
      CREATE INDEX fact_entities_by_article ON fact_entities (article_id);
      CREATE INDEX fact_entities_by_name ON fact_entities (name_key);

      CREATE TABLE fact_entity_mentions (
        entity_id     INTEGER NOT NULL REFERENCES fact_entities (id) ON DELETE CASCADE,
        start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
        end_offset    INTEGER NOT NULL CHECK (end_offset > start_offset),
        PRIMARY KEY (entity_id, start_offset)
      ) STRICT;
    `);
  },
};

import type { Migration } from '../migrate';

/**
 * The extractor version of each facts run (issue #13): fact_runs records which
 * version of the extractor produced a version's facts, so a newer extractor's
 * background backfill re-extracts the facts an older one made (the backfill's
 * work list is "no run, or a run by an older extractor").
 *
 * Every run stored before this migration was made by extractor 1.
 */
export const m013FactExtractorVersion: Migration = {
  version: 13,
  name: 'fact-extractor-version',
  up(db) {
    db.exec(`ALTER TABLE fact_runs ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 1 CHECK (extractor_version >= 1);`);
  },
};

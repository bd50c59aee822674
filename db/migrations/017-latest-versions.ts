import type { Migration } from '../migrate';

/**
 * One view for "the latest version of an article" (it was a subquery written in
 * four repositories). SQLite flattens the view into each join, so a lookup stays
 * two probes of the (article_id, version_no) unique index.
 */
export const m017LatestVersions: Migration = {
  version: 17,
  name: 'latest-versions',
  up(db) {
    db.exec(`
      CREATE VIEW latest_article_versions AS
        SELECT v.* FROM article_versions v
         WHERE v.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = v.article_id);
    `);
  },
};

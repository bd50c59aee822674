/**
 * "The latest version of each article", defined once: a row source with article_versions' columns,
 * to join as `JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id`. SQLite flattens it into the
 * join, so each lookup is two probes of the (article_id, version_no) unique index.
 *
 * A constant rather than a view: repositories also run against libraries opened at older schema
 * versions (the migration tests seed them with today's services), which a view added by a later
 * migration would break.
 */
export const LATEST_VERSIONS = `(SELECT * FROM article_versions lv
   WHERE lv.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = lv.article_id))`;

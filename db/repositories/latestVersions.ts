/**
 * "The latest version of each article", defined once: a row source with article_versions' columns,
 * to join as `JOIN ${LATEST_VERSIONS} v ON v.article_id = a.id`. SQLite flattens it into the
 * join, so each lookup is two probes of the (article_id, version_no) unique index.
 *
 * Migration 017 (db/migrations/017-latest-versions.ts) creates the same rows as the view
 * `latest_article_versions`. Migration numbers must be contiguous and 012–016 belong to other
 * branches: once they have landed and 017 is registered in MIGRATIONS, this constant becomes
 * `latest_article_versions` and every query below reads the view.
 */
export const LATEST_VERSIONS = `(SELECT * FROM article_versions lv
   WHERE lv.version_no = (SELECT max(version_no) FROM article_versions WHERE article_id = lv.article_id))`;

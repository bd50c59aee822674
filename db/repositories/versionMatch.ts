import type { Db } from '../connection';
import { prepared } from '../statements';

/** What the version matcher compares a new clip with: every article outside the Trash, by title and address. */
export function matchCandidates(db: Db): Array<{ id: number; title: string; canonicalUrl: string | null }> {
  return prepared<[], { id: number; title: string; canonical_url: string | null }>(db, `SELECT id, title, canonical_url FROM articles WHERE trashed_at IS NULL ORDER BY id`)
    .all()
    .map((row) => ({ id: row.id, title: row.title, canonicalUrl: row.canonical_url }));
}

/** The plain text of the article's latest version. */
export function latestText(db: Db, articleId: number): string | undefined {
  return prepared<[number], { content_text: string }>(db, `SELECT content_text FROM article_versions WHERE article_id = ? ORDER BY version_no DESC LIMIT 1`).get(articleId)?.content_text;
}

/** An article outside the Trash, for "save as a new version of": its title, or undefined when it is gone. */
export function liveArticleTitle(db: Db, articleId: number): string | undefined {
  return prepared<[number], { title: string }>(db, `SELECT title FROM articles WHERE id = ? AND trashed_at IS NULL`).get(articleId)?.title;
}

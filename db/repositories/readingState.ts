import type { Db } from '../connection';
import { prepared } from '../statements';

/** How many of these article ids exist (trashed ones included). */
export function countExistingArticles(db: Db, ids: readonly number[]): number {
  return prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
  ).get(JSON.stringify(ids))!.n;
}

/** Sets reading state and/or star on these articles (null leaves a field as it is); returns the rows changed. */
export function setReadingState(
  db: Db,
  ids: readonly number[],
  readingState: string | null,
  starred: boolean | null,
  now: string,
): number {
  return prepared(
    db,
    `UPDATE articles SET reading_state = coalesce(?, reading_state), starred = coalesce(?, starred), updated_at = ?
      WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(readingState, starred === null ? null : Number(starred), now, JSON.stringify(ids)).changes;
}

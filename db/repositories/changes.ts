import type { Db } from '../connection';

/**
 * SQLite's data_version: it changes, on this connection, only when ANOTHER
 * connection committed to the file (never for this connection's own writes),
 * and reading it touches no page, so polling it is cheap.
 */
export function dataVersion(db: Db): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** The newest note save, as a watermark to find later saves by. */
export function latestNoteUpdate(db: Db): string {
  return (db.prepare(`SELECT coalesce(max(updated_at), '') FROM notes`).pluck().get() as string) ?? '';
}

/** Notes saved after a watermark (the notes table is small: one scan). */
export function notesUpdatedAfter(db: Db, after: string): { id: number; revision: number; updatedAt: string }[] {
  return db
    .prepare<[string], { id: number; revision: number; updatedAt: string }>(`SELECT id, revision, updated_at AS updatedAt FROM notes WHERE updated_at > ? ORDER BY updated_at`)
    .all(after);
}

/** Every passage of an article with its anchor status (after a re-anchor, for the change event). */
export function passageStatusesOfArticle(db: Db, articleId: number): { id: number; status: 'ok' | 'changed' | 'orphan' | 'source_deleted' }[] {
  return db.prepare<[number], { id: number; status: 'ok' | 'changed' | 'orphan' | 'source_deleted' }>(`SELECT id, anchor_status AS status FROM passages WHERE article_id = ? ORDER BY id`).all(articleId);
}

import type { Db } from '../connection';

/**
 * The Trash: notes and articles with trashed_at set. Every other query that
 * lists, counts, searches or exports items leaves them out (`trashed_at IS
 * NULL`); these are the only ones that look inside.
 */

export type TrashKind = 'note' | 'article';

export interface TrashRow {
  type: TrashKind;
  id: number;
  title: string;
  trashedAt: string;
}

const TABLE: Record<TrashKind, 'notes' | 'articles'> = { note: 'notes', article: 'articles' };

/** Newest first. */
export function listTrash(db: Db): TrashRow[] {
  return db
    .prepare(
      `SELECT 'note' AS type, id, title, trashed_at AS trashedAt FROM notes WHERE trashed_at IS NOT NULL
       UNION ALL
       SELECT 'article' AS type, id, title, trashed_at AS trashedAt FROM articles WHERE trashed_at IS NOT NULL
       ORDER BY trashedAt DESC, type, id DESC`,
    )
    .all() as TrashRow[];
}

/** Puts live items in the trash; returns how many were moved (items already trashed or missing are not counted). */
export function moveToTrash(db: Db, kind: TrashKind, ids: readonly number[], now: string): number {
  return db
    .prepare(`UPDATE ${TABLE[kind]} SET trashed_at = ? WHERE trashed_at IS NULL AND id IN (SELECT value FROM json_each(?))`)
    .run(now, JSON.stringify(ids)).changes;
}

/** Takes items out of the trash; returns how many came back. */
export function restoreFromTrash(db: Db, kind: TrashKind, ids: readonly number[]): number {
  return db
    .prepare(`UPDATE ${TABLE[kind]} SET trashed_at = NULL WHERE trashed_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify(ids)).changes;
}

/** How many of these ids are live (exist and are not in the trash). */
export function countLive(db: Db, kind: TrashKind, ids: readonly number[]): number {
  return db
    .prepare(`SELECT count(*) FROM ${TABLE[kind]} WHERE trashed_at IS NULL AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** How many of these ids are in the trash. */
export function countTrashed(db: Db, kind: TrashKind, ids: readonly number[]): number {
  return db
    .prepare(`SELECT count(*) FROM ${TABLE[kind]} WHERE trashed_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** Ids trashed at or before `cutoff` (an ISO timestamp; they compare as text). */
export function trashedBefore(db: Db, kind: TrashKind, cutoff: string): number[] {
  return db.prepare(`SELECT id FROM ${TABLE[kind]} WHERE trashed_at IS NOT NULL AND trashed_at <= ?`).pluck().all(cutoff) as number[];
}

export function allTrashed(db: Db, kind: TrashKind): number[] {
  return db.prepare(`SELECT id FROM ${TABLE[kind]} WHERE trashed_at IS NOT NULL`).pluck().all() as number[];
}

export function isTrashed(db: Db, kind: TrashKind, id: number): boolean {
  return db.prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE id = ? AND trashed_at IS NOT NULL`).pluck().get(id) !== undefined;
}

/** Deletes trashed notes for good (triggers keep search and the purge log right). */
export function deleteTrashedNotes(db: Db, ids: readonly number[]): number {
  return db.prepare(`DELETE FROM notes WHERE trashed_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids)).changes;
}

/** Deletes trashed articles for good, then the assets nothing uses any more. */
export function deleteTrashedArticles(db: Db, ids: readonly number[]): number {
  const deleted = db.prepare(`DELETE FROM articles WHERE trashed_at IS NOT NULL AND id IN (SELECT value FROM json_each(?))`).run(JSON.stringify(ids)).changes;
  if (deleted > 0) {
    db.prepare(
      `DELETE FROM assets WHERE sha256 NOT IN (SELECT asset_sha256 FROM article_version_assets)
         AND sha256 NOT IN (SELECT lead_image_sha256 FROM articles WHERE lead_image_sha256 IS NOT NULL)`,
    ).run();
  }
  return deleted;
}

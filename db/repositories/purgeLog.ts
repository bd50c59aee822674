import type { Db } from '../connection';
import { optimizeExistingFullText } from './fullText';

/** The log of items deleted for good (migration 9), which older backups must lose too. */
export interface PurgedItem {
  kind: 'note' | 'article';
  item_id: number;
  deleted_at: string;
}

export function listPurged(db: Db): PurgedItem[] {
  return db.prepare<[], PurgedItem>(`SELECT kind, item_id, deleted_at FROM purge_log`).all();
}

/** Once every backup is clean. */
export function clearPurgeLog(db: Db): void {
  db.prepare(`DELETE FROM purge_log WHERE id <= (SELECT max(id) FROM purge_log)`).run();
}

/**
 * Deletes these items from a backup's database (any schema version: an old backup may have no
 * articles or purge log yet) so that no page keeps their text: secure_delete, the full-text
 * index merged, then VACUUM.
 */
export function scrubBackup(backup: Db, items: ReadonlyArray<Pick<PurgedItem, 'kind' | 'item_id'>>): void {
  backup.pragma('secure_delete = ON');
  backup.pragma('foreign_keys = ON');
  const hasArticles = backup.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'articles'`).get() !== undefined;
  const hasPurgeLog = backup.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'purge_log'`).get() !== undefined;
  backup.transaction(() => {
    for (const item of items) {
      if (item.kind === 'note') backup.prepare(`DELETE FROM notes WHERE id = ?`).run(item.item_id);
      else if (hasArticles) backup.prepare(`DELETE FROM articles WHERE id = ?`).run(item.item_id);
    }
    if (hasPurgeLog) backup.exec(`DELETE FROM purge_log`);
    // VACUUM copies the full-text index as it is: merge it first so the deleted rows' tokens go too.
    optimizeExistingFullText(backup);
  })();
  backup.exec('VACUUM');
}

import { checkpointWal } from '../../../db/checkpoint';
import { FULL_TEXT_TABLES, optimizeFullText } from '../../../db/repositories/fullText';
import { purgeDeletedSourcePassages } from '../../../db/repositories/passages';
import type { CoreContext } from '../context';

/**
 * Deleted means gone: from the file, the WAL, the full-text index and later
 * backups. Every delete of user text (notes, articles one by one or in bulk,
 * and with them their versions and passages) goes through deleteAndScrub:
 *
 * - `remove` runs in one IMMEDIATE transaction together with the passage
 *   purge (a deleted article's passages stay only as far as notes quote them)
 *   and an FTS5 'optimize' of the indexes that held the deleted rows, which
 *   drops their tokens (db/repositories/fullText.ts says why not FTS5's
 *   'secure-delete'). PRAGMA secure_delete (set on open) zeroes every freed
 *   byte. `remove` throws when there is nothing to delete (not found): the
 *   transaction then rolls back and nothing is scrubbed or changed.
 * - After the commit, the WAL still holds the pages as they were before the
 *   delete: wal_checkpoint(TRUNCATE) copies the zeroed pages into the main
 *   file and truncates the WAL to zero bytes.
 *
 * Older rotating backups are pruned at the next rotation (services/backups.ts);
 * a backup taken after the delete is a copy of the scrubbed file.
 */
export function deleteAndScrub<T>(ctx: CoreContext, kind: 'note' | 'article' | readonly ('note' | 'article')[], remove: () => T): T {
  const kinds = typeof kind === 'string' ? [kind] : kind;
  const result = ctx.db
    .transaction(() => {
      const value = remove();
      purgeDeletedSourcePassages(ctx.db);
      // Passages index the titles of the notes quoting them, and die with unquoted deleted sources.
      optimizeFullText(ctx.db, [...kinds.flatMap((k) => FULL_TEXT_TABLES[k]), ...FULL_TEXT_TABLES.passage]);
      return value;
    })
    .immediate();
  scrubDeletedContent(ctx);
  return result;
}

/**
 * Empties the WAL so its older frames no longer hold deleted text. A reader in
 * another process (the CLI) can keep the checkpoint from finishing: walCleared
 * is then false and the next delete, or the idle checkpoint, tries again.
 */
export function scrubDeletedContent(ctx: CoreContext): { walCleared: boolean } {
  return { walCleared: !checkpointWal(ctx.db, 'TRUNCATE').busy };
}

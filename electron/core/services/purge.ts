import type { CoreContext } from '../context';

/**
 * Source confidentiality after a deletion. secure_delete (set on open)
 * overwrites the deleted rows' bytes in the pages themselves; this also
 * empties the WAL, whose older frames still hold the pages as they were
 * before the delete. TRUNCATE resets the WAL file to zero bytes.
 *
 * Whoever adds an FTS index must also purge it here (FTS5 keeps deleted
 * tokens in its segments until merged): enable FTS5's 'secure-delete'
 * option on the table and run its 'optimize' command before the checkpoint.
 * Backups are pruned at the next rotation (services/backups.ts).
 */
export function scrubDeletedContent(ctx: CoreContext): { walCleared: boolean } {
  const [result] = ctx.db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
  return { walCleared: result !== undefined && result.busy === 0 };
}

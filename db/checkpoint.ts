import type { Db } from './connection';

export type CheckpointMode = 'PASSIVE' | 'TRUNCATE';

export interface CheckpointResult {
  /** True when another connection kept the checkpoint from finishing. */
  busy: boolean;
  /** Frames in the WAL, and how many of them are now in the main file. */
  logFrames: number;
  checkpointedFrames: number;
}

/**
 * Copies the WAL's committed pages into the main file. PASSIVE never waits
 * for (or blocks) other connections; TRUNCATE also resets the WAL to zero
 * bytes when no reader needs it.
 */
export function checkpointWal(db: Db, mode: CheckpointMode): CheckpointResult {
  const [row] = db.pragma(`wal_checkpoint(${mode})`) as Array<{ busy: number; log: number; checkpointed: number }>;
  return { busy: row === undefined || row.busy !== 0, logFrames: row?.log ?? 0, checkpointedFrames: row?.checkpointed ?? 0 };
}

/** Rows this connection has changed since it opened: a cheap "has anything been written?" probe. */
export function totalChanges(db: Db): number {
  return (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

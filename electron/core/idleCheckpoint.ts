import { checkpointWal, totalChanges } from '../../db/checkpoint';
import type { Db } from '../../db/connection';

/** How often the connection is looked at; a checkpoint follows one to two periods after the last write. */
export const IDLE_CHECKPOINT_PERIOD_MS = 2000;

/**
 * Keeps the main library file close behind the WAL. SQLite checkpoints on
 * its own only every 1000 pages, so a small library can live entirely in its
 * WAL for days; if the WAL is then lost (deleted by a cleaner, a sync tool or
 * a user while the app runs) the library reopens empty. A PASSIVE
 * checkpoint once writes pause (no write in the last period) copies them into
 * the main file without blocking anyone. The timer is unref'd, so it never
 * keeps a process (the CLI) alive, and stops when the library closes.
 */
export class IdleCheckpoint {
  private readonly timer: NodeJS.Timeout;
  private seenChanges: number;
  private pending = false;

  constructor(
    private readonly db: Db,
    periodMs = IDLE_CHECKPOINT_PERIOD_MS,
  ) {
    this.seenChanges = totalChanges(db);
    this.timer = setInterval(() => this.tick(), periodMs);
    this.timer.unref();
  }

  /** One look: a write since the last look postpones the checkpoint; a quiet period after writes runs it. */
  tick(): void {
    if (!this.db.open) return this.stop();
    const changes = totalChanges(this.db);
    if (changes !== this.seenChanges) {
      this.seenChanges = changes;
      this.pending = true;
      return;
    }
    if (!this.pending || this.db.inTransaction) return;
    // A reader in another process may hold some frames back: they stay pending, the next quiet tick tries again.
    const result = checkpointWal(this.db, 'PASSIVE');
    this.pending = result.busy || result.checkpointedFrames < result.logFrames;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

import { totalChanges } from '../../db/checkpoint';
import { dataVersion, latestNoteUpdate, notesUpdatedAfter } from '../../db/repositories/changes';
import type { Db } from '../../db/connection';
import type { ChangeEvents } from './events';

/** How often the long-running host looks for commits by other processes. */
export const EXTERNAL_POLL_MS = 400;

/**
 * Sees writes made by ANOTHER process (the CLI, a second app instance) on the
 * same library file, by polling SQLite's data_version on the shared
 * connection, and turns each into change events: `note.saved` for every note
 * saved since the last look (cheap: the notes table is small), then a generic
 * `library.changed` so windows refetch the rest. Our own writes never move
 * data_version, so nothing is announced twice. The timer is unref'd and the
 * watch survives a restore (the handle is read on every tick: a new handle
 * starts a new baseline and announces a library change).
 */
export function watchExternalChanges(getDb: () => Db | undefined, events: ChangeEvents, periodMs = EXTERNAL_POLL_MS): { stop(): void; tick(): void } {
  let db: Db | undefined;
  let version = 0;
  let watermark = '';
  let ownChanges = 0;

  const tick = (): void => {
    let current: Db | undefined;
    try {
      current = getDb();
    } catch {
      current = undefined; // damaged or closed: nothing to watch until it opens again
    }
    if (!current?.open) {
      db = undefined;
      return;
    }
    try {
      if (current !== db) {
        const first = db === undefined && version === 0;
        db = current;
        version = dataVersion(current);
        watermark = latestNoteUpdate(current);
        ownChanges = totalChanges(current);
        if (!first) events.emit({ type: 'library.changed', origin: 'external' });
        return;
      }
      if (current.inTransaction) return;
      const now = dataVersion(current);
      const own = totalChanges(current);
      const wroteHere = own !== ownChanges;
      ownChanges = own;
      if (now === version) {
        // Only this process wrote: its saves were announced already; move the watermark past them.
        if (wroteHere) watermark = latestNoteUpdate(current);
        return;
      }
      version = now;
      for (const note of notesUpdatedAfter(current, watermark)) {
        watermark = note.updatedAt;
        events.emit({ type: 'note.saved', origin: 'external', noteId: note.id, revision: note.revision });
      }
      events.emit({ type: 'library.changed', origin: 'external' });
    } catch (error) {
      // A busy or locked file: look again next tick.
      console.error('[dossier] watching for external changes failed:', error);
    }
  };
  const timer = setInterval(tick, periodMs);
  timer.unref();
  tick();
  return { stop: () => clearInterval(timer), tick };
}

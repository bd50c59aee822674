import type { CoreContext } from './context';
import type { ChangeEvents } from './events';
import { watchExternalChanges } from './externalChanges';
import { createHandlers, type Handlers } from './handlers';
import type { Library } from './library';
import { openContext, type OpenContextOptions } from './openContext';
import { stopFactsBackfill } from './services/factsBackfill';
import { startTrashUpkeep } from './services/trash';

export interface Core {
  readonly ctx: CoreContext;
  readonly handlers: Handlers;
  readonly library: Library;
  /** Change events of this process's writes (and, once watched, other processes'). */
  readonly events: ChangeEvents;
  /** For long-running hosts (the app, the harness): also announce commits by other processes; stops on close. */
  watchExternalChanges(periodMs?: number): void;
  close(): void;
}

/**
 * Opens the store at dbPath and builds the handler table every transport binds.
 * A damaged file does not make this throw: it is set aside and the core starts
 * in the "damaged" state (see Library), so the app can offer a backup.
 */
export function openCore(dbPath: string, options: OpenContextOptions = {}): Core {
  const { ctx, library, close } = openContext(dbPath, options);
  // Deleted items past the retention period go at startup and hourly, whichever process opened the library.
  const trashUpkeep = options.readonly ? undefined : startTrashUpkeep(ctx);
  const events = ctx.events!;
  let watch: { stop(): void } | undefined;
  return {
    ctx,
    handlers: createHandlers(ctx),
    library,
    events,
    watchExternalChanges: (periodMs) => {
      watch ??= watchExternalChanges(() => library.db, events, periodMs);
    },
    close: () => {
      watch?.stop();
      trashUpkeep?.stop();
      stopFactsBackfill(ctx);
      close();
    },
  };
}

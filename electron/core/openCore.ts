import { resolve } from 'node:path';
import type { OpenOptions } from '../../db/connection';
import { systemClock, type CoreContext, type CoreHost } from './context';
import { ChangeEvents } from './events';
import { watchExternalChanges } from './externalChanges';
import { createHandlers, type Handlers } from './handlers';
import { Library } from './library';

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
export function openCore(dbPath: string, options: OpenOptions & { now?: () => string; host?: CoreHost } = {}): Core {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  const now = options.now ?? systemClock;
  const library = new Library(path, options, now);
  const events = new ChangeEvents();
  let watch: { stop(): void } | undefined;
  const ctx: CoreContext = {
    get db() {
      return library.db;
    },
    dbPath: path,
    now,
    library,
    events,
    ...(options.host ? { host: options.host } : {}),
  };
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
      library.close();
    },
  };
}

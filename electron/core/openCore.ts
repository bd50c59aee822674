import { resolve } from 'node:path';
import type { OpenOptions } from '../../db/connection';
import { systemClock, type CoreContext, type CoreHost } from './context';
import { createHandlers, type Handlers } from './handlers';
import { Library } from './library';
import { startTrashUpkeep } from './services/trash';

export interface Core {
  readonly ctx: CoreContext;
  readonly handlers: Handlers;
  readonly library: Library;
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
  const ctx: CoreContext = {
    get db() {
      return library.db;
    },
    dbPath: path,
    now,
    library,
    ...(options.host ? { host: options.host } : {}),
  };
  // Deleted items past the retention period go at startup and hourly, whichever process opened the library.
  const trashUpkeep = options.readonly ? undefined : startTrashUpkeep(ctx);
  return {
    ctx,
    handlers: createHandlers(ctx),
    library,
    close: () => {
      trashUpkeep?.stop();
      library.close();
    },
  };
}

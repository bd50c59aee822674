import { resolve } from 'node:path';
import type { OpenOptions } from '../../db/connection';
import { systemClock, type CoreContext, type CoreHost } from './context';
import { ChangeEvents } from './events';
import { Library } from './library';

export interface OpenedContext {
  readonly ctx: CoreContext;
  readonly library: Library;
  close(): void;
}

export type OpenContextOptions = OpenOptions & { now?: () => string; host?: CoreHost };

/**
 * Opens the store at dbPath and the context every service reads, without
 * building any handler: openCore() adds the whole table (Electron, the browser
 * harness), the CLI loads only the domain its command calls (lazyHandlers.ts).
 */
export function openContext(dbPath: string, options: OpenContextOptions = {}): OpenedContext {
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
    events: new ChangeEvents(),
    ...(options.host ? { host: options.host } : {}),
  };
  return { ctx, library, close: () => library.close() };
}

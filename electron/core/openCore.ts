import { resolve } from 'node:path';
import { openDatabase, type OpenOptions } from '../../db/connection';
import { systemClock, type CoreContext, type CoreHost } from './context';
import { createHandlers, type Handlers } from './handlers';

export interface Core {
  readonly ctx: CoreContext;
  readonly handlers: Handlers;
  close(): void;
}

/** Opens the store at dbPath and builds the handler table every transport binds. */
export function openCore(dbPath: string, options: OpenOptions & { now?: () => string; host?: CoreHost } = {}): Core {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  const db = openDatabase(path, options);
  const ctx: CoreContext = { db, dbPath: path, now: options.now ?? systemClock, ...(options.host ? { host: options.host } : {}) };
  return {
    ctx,
    handlers: createHandlers(ctx),
    close: () => db.close(),
  };
}

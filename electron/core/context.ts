import type { Db } from '../../db/connection';
import type { Library } from './library';

/** Everything a service needs; built once per process by openCore(). */
export interface CoreContext {
  /**
   * The open store. Read it on every call (never keep it in a variable across
   * calls): a restore swaps the handle, and while the library is damaged
   * reading it throws db_corrupt.
   */
  readonly db: Db;
  readonly dbPath: string;
  /** Injected so tests can control time; always an ISO-8601 UTC string with milliseconds. */
  now(): string;
  /** Recovery and backups; absent in contexts built by hand (those channels then answer `unsupported`). */
  readonly library?: Library;
}

export function systemClock(): string {
  return new Date().toISOString();
}

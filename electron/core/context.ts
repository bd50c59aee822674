import type { Db } from '../../db/connection';

/** Everything a service needs; built once per process by openCore(). */
export interface CoreContext {
  readonly db: Db;
  readonly dbPath: string;
  /** Injected so tests can control time; always an ISO-8601 UTC string with milliseconds. */
  now(): string;
}

export function systemClock(): string {
  return new Date().toISOString();
}

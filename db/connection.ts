import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DossierError } from '../shared/errors';
import { migrate, type MigrateHooks, type Migration } from './migrate';
import { MIGRATIONS } from './migrations';
import { SPACELESS_SQL_FUNCTION, sqlHasSpacelessScript } from '../shared/search/scripts';

export type Db = Database.Database;

/**
 * better-sqlite3 is built per ABI: Node's build (tests, CLI, harness) sits in node_modules, the
 * Electron app loads its own build from another path. The process says once which build to use,
 * and every connection (library, backups, verification, pruning) opens through openConnection, so
 * no file is ever opened with the wrong build (which would make a good backup look damaged).
 */
let configuredNativeBinding: string | undefined;

/** Which better_sqlite3.node every later connection loads (undefined: the package's own build). */
export function useNativeBinding(file: string | undefined): void {
  configuredNativeBinding = file;
}

/** The one place this code base calls `new Database`: applies the configured native build. */
export function openConnection(path: string | Buffer, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(configuredNativeBinding ? { nativeBinding: configuredNativeBinding } : {}),
  });
}

/** An error from SQLite itself saying the file is damaged or not a database (not: cannot load, no permission). */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

export interface OpenOptions {
  /** How long a writer waits for another connection's lock before failing with db_busy. */
  busyTimeoutMs?: number;
  /** For tests that inject migrations; the app always uses MIGRATIONS. */
  migrations?: readonly Migration[];
  readonly?: boolean;
  /** Called before pending migrations run on an existing database (the app takes a backup there). */
  beforeMigrate?: MigrateHooks['beforeMigrate'];
}

/**
 * Opens (creating if needed) the Dossier store and brings its schema up to date.
 * Durability first: WAL with synchronous=FULL means a commit that returned is on
 * disk, even across power loss; secure_delete zeroes deleted content so removed
 * sources do not linger in free pages.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:' && !options.readonly) mkdirSync(dirname(path), { recursive: true });
  let db: Db;
  try {
    db = openConnection(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (error) {
    throw new DossierError('internal', `Cannot open the database at ${path}: ${messageOf(error)}`);
  }
  try {
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // macOS's fsync does not flush the drive's cache; F_FULLFSYNC does (power-loss safety there).
      if (process.platform === 'darwin') {
        db.pragma('fullfsync = ON');
        db.pragma('checkpoint_fullfsync = ON');
      }
      db.pragma('secure_delete = ON');
    }
    db.pragma('foreign_keys = ON');
    registerSqlFunctions(db);
    assertIntact(db);
    if (!options.readonly) migrate(db, options.migrations ?? MIGRATIONS, { beforeMigrate: options.beforeMigrate });
    return db;
  } catch (error) {
    db.close();
    throw translateSqliteError(error);
  }
}

/**
 * A second, read-only connection to an open library, for long reads (archive
 * and project exports) that await between pages: its own transaction is its
 * snapshot (WAL lets it read while the shared connection keeps committing), so
 * the connection every handler shares never holds a transaction across an
 * await. No quick_check (the shared connection checked the file at open) and
 * no migrations. A Buffer (a serialized in-memory library) opens a private copy.
 */
export function openReadConnection(source: string | Buffer, options: Pick<OpenOptions, 'busyTimeoutMs'> = {}): Db {
  let db: Db;
  try {
    db = openConnection(source, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw translateSqliteError(error);
  }
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  registerSqlFunctions(db);
  return db;
}

/**
 * quick_check on every open: a damaged file is reported as db_corrupt before
 * anything (a migration, a save) writes to it. O(pages), no index cross-check;
 * `dossier db check` runs the same, integrity_check runs before backups.
 */
export function assertIntact(db: Db): void {
  const problems = quickCheck(db);
  if (problems.length > 0) {
    throw new DossierError('db_corrupt', `The database file is damaged: ${problems.slice(0, 3).join('; ')}`);
  }
}

/** Problems SQLite's quick_check reports; empty when the file is sound. */
export function quickCheck(db: Db): string[] {
  const rows = (db.pragma('quick_check') as Array<{ quick_check: string }>).map((r) => r.quick_check);
  return rows.length === 1 && rows[0] === 'ok' ? [] : rows;
}

/**
 * SQL functions the schema's triggers call (the search triggers of migration 4):
 * every connection that writes to a Dossier file, backups included, needs them.
 */
export function registerSqlFunctions(db: Db): void {
  db.function(SPACELESS_SQL_FUNCTION, { deterministic: true, varargs: true }, sqlHasSpacelessScript);
}

/** Maps SQLite's error codes to the error codes users see. */
export function translateSqliteError(error: unknown): unknown {
  if (error instanceof DossierError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return error;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new DossierError('db_busy', 'The database is busy in another process (another Dossier window or the CLI). Try again.');
  }
  if (code === 'SQLITE_FULL') {
    return new DossierError('disk_full', 'The disk is full: nothing was saved. Free some space and try again.');
  }
  if (isCorruptionError(error)) {
    return new DossierError('db_corrupt', `The database file is damaged (${code}).`);
  }
  return error;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

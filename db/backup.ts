import { renameSync, rmSync } from 'node:fs';
import type { Db } from './connection';
import { isCorruptionError, openConnection, quickCheck } from './connection';
import { DossierError } from '../shared/errors';

export interface BackupFacts {
  schemaVersion: number;
  noteCount: number;
}

/**
 * Checks that a file is a sound Dossier library this version can open:
 * opened read-only, quick_check clean, a schema version no newer than
 * `maxSchemaVersion`, and the notes table present. Throws db_corrupt (or
 * db_from_newer_version) with the reason otherwise.
 */
export function verifyLibraryFile(path: string, maxSchemaVersion: number): BackupFacts {
  let db: Db | undefined;
  try {
    db = openConnection(path, { readonly: true, fileMustExist: true });
    const problems = quickCheck(db);
    if (problems.length > 0) throw new DossierError('db_corrupt', `${path} is damaged: ${problems.slice(0, 3).join('; ')}`);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion > maxSchemaVersion) {
      throw new DossierError('db_from_newer_version', `${path} was written by a newer Dossier (schema ${schemaVersion}).`);
    }
    const hasNotes = db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'notes'`).get() !== undefined;
    if (!hasNotes || schemaVersion < 1) throw new DossierError('invalid_input', `${path} is not a Dossier library.`);
    const noteCount = (db.prepare(`SELECT count(*) AS n FROM notes`).get() as { n: number }).n;
    return { schemaVersion, noteCount };
  } catch (error) {
    if (error instanceof DossierError) throw error;
    if (isCorruptionError(error)) {
      throw new DossierError('db_corrupt', `${path} is damaged or not a database (${(error as { code: string }).code}).`);
    }
    throw new DossierError('invalid_input', `Cannot read ${path}: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * A consistent, compacted copy of the open database, written synchronously
 * (used before migrations, when nothing may run in between). VACUUM INTO
 * copies live rows only, so deleted text never travels into the copy.
 */
export function vacuumInto(db: Db, destination: string): void {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    asStandaloneFile(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * An online copy with SQLite's backup API (better-sqlite3's `backup()`), which
 * copies the database page by page while other work continues. Written to a
 * temporary name and renamed only once complete.
 */
export async function onlineBackup(db: Db, destination: string): Promise<void> {
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    asStandaloneFile(partial);
    renameSync(partial, destination);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** A backup is one self-contained file: rollback-journal mode, so no -wal/-shm ever sits beside it. */
function asStandaloneFile(path: string): void {
  const copy = openConnection(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

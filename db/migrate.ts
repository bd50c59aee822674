import type Database from 'better-sqlite3';
import { DossierError } from '../shared/errors';

export interface Migration {
  /** Strictly increasing, starting at 1; stored in PRAGMA user_version. */
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export interface MigrateHooks {
  /** Runs once before the first pending migration of an existing (non-empty) database. */
  beforeMigrate?: (db: Database.Database, from: number, to: number) => void;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.at(-1)?.version ?? 0;
}

/**
 * Applies every pending migration, each in its own transaction together with
 * the user_version bump, so a migration that throws halfway leaves the previous
 * schema and data untouched. A database written by a newer Dossier is refused
 * rather than risk damaging tables this version does not know.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  hooks: MigrateHooks = {},
): { from: number; to: number } {
  assertOrdered(migrations);
  const from = schemaVersion(db);
  const latest = latestVersion(migrations);
  if (from > latest) {
    throw new DossierError(
      'db_from_newer_version',
      `This database was written by a newer version of Dossier (schema ${from}; this version knows up to ${latest}). ` +
        'Update Dossier to open it; the file was not changed.',
    );
  }
  // An existing library is copied before its schema changes; a failed copy stops the upgrade.
  if (from > 0 && from < latest) hooks.beforeMigrate?.(db, from, latest);
  for (const migration of migrations) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return { from, to: schemaVersion(db) };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration "${migration.name}" has version ${migration.version}, expected ${index + 1}`);
    }
  });
}

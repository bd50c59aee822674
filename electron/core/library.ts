import { existsSync } from 'node:fs';
import { openDatabase, openReadConnection, type Db, type OpenOptions } from '../../db/connection';
import { latestVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { verifyLibraryFile } from '../../db/backup';
import type { DbStatus } from '../../shared/contract/domains/db';
import { DossierError } from '../../shared/errors';
import { backupBeforeMigration, newestGoodBackup } from './services/backups';
import { findDamagedCopies, installLibraryFile, moveLibraryAside } from './services/recovery';

export interface DamageReport {
  movedTo: string | null;
  problem: string;
  detectedAt: string;
}

/**
 * Owns the open database handle and the recovery state around it.
 *
 * On open, a damaged file (quick_check fails, or SQLite reports it corrupt)
 * is never repaired or overwritten: it is moved aside under a timestamped
 * name and the library stays closed ("damaged") until the user restores a
 * backup or starts an empty library. While damaged, every channel that needs
 * the database answers db_corrupt; the db.* recovery channels still work.
 */
export class Library {
  private handle: Db | undefined;
  private damage: DamageReport | undefined;

  constructor(
    readonly path: string,
    private readonly options: OpenOptions,
    private readonly now: () => string,
  ) {
    this.openOrQuarantine();
  }

  get db(): Db {
    if (this.handle) return this.handle;
    throw new DossierError(
      'db_corrupt',
      'The library file is damaged and was set aside (nothing was deleted). Restore a backup or start an empty library.',
    );
  }

  status(): DbStatus {
    return {
      state: this.handle ? 'ok' : 'damaged',
      path: this.path,
      damaged: this.damage ?? null,
      // Verifying backups opens each one: only worth it when there is something to restore.
      newestGoodBackup: this.handle || this.path === ':memory:' ? null : newestGoodBackup(this.path),
    };
  }

  /** Replaces the library with a verified copy; the current file (if any) is moved aside, never deleted. */
  restore(file: string): { restoredFrom: string; previousMovedTo: string | null; schemaVersion: number; noteCount: number } {
    if (this.path === ':memory:') throw new DossierError('unsupported', 'An in-memory library cannot be restored.');
    if (!existsSync(file)) throw new DossierError('not_found', `${file} does not exist.`);
    verifyLibraryFile(file, latestVersion(this.options.migrations ?? MIGRATIONS));
    this.handle?.close();
    this.handle = undefined;
    const movedNow = moveLibraryAside(this.path, this.damage ? 'damaged' : 'replaced', this.now());
    const previousMovedTo = movedNow ?? this.damage?.movedTo ?? null;
    installLibraryFile(file, this.path);
    this.damage = undefined;
    this.openOrQuarantine();
    const db = this.db;
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const noteCount = (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
    return { restoredFrom: file, previousMovedTo, schemaVersion, noteCount };
  }

  /** After damage, the user may choose to start over; the damaged copy stays where it was moved. */
  startEmpty(): DbStatus {
    if (this.handle) throw new DossierError('forbidden', 'The library is not damaged; it is never replaced by an empty one.');
    // Whatever sits at the path now was found damaged: it is set aside too, never overwritten.
    moveLibraryAside(this.path, 'damaged', this.now());
    this.handle = openDatabase(this.path, this.openOptions());
    this.damage = undefined;
    return this.status();
  }

  /** A separate read-only connection to the same file (same native build), for long reads; the caller closes it. */
  openReader(): Db {
    const shared = this.db; // a damaged library answers db_corrupt here too
    return this.path === ':memory:' ? openReadConnection(shared.serialize(), this.options) : openReadConnection(this.path, this.options);
  }

  close(): void {
    this.handle?.close();
    this.handle = undefined;
  }

  private openOptions(): OpenOptions {
    return {
      ...this.options,
      beforeMigrate: (db, from) => {
        if (this.path !== ':memory:') backupBeforeMigration(db, this.path, this.now(), from);
      },
    };
  }

  private openOrQuarantine(): void {
    if (this.path !== ':memory:' && !existsSync(this.path)) {
      // The file is missing but an earlier launch set a damaged one aside: stay closed until the user decides.
      const damaged = findDamagedCopies(this.path)[0];
      if (damaged && !this.damage) {
        this.damage = { movedTo: damaged, problem: 'The library was found damaged and set aside earlier.', detectedAt: this.now() };
        return;
      }
    }
    try {
      this.handle = openDatabase(this.path, this.openOptions());
    } catch (error) {
      if (!(error instanceof DossierError) || error.code !== 'db_corrupt' || this.path === ':memory:') throw error;
      const detectedAt = this.now();
      const movedTo = moveLibraryAside(this.path, 'damaged', detectedAt);
      this.damage = { movedTo, problem: error.message, detectedAt };
    }
  }
}

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, openReadConnection, type Db, type OpenOptions } from '../../db/connection';
import { latestVersion, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { vacuumInto, verifyLibraryFile } from '../../db/backup';
import { libraryContents } from '../../db/repositories/libraryContents';
import { countNotes } from '../../db/repositories/notes';
import type { DamageReason, DbStatus } from '../../shared/contract/domains/db';
import { DossierError } from '../../shared/errors';
import { IdleCheckpoint } from './idleCheckpoint';
import { backupBeforeMigration, backupDirFor, backupFileName, newestGoodBackup } from './services/backups';
import { findDamagedCopies, installLibraryFile, lostDataProblem, moveLibraryAside } from './services/recovery';

export interface DamageReport {
  movedTo: string | null;
  problem: string;
  detectedAt: string;
  reason: DamageReason;
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
  private idleCheckpoint: IdleCheckpoint | undefined;

  constructor(
    readonly path: string,
    private readonly options: OpenOptions,
    private readonly now: () => string,
  ) {
    this.openOrQuarantine();
  }

  get db(): Db {
    if (this.handle) return this.handle;
    const what = this.damage?.reason === 'empty_with_backups' ? 'The library opened empty while a backup holds data; it' : 'The library file is damaged and';
    throw new DossierError('db_corrupt', `${what} was set aside (nothing was deleted). Restore a backup or start an empty library.`);
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
    this.close();
    const movedNow = moveLibraryAside(this.path, this.damage ? 'damaged' : 'replaced', this.now());
    const previousMovedTo = movedNow ?? this.damage?.movedTo ?? null;
    installLibraryFile(file, this.path);
    this.damage = undefined;
    this.openOrQuarantine();
    const db = this.db;
    return { restoredFrom: file, previousMovedTo, schemaVersion: schemaVersion(db), noteCount: countNotes(db) };
  }

  /** After damage, the user may choose to start over; the damaged copy stays where it was moved. */
  startEmpty(): DbStatus {
    if (this.handle) throw new DossierError('forbidden', 'The library is not damaged; it is never replaced by an empty one.');
    // Whatever sits at the path now was found damaged: it is set aside too, never overwritten.
    moveLibraryAside(this.path, 'damaged', this.now());
    const db = openDatabase(this.path, this.openOptions());
    // The user chose an empty library over the backups that hold data: an empty backup, newest,
    // records that choice so the next launch does not take the empty library for a lost one.
    if (this.damage?.reason === 'empty_with_backups') {
      mkdirSync(backupDirFor(this.path), { recursive: true });
      vacuumInto(db, join(backupDirFor(this.path), backupFileName(this.now(), 'manual')));
    }
    this.attach(db);
    this.damage = undefined;
    return this.status();
  }

  /** A separate read-only connection to the same file (same native build), for long reads; the caller closes it. */
  openReader(): Db {
    const shared = this.db; // a damaged library answers db_corrupt here too
    return this.path === ':memory:' ? openReadConnection(shared.serialize(), this.options) : openReadConnection(this.path, this.options);
  }

  close(): void {
    this.idleCheckpoint?.stop();
    this.idleCheckpoint = undefined;
    this.handle?.close();
    this.handle = undefined;
  }

  private attach(db: Db): void {
    this.handle = db;
    if (this.path !== ':memory:' && !this.options.readonly) this.idleCheckpoint = new IdleCheckpoint(db);
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
        this.damage = { movedTo: damaged, problem: 'The library was found damaged and set aside earlier.', detectedAt: this.now(), reason: 'corrupt' };
        return;
      }
    }
    let db: Db;
    try {
      db = openDatabase(this.path, this.openOptions());
    } catch (error) {
      if (!(error instanceof DossierError) || error.code !== 'db_corrupt' || this.path === ':memory:') throw error;
      const detectedAt = this.now();
      const movedTo = moveLibraryAside(this.path, 'damaged', detectedAt);
      this.damage = { movedTo, problem: error.message, detectedAt, reason: 'corrupt' };
      return;
    }
    const lost = this.lostData(db);
    if (!lost) return this.attach(db);
    // Opened with no schema or no rows while a backup holds notes or articles: the data is
    // somewhere else (typically a WAL deleted while the app ran). Set aside, like a damaged file.
    db.close();
    const detectedAt = this.now();
    const movedTo = moveLibraryAside(this.path, 'damaged', detectedAt);
    this.damage = { movedTo, problem: lost, detectedAt, reason: 'empty_with_backups' };
  }

  /**
   * Why an open library looks like one that lost its data, or null. Empty (no
   * notes, no articles) with no deletion pending is normal for a new library
   * and for one emptied on purpose, whose backups are pruned of what was
   * deleted; it is not when the newest good backup still holds data.
   */
  private lostData(db: Db): string | null {
    if (this.path === ':memory:' || this.options.readonly) return null;
    const contents = libraryContents(db);
    if (contents.notes > 0 || contents.articles > 0 || contents.pendingPurges > 0) return null;
    const backup = newestGoodBackup(this.path);
    if (!backup) return null;
    const held = this.backupContents(backup.file);
    if (held.notes === 0 && held.articles === 0) return null;
    return lostDataProblem(backup.createdAt, held.notes, held.articles);
  }

  private backupContents(file: string): { notes: number; articles: number } {
    const backup = openDatabase(file, { readonly: true });
    try {
      return libraryContents(backup);
    } finally {
      backup.close();
    }
  }
}

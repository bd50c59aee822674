import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { openConnection, registerSqlFunctions, type Db } from '../../../db/connection';
import { onlineBackup, vacuumInto, verifyLibraryFile } from '../../../db/backup';
import { latestVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import type { BackupInfo, BackupReason } from '../../../shared/contract/domains/db';
import { DossierError } from '../../../shared/errors';
import { clearPurgeLog, listPurged, scrubBackup, type PurgedItem } from '../../../db/repositories/purgeLog';

/** How many rotating backups are kept (oldest deleted first). */
export const BACKUPS_KEPT = 7;
/** Automatic backups (on quit, and an hourly check while running) happen at most this often. */
export const AUTOMATIC_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

const BACKUP_NAME = /^dossier-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.sqlite$/;

export function backupDirFor(dbPath: string): string {
  return join(dirname(dbPath), 'backups');
}

/** `dossier-20260125T101500123Z-daily.sqlite`: sorts by time, says why it was taken. */
export function backupFileName(nowIso: string, reason: BackupReason): string {
  return `dossier-${nowIso.replace(/[-:.]/g, '')}-${reason}.sqlite`;
}

function parseBackupName(name: string): { createdAt: string; reason: BackupInfo['reason'] } | undefined {
  const match = BACKUP_NAME.exec(name);
  if (!match) return undefined;
  const s = match[1]!;
  const createdAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
  const reason = (['daily', 'manual', 'pre-migration', 'pre-restore'] as const).find((r) => r === match[2]) ?? 'other';
  return { createdAt, reason };
}

/** Verifies one file and describes it; never throws for a bad file (ok: false, problem says why). */
export function describeBackup(file: string, createdAt: string, reason: BackupInfo['reason']): BackupInfo {
  const sizeBytes = existsSync(file) ? statSync(file).size : 0;
  try {
    const facts = verifyLibraryFile(file, latestVersion(MIGRATIONS));
    return { file, createdAt, reason, sizeBytes, ok: true, problem: null, ...facts };
  } catch (error) {
    return { file, createdAt, reason, sizeBytes, ok: false, problem: (error as Error).message, schemaVersion: null, noteCount: null };
  }
}

/** Every rotating backup of the library at dbPath, newest first, each verified now. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDirFor(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, parsed: parseBackupName(name) }))
    .filter((entry): entry is { name: string; parsed: NonNullable<ReturnType<typeof parseBackupName>> } => entry.parsed !== undefined)
    .sort((a, b) => b.name.localeCompare(a.name))
    .map(({ name, parsed }) => describeBackup(join(dir, name), parsed.createdAt, parsed.reason));
}

export function newestGoodBackup(dbPath: string): BackupInfo | null {
  return listBackups(dbPath).find((b) => b.ok) ?? null;
}

/**
 * Takes a verified backup. Into the rotating folder (pruning deleted items
 * from older backups first, then keeping the newest BACKUPS_KEPT), or to `out`,
 * which must not exist yet. A copy that fails verification is removed and
 * reported, never kept as if it were good.
 */
export async function createBackup(
  db: Db,
  dbPath: string,
  options: { reason: BackupReason; now: string; out?: string; keep?: number },
): Promise<BackupInfo> {
  const rotating = options.out === undefined;
  // The contract accepts every platform's absolute forms; here only this host's count, so
  // `C:\\x.db` on Linux is refused instead of becoming a file in the working directory.
  if (options.out !== undefined && !isAbsolute(options.out)) {
    throw new DossierError('invalid_input', `The backup path must be an absolute path on this system: ${options.out}`);
  }
  const target = options.out ?? join(backupDirFor(dbPath), backupFileName(options.now, options.reason));
  if (existsSync(target)) throw new DossierError('invalid_input', `${target} already exists; a backup never overwrites a file.`);
  if (!existsSync(dirname(target))) {
    if (!rotating) throw new DossierError('invalid_input', `The folder ${dirname(target)} does not exist.`);
  }
  if (rotating) prunePurgedItemsFromBackups(db, dbPath);
  mkdirSync(dirname(target), { recursive: true });
  await onlineBackup(db, target);
  const info = describeBackup(target, options.now, options.reason);
  if (!info.ok) {
    rmSync(target, { force: true });
    throw new DossierError('internal', `The backup could not be verified and was discarded: ${info.problem}`);
  }
  if (rotating) rotateBackups(dbPath, options.keep ?? BACKUPS_KEPT);
  return info;
}

/** The synchronous copy taken before migrations change an existing library's schema. */
export function backupBeforeMigration(db: Db, dbPath: string, now: string, fromVersion: number): string {
  const dir = backupDirFor(dbPath);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, backupFileName(now, 'pre-migration'));
  vacuumInto(db, target);
  verifyLibraryFile(target, fromVersion);
  return target;
}

/** Automatic backup when the newest one is older than the interval (or there is none). */
export async function backupIfDue(db: Db, dbPath: string, now: string, intervalMs = AUTOMATIC_BACKUP_INTERVAL_MS): Promise<BackupInfo | null> {
  const dir = backupDirFor(dbPath);
  const newest = existsSync(dir)
    ? readdirSync(dir)
        .map(parseBackupName)
        .filter((p) => p !== undefined)
        .map((p) => Date.parse(p.createdAt))
        .sort((a, b) => b - a)[0]
    : undefined;
  if (newest !== undefined && Date.parse(now) - newest < intervalMs) return null;
  return createBackup(db, dbPath, { reason: 'daily', now });
}

/** Keeps the newest `keep` backups; only files named like our backups are ever deleted. */
export function rotateBackups(dbPath: string, keep: number): string[] {
  const dir = backupDirFor(dbPath);
  const ours = readdirSync(dir).filter((name) => BACKUP_NAME.test(name)).sort().reverse();
  const removed = ours.slice(keep).map((name) => join(dir, name));
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

/**
 * Source confidentiality for backups: a note or article deleted from the
 * library is deleted from every older rotating backup too (secure_delete,
 * then VACUUM so no free page keeps its text), and the purge log is cleared
 * once every backup is clean. Backups written elsewhere with `--out` are the
 * user's own copies and are not touched.
 */
export function prunePurgedItemsFromBackups(db: Db, dbPath: string): number {
  const purged = listPurged(db);
  if (purged.length === 0) return 0;
  const dir = backupDirFor(dbPath);
  let pruned = 0;
  const failures: string[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir)) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      const older = purged.filter((p) => p.deleted_at > parsed.createdAt);
      if (older.length === 0) continue;
      try {
        pruneBackupFile(join(dir, name), older);
        pruned += 1;
      } catch (error) {
        const file = join(dir, name);
        if (isDamaged(file)) {
          // Damaged, so useless for a restore, and it still holds text the user deleted: remove it.
          rmSync(file, { force: true });
          pruned += 1;
          continue;
        }
        // A sound backup that could not be rewritten must not stop new backups; the log is kept so the next rotation retries.
        failures.push(`${name}: ${(error as Error).message}`);
      }
    }
  }
  if (failures.length > 0) {
    console.error(`[dossier] could not remove deleted items from ${failures.length} backup(s): ${failures.join('; ')}`);
    return pruned;
  }
  clearPurgeLog(db);
  return pruned;
}

/**
 * Only a file SQLite itself calls damaged (quick_check problems, SQLITE_CORRUPT/NOTADB) counts: a
 * file that could not be opened at all (a native build for another ABI, permissions, a lock) may be a
 * perfectly good backup and must never be deleted as if it were damaged.
 */
function isDamaged(file: string): boolean {
  try {
    verifyLibraryFile(file, latestVersion(MIGRATIONS));
    return false;
  } catch (error) {
    return error instanceof DossierError && error.code === 'db_corrupt';
  }
}

function pruneBackupFile(file: string, items: readonly PurgedItem[]): void {
  const backup = openConnection(file);
  try {
    registerSqlFunctions(backup);
    scrubBackup(backup, items);
  } finally {
    backup.close();
  }
  // Backups are written as rollback-journal files; make sure no journal lingers beside it.
  for (const suffix of ['-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

export function isRotatingBackupName(file: string): boolean {
  return BACKUP_NAME.test(basename(file));
}

import { copyFileSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const SIDE_FILES = ['-wal', '-shm', '-journal'] as const;

function stampOf(nowIso: string): string {
  return nowIso.replace(/[-:.]/g, '');
}

/**
 * Moves a library file aside, with its WAL and shared-memory files, under a
 * timestamped name: `dossier.sqlite` → `dossier.sqlite.damaged-20260125T101500123Z`
 * (its WAL keeps the matching `-wal` name, so SQLite tools can still open the pair).
 * Nothing is deleted. Returns the new path, or null if there was no file.
 */
export function moveLibraryAside(dbPath: string, label: 'damaged' | 'replaced', nowIso: string): string | null {
  if (!existsSync(dbPath)) return null;
  let target = `${dbPath}.${label}-${stampOf(nowIso)}`;
  for (let n = 2; existsSync(target); n += 1) target = `${dbPath}.${label}-${stampOf(nowIso)}-${n}`;
  renameSync(dbPath, target);
  for (const suffix of SIDE_FILES) {
    if (existsSync(`${dbPath}${suffix}`)) renameSync(`${dbPath}${suffix}`, `${target}${suffix}`);
  }
  return target;
}

/** Damaged copies kept beside the library, newest first. */
export function findDamagedCopies(dbPath: string): string[] {
  const dir = dirname(dbPath);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dbPath)}.damaged-`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !SIDE_FILES.some((s) => name.endsWith(s)))
    .sort()
    .reverse()
    .map((name) => join(dir, name));
}

/** Copies a verified backup into place through a temporary name, so a crash never leaves half a library. */
export function installLibraryFile(source: string, dbPath: string): void {
  const partial = `${dbPath}.restoring`;
  rmSync(partial, { force: true });
  copyFileSync(source, partial);
  for (const suffix of SIDE_FILES) rmSync(`${dbPath}${suffix}`, { force: true });
  renameSync(partial, dbPath);
}

/** What the recovery screen and `dossier db status` say when a library opened empty while a backup holds data. */
export function lostDataProblem(backupCreatedAt: string, notes: number, articles: number): string {
  const held = [notes > 0 ? `${notes} note${notes === 1 ? '' : 's'}` : '', articles > 0 ? `${articles} article${articles === 1 ? '' : 's'}` : '']
    .filter(Boolean)
    .join(' and ');
  return (
    `The library opened empty, but the backup of ${backupCreatedAt.slice(0, 16).replace('T', ' ')} UTC holds ${held}. ` +
    'Part of the library file is missing (its write-ahead log "-wal" may have been deleted while Dossier was running).'
  );
}

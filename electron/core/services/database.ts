import type { BackupInfo, DbCheck, DbStatus } from '../../../shared/contract/domains/db';
import { quickCheck } from '../../../db/connection';
import { latestVersion, schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { countNotes } from '../../../db/repositories/notes';
import { findTornNotes } from '../../../db/repositories/noteChecksums';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import type { Library } from '../library';
import { createBackup, listBackups } from './backups';

export function checkDatabase(ctx: CoreContext): DbCheck {
  const problems = quickCheck(ctx.db);
  const version = schemaVersion(ctx.db);
  const appVersion = latestVersion(MIGRATIONS);
  const tornNoteIds = findTornNotes(ctx.db).map((t) => t.noteId);
  return {
    ok: problems.length === 0 && version === appVersion && tornNoteIds.length === 0,
    quickCheck: problems.length === 0 ? ['ok'] : problems,
    schemaVersion: version,
    appSchemaVersion: appVersion,
    path: ctx.dbPath,
    noteCount: countNotes(ctx.db),
    tornNoteIds,
  };
}

function libraryOf(ctx: CoreContext): Library {
  if (!ctx.library || ctx.dbPath === ':memory:') throw new DossierError('unsupported', 'This library has no backups (it is not a file).');
  return ctx.library;
}

export function databaseStatus(ctx: CoreContext): DbStatus {
  return libraryOf(ctx).status();
}

export function listLibraryBackups(ctx: CoreContext): BackupInfo[] {
  return listBackups(libraryOf(ctx).path);
}

export function backupNow(ctx: CoreContext, out?: string): Promise<BackupInfo> {
  const library = libraryOf(ctx);
  return createBackup(ctx.db, library.path, { reason: 'manual', now: ctx.now(), out });
}

export function restoreLibrary(ctx: CoreContext, file: string): ReturnType<Library['restore']> {
  return libraryOf(ctx).restore(file);
}

export function startEmptyLibrary(ctx: CoreContext): DbStatus {
  return libraryOf(ctx).startEmpty();
}

import { basename, dirname, resolve } from 'node:path';
import type { Channel } from '../../shared/contract/channels';
import { backupDirFor, isRotatingBackupName } from './services/backups';

/**
 * What the Electron renderer may not ask for, whatever its input: it never
 * names a file-system path for Dossier to write or read. Paths come from the
 * main process's own dialogs (clip.pickFiles, export.noteToChosenFile,
 * export.projectStart, export.archiveToChosenFile, export.importArchivePreview)
 * or from the CLI, whose user typed them. A compromised renderer (hostile
 * content that beat every other layer) therefore cannot make Dossier overwrite
 * or read an arbitrary file. The browser harness keeps typed paths: it is a
 * local developer tool with no dialogs, guarded by its per-run token.
 */
const PATH_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'clip.files',
  'import.files',
  'export.note',
  'export.notes',
  'export.project',
  'export.archive',
  'export.importArchive',
]);

/** Channels that take an optional path: fine without it (the main process then asks in a dialog), refused with it. */
const OPTIONAL_PATH_KEYS: Partial<Record<Channel, string>> = {
  'db.backup': 'out',
  'export.projectStart': 'folder',
  'export.importArchivePreview': 'file',
};

const NO_PATHS = 'The app chooses files and folders in its own dialogs; a path cannot be passed in.';

/** Why the renderer may not make this call (undefined: it may). `dbPath` is the open library's file. */
export function rendererRefusal(channel: Channel, input: unknown, dbPath: string): string | undefined {
  if (PATH_CHANNELS.has(channel)) return NO_PATHS;
  const key = OPTIONAL_PATH_KEYS[channel];
  if (key !== undefined && typeof input === 'object' && input !== null && key in input) return NO_PATHS;
  // A restore replaces the library with the named file: from the app, only one of its own rotating backups.
  if (channel === 'db.restore' && !isOwnBackup(input, dbPath)) {
    return `Only a backup in Dossier's backups folder (${backupDirFor(dbPath)}) can be restored from the app; to restore another copy, use \`dossier db restore FILE\`.`;
  }
  return undefined;
}

export function rendererMayCall(channel: Channel, input: unknown, dbPath: string): boolean {
  return rendererRefusal(channel, input, dbPath) === undefined;
}

function isOwnBackup(input: unknown, dbPath: string): boolean {
  if (typeof input !== 'object' || input === null || !('file' in input) || typeof input.file !== 'string') return false;
  const file = resolve(input.file);
  return dirname(file) === resolve(backupDirFor(dbPath)) && isRotatingBackupName(basename(file)) && input.file === file;
}

import type { Channel } from '../../shared/contract/channels';

/**
 * What the Electron renderer may not ask for, whatever its input: it never
 * names a file-system path for Dossier to write or read. Paths come from the
 * main process's own dialogs (clip.pickFiles, export.noteToChosenFile) or from
 * the CLI, whose user typed them. A compromised renderer (hostile content that
 * beat every other layer) therefore cannot make Dossier overwrite or read an
 * arbitrary file. The browser harness keeps typed paths: it is a local
 * developer tool with no dialogs, guarded by its per-run token.
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

export function rendererMayCall(channel: Channel, input: unknown): boolean {
  if (PATH_CHANNELS.has(channel)) return false;
  // A backup to a location of the renderer's choosing is a write to an arbitrary path; the rotating backups are fine.
  if (channel === 'db.backup' && typeof input === 'object' && input !== null && 'out' in input) return false;
  return true;
}

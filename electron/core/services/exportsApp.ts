import { randomBytes } from 'node:crypto';
import { DossierError } from '../../../shared/errors';
import type { CitationStyle } from '../../../shared/export/types';
import { exportArchive, importArchive, inspectArchive, type ArchiveSummary } from '../archive/archive';
import type { CoreContext } from '../context';
import { requireAbsolute } from '../export/folderExport';
import type { ExportJobs } from './exportJobs';
import { findProject } from './projects';

/**
 * The app's side of export: where the desktop app's dialogs pick the path
 * (the renderer never names one) and the browser harness passes a typed one.
 * Everything below ends in the same services the CLI uses.
 */

const APP_EMPTY_ADVICE = 'An archive is imported into a new, empty library: start Dossier with a new library file, then import.';
const ARCHIVE_EXTENSION = 'gz';

export interface ProjectExportStart {
  name: string;
  folder?: string;
  citationStyle: CitationStyle;
  obsidian: boolean;
  includeSources: boolean;
}

/** Starts a project export job; asks for the folder in the host's dialog when none is given (null: cancelled). */
export async function startProjectExport(ctx: CoreContext, jobs: ExportJobs, input: ProjectExportStart): Promise<{ jobId: string; folder: string } | null> {
  const project = findProject(ctx, input.name);
  let folder = input.folder;
  if (folder === undefined) {
    const choose = ctx.host?.chooseExportFolder;
    if (!choose) throw new DossierError('unsupported', 'No folder dialog here: type the folder path instead.');
    folder = await choose({ title: `Export “${project.name}” as Markdown into…`, buttonLabel: 'Export Here' });
    if (!folder) return null;
  }
  requireAbsolute(folder, 'The export folder');
  // The overwrite flag is never the renderer's to set: it comes only from export.jobProceed, after the user agreed.
  return jobs.startProject({ ...input, name: String(project.id), folder, overwrite: false, askBeforeForeignFolder: true });
}

function todayStamp(now: string): string {
  return now.slice(0, 10);
}

/** The whole library to a file the user picks in the save dialog, which already asked before replacing one. */
export async function exportArchiveToChosenFile(ctx: CoreContext): Promise<ArchiveSummary | null> {
  const choose = ctx.host?.chooseSaveFile;
  if (!choose) throw new DossierError('unsupported', 'No save dialog here: type the archive path instead.');
  const file = await choose({
    title: 'Export library archive',
    defaultName: `Dossier library ${todayStamp(ctx.now())}.dossier.jsonl.${ARCHIVE_EXTENSION}`,
    extensions: [ARCHIVE_EXTENSION],
  });
  if (!file) return null;
  requireAbsolute(file, 'The archive file');
  // Only archive-named files: even with the dialog's consent, an archive never replaces a document or a script.
  const target = file.toLowerCase().endsWith(`.${ARCHIVE_EXTENSION}`) ? file : `${file}.${ARCHIVE_EXTENSION}`;
  return exportArchive(ctx, target, target === file);
}

/**
 * Archives previewed but not yet imported, by token: the confirm names the
 * token, never the path, so what is imported is exactly what the user was
 * shown (and, in the desktop app, what they picked in the dialog).
 */
export class PendingImports {
  private readonly files = new Map<string, string>();

  async preview(ctx: CoreContext, file: string | undefined): Promise<(ArchiveSummary & { token: string; createdAt: string | null }) | null> {
    let chosen = file;
    if (chosen === undefined) {
      const choose = ctx.host?.chooseOpenFile;
      if (!choose) throw new DossierError('unsupported', 'No open dialog here: type the archive path instead.');
      chosen = await choose({ title: 'Import library archive', filterName: 'Dossier archive', extensions: [ARCHIVE_EXTENSION] });
      if (!chosen) return null;
    }
    requireAbsolute(chosen, 'The archive file');
    const summary = await inspectArchive(ctx, chosen, APP_EMPTY_ADVICE);
    const token = randomBytes(12).toString('base64url');
    this.files.clear(); // one pending import at a time: an older preview can no longer be confirmed
    this.files.set(token, chosen);
    return { ...summary, token };
  }

  async confirm(ctx: CoreContext, token: string): Promise<ArchiveSummary> {
    const file = this.files.get(token);
    if (!file) throw new DossierError('not_found', 'That archive preview has expired; choose the archive again.');
    this.files.delete(token);
    return importArchive(ctx, file, APP_EMPTY_ADVICE);
  }
}

import type { ExportChannel } from '../../../shared/contract/channelNames';
import { exportArchive, importArchive } from '../archive/archive';
import type { CoreContext } from '../context';
import { announced } from '../events';
import { requireAbsolute } from '../export/folderExport';
import { ExportJobs } from '../services/exportJobs';
import * as exports from '../services/exports';
import { exportArchiveToChosenFile, PendingImports, startProjectExport } from '../services/exportsApp';
import type { HandlersFor } from './types';

export function exportHandlers(ctx: CoreContext): HandlersFor<ExportChannel> {
  const jobs = new ExportJobs(ctx);
  const imports = new PendingImports();
  return {
    'export.noteMarkdown': ({ id, ...style }) => exports.noteMarkdown(ctx, id, style),
    'export.note': (input) => exports.exportNoteFile(ctx, input),
    'export.noteToChosenFile': (input) => exports.exportNoteToChosenFile(ctx, input),
    'export.notes': (input) => exports.exportNotes(ctx, input),
    'export.project': (input) => exports.exportProject(ctx, input),
    'export.archive': ({ file, overwrite }) => exportArchive(ctx, requireAbsolute(file, 'The archive file'), overwrite),
    'export.importArchive': async ({ file }) => announced(ctx, { type: 'library.changed' }, await importArchive(ctx, requireAbsolute(file, 'The archive file'))),
    'export.projectStart': (input) => startProjectExport(ctx, jobs, input),
    'export.jobStatus': ({ jobId }) => jobs.status(jobId),
    'export.jobProceed': ({ jobId, confirmation }) => jobs.proceed(jobId, confirmation),
    'export.archiveToChosenFile': () => exportArchiveToChosenFile(ctx),
    'export.importArchivePreview': ({ file }) => imports.preview(ctx, file),
    'export.copyNoteMarkdown': ({ id, ...style }) => exports.copyNoteMarkdown(ctx, id, style),
    'export.copyText': ({ text }) => exports.copyText(ctx, text),
    'export.importArchiveConfirm': async ({ token }) => announced(ctx, { type: 'library.changed' }, await imports.confirm(ctx, token)),
  };
}

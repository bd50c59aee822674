import { z } from 'zod';
import { RowId } from '../../domain/ids';
import type { ExportChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

/** A file-system path chosen by the user (checked to be absolute in the main process). */
const FsPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'A path cannot contain NUL');

/** What one clipboard write from the page may hold: a passage with its citation, never a whole library. */
const COPY_TEXT_MAX_CHARS = 1_000_000;

const MarkdownStyle = {
  citationStyle: z.enum(['footnotes', 'inline']).default('footnotes'),
  obsidian: z.boolean().default(false),
};

const FolderSettings = {
  ...MarkdownStyle,
  includeSources: z.boolean().default(true),
  overwrite: z.boolean().default(false),
  folder: FsPath,
};

export const FolderExportResultSchema = z.object({
  folder: z.string(),
  notes: z.number().int().nonnegative(),
  sources: z.number().int().nonnegative(),
  assets: z.number().int().nonnegative(),
  written: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
});

const ArchiveSummarySchema = z.object({
  file: z.string(),
  schemaVersion: z.number().int(),
  tables: z.record(z.string(), z.number().int().nonnegative()),
});

/** A job id as the main process issues it (opaque, URL-safe). */
const JobId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an export job id');

const StartedJobSchema = z.object({ jobId: z.string(), folder: z.string() });

export const ExportJobStatusSchema = z.object({
  jobId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'conflict']),
  folder: z.string(),
  phase: z.enum(['rendering', 'writing']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  result: FolderExportResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /**
   * When state is `conflict`, what the export stopped on before writing anything: `replace`, files it
   * would replace that Dossier did not write (listed in `conflicts`); `folder`, a folder that holds
   * other things and is not a Dossier export (some listed in `conflicts`).
   */
  stoppedOn: z.enum(['replace', 'folder']).nullable(),
  conflicts: z.array(z.string()),
  /** Conflict without a native dialog (browser harness): echo it to export.jobProceed after the user's yes. */
  confirmToken: z.string().nullable(),
});
export type ExportJobStatus = z.infer<typeof ExportJobStatusSchema>;

export const ArchivePreviewSchema = ArchiveSummarySchema.extend({
  /** Names this previewed file in export.importArchiveConfirm, so the renderer never sends its path back. */
  token: z.string(),
  createdAt: z.string().nullable(),
});
export type ArchivePreview = z.infer<typeof ArchivePreviewSchema>;

export const exportContract = {
  'export.noteMarkdown': {
    input: z.strictObject({ id: RowId, ...MarkdownStyle }),
    output: z.object({ markdown: z.string(), fileName: z.string() }),
  },
  'export.note': {
    input: z.strictObject({ id: RowId, file: FsPath, overwrite: z.boolean().default(false), ...MarkdownStyle }),
    output: z.object({ file: z.string(), written: z.boolean() }),
  },
  /**
   * Exports a note to a file the user picks in the main process's save dialog (Electron): the
   * renderer never names a path. Null when the dialog was cancelled; `unsupported` without a dialog.
   */
  'export.noteToChosenFile': {
    input: z.strictObject({ id: RowId, ...MarkdownStyle }),
    output: z.object({ file: z.string(), written: z.boolean() }).nullable(),
  },
  'export.notes': {
    input: z.strictObject({
      noteIds: z.array(RowId).min(1).max(100_000),
      articleIds: z.array(RowId).max(100_000).default([]),
      name: z.string().min(1).max(500).optional(),
      ...FolderSettings,
    }),
    output: FolderExportResultSchema,
  },
  'export.project': {
    input: z.strictObject({ name: z.string().min(1).max(500), ...FolderSettings }),
    output: FolderExportResultSchema,
  },
  'export.archive': {
    input: z.strictObject({ file: FsPath, overwrite: z.boolean().default(false) }),
    output: ArchiveSummarySchema,
  },
  'export.importArchive': {
    input: z.strictObject({ file: FsPath }),
    output: ArchiveSummarySchema,
  },
  /**
   * Starts exporting a project as a folder; poll export.jobStatus for progress. Without `folder`
   * the main process asks in its folder dialog (null when cancelled); the Electron renderer may not
   * pass one. Never overwrites: a file Dossier did not write (or a non-empty folder that is not a
   * Dossier export) ends the job in `conflict`, and only export.jobProceed, after a yes, goes on.
   */
  'export.projectStart': {
    input: z.strictObject({
      name: z.string().min(1).max(500),
      folder: FsPath.optional(),
      ...MarkdownStyle,
      includeSources: z.boolean().default(true),
    }),
    output: StartedJobSchema.nullable(),
  },
  'export.jobStatus': {
    input: z.strictObject({ jobId: JobId }),
    output: ExportJobStatusSchema,
  },
  /**
   * The user said yes to what a job stopped on (`conflict`): re-runs it into the same folder, now
   * replacing the files it listed (`replace`) or adding beside other files (`folder`).
   */
  'export.jobProceed': {
    /** `confirmation`: the job's confirmToken (browser harness); Electron asks again in main instead. */
    input: z.strictObject({ jobId: JobId, confirmation: z.string().max(100).optional() }),
    output: StartedJobSchema,
  },
  /** The whole library as an archive, to a file chosen in the main process's save dialog (null: cancelled). */
  'export.archiveToChosenFile': {
    input: z.strictObject({}),
    output: ArchiveSummarySchema.nullable(),
  },
  /**
   * Reads and checks an archive and says what importing it would add, without importing. Without
   * `file` the main process asks in its open dialog (null when cancelled).
   */
  'export.importArchivePreview': {
    input: z.strictObject({ file: FsPath.optional() }),
    output: ArchivePreviewSchema.nullable(),
  },
  /**
   * Puts one note's Markdown on the system clipboard from the main process (Electron), which works
   * from a menu click too, where the page has no user gesture and no clipboard permission.
   */
  'export.copyNoteMarkdown': {
    input: z.strictObject({ id: RowId, ...MarkdownStyle }),
    output: z.object({ characters: z.number().int().nonnegative() }),
  },
  /**
   * Puts text the page composed (the reader's "Copy with citation") on the system clipboard from the
   * main process: the page's clipboard permission is denied in the desktop app.
   */
  'export.copyText': {
    input: z.strictObject({ text: z.string().min(1).max(COPY_TEXT_MAX_CHARS) }),
    output: z.object({ characters: z.number().int().nonnegative() }),
  },
  'export.importArchiveConfirm': {
    input: z.strictObject({ token: JobId }),
    output: ArchiveSummarySchema,
  },
} as const satisfies Record<ExportChannel, ChannelSpec>;

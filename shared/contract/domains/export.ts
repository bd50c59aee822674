import { z } from 'zod';
import { RowId } from '../../domain/ids';
import type { ExportChannel } from '../channelNames';
import type { ChannelSpec } from '../spec';

/** A file-system path chosen by the user (checked to be absolute in the main process). */
const FsPath = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'A path cannot contain NUL');

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
} as const satisfies Record<ExportChannel, ChannelSpec>;

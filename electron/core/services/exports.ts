import { basename, dirname } from 'node:path';
import { listProjectItems } from '../../../db/repositories/projects';
import { findProject } from './projects';
import { displayTitle } from '../../../shared/domain/note';
import { DossierError } from '../../../shared/errors';
import { noteToMarkdown } from '../../../shared/export/noteToMarkdown';
import type { CitationStyle } from '../../../shared/export/types';
import type { CoreContext } from '../context';
import { dbCitationSource } from '../export/dbCitationSource';
import { ExportWriter } from '../export/exportWriter';
import { FileNameAllocator } from '../export/fileNames';
import { withReadSnapshot, readingFrom } from '../readSnapshot';
import { exportFolder, loadNotes, requireAbsolute, type ExportProgress, type ExportSettings, type FolderExportResult } from '../export/folderExport';

export interface MarkdownStyle {
  citationStyle: CitationStyle;
  obsidian: boolean;
}

/** One note as Markdown text (for the clipboard), plus the file name it would get. */
export function noteMarkdown(ctx: CoreContext, id: number, style: MarkdownStyle): { markdown: string; fileName: string } {
  const [note] = loadNotes(ctx, [id]);
  const rendered = noteToMarkdown(note!, dbCitationSource(ctx.db), style);
  return { markdown: rendered.document, fileName: new FileNameAllocator().allocate(displayTitle(note!.title), '.md') };
}

/** The note's Markdown on the host's clipboard (the desktop app's main process). */
export function copyNoteMarkdown(ctx: CoreContext, id: number, style: MarkdownStyle): { characters: number } {
  const write = ctx.host?.writeClipboard;
  if (!write) throw new DossierError('unsupported', 'No system clipboard here: copy from the page instead.');
  const { markdown } = noteMarkdown(ctx, id, style);
  write(markdown);
  return { characters: markdown.length };
}

/** Text the page composed, on the host's clipboard (the reader's "Copy with citation" in the desktop app). */
export function copyText(ctx: CoreContext, text: string): { characters: number } {
  const write = ctx.host?.writeClipboard;
  if (!write) throw new DossierError('unsupported', 'No system clipboard here: copy from the page instead.');
  write(text);
  return { characters: text.length };
}

/** The note, exported where the user chose in the host's save dialog (null when they cancelled). */
export async function exportNoteToChosenFile(ctx: CoreContext, input: MarkdownStyle & { id: number }): Promise<{ file: string; written: boolean } | null> {
  const choose = ctx.host?.chooseSaveFile;
  if (!choose) throw new DossierError('unsupported', 'No save dialog here: type the file path instead.');
  const { fileName } = noteMarkdown(ctx, input.id, input);
  const file = await choose({ title: 'Export note as Markdown', defaultName: fileName, extensions: ['md'] });
  if (!file) return null;
  // The dialog already asked before replacing an existing file.
  return exportNoteFile(ctx, { ...input, file: /\.(md|markdown)$/i.test(file) ? file : `${file}.md`, overwrite: true });
}

/** One note to one file; the manifest in its folder records that Dossier wrote it. */
export async function exportNoteFile(
  ctx: CoreContext,
  input: MarkdownStyle & { id: number; file: string; overwrite: boolean },
): Promise<{ file: string; written: boolean }> {
  requireAbsolute(input.file, 'The export file');
  // Only Markdown files: an export (even with overwrite) can never replace a script, config or document.
  if (!/\.(md|markdown)$/i.test(input.file)) throw new DossierError('invalid_input', `The export file must end in .md: ${input.file}`);
  const { markdown } = noteMarkdown(ctx, input.id, input);
  const writer = new ExportWriter(dirname(input.file), { overwrite: input.overwrite, now: ctx.now() });
  writer.add(basename(input.file), markdown);
  const result = await writer.commit();
  return { file: input.file, written: result.written.length === 1 };
}

export function exportNotes(
  ctx: CoreContext,
  input: ExportSettings & { noteIds: number[]; articleIds: number[]; folder: string; name?: string },
): Promise<FolderExportResult> {
  // A folder export awaits between notes and while writing: it reads one snapshot on its own connection.
  return withReadSnapshot(ctx, (db) => exportFolder(readingFrom(ctx, db), { ...input, name: input.name ?? 'Dossier export' }));
}

export async function exportProject(
  ctx: CoreContext,
  input: ExportSettings & { name: string; folder: string },
  onProgress?: (progress: ExportProgress) => void,
): Promise<FolderExportResult> {
  return withReadSnapshot(ctx, (db) => {
    const snapshot = readingFrom(ctx, db);
    const project = findProject(snapshot, input.name);
    const items = listProjectItems(db, project.id);
    const idsOf = (type: 'note' | 'article') => items.filter((i) => i.type === type).map((i) => i.id).sort((a, b) => a - b);
    return exportFolder(snapshot, { ...input, name: project.name, noteIds: idsOf('note'), articleIds: idsOf('article') }, onProgress);
  });
}

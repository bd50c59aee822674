import { isAbsolute } from 'node:path';
import { getVersionContent } from '../../../db/repositories/articles';
import { assetBySha, assetsOfVersion, articleById, highlightsOfArticle, notesByIds, versionsOfArticle, type AssetRow, type ExportNoteRow } from '../../../db/repositories/exportData';
import { displayTitle } from '../../../shared/domain/note';
import { DossierError } from '../../../shared/errors';
import { escapeInline, linkDestination } from '../../../shared/export/escape';
import { yamlBlock } from '../../../shared/export/frontmatter';
import { noteToMarkdown } from '../../../shared/export/noteToMarkdown';
import type { CitationStyle, NoteForExport } from '../../../shared/export/types';
import type { CoreContext } from '../context';
import { dbCitationSource } from './dbCitationSource';
import { ExportWriter } from './exportWriter';
import { FileNameAllocator } from './fileNames';
import { assetFileName, sourceToMarkdown } from './sourceMarkdown';

export interface ExportSettings {
  citationStyle: CitationStyle;
  obsidian: boolean;
  includeSources: boolean;
  overwrite: boolean;
  /** The app asks before exporting into a non-empty folder that is not a Dossier export; the CLI's user named it. */
  askBeforeForeignFolder?: boolean;
}

export interface FolderExportRequest extends ExportSettings {
  folder: string;
  /** Shown as the title of index.md (the project name, or "Dossier export"). */
  name: string;
  noteIds: number[];
  articleIds: number[];
}

/** Where a folder export is: rendering notes and sources to Markdown, then writing files. */
export interface ExportProgress {
  phase: 'rendering' | 'writing';
  done: number;
  total: number;
}

export interface FolderExportResult {
  folder: string;
  notes: number;
  sources: number;
  assets: number;
  written: number;
  unchanged: number;
}

export function toNoteForExport(row: ExportNoteRow): NoteForExport {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    tags: JSON.parse(row.tags_json) as string[],
    projects: JSON.parse(row.projects_json) as string[],
    contentJson: row.content_json,
  };
}

export function requireAbsolute(path: string, what: string): string {
  if (!isAbsolute(path)) throw new DossierError('invalid_input', `${what} must be an absolute path: ${path}`);
  return path;
}

export function loadNotes(ctx: CoreContext, ids: number[]): NoteForExport[] {
  const unique = [...new Set(ids)];
  const rows = notesByIds(ctx.db, unique);
  const missing = unique.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length > 0) throw new DossierError('not_found', `Note(s) ${missing.join(', ')} do not exist.`);
  return rows.map(toNoteForExport);
}

/**
 * A folder a journalist can hand to an editor or open in Obsidian:
 * notes/, sources/ (with provenance), assets/ (images by hash), index.md.
 */
export async function exportFolder(
  ctx: CoreContext,
  request: FolderExportRequest,
  onProgress?: (progress: ExportProgress) => void,
): Promise<FolderExportResult> {
  requireAbsolute(request.folder, 'The export folder');
  const notes = loadNotes(ctx, request.noteIds);
  const source = dbCitationSource(ctx.db);
  const writer = new ExportWriter(request.folder, {
    overwrite: request.overwrite,
    now: ctx.now(),
    askBeforeForeignFolder: request.askBeforeForeignFolder ?? false,
  });

  const noteNames = new FileNameAllocator();
  const sourceNames = new FileNameAllocator();
  const sourceStems = new Map<number, string>();
  const sourceStem = (articleId: number): string | undefined => {
    if (!request.includeSources) return undefined;
    if (!sourceStems.has(articleId)) {
      const article = source.article(articleId);
      // A source in the Trash is not exported (its quotes keep their citation).
      if (!article || articleById(ctx.db, articleId)?.trashed_at) return undefined;
      sourceStems.set(articleId, sourceNames.allocate(article.title, '.md', 'Untitled source').slice(0, -'.md'.length));
    }
    return sourceStems.get(articleId);
  };
  for (const id of [...new Set(request.articleIds)].sort((a, b) => a - b)) {
    if (!source.article(id)) throw new DossierError('not_found', `Article ${id} does not exist.`);
    sourceStem(id);
  }

  const index: Array<{ title: string; path: string }> = [];
  let notesRendered = 0;
  for (const note of notes) {
    const fileName = noteNames.allocate(displayTitle(note.title), '.md', `Note ${note.id}`);
    const rendered = noteToMarkdown(note, source, {
      citationStyle: request.citationStyle,
      obsidian: request.obsidian,
      sourcePath: (articleId) => {
        const stem = sourceStem(articleId);
        if (!stem) return undefined;
        return request.obsidian ? `sources/${stem}` : `../sources/${stem}`;
      },
    });
    writer.add(`notes/${fileName}`, rendered.document);
    index.push({ title: displayTitle(note.title), path: `notes/${fileName}` });
    notesRendered += 1;
    if (onProgress && (notesRendered % 50 === 0 || notesRendered === notes.length)) {
      onProgress({ phase: 'rendering', done: notesRendered, total: notes.length });
      // Lets the process answer progress polls (and other calls) during a long render.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  const assetFiles = new Map<string, AssetRow>();
  const sourceIndex: Array<{ title: string; path: string; outlet: string | null }> = [];
  for (const [articleId, stem] of sourceStems) {
    const row = articleById(ctx.db, articleId)!;
    const article = source.article(articleId)!;
    const versions = versionsOfArticle(ctx.db, articleId);
    const latest = versions.at(-1);
    const assets = latest ? assetsOfVersion(ctx.db, latest.id) : [];
    if (row.lead_image_sha256 && !assets.some((a) => a.sha256 === row.lead_image_sha256)) {
      const lead = assetBySha(ctx.db, row.lead_image_sha256);
      if (lead) assets.unshift(lead);
    }
    for (const asset of assets) assetFiles.set(asset.sha256, asset);
    const latestHtml = latest ? getVersionContent(ctx.db, latest.id)?.html : undefined;
    writer.add(`sources/${stem}.md`, sourceToMarkdown(article, row, versions, assets, '../assets', latestHtml, highlightsOfArticle(ctx.db, articleId)));
    sourceIndex.push({ title: article.title || 'Untitled source', path: `sources/${stem}.md`, outlet: article.outlet });
  }
  for (const asset of assetFiles.values()) writer.add(`assets/${assetFileName(asset)}`, asset.bytes);

  writer.add('index.md', indexMarkdown(request.name, ctx.now(), index, sourceIndex, request.obsidian));
  const result = await writer.commit(onProgress && ((done, total) => onProgress({ phase: 'writing', done, total })));
  return {
    folder: request.folder,
    notes: notes.length,
    sources: sourceStems.size,
    assets: assetFiles.size,
    written: result.written.length,
    unchanged: result.unchanged.length,
  };
}

function indexMarkdown(
  name: string,
  now: string,
  notes: Array<{ title: string; path: string }>,
  sources: Array<{ title: string; path: string; outlet: string | null }>,
  obsidian: boolean,
): string {
  const link = (title: string, path: string): string =>
    obsidian
      ? `[[${path.replace(/\.md$/, '')}|${title.replace(/[[\]|]/g, ' ')}]]`
      : `[${escapeInline(title)}](${linkDestination(path.split('/').map(encodeURIComponent).join('/'))})`;
  const lines = [yamlBlock({ title: name, exported: now, notes: notes.length, sources: sources.length }), `# ${escapeInline(name)}`, '', '## Notes', ''];
  lines.push(...(notes.length ? notes.map((n) => `- ${link(n.title, n.path)}`) : ['No notes.']));
  if (sources.length > 0) {
    lines.push('', '## Sources', '');
    lines.push(...sources.map((s) => `- ${link(s.title, s.path)}${s.outlet ? ` — *${escapeInline(s.outlet)}*` : ''}`));
  }
  return `${lines.join('\n')}\n`;
}

import { resolve } from 'node:path';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';
import { parseId } from './kit';

const STYLE_OPTIONS = {
  style: { type: 'string' },
  obsidian: { type: 'boolean' },
  overwrite: { type: 'boolean' },
} as const;
const FOLDER_OPTIONS = { ...STYLE_OPTIONS, out: { type: 'string' }, 'no-sources': { type: 'boolean' } } as const;

function style(values: Record<string, unknown>): { citationStyle: 'footnotes' | 'inline'; obsidian: boolean } {
  const raw = values.style ?? 'footnotes';
  if (raw !== 'footnotes' && raw !== 'inline') throw new UsageError('--style must be "footnotes" or "inline"');
  return { citationStyle: raw, obsidian: values.obsidian === true };
}

function outPath(values: Record<string, unknown>, what: string): string {
  if (typeof values.out !== 'string' || values.out === '') throw new UsageError(`--out ${what} is required`);
  return resolve(values.out);
}

function idList(raw: unknown, what: string): number[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'string' || !/^\d+(,\d+)*$/.test(raw)) throw new UsageError(`${what} must be comma-separated ids, e.g. 1,2,3`);
  return raw.split(',').map(Number);
}

function report(ctx: CommandContext, value: unknown, text: string): void {
  ctx.io.out(ctx.json ? JSON.stringify(value, null, 2) : text);
}

function folderReport(r: { folder: string; notes: number; sources: number; assets: number; written: number; unchanged: number }): string {
  return `Exported ${r.notes} note(s), ${r.sources} source(s), ${r.assets} image(s) to ${r.folder} (${r.written} file(s) written, ${r.unchanged} unchanged).`;
}

const FLAGS = '[--style footnotes|inline] [--obsidian] [--overwrite]';

export const EXPORT_COMMANDS: Command[] = [
  {
    path: ['export', 'note'],
    usage: `dossier export note ID [--out FILE] ${FLAGS}`,
    summary: 'Export a note as Markdown with citations (to stdout without --out)',
    options: { ...STYLE_OPTIONS, out: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const id = parseId(positionals[0], 'ID');
      if (values.out === undefined) {
        const { markdown } = await ctx.call('export.noteMarkdown', { id, ...style(values) });
        ctx.io.out(markdown);
        return 0;
      }
      const result = await ctx.call('export.note', { id, file: outPath(values, 'FILE'), overwrite: values.overwrite === true, ...style(values) });
      report(ctx, result, result.written ? `Wrote ${result.file}` : `${result.file} is already up to date.`);
      return 0;
    },
  },
  {
    path: ['export', 'notes'],
    usage: `dossier export notes --ids 1,2 [--articles 3,4] --out DIR [--no-sources] ${FLAGS}`,
    summary: 'Export notes (and the sources they cite) to a folder',
    options: { ...FOLDER_OPTIONS, ids: { type: 'string' }, articles: { type: 'string' }, name: { type: 'string' } },
    async run(ctx, { values }) {
      const noteIds = idList(values.ids, '--ids');
      if (noteIds.length === 0) throw new UsageError('--ids is required');
      const result = await ctx.call('export.notes', {
        noteIds,
        articleIds: idList(values.articles, '--articles'),
        folder: outPath(values, 'DIR'),
        includeSources: values['no-sources'] !== true,
        overwrite: values.overwrite === true,
        ...(typeof values.name === 'string' ? { name: values.name } : {}),
        ...style(values),
      });
      report(ctx, result, folderReport(result));
      return 0;
    },
  },
  {
    path: ['export', 'project'],
    usage: `dossier export project NAME --out DIR [--no-sources] ${FLAGS}`,
    summary: 'Export a project to a folder: notes/, sources/, assets/, index.md',
    options: FOLDER_OPTIONS,
    async run(ctx, { positionals, values }) {
      const name = positionals.join(' ').trim();
      if (name === '') throw new UsageError('NAME is required');
      const result = await ctx.call('export.project', {
        name,
        folder: outPath(values, 'DIR'),
        includeSources: values['no-sources'] !== true,
        overwrite: values.overwrite === true,
        ...style(values),
      });
      report(ctx, result, folderReport(result));
      return 0;
    },
  },
  {
    path: ['export', 'archive'],
    usage: 'dossier export archive --out FILE [--overwrite]',
    summary: 'Write the whole library to one lossless archive file',
    options: { out: { type: 'string' }, overwrite: { type: 'boolean' } },
    async run(ctx, { values }) {
      const result = await ctx.call('export.archive', { file: outPath(values, 'FILE'), overwrite: values.overwrite === true });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      report(ctx, result, `Archived ${rows} row(s) from ${Object.keys(result.tables).length} table(s) to ${result.file}.`);
      return 0;
    },
  },
  {
    path: ['import', 'archive'],
    usage: 'dossier import archive FILE',
    summary: 'Restore an archive into an empty library (use --db NEW_FILE)',
    async run(ctx, { positionals }) {
      if (!positionals[0]) throw new UsageError('FILE is required');
      const result = await ctx.call('export.importArchive', { file: resolve(positionals[0]) });
      const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
      report(ctx, result, `Imported ${rows} row(s) from ${result.file}.`);
      return 0;
    },
  },
];

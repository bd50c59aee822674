import type { Command } from '../command';
import { UsageError } from '../usageError';
import { printJson } from './kit';

/** `dossier import`: a folder (or files) of text and Markdown into the library; web pages found there are clipped. */
export const IMPORT_COMMANDS: Command[] = [
  {
    path: ['import'],
    usage: 'dossier import FOLDER|FILE... [--project NAME] [--json]   (a folder named archive: ./archive)',
    summary: 'Import folders of text and Markdown files (saved web pages in them are clipped)',
    options: { project: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      if (positionals.length === 0) throw new UsageError('give at least one FOLDER or FILE');
      const project = typeof values.project === 'string' ? values.project : undefined;
      const result = await ctx.call('import.files', { paths: positionals, ...(project !== undefined ? { project } : {}) });
      if (ctx.json) printJson(ctx, result);
      else {
        const parts = [`${result.created} imported`, `${result.newVersions} new versions`, `${result.unchanged} unchanged`, `${result.failed.length} failed`];
        ctx.io.out(parts.join(', ') + '.');
        for (const failure of result.failed) ctx.io.err(`failed: ${failure.path}: ${failure.error}`);
      }
      return result.failed.length > 0 ? 1 : 0;
    },
  },
];

import type { Command } from '../commands';
import { UsageError } from '../commands';
import { formatTable } from '../output';
import { parseItems, printJson } from './kit';

export const TAGS_COMMANDS: Command[] = [
  {
    path: ['tags', 'list'],
    usage: 'dossier tags list [--json]',
    summary: 'List tags with how many articles and notes carry them',
    async run(ctx) {
      const tags = await ctx.call('tags.list', {});
      if (ctx.json) printJson(ctx, tags);
      else if (tags.length === 0) ctx.io.out('No tags yet.');
      else ctx.io.out(formatTable([['ARTICLES', 'NOTES', 'TAG'], ...tags.map((t) => [String(t.articleCount), String(t.noteCount), t.name])]));
      return 0;
    },
  },
  {
    path: ['tags', 'add'],
    usage: 'dossier tags add TAG ITEM... [--json]   (ITEM = article:ID or note:ID)',
    summary: 'Tag articles and notes (creates the tag on first use)',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      if (!name) throw new UsageError('Name the tag');
      const result = await ctx.call('tags.add', { name, items: parseItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Tagged ${result.added} item${result.added === 1 ? '' : 's'} with ${result.tag.name}.`);
      return 0;
    },
  },
  {
    path: ['tags', 'remove'],
    usage: 'dossier tags remove TAG ITEM... [--json]',
    summary: 'Remove a tag from articles and notes',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      if (!name) throw new UsageError('Name the tag');
      const result = await ctx.call('tags.remove', { name, items: parseItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Removed ${result.name} from ${result.removed} item${result.removed === 1 ? '' : 's'}.`);
      return 0;
    },
  },
];

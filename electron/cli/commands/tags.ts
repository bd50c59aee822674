import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import type { TagItemRef } from '../../../shared/domain/organize';
import { parseItems, printJson } from './kit';

const parseTagItems = (words: string[]): TagItemRef[] => parseItems(words, ['article', 'note', 'passage']);

/** A tag's id from its name (any case). */
async function tagId(ctx: CommandContext, name: string | undefined): Promise<number> {
  if (!name) throw new UsageError('Name the tag');
  const found = (await ctx.call('tags.list', {})).find((t) => t.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
  if (!found) throw new UsageError(`There is no tag "${name}" (see dossier tags list)`);
  return found.id;
}

export const TAGS_COMMANDS: Command[] = [
  {
    path: ['tags', 'list'],
    usage: 'dossier tags list [--json]',
    summary: 'List tags with how many articles, notes and passages carry them',
    async run(ctx) {
      const tags = await ctx.call('tags.list', {});
      if (ctx.json) printJson(ctx, tags);
      else if (tags.length === 0) ctx.io.out('No tags yet.');
      else ctx.io.out(formatTable([['ARTICLES', 'NOTES', 'PASSAGES', 'TAG'], ...tags.map((t) => [String(t.articleCount), String(t.noteCount), String(t.passageCount ?? 0), t.name])]));
      return 0;
    },
  },
  {
    path: ['tags', 'add'],
    usage: 'dossier tags add TAG ITEM... [--json]   (ITEM = article:ID, note:ID or passage:ID)',
    summary: 'Tag articles, notes and passages (creates the tag on first use)',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      if (!name) throw new UsageError('Name the tag');
      const result = await ctx.call('tags.add', { name, items: parseTagItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Tagged ${result.added} item${result.added === 1 ? '' : 's'} with ${result.tag.name}.`);
      return 0;
    },
  },
  {
    path: ['tags', 'remove'],
    usage: 'dossier tags remove TAG ITEM... [--json]',
    summary: 'Remove a tag from articles, notes and passages',
    async run(ctx, { positionals }) {
      const [name, ...items] = positionals;
      if (!name) throw new UsageError('Name the tag');
      const result = await ctx.call('tags.remove', { name, items: parseTagItems(items) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Removed ${result.name} from ${result.removed} item${result.removed === 1 ? '' : 's'}.`);
      return 0;
    },
  },
  {
    path: ['tags', 'of'],
    usage: 'dossier tags of ITEM [--json]   (ITEM = article:ID, note:ID or passage:ID)',
    summary: 'The tags on one article, note or passage',
    async run(ctx, { positionals }) {
      if (positionals.length !== 1) throw new UsageError('Name one item, like passage:7');
      const names = await ctx.call('tags.ofItem', { item: parseTagItems(positionals)[0]! });
      if (ctx.json) printJson(ctx, names);
      else ctx.io.out(names.length ? names.join('\n') : 'No tags.');
      return 0;
    },
  },
  {
    path: ['tags', 'rename'],
    usage: 'dossier tags rename TAG NEW_NAME [--json]',
    summary: 'Rename a tag on every item that carries it',
    async run(ctx, { positionals }) {
      if (positionals.length !== 2) throw new UsageError('Name the tag, then its new name');
      const tag = await ctx.call('tags.rename', { id: await tagId(ctx, positionals[0]), name: positionals[1]! });
      if (ctx.json) printJson(ctx, tag);
      else ctx.io.out(`Renamed ${positionals[0]} to ${tag.name}.`);
      return 0;
    },
  },
  {
    path: ['tags', 'merge'],
    usage: 'dossier tags merge TAG INTO_TAG [--json]',
    summary: 'Put INTO_TAG on everything TAG is on, then delete TAG (one transaction)',
    async run(ctx, { positionals }) {
      if (positionals.length !== 2) throw new UsageError('Name two tags: the one to merge, then the one it goes into');
      const result = await ctx.call('tags.merge', { sourceId: await tagId(ctx, positionals[0]), targetId: await tagId(ctx, positionals[1]) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Merged ${positionals[0]} into ${result.tag.name}: ${result.moved} item${result.moved === 1 ? '' : 's'} newly tagged.`);
      return 0;
    },
  },
  {
    path: ['tags', 'delete'],
    usage: 'dossier tags delete TAG [--json]',
    summary: 'Delete a tag (it comes off every item; the items stay)',
    async run(ctx, { positionals }) {
      if (positionals.length !== 1) throw new UsageError('Name one tag');
      const result = await ctx.call('tags.delete', { id: await tagId(ctx, positionals[0]) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Deleted tag ${positionals[0]}.`);
      return 0;
    },
  },
];

import { displayTitle } from '../../../shared/domain/note';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import { parseItems, printJson } from './kit';

function itemId(raw: string | undefined, what: string): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) === 0 || !Number.isSafeInteger(Number(raw))) throw new UsageError(`${what} must be a positive whole number`);
  return Number(raw);
}

/** `notes delete` / `articles delete`: to the Trash, or for good (scrubbed) with --permanently. */
function deleteCommand(type: 'note' | 'article'): Command {
  const plural = `${type}s`;
  return {
    path: [plural, 'delete'],
    usage: `dossier ${plural} delete ID [--permanently] [--json]`,
    summary: `Move a ${type} to the Trash (--permanently: delete it for good, leaving no word of it in the library or later backups)`,
    options: { permanently: { type: 'boolean' } },
    async run(ctx, { positionals, values }) {
      const id = itemId(positionals[0], 'ID');
      if (type === 'note') await ctx.call('notes.delete', { id });
      else await ctx.call('articles.delete', { id });
      if (values.permanently === true) {
        const result = await ctx.call('trash.deletePermanently', { items: [{ type, id }] });
        if (ctx.json) printJson(ctx, { type, id, trashed: false, deleted: result.deleted });
        else ctx.io.out(`Deleted ${type} ${id} permanently.`);
        return 0;
      }
      const { retentionDays } = await ctx.call('trash.settings', {});
      if (ctx.json) printJson(ctx, { type, id, trashed: true, retentionDays });
      else ctx.io.out(`Moved ${type} ${id} to the Trash (restore with: dossier trash restore ${type}:${id}; emptied after ${retentionDays} days).`);
      return 0;
    },
  };
}

async function impactLine(ctx: CommandContext, articleIds: number[]): Promise<string> {
  if (articleIds.length === 0) return '';
  const impact = await ctx.call('library.deleteImpact', { ids: articleIds });
  return impact.quotes === 0 ? '' : ` ${impact.quotes} quote${impact.quotes === 1 ? '' : 's'} in ${impact.notes} note${impact.notes === 1 ? '' : 's'} keep their words, marked "source deleted".`;
}

export const TRASH_COMMANDS: Command[] = [
  deleteCommand('note'),
  deleteCommand('article'),
  {
    path: ['trash', 'list'],
    usage: 'dossier trash list [--json]',
    summary: 'What is in the Trash, and when it goes for good',
    async run(ctx) {
      const trash = await ctx.call('trash.list', {});
      if (ctx.json) printJson(ctx, trash);
      else if (trash.items.length === 0) ctx.io.out(`The Trash is empty (items stay ${trash.retentionDays} days).`);
      else
        ctx.io.out(
          formatTable([
            ['ITEM', 'DELETED', 'GOES FOR GOOD', 'TITLE'],
            ...trash.items.map((i) => [`${i.type}:${i.id}`, i.trashedAt.slice(0, 10), i.expiresAt.slice(0, 10), displayTitle(i.title)]),
          ]),
        );
      return 0;
    },
  },
  {
    path: ['trash', 'restore'],
    usage: 'dossier trash restore ITEM... [--json]   (ITEM = article:ID or note:ID)',
    summary: 'Take items out of the Trash (quotes of a restored article are linked again)',
    async run(ctx, { positionals }) {
      const result = await ctx.call('trash.restore', { items: parseItems(positionals) });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Restored ${result.restored} item${result.restored === 1 ? '' : 's'}.`);
      return 0;
    },
  },
  {
    path: ['trash', 'delete'],
    usage: 'dossier trash delete ITEM... [--json]   (ITEM = article:ID or note:ID, already in the Trash)',
    summary: 'Delete items in the Trash for good',
    async run(ctx, { positionals }) {
      const items = parseItems(positionals);
      const impact = await impactLine(ctx, items.filter((i) => i.type === 'article').map((i) => i.id));
      const result = await ctx.call('trash.deletePermanently', { items });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Deleted ${result.deleted} item${result.deleted === 1 ? '' : 's'} permanently.${impact}`);
      return 0;
    },
  },
  {
    path: ['trash', 'empty'],
    usage: 'dossier trash empty [--json]',
    summary: 'Delete everything in the Trash for good',
    async run(ctx) {
      const result = await ctx.call('trash.empty', {});
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(result.deleted === 0 ? 'The Trash was already empty.' : `Deleted ${result.deleted} item${result.deleted === 1 ? '' : 's'} permanently.`);
      return 0;
    },
  },
  {
    path: ['trash', 'keep'],
    usage: 'dossier trash keep [DAYS] [--json]',
    summary: 'Show, or set, how many days deleted items stay in the Trash (default 30)',
    async run(ctx, { positionals }) {
      const days = positionals[0] === undefined ? undefined : itemId(positionals[0], 'DAYS');
      const result = await ctx.call('trash.settings', days === undefined ? {} : { retentionDays: days });
      if (ctx.json) printJson(ctx, result);
      else ctx.io.out(`Deleted items stay ${result.retentionDays} days in the Trash.${result.deleted > 0 ? ` ${result.deleted} older item${result.deleted === 1 ? ' was' : 's were'} deleted for good.` : ''}`);
      return 0;
    },
  },
];

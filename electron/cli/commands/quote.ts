import type { NoteQuote } from '../../../shared/domain/passage';
import type { Command } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import { parseId as id } from './kit';


const STATUS_LABEL: Record<NoteQuote['status'], string> = {
  ok: 'ok',
  changed: 'changed (source edited)',
  orphan: 'orphan (gone from newest version)',
  altered: 'ALTERED (not verbatim)',
  source_deleted: 'source deleted',
  source_in_trash: 'source in trash',
  unlinked: 'unlinked',
};

export const QUOTE_COMMANDS: Command[] = [
  {
    path: ['quote'],
    usage: 'dossier quote ARTICLE_ID --text "exact words" [--note NOTE_ID] [--inline] [--json]',
    summary: "Quote words from an article's newest version into a note (a new note if none given)",
    options: { text: { type: 'string' }, note: { type: 'string' }, inline: { type: 'boolean' } },
    async run(ctx, { positionals, values }) {
      const articleId = id(positionals[0], 'ARTICLE_ID');
      if (typeof values.text !== 'string' || values.text.trim() === '') throw new UsageError('--text "exact words" is required');
      const noteId = values.note === undefined ? undefined : id(values.note, '--note');
      // Check the note first so a wrong id fails before a passage is made.
      if (noteId !== undefined) await ctx.call('notes.get', { id: noteId });
      const passage = await ctx.call('passages.find', { articleId, text: values.text });
      const quoted = await ctx.call('passages.quoteIntoNote', { passageId: passage.id, kind: values.inline === true ? 'inline' : 'block', ...(noteId === undefined ? {} : { noteId }) });
      if (ctx.json) ctx.io.out(JSON.stringify({ noteId: quoted.noteId, passage }, null, 2));
      else ctx.io.out(`Quoted passage ${passage.id} (“${passage.exact}”) into note ${quoted.noteId}.`);
      return 0;
    },
  },
  {
    path: ['quotes'],
    usage: 'dossier quotes NOTE_ID [--json]',
    summary: 'List the quotes in a note with their passage, status (ok/changed/orphan/altered) and source',
    async run(ctx, { positionals }) {
      const quotes = await ctx.call('passages.quotesOfNote', { noteId: id(positionals[0], 'NOTE_ID') });
      if (ctx.json) ctx.io.out(JSON.stringify(quotes, null, 2));
      else if (quotes.length === 0) ctx.io.out('No quotes in this note.');
      else
        ctx.io.out(
          formatTable([
            ['#', 'PASSAGE', 'STATUS', 'SOURCE', 'QUOTE'],
            ...quotes.map((q) => [
              String(q.ordinal + 1),
              q.passageId === null ? '-' : String(q.passageId),
              STATUS_LABEL[q.status],
              q.source ? [q.source.siteName, q.source.title].filter(Boolean).join(' / ') : '-',
              q.text.length > 60 ? `${q.text.slice(0, 59)}…` : q.text,
            ]),
          ]),
        );
      return 0;
    },
  },
];

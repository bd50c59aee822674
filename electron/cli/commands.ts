/**
 * The registry of `dossier` commands: every command, in help order. main.ts
 * turns it into a commander program (real subcommands: `notes list` is the
 * `list` subcommand of `notes`) and refuses a path registered twice.
 *
 * Adding or porting a command (e.g. a branch written against the old registry):
 *   1. Write it as a `Command` (./command.ts: path, usage, summary, parseArgs-style
 *      `options`, run) in commands/<domain>.ts, exported as <DOMAIN>_COMMANDS.
 *   2. Import `Command`/`CommandContext` from '../command', `UsageError` from
 *      '../usageError', and parseId/parseItems/printJson from './kit' (never
 *      from this file: that would be an import cycle, which lint refuses).
 *   3. Spread the list into COMMANDS below. Nothing else: options, positionals,
 *      --db/--json/--help and exit codes are wired by main.ts.
 * A path may extend another command's (`import archive` beside `import`): the
 * longer path wins, so a folder named like a subcommand is written ./archive.
 */
import { displayTitle } from '../../shared/domain/note';
import type { ChannelOutput } from '../../shared/contract/channels';
import type { Command } from './command';
import { CLIP_COMMANDS } from './commands/clip';
import { EXPORT_COMMANDS } from './commands/export';
import { formatTable } from './output';
import { QUOTE_COMMANDS } from './commands/quote';
import { PROJECTS_COMMANDS } from './commands/projects';
import { SEARCH_COMMANDS } from './commands/search';
import { TAGS_COMMANDS } from './commands/tags';
import { IMPORT_COMMANDS } from './commands/import';
import { DB_COMMANDS } from './commands/db';
import { parseId, printJson } from './commands/kit';
import { FACTS_COMMANDS } from './commands/facts';
import { TRASH_COMMANDS } from './commands/trash';

// Kept so a command written against the old registry still compiles (lint then asks it to import from the modules named above).
export type { Command, CommandContext } from './command';
export { UsageError } from './usageError';

/** Why `db check` failed, in words: each problem the check found. */
function checkProblems(check: ChannelOutput<'db.check'>): string[] {
  const problems: string[] = [];
  if (check.quickCheck.join() !== 'ok') problems.push(`SQLite quick_check found damage: ${check.quickCheck.join('; ')}`);
  if (check.schemaVersion > check.appSchemaVersion) problems.push(`the library was written by a newer Dossier (schema ${check.schemaVersion}; this one knows ${check.appSchemaVersion})`);
  else if (check.schemaVersion < check.appSchemaVersion) problems.push(`the library's schema is older (${check.schemaVersion}) than this Dossier's (${check.appSchemaVersion}) and was not upgraded`);
  if (check.tornNoteIds.length > 0) problems.push(`notes whose content does not match their last save's checksum (a torn write): ${check.tornNoteIds.join(', ')}`);
  if (problems.length === 0 && !check.ok) problems.push('the check reported a failure without a reason');
  return problems;
}

export const COMMANDS: Command[] = [
  {
    path: ['notes', 'list'],
    usage: 'dossier notes list [--json]',
    summary: 'List notes, most recently edited first',
    async run(ctx) {
      const notes = await ctx.call('notes.list', {});
      if (ctx.json) printJson(ctx, notes);
      else if (notes.length === 0) ctx.io.out('No notes yet.');
      else
        ctx.io.out(
          formatTable([
            ['ID', 'UPDATED', 'TITLE'],
            ...notes.map((n) => [String(n.id), n.updatedAt.slice(0, 16).replace('T', ' '), displayTitle(n.title)]),
          ]),
        );
      return 0;
    },
  },
  {
    path: ['notes', 'show'],
    usage: 'dossier notes show ID [--json]',
    summary: 'Print a note as plain text (or the full record with --json)',
    async run(ctx, { positionals }) {
      const note = await ctx.call('notes.get', { id: parseId(positionals[0], 'ID') });
      if (ctx.json) printJson(ctx, note);
      else ctx.io.out(`# ${displayTitle(note.title)}\n\n${note.contentText}`);
      return 0;
    },
  },
  {
    path: ['notes', 'create'],
    usage: 'dossier notes create [--title T] [--json]',
    summary: 'Create an empty note',
    options: { title: { type: 'string' } },
    async run(ctx, { values }) {
      const title = typeof values.title === 'string' ? values.title : undefined;
      const note = await ctx.call('notes.create', title === undefined ? {} : { title });
      if (ctx.json) printJson(ctx, note);
      else ctx.io.out(`Created note ${note.id}: ${displayTitle(note.title)}`);
      return 0;
    },
  },
  {
    path: ['db', 'check'],
    usage: 'dossier db check [--json]',
    summary: 'Run SQLite quick_check and report the schema version',
    async run(ctx) {
      const check = await ctx.call('db.check', {});
      if (ctx.json) printJson(ctx, check);
      else {
        const problems = checkProblems(check);
        ctx.io.out(
          [
            `database:  ${check.path}`,
            `integrity: ${check.quickCheck.join('; ')}`,
            `schema:    ${check.schemaVersion} (this Dossier: ${check.appSchemaVersion})`,
            `notes:     ${check.noteCount}`,
            problems.length === 0 ? 'result:    ok' : `result:    FAILED\n${problems.map((p) => `  - ${p}`).join('\n')}`,
          ].join('\n'),
        );
      }
      return check.ok ? 0 : 1;
    },
  },
  ...CLIP_COMMANDS,
  ...QUOTE_COMMANDS,
  ...EXPORT_COMMANDS,
  ...SEARCH_COMMANDS,
  ...PROJECTS_COMMANDS,
  ...TAGS_COMMANDS,
  ...IMPORT_COMMANDS,
  ...DB_COMMANDS,
  ...FACTS_COMMANDS,
  ...TRASH_COMMANDS,
];

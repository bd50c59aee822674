import { resolve } from 'node:path';
import type { Command } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import { printJson } from './kit';

/** Backups and recovery; every command is a contract call, so the app's UI and the CLI behave alike. */
export const DB_COMMANDS: Command[] = [
  {
    path: ['db', 'status'],
    usage: 'dossier db status [--json]',
    summary: 'Whether the library opened, or was found damaged and set aside (and which backup to restore)',
    async run(ctx) {
      const status = await ctx.call('db.status', {});
      if (ctx.json) printJson(ctx, status);
      else if (status.state === 'ok') ctx.io.out(`The library is open: ${status.path}`);
      else
        ctx.io.out(
          [
            `${status.damaged?.reason === 'empty_with_backups' ? 'The library opened empty while a backup holds data, and' : 'The library is damaged and'} was set aside (nothing was deleted): ${status.damaged?.movedTo ?? status.path}`,
            `problem: ${status.damaged?.problem ?? 'unknown'}`,
            status.newestGoodBackup
              ? `restore the newest good backup with: dossier db restore "${status.newestGoodBackup.file}"`
              : 'No good backup was found. `dossier db backups` lists them all.',
          ].join('\n'),
        );
      return status.state === 'ok' ? 0 : 1;
    },
  },
  {
    path: ['db', 'backups'],
    usage: 'dossier db backups [--json]',
    summary: 'List the rotating backups, newest first, each verified',
    async run(ctx) {
      const backups = await ctx.call('db.backups.list', {});
      if (ctx.json) printJson(ctx, backups);
      else if (backups.length === 0) ctx.io.out('No backups yet.');
      else
        ctx.io.out(
          formatTable([
            ['TAKEN', 'WHY', 'NOTES', 'STATE', 'FILE'],
            ...backups.map((b) => [b.createdAt, b.reason, String(b.noteCount ?? '-'), b.ok ? 'ok' : `BAD: ${b.problem ?? ''}`, b.file]),
          ]) + '\nBackups taken before you deleted something still contain it: restoring one brings it back.',
        );
      return 0;
    },
  },
  {
    path: ['db', 'backup'],
    usage: 'dossier db backup [--out FILE] [--json]',
    summary: 'Back up the library now (to the rotating backups, or to FILE, which must not exist)',
    options: { out: { type: 'string' } },
    async run(ctx, { values }) {
      const out = typeof values.out === 'string' ? resolve(values.out) : undefined;
      const info = await ctx.call('db.backup', out === undefined ? {} : { out });
      if (ctx.json) printJson(ctx, info);
      else ctx.io.out(`Backed up ${info.noteCount ?? 0} notes to ${info.file} (verified).`);
      return 0;
    },
  },
  {
    path: ['db', 'restore'],
    usage: 'dossier db restore FILE [--json]',
    summary: 'Replace the library with a backup; the current file is kept beside it, renamed',
    async run(ctx, { positionals }) {
      const file = positionals[0];
      if (!file) throw new UsageError('FILE is required');
      const result = await ctx.call('db.restore', { file: resolve(file) });
      if (ctx.json) printJson(ctx, result);
      else
        ctx.io.out(
          [
            `Restored ${result.noteCount} notes from ${result.restoredFrom}.`,
            result.previousMovedTo ? `The previous library file was kept as ${result.previousMovedTo}.` : '',
          ]
            .filter(Boolean)
            .join('\n'),
        );
      return 0;
    },
  },
];

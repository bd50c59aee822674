import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channelNames';
import type { Command } from '../../../electron/cli/command';
import { COMMANDS } from '../../../electron/cli/commands';
import { checkRegistry, DuplicateCommandError, parseCommandLine } from '../../../electron/cli/parser';
import { lazyHandlers } from '../../../electron/core/lazyHandlers';
import { openCore } from '../../../electron/core/openCore';

const named = (path: string[], options: Command['options'] = {}): Command => ({ path, usage: path.join(' '), summary: '', options, run: async () => 0 });

describe('the CLI parser (commander, built from the registry)', () => {
  it('refuses two commands on one path, and the real registry has none', () => {
    expect(() => checkRegistry([named(['notes', 'list']), named(['notes', 'list'])])).toThrow(DuplicateCommandError);
    expect(() => checkRegistry(COMMANDS)).not.toThrow();
  });

  it('takes the longer path when one command extends another: `import archive` is a subcommand, ./archive a folder', async () => {
    const pick = async (...argv: string[]) => {
      const parsed = await parseCommandLine(COMMANDS, argv);
      return parsed.kind === 'run' ? { path: parsed.command.path.join(' '), positionals: parsed.positionals } : parsed;
    };
    expect(await pick('import', 'archive', 'x.zip')).toEqual({ path: 'import archive', positionals: ['x.zip'] });
    expect(await pick('import', './archive')).toEqual({ path: 'import', positionals: ['./archive'] });
    expect(await pick('import', 'folder', 'b.md', '--project', 'P')).toEqual({ path: 'import', positionals: ['folder', 'b.md'] });
  });

  it('reads global options anywhere and gives option values under the registry names', async () => {
    const parsed = await parseCommandLine(COMMANDS, ['--db', 'x.sqlite', 'export', 'notes', '--out', 'dir', '--no-sources', '--json']);
    expect(parsed).toMatchObject({ kind: 'run', db: 'x.sqlite', json: true, values: { out: 'dir', 'no-sources': true } });
    const clip = await parseCommandLine(COMMANDS, ['clip', 'a.html', '--dry-run', '--allow-private-host', 'intranet', '--db', 'y']);
    expect(clip).toMatchObject({ kind: 'run', db: 'y', json: false, positionals: ['a.html'], values: { 'dry-run': true, 'allow-private-host': 'intranet' } });
    const plain = await parseCommandLine(COMMANDS, ['export', 'notes', '--out', 'dir']);
    expect(plain.kind === 'run' && 'no-sources' in plain.values).toBe(false);
  });

  it('reports unknown commands, unknown options and missing values as errors, and --help anywhere as help', async () => {
    expect(await parseCommandLine(COMMANDS, ['notes', 'frobnicate'])).toEqual({ kind: 'error', message: 'unknown command "notes frobnicate"' });
    expect(await parseCommandLine(COMMANDS, ['frobnicate'])).toEqual({ kind: 'error', message: 'unknown command "frobnicate"' });
    expect(await parseCommandLine(COMMANDS, ['notes'])).toMatchObject({ kind: 'error', message: expect.stringContaining('unknown command') });
    expect(await parseCommandLine(COMMANDS, ['notes', 'list', '--bogus'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--bogus') });
    expect(await parseCommandLine(COMMANDS, ['notes', 'create', '--title'])).toMatchObject({ kind: 'error', message: expect.stringContaining('--title') });
    expect(await parseCommandLine(COMMANDS, ['notes', 'list', '--help'])).toEqual({ kind: 'help' });
    expect(await parseCommandLine(COMMANDS, [])).toEqual({ kind: 'help' });
  });
});

describe('the lazy handler table (CLI)', () => {
  it('serves every contract channel with the same handler table the app binds', async () => {
    const core = openCore(':memory:');
    try {
      const handlersFor = lazyHandlers(core.ctx);
      for (const channel of CHANNEL_NAMES) {
        const table = await handlersFor(channel);
        expect(typeof table[channel], channel).toBe('function');
      }
      expect(Object.keys(core.handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    } finally {
      core.close();
    }
  });
});

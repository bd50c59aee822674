import { Command as Program, CommanderError, Option } from 'commander14';
import type { Command } from './command';

/** What the user typed, once parsed: the command (absent when asking for help) and its arguments. */
export type Parsed =
  | { kind: 'help' }
  | { kind: 'run'; command: Command; positionals: string[]; values: Record<string, unknown>; db: string | undefined; json: boolean }
  | { kind: 'error'; message: string };

/** A command registered twice under one path: a programming error, caught at start-up (and by a unit test). */
export class DuplicateCommandError extends Error {}

type Chosen = { command: Command; positionals: string[]; leaf: Program } | { unknown: string[] };

function newProgram(name: string): Program {
  // Help and errors are printed by main.ts (one usage list for every command); commander only parses.
  return new Program(name)
    .helpOption(false)
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .allowExcessArguments(false);
}

/** One parseArgs-style option as a commander option; `values` keep the registry's names. */
function toOption(name: string, spec: { type: 'string' | 'boolean'; short?: string; multiple?: boolean; default?: unknown }): Option {
  if (spec.multiple || spec.default !== undefined) throw new Error(`--${name}: "multiple" and "default" are not supported; read the value in run()`);
  const flags = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ' <value>' : ''}`;
  return new Option(flags);
}

/** The value a parseArgs option would have had (commander camel-cases names, and reads --no-x as x=false). */
function valueOf(leaf: Program, name: string, spec: { type: 'string' | 'boolean' }): unknown {
  const option = leaf.options.find((o) => o.long === `--${name}`);
  if (!option) return undefined;
  const value = leaf.getOptionValue(option.attributeName()) as unknown;
  if (option.negate) return leaf.getOptionValueSource(option.attributeName()) === 'cli' ? value === false : undefined;
  return spec.type === 'boolean' ? (value === true ? true : undefined) : value;
}

/** Builds the program: one commander subcommand per path word; a leaf's positionals all go to its run(). */
function buildProgram(commands: readonly Command[], choose: (chosen: Chosen) => void): Program {
  const program = newProgram('dossier').option('--db <path>').option('--json').option('-h, --help');
  const leaves = new Map<Program, Command>();
  const unknown = (words: string[], prefix: string[]): void => choose({ unknown: [...prefix, ...words] });
  program.argument('[words...]').action((words: string[]) => unknown(words, []));
  for (const command of commands) {
    let parent = program;
    command.path.forEach((word, depth) => {
      if (!/^[a-z][a-z0-9-]*$/.test(word)) throw new Error(`"${command.path.join(' ')}": command words are lower-case letters, digits and hyphens`);
      let child = parent.commands.find((c) => c.name() === word);
      if (!child) {
        const prefix = command.path.slice(0, depth + 1);
        child = newProgram(word).argument('[words...]').action((words: string[]) => unknown(words, prefix));
        parent.addCommand(child);
      }
      parent = child;
    });
    if (leaves.has(parent)) throw new DuplicateCommandError(`two commands share the path "${command.path.join(' ')}"`);
    leaves.set(parent, command);
    for (const [name, spec] of Object.entries(command.options ?? {})) parent.addOption(toOption(name, spec));
    const leaf = parent;
    leaf.action((positionals: string[]) => choose({ command, positionals, leaf }));
  }
  return program;
}

/**
 * Parses one invocation. Global options (--db, --json, --help) may sit anywhere
 * (`dossier --db x notes list` and `dossier notes list --db x`).
 */
export async function parseCommandLine(commands: readonly Command[], argv: string[]): Promise<Parsed> {
  let chosen: Chosen | undefined;
  const program = buildProgram(commands, (c) => (chosen = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    return { kind: 'error', message: error.message.replace(/^error: /, '') };
  }
  const globals = program.opts<{ db?: string; json?: boolean; help?: boolean }>();
  if (globals.help === true || argv.length === 0) return { kind: 'help' };
  if (!chosen || 'unknown' in chosen) return { kind: 'error', message: `unknown command "${chosen && 'unknown' in chosen ? chosen.unknown.join(' ') : argv.join(' ')}"` };
  const { command, positionals, leaf } = chosen;
  const values: Record<string, unknown> = { ...(globals.db !== undefined ? { db: globals.db } : {}), ...(globals.json ? { json: true } : {}) };
  for (const [name, spec] of Object.entries(command.options ?? {})) {
    const value = valueOf(leaf, name, spec);
    if (value !== undefined) values[name] = value;
  }
  return { kind: 'run', command, positionals, values, db: globals.db, json: globals.json === true };
}

/** Refuses a registry with two commands on one path (throws DuplicateCommandError). */
export function checkRegistry(commands: readonly Command[]): void {
  buildProgram(commands, () => {});
}

import type { ParseArgsConfig } from 'node:util';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import type { CliIo } from './output';

export interface CommandContext {
  /** Calls a contract channel through the shared handler table; throws CliFailure on an error result. */
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  io: CliIo;
  json: boolean;
}

/**
 * One `dossier` command. `options` keep node:util parseArgs' shape (string or
 * boolean, optional `short`); main.ts turns each into a commander option, and
 * `values` come back under these same names ('dry-run', 'no-sources').
 */
export interface Command {
  path: string[];
  usage: string;
  summary: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  run(ctx: CommandContext, args: { positionals: string[]; values: Record<string, unknown> }): Promise<number>;
}

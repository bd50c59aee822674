import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract/channels';
import { ERROR_CODES, type ErrorData } from '../../shared/errors';
import { translateSqliteError } from '../../db/connection';
import { dispatch } from '../core/dispatch';
import { lazyHandlers } from '../core/lazyHandlers';
import { openContext, type OpenedContext } from '../core/openContext';
import { resolveDbPath } from '../core/paths';
import type { CommandContext } from './command';
import { COMMANDS } from './commands';
import { processIo, terminalIo, type CliIo } from './output';
import { parseCommandLine } from './parser';
import { UsageError } from './usageError';

class CliFailure extends Error {
  constructor(readonly error: ErrorData) {
    super(error.message);
  }
}

function helpText(): string {
  return [
    'dossier — the Dossier research notebook from the command line',
    '',
    'Usage:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Every command accepts:',
    '  --db PATH   the database file (default: $DOSSIER_DB, else the app\'s own file in its user-data folder)',
    '  --json      machine-readable output',
  ].join('\n');
}

/** Runs one CLI invocation; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function main(argv: string[], rawIo: CliIo = processIo): Promise<number> {
  let io = terminalIo(rawIo, false);
  const parsed = await parseCommandLine(COMMANDS, argv);
  if (parsed.kind === 'help') {
    io.out(helpText());
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`dossier: ${parsed.message}\n\n${helpText()}`);
    return 2;
  }
  const { command, json } = parsed;
  io = terminalIo(rawIo, json);
  // An unexpected error's cause, kept for the one line the user sees (never its stack: DOSSIER_DEBUG=1 prints that).
  let cause: string | undefined;
  const logError = (channel: string, error: unknown): void => {
    cause = oneLine(error);
    if (process.env.DOSSIER_DEBUG) io.err(`[dossier] ${channel} failed: ${(error as Error)?.stack ?? String(error)}`);
  };
  let core: OpenedContext | undefined;
  try {
    // The user typed the paths: the CLI may read them (the renderer never can).
    core = openContext(resolveDbPath(parsed.db), { host: { allowPathInputs: true } });
    // Only the called channel's domain is loaded: `notes list` never loads the clip pipeline or export.
    const handlersFor = lazyHandlers(core.ctx);
    const ctx: CommandContext = {
      io,
      json,
      async call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
        const result = await dispatch(await handlersFor(channel), channel, input, { logError });
        if (!result.ok) throw new CliFailure(result.error);
        return result.value as ChannelOutput<C>;
      },
    };
    return await command.run(ctx, { positionals: parsed.positionals, values: parsed.values });
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`dossier: ${error.message}\nUsage: ${command.usage}`);
      return 2;
    }
    const data: ErrorData =
      error instanceof CliFailure ? error.error : { code: errorCode(translateSqliteError(error)), message: oneLine(translateSqliteError(error)) };
    if (json) io.out(JSON.stringify({ ok: false, error: data }, null, 2));
    io.err(`dossier: ${data.message}${data.code === 'internal' && cause ? ` (${cause})` : ''}`);
    return 1;
  } finally {
    try {
      core?.close();
    } catch (error) {
      // Closing checkpoints the WAL; a library that cannot be written may refuse. The command's own result stands.
      io.err(`dossier: the library did not close cleanly: ${oneLine(error)}`);
    }
  }
}

/** The first line of an error's message: what a person can act on, never a stack. */
function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.trim() || 'unknown error';
}

function errorCode(error: unknown): ErrorData['code'] {
  const code = (error as { code?: unknown } | null)?.code;
  return (ERROR_CODES as readonly unknown[]).includes(code) ? (code as ErrorData['code']) : 'internal';
}

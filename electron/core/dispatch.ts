import { z } from 'zod';
import { contract, isChannel, type Channel } from '../../shared/contract/channels';
import { DossierError, fail, ok, type Result } from '../../shared/errors';
import { translateSqliteError } from '../../db/connection';
import type { Handler, Handlers } from './handlers';

export interface DispatchOptions {
  /** Where unexpected errors are reported; the caller only ever sees a generic message. */
  logError?: (channel: string, error: unknown) => void;
}

/**
 * Validates a call from an untrusted caller and runs its handler. Never throws:
 * every outcome, including a bug in a handler, comes back as a Result.
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  rawInput: unknown,
  options: DispatchOptions = {},
): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return fail('unknown_channel', `Unknown channel: ${describe(channel)}`);
  }
  const parsed = contract[channel].input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!parsed.success) {
    return fail('invalid_input', `Invalid input for ${channel}: ${z.prettifyError(parsed.error)}`);
  }
  try {
    const handler = handlers[channel] as Handler<Channel>;
    return ok(await handler(parsed.data as never));
  } catch (raw) {
    const error = translateFsError(translateSqliteError(raw));
    if (error instanceof DossierError) return { ok: false, error: error.toData() };
    (options.logError ?? defaultLog)(channel, error);
    return fail('internal', `Dossier hit an unexpected error in ${channel}. Nothing was changed by this call.`);
  }
}

/** File-system failures on paths the caller named (export, backup, clip) are the caller's to fix, not internal errors. */
function translateFsError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const path = (error as { path?: unknown } | null)?.path;
  const where = typeof path === 'string' ? `: ${path}` : '';
  switch (code) {
    case 'ENOENT':
      return new DossierError('not_found', `No such file or folder${where}`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new DossierError('forbidden', `Dossier is not allowed to write or read there${where}`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new DossierError('disk_full', `The disk is full${where}`);
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
    case 'ENAMETOOLONG':
      return new DossierError('invalid_input', `That path cannot be used (${code})${where}`);
    default:
      return error;
  }
}

function defaultLog(channel: string, error: unknown): void {
  console.error(`[dossier] ${channel} failed:`, error);
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}

import { copyFileSync } from 'node:fs';
import type { CoreHost } from '../../electron/core/context';
import { dispatch } from '../../electron/core/dispatch';
import { openCore, type Core } from '../../electron/core/openCore';
import { makeTempDir } from './tempDir';

/**
 * A real Dossier store in a temp dir, with a clock that ticks 1 ms per call; `copyOf` starts it
 * from a copy of an existing library file instead of an empty one.
 */
export function makeTestCore(
  startAt = Date.parse('2026-01-01T00:00:00.000Z'),
  host?: CoreHost,
  copyOf?: string,
): Core & { dir: ReturnType<typeof makeTempDir> } {
  const dir = makeTempDir();
  if (copyOf) copyFileSync(copyOf, dir.file('dossier.sqlite'));
  let tick = startAt;
  const core = openCore(dir.file('dossier.sqlite'), { now: () => new Date(tick++).toISOString(), ...(host ? { host } : {}) });
  return {
    ...core,
    dir,
    close: () => {
      core.close();
      dir.cleanup();
    },
  };
}

/** Calls a channel through the handler table (validation included) and returns its value; a typed error fails the test with its code. */
export async function callOk<T = Record<string, unknown>>(core: Pick<Core, 'handlers'>, channel: string, input: unknown): Promise<T> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

/** A serialized Lexical state with one paragraph per string. */
export function editorJson(...paragraphs: string[]): string {
  return JSON.stringify({
    root: {
      type: 'root',
      version: 1,
      children: paragraphs.map((text) => ({
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
      })),
    },
  });
}

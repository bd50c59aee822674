import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/**
 * What `dossier notes list` loads before it answers: the CLI bundle's main chunk is everything
 * reachable from the entry through static imports (esbuild resolves them exactly as the shipped
 * bundle does, electron/launch/build-cli.mjs). Heavy modules — the language models behind facts,
 * jsdom and the clip pipeline — must be reached only through dynamic imports, by the commands
 * that use them: each one loaded eagerly cost every call of every command about a second.
 */
describe('the CLI start-up graph', () => {
  it('reaches no language model, jsdom or clip pipeline module through static imports', async () => {
    const result = await build({
      entryPoints: ['electron/cli/bundleEntry.ts'],
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      outdir: 'unused',
      write: false,
      metafile: true,
      external: ['better-sqlite3', 'jsdom', 'esbuild'],
      logLevel: 'error',
    });
    const inputs = result.metafile.inputs;
    const reached = new Set<string>(['electron/cli/bundleEntry.ts']);
    const queue = ['electron/cli/bundleEntry.ts'];
    while (queue.length > 0) {
      for (const imported of inputs[queue.shift()!]?.imports ?? []) {
        if (imported.kind !== 'import-statement' || reached.has(imported.path)) continue;
        reached.add(imported.path);
        queue.push(imported.path);
      }
    }
    // The extraction pool itself is light (it configures worker threads, which load the pipeline on their own).
    const light = new Set(['electron/core/clip/extractionPool.ts', 'electron/core/clip/workerScript.ts']);
    const heavy = [...reached].filter(
      (path) => !light.has(path) && /node_modules\/(compromise|compromise-dates|chrono-node|jsdom|@mozilla\/readability|dompurify|turndown)\/|^jsdom$|electron\/core\/(clip|facts)\//.test(path),
    );
    expect(reached.size).toBeGreaterThan(50);
    expect(heavy).toEqual([]);
  }, 30_000);
});

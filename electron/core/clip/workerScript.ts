import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '../../../db/sha256';

/**
 * Where the extraction worker's code comes from.
 *
 * The Electron build ships it prebuilt beside main.cjs (dist/electron/clipWorker.cjs,
 * see electron/launch/build-electron.mjs) and main says so with
 * configureExtractionPool({ script }). Every other host runs the TypeScript
 * sources through a loader (tsx for the CLI and the browser harness, vitest,
 * Playwright), and a worker thread does not inherit the parent's loader. So
 * there the worker entry is bundled with esbuild at first use: the same kind of
 * plain CommonJS file Electron runs, with no loader in the worker at all.
 *
 * The bundle is written to the temp folder, named by its content's hash
 * (concurrent processes write the same name atomically: temp file + rename),
 * and resolves its external `require('jsdom')` where this module would (a
 * banner puts those folders first on the bundle's module paths), so nothing is
 * written inside the project or an installed package.
 */
/** Packages read from their own files at run time (jsdom loads its stylesheets and workers by path): never bundled. */
export const WORKER_EXTERNALS = ['jsdom'];

let devBundle: Promise<string> | undefined;

async function bundleWorker(): Promise<string> {
  // A devDependency, only loaded when running from sources (the Electron bundle marks it external and never gets here).
  const { build } = await import('esbuild');
  // Where this very module would look for jsdom: the bundle looks there first, wherever it is written.
  const lookup = createRequire(import.meta.url).resolve.paths('jsdom') ?? [];
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: WORKER_EXTERNALS,
    banner: { js: `'use strict';\nmodule.paths.unshift(...${JSON.stringify(lookup)});` },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const dir = join(tmpdir(), 'dossier-clip-worker');
  const file = join(dir, `clip-worker-${sha256Hex(code).slice(0, 16)}.cjs`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temp, code);
    await rename(temp, file);
  }
  return file;
}

/** The worker script built from the sources (once per process). */
export function workerScriptFromSources(): Promise<string> {
  devBundle ??= bundleWorker().catch((error: unknown) => {
    devBundle = undefined;
    throw error;
  });
  return devBundle;
}

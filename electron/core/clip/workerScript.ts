import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
 * The bundle is written, named by its content's hash, under
 * node_modules/.cache/dossier so that its external `require('jsdom')` resolves
 * to the project's node_modules; concurrent processes write the same name
 * atomically (temp file + rename).
 */
/** Packages read from their own files at run time (jsdom loads its stylesheets and workers by path): never bundled. */
export const WORKER_EXTERNALS = ['jsdom'];

let devBundle: Promise<string> | undefined;

async function bundleWorker(): Promise<string> {
  // A devDependency, only loaded when running from sources (the Electron bundle marks it external and never gets here).
  const { build } = await import('esbuild');
  const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./worker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: WORKER_EXTERNALS,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const dir = join(repoRoot, 'node_modules', '.cache', 'dossier');
  const file = join(dir, `clip-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
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

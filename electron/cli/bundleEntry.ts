import { fileURLToPath } from 'node:url';
import { configureExtractionPool } from '../core/clip/extractionPool';
import { main } from './main';

/**
 * The bundled CLI's entry (dist/cli/dossier.mjs, built by electron/launch/build-cli.mjs).
 * Its clip worker is prebuilt beside it, as in the Electron build, so a clip
 * never needs esbuild at run time.
 */
export function run(argv: string[]): Promise<number> {
  configureExtractionPool({ script: fileURLToPath(new URL('./clipWorker.cjs', import.meta.url)) });
  return main(argv);
}

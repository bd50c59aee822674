// Bundles the Electron main process, the preload and the clip extraction worker into dist/electron/.
// The sandboxed preload must be a single CommonJS file; main keeps the native
// module (better-sqlite3) and jsdom external, as electron-builder packs them.
// The worker (electron/core/clip/worker.ts) is its own file beside main.cjs, which
// main hands to the extraction pool; inside app.asar this works as is, since
// Electron (>= 17.3, electron/electron#33216) lets worker_threads load scripts
// and their requires (jsdom) from the archive.
import { build } from 'esbuild';
import { RUNTIME_MODULES, SOURCE_ONLY_MODULES } from './runtimeModules.mjs';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['electron'],
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    // esbuild only serves runs from sources (the dev-time worker bundle, electron/core/clip/workerScript.ts).
    external: ['electron', ...RUNTIME_MODULES, ...SOURCE_ONLY_MODULES],
    // Core modules written as ESM may read import.meta.url: in the bundle it is main.cjs's own URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "'use strict';\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({ ...common, entryPoints: ['electron/core/clip/worker.ts'], outfile: 'dist/electron/clipWorker.cjs', external: ['jsdom'] }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
console.log('Built dist/electron/main.cjs, dist/electron/preload.cjs and dist/electron/clipWorker.cjs');

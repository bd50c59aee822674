// Bundles the `dossier` CLI into dist/cli/ (run by `npm install` through `prepare`, and by `npm run build`).
// ESM with code splitting: every handler domain is a dynamic import in electron/core/lazyHandlers.ts, so
// each becomes its own chunk and `dossier notes list` loads neither jsdom nor the clip pipeline nor export.
// The native module and jsdom (which reads its own files by path) stay in node_modules; esbuild is only
// imported when running from sources. dist/cli/inputs.json lists the sources, which the bin
// (electron/cli/dossier.mjs) compares with the bundle's age so it never runs stale code.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { RUNTIME_MODULES, SOURCE_ONLY_MODULES } from './runtimeModules.mjs';

const external = [...RUNTIME_MODULES, ...SOURCE_ONLY_MODULES];
// Chunk names carry a content hash: clear the old ones so dist/cli holds only what this build wrote.
rmSync('dist/cli/chunks', { recursive: true, force: true });
const [cli] = await Promise.all([
  build({
    entryPoints: { dossier: 'electron/cli/bundleEntry.ts' },
    outdir: 'dist/cli',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external,
    metafile: true,
    logLevel: 'warning',
    // Bundled CommonJS packages call require() for Node's own modules; ESM has none of its own.
    banner: { js: "import { createRequire as __dossierRequire } from 'node:module';\nconst require = __dossierRequire(import.meta.url);" },
  }),
  build({
    entryPoints: ['electron/core/clip/worker.ts'],
    outfile: 'dist/cli/clipWorker.cjs',
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['jsdom'],
    logLevel: 'warning',
  }),
]);
const sources = Object.keys(cli.metafile.inputs).filter((file) => !file.includes('node_modules/'));
writeFileSync('dist/cli/inputs.json', JSON.stringify([...sources, 'package-lock.json', 'electron/launch/build-cli.mjs', 'electron/launch/runtimeModules.mjs'], null, 1));
console.log(`Built dist/cli/dossier.mjs (${sources.length} sources)`);

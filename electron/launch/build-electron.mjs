// Bundles the Electron main process and the preload into dist/electron/.
// The sandboxed preload must be a single CommonJS file; main keeps the native
// module (better-sqlite3) and jsdom external, as electron-builder packs them.
import { build } from 'esbuild';

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
    external: ['electron', 'better-sqlite3', 'jsdom'],
  }),
  build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: 'dist/electron/preload.cjs' }),
]);
console.log('Built dist/electron/main.cjs and dist/electron/preload.cjs');

// Builds the browser extension (renderer/extension) into an unpacked folder
// (default dist/extension) that Chromium loads with --load-extension, or that
// is zipped for a store. `npm run build:extension`; the e2e tests call buildExtension().
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = join(root, 'renderer/extension');

export async function buildExtension(outDir = join(root, 'dist/extension')) {
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    // Chromium 116+ (the manifest's minimum): async functions stay native, so the
    // capture function serializes into the page without esbuild helpers.
    target: 'chrome116',
    logLevel: 'warning',
    minify: false,
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(source, 'background.ts')], outfile: join(outDir, 'background.js') }),
    build({ ...common, entryPoints: [join(source, 'popup.ts')], outfile: join(outDir, 'popup.js') }),
  ]);
  for (const file of ['manifest.json', 'popup.html', 'popup.css']) copyFileSync(join(source, file), join(outDir, file));
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildExtension(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(`Built the browser extension into ${out} (load it unpacked, or zip it for a store).`);
}

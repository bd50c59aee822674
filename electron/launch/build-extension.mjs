// Builds the browser extension (renderer/extension) into an unpacked folder
// that Chromium loads with --load-extension (default dist/extension), or that
// is zipped for a store; the same sources build the Firefox variant (default
// dist/extension-firefox), which differs only in its manifest.
// `npm run build:extension` builds both; the e2e tests call buildExtension().
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const source = join(root, 'renderer/extension');

/** The add-on id Firefox knows the extension by (AMO signing needs a stable one). */
export const FIREFOX_ADDON_ID = 'clipper@dossier.app';

/**
 * The Firefox manifest from the Chromium one. Firefox's MV3 background is an
 * event page (`background.scripts`), not a service worker; it needs
 * `browser_specific_settings.gecko` (an add-on id, and 128+, the first ESR with
 * everything the extension uses: scripting.executeScript with func+args,
 * promise-returning chrome.* APIs, action badges); it has no use for Chrome's
 * `key` (the id that key fixes is Chrome's) or `minimum_chrome_version`.
 */
export function firefoxManifest(chromium) {
  const { key: _key, minimum_chrome_version: _min, background, ...rest } = chromium;
  return {
    ...rest,
    background: { scripts: [background.service_worker] },
    browser_specific_settings: { gecko: { id: FIREFOX_ADDON_ID, strict_min_version: '128.0' } },
  };
}

export async function buildExtension(outDir, { browser = 'chromium' } = {}) {
  outDir ??= join(root, browser === 'firefox' ? 'dist/extension-firefox' : 'dist/extension');
  mkdirSync(outDir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    // Chromium 116+ and Firefox 128+ (the manifests' minimums): async functions stay native,
    // so the capture function serializes into the page without esbuild helpers.
    target: ['chrome116', 'firefox128'],
    logLevel: 'warning',
    minify: false,
  };
  await Promise.all([
    build({ ...common, entryPoints: [join(source, 'background.ts')], outfile: join(outDir, 'background.js') }),
    build({ ...common, entryPoints: [join(source, 'popup.ts')], outfile: join(outDir, 'popup.js') }),
  ]);
  for (const file of ['popup.html', 'popup.css']) copyFileSync(join(source, file), join(outDir, file));
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(browser === 'firefox' ? firefoxManifest(manifest) : manifest, null, 2)}\n`);
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv[2]) {
    const out = await buildExtension(resolve(process.argv[2]), { browser: process.argv[3] === 'firefox' ? 'firefox' : 'chromium' });
    console.log(`Built the browser extension into ${out}.`);
  } else {
    const [chromium, firefox] = [await buildExtension(), await buildExtension(undefined, { browser: 'firefox' })];
    console.log(`Built the browser extension into ${chromium} (Chrome, Edge, Chromium: load it unpacked) and ${firefox} (Firefox: about:debugging, or zip it for AMO).`);
  }
}

// `npm run dist` packages from a staging folder, never from the project root: electron-builder
// rebuilds native modules (better-sqlite3) for Electron's ABI in the app folder it packs, and in the
// project root that would leave node_modules/better-sqlite3 unusable for Node (tests, CLI, `npm run web`
// would fail with NODE_MODULE_VERSION errors). The staging folder gets the built app and its own
// production install; electron-builder.yml points directories.app at it.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAGING_DIR = '.dist-staging';

/** The manifest the packaged app carries: the project's, minus its scripts (they need the sources); the same dependencies, so the lockfile still matches. */
export function stagingManifest(projectManifest) {
  const { scripts: _scripts, ...rest } = projectManifest;
  return rest;
}

/** Fresh staging folder with the built app, package.json and package-lock.json; returns its path. */
export function prepareStaging(root) {
  const staging = join(root, STAGING_DIR);
  for (const built of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/electron/clipWorker.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run \`npm run build\` first.`);
  }
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  cpSync(join(root, 'dist'), join(staging, 'dist'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(stagingManifest(manifest), null, 2)}\n`);
  cpSync(join(root, 'package-lock.json'), join(staging, 'package-lock.json'));
  return staging;
}

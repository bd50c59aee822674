// The one rule for package.json: what the packaged app or the installed CLI loads from node_modules at
// run time is a dependency; everything esbuild or vite bundles, and every build and test tool, is a
// devDependency. The bundles (build-electron.mjs, build-cli.mjs) leave exactly these external, and
// tests/unit/electron/packageManifest.test.ts holds package.json's dependencies to this list.

/** Loaded from node_modules by the packaged app and the installed CLI: the native module, and jsdom (it reads its
 * own files by path). */
export const RUNTIME_MODULES = ['better-sqlite3', 'jsdom'];

/** Left out of the bundles but never reached from them: only imported when running from sources (a devDependency). */
export const SOURCE_ONLY_MODULES = ['esbuild'];

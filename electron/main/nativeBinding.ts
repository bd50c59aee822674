import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module, built per ABI. `npm install` builds it for
 * Node (what the tests and the CLI use); the Electron app needs a build for
 * Electron's ABI. In development `npm start` puts that build in its own folder,
 * keyed by everything that makes a build stale (Electron version, better-sqlite3
 * version, platform, arch): electron-native.mjs names it the same way (a unit test
 * compares the two). The app loads it from there through better-sqlite3's
 * nativeBinding option, so neither build ever overwrites the other. Packaged apps
 * use the copy electron-builder rebuilt.
 */
export function electronNativeBindingDir(appRoot: string, electronVersion: string, betterSqliteVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  return join(appRoot, '.native', `electron-v${electronVersion}-better-sqlite3-v${betterSqliteVersion}-${platform}-${arch}`);
}

function betterSqliteVersion(): string {
  return (createRequire(import.meta.url)('better-sqlite3/package.json') as { version: string }).version;
}

export function resolveNativeBinding(appRoot: string, isPackaged: boolean, electronVersion = process.versions.electron ?? 'unknown'): string | undefined {
  if (isPackaged) return undefined;
  const file = join(electronNativeBindingDir(appRoot, electronVersion, betterSqliteVersion()), 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`The Electron build of better-sqlite3 is missing (${file}). Start the app with \`npm start\`, which builds it.`);
  }
  return file;
}

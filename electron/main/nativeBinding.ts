import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 is a native module, built per ABI. `npm install` builds it for
 * Node (what the tests and the CLI use); the Electron app needs a build for
 * Electron's ABI. In development `npm start` puts that build in its own folder,
 * .native/electron-v<version>-<platform>-<arch>/, and the app loads it from
 * there through better-sqlite3's nativeBinding option, so neither build ever
 * overwrites the other. Packaged apps use the copy electron-builder rebuilt.
 */
export function electronNativeBindingDir(appRoot: string, electronVersion: string, platform = process.platform, arch = process.arch): string {
  return join(appRoot, '.native', `electron-v${electronVersion}-${platform}-${arch}`);
}

export function resolveNativeBinding(appRoot: string, isPackaged: boolean): string | undefined {
  if (isPackaged) return undefined;
  const file = join(electronNativeBindingDir(appRoot, process.versions.electron ?? 'unknown'), 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(`The Electron build of better-sqlite3 is missing (${file}). Start the app with \`npm start\`, which builds it.`);
  }
  return file;
}

import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Dossier';
export const DB_FILE_NAME = 'dossier.sqlite';

/**
 * Electron's default `userData` directory for this app, computed without
 * Electron so the CLI and the browser harness open the same file as the app:
 * %APPDATA%\Dossier, ~/Library/Application Support/Dossier, or
 * $XDG_CONFIG_HOME/Dossier (~/.config/Dossier).
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/** `--db PATH` beats `DOSSIER_DB`, which beats the app's userData default. */
export function resolveDbPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return flag;
  if (env.DOSSIER_DB) return env.DOSSIER_DB;
  return join(defaultUserDataDir(env), DB_FILE_NAME);
}

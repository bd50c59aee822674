import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { vi } from 'vitest';
import { useNativeBinding } from '../../../db/connection';
import { startDossier, type AppFiles } from '../../../electron/main/app';
import { electronNativeBindingDir } from '../../../electron/main/nativeBinding';
import { CONTROL_CHANNELS } from '../../../shared/contract/api';
import { BrowserWindow, app, electronDouble, type WebContents } from '../../helpers/electronDouble';
import { makeTempDir } from '../../helpers/tempDir';

/*
 * Boots electron/main (startDossier, what index.ts runs) on the `electron` test double
 * (tests/helpers/electronDouble.ts): the Electron binary cannot be downloaded here. Each test file
 * must mock the module itself, before importing this helper:
 *   vi.mock('electron', () => import('../../helpers/electronDouble'));
 */
const require = createRequire(import.meta.url);
const betterSqlite = dirname(require.resolve('better-sqlite3/package.json'));
const nodeBuild = join(betterSqlite, 'build', 'Release', 'better_sqlite3.node');
const betterSqliteVersion = (require('better-sqlite3/package.json') as { version: string }).version;

export interface BootedApp {
  dir: ReturnType<typeof makeTempDir>;
  files: AppFiles;
  dbPath: string;
  /** The window once startup finished. */
  window: BrowserWindow;
  contents: WebContents;
  /** Quits the app (answering the flush, letting the quit backup finish) so nothing of it outlives the test. */
  cleanup(): Promise<void>;
}

/** A temp app folder: a built renderer (index.html, a script, a secret beside it) and the "Electron" native build (Node's, linked). */
export function prepareAppFolder(): { dir: ReturnType<typeof makeTempDir>; files: AppFiles; dbPath: string } {
  const dir = makeTempDir('dossier-electron-');
  const rendererDir = dir.file('renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Dossier</title><script type="module" src="./assets/main.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'main.js'), 'console.log("renderer")');
  writeFileSync(dir.file('secret.txt'), 'outside the renderer folder');
  // The double runs on Node, so the "Electron ABI" build the app resolves is Node's own build, linked into the
  // folder name the app computes: the app loads it through useNativeBinding like the real app does.
  const nativeDir = electronNativeBindingDir(dir.path, process.versions.electron ?? 'unknown', betterSqliteVersion);
  mkdirSync(nativeDir, { recursive: true });
  symlinkSync(nodeBuild, join(nativeDir, 'better_sqlite3.node'));
  return {
    dir,
    dbPath: dir.file('userData/dossier.sqlite'),
    files: { rendererDir, preloadPath: dir.file('preload.cjs'), clipWorker: dir.file('clipWorker.cjs') },
  };
}

/** Resets the double, lets `prepare` set the scene, starts the app, emits ready and waits for its window. */
export async function bootApp(options: { singleInstanceLock?: boolean; prepare?: (app: ReturnType<typeof prepareAppFolder>) => void } = {}): Promise<BootedApp> {
  const prepared = prepareAppFolder();
  electronDouble.reset({ appPath: prepared.dir.path, userData: dirname(prepared.dbPath), singleInstanceLock: options.singleInstanceLock ?? true });
  options.prepare?.(prepared);
  vi.stubEnv('DOSSIER_DB', prepared.dbPath);
  vi.stubEnv('DOSSIER_CONNECTOR_PORT', '0'); // a free port per booted app: tests run side by side
  startDossier(prepared.files);
  electronDouble.emitReady();
  const window = await vi.waitFor(() => {
    const [first] = BrowserWindow.getAllWindows();
    if (!first) throw new Error('no window yet');
    return first;
  });
  await vi.waitFor(() => {
    if (window.webContents.loaded.length === 0) throw new Error('not loaded yet');
  });
  return {
    ...prepared,
    window,
    contents: window.webContents,
    cleanup: async () => {
      if (electronDouble.state.exitCode === undefined) {
        for (const open of BrowserWindow.getAllWindows()) {
          open.webContents.page = { onMessage: (channel) => channel === CONTROL_CHANNELS.flushRequest && open.webContents.rendererSend(CONTROL_CHANNELS.flushDone) };
        }
        app.quit();
        await waitForExit().catch(() => app.exit(0));
      }
      vi.unstubAllEnvs();
      useNativeBinding(undefined);
      prepared.dir.cleanup();
    },
  };
}

/** Answers the renderer's flush request the way the preload + autosave do: write what is pending, then say done. */
export function rendererWithPendingSave(contents: WebContents, save: () => Promise<unknown>, flushDoneChannel: string, flushRequestChannel: string): { flushes: number } {
  const seen = { flushes: 0 };
  contents.page.onMessage = (channel) => {
    if (channel !== flushRequestChannel) return;
    seen.flushes += 1;
    void save().finally(() => contents.rendererSend(flushDoneChannel));
  };
  return seen;
}

/** Waits until the app terminated (app.quit finished or app.exit), returning the exit code. */
export function waitForExit(): Promise<number> {
  return vi.waitFor(
    () => {
      const code = electronDouble.state.exitCode;
      if (code === undefined) throw new Error('still running');
      return code;
    },
    { timeout: 10_000, interval: 20 },
  );
}

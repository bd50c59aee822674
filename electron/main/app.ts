import { app, clipboard, dialog, type BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { useNativeBinding } from '../../db/connection';
import { configureExtractionPool } from '../core/clip/extractionPool';
import { openCore, type Core } from '../core/openCore';
import { DB_FILE_NAME } from '../core/paths';
import { readAssetForServing } from '../core/services/assets';
import { backupIfDue } from '../core/services/backups';
import { startAppConnector } from '../core/connector/appConnector';
import { pickClipFiles } from './clipDialog';
import { pushChangeEvents } from './changeEvents';
import { chooseExportFolder } from './folderDialog';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { chooseOpenFile } from './openFileDialog';
import { confirmExport } from './confirmDialog';
import { registerAppScheme, serveAssets, serveRenderer } from './protocol';
import { offerRecovery } from './recovery';
import { chooseSaveFile } from './saveDialog';
import { installSecurityGuards } from './security';
import { createMainWindow, type QuitState } from './window';
import { startFactsBackfill } from '../core/services/factsBackfill';

/** Where the built pieces are: beside main.cjs in the app (see index.ts), temp folders in tests. */
export interface AppFiles {
  rendererDir: string;
  preloadPath: string;
  clipWorker: string;
}

const HOURLY = 60 * 60 * 1000;

/**
 * While the app runs, a verified backup whenever the newest is a day old (checked hourly), so a
 * session left open for weeks is covered; the usual daily backup is the one taken on quit, which
 * holds the day's work (a backup at start would only repeat yesterday's state and use up the day).
 */
function scheduleAutomaticBackups(core: Core): void {
  const run = (): void => {
    if (core.library.status().state !== 'ok') return;
    backupIfDue(core.ctx.db, core.library.path, new Date().toISOString()).catch((error: unknown) =>
      console.error('[dossier] automatic backup failed:', error),
    );
  };
  setInterval(run, HOURLY).unref();
}

/** Any startup failure ends in a dialog and a clean exit, never an app running with no window. */
function failStartup(title: string, error: unknown, dbPath: string): void {
  dialog.showErrorBox(title, `${error instanceof Error ? error.message : String(error)}\n\nLibrary file: ${dbPath}`);
  app.exit(1);
}

/** The desktop app: one process owns the library; one window shows it. */
export function startDossier(files: AppFiles): void {
  app.enableSandbox();
  registerAppScheme();
  // Clips are extracted on worker threads, from the prebuilt worker beside main.cjs (inside app.asar when packaged).
  configureExtractionPool({ script: files.clipWorker });

  if (!app.requestSingleInstanceLock()) {
    // One process owns the database: a second launch hands over to the first (second-instance there).
    app.quit();
    return;
  }
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;
  let started = false;
  let quitBackupRunning = false;
  let reopenAfterQuitBackup = false;
  const quit: QuitState = { quitting: false };
  const dbPath = process.env.DOSSIER_DB ?? join(app.getPath('userData'), DB_FILE_NAME);

  /** Shows the window, opening one when none exists (a relaunch, the dock icon, after the last one closed on macOS). */
  const showWindow = (): void => {
    if (!started) return;
    if (quitBackupRunning) {
      // A relaunch while the quit-time backup runs: stay open once it is done instead of quitting.
      reopenAfterQuitBackup = true;
      return;
    }
    if (!mainWindow) {
      mainWindow = createMainWindow(files.preloadPath, quit);
      mainWindow.on('closed', () => (mainWindow = undefined));
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('before-quit', () => {
    quit.quitting = true;
  });

  const start = async (): Promise<void> => {
    installSecurityGuards();
    serveRenderer(files.rendererDir);
    try {
      useNativeBinding(resolveNativeBinding(app.getAppPath(), app.isPackaged));
      core = openCore(dbPath, {
        host: {
          pickFiles: () => pickClipFiles(mainWindow),
          chooseSaveFile: (options) => chooseSaveFile(mainWindow, options),
          chooseExportFolder: (options) => chooseExportFolder(mainWindow, options),
          chooseOpenFile: (options) => chooseOpenFile(mainWindow, options),
          confirmExport: (request) => confirmExport(mainWindow, request),
          writeClipboard: (text) => clipboard.writeText(text),
        },
      });
    } catch (error) {
      failStartup('Dossier cannot open its library', error, dbPath);
      return;
    }
    const ctx = core.ctx;
    serveAssets((sha256) => readAssetForServing(ctx, sha256));
    if (core.library.status().state === 'damaged' && !(await offerRecovery(core))) {
      app.exit(1);
      return;
    }
    scheduleAutomaticBackups(core);
    // Libraries clipped before facts existed get them in the background, on the extraction workers.
    if (core.library.status().state === 'ok') startFactsBackfill(core.ctx);
    const isOurWindow = (frame: WebFrameMain): boolean => mainWindow !== undefined && mainWindow.webContents.mainFrame === frame;
    bindIpc(core.handlers, isOurWindow, core.library.path);
    pushChangeEvents(core, () => mainWindow);
    // The browser extension's connector (127.0.0.1 only; see README "Clip from the browser").
    void startAppConnector(ctx).then((server) => app.once('will-quit', () => void server?.close()));
    installMenu(() => mainWindow, !app.isPackaged);
    started = true;
    showWindow();
  };
  app.whenReady().then(start).catch((error: unknown) => failStartup('Dossier could not start', error, dbPath));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Windows flush their edits in their own close handlers; then one automatic backup (at most daily)
  // is taken before the store closes last.
  let quitBackupDone = false;
  app.on('will-quit', (event) => {
    const open = core;
    if (!open || quitBackupDone || open.library.status().state !== 'ok') {
      core?.close();
      return;
    }
    event.preventDefault();
    quitBackupDone = true;
    quitBackupRunning = true;
    void backupIfDue(open.ctx.db, open.library.path, new Date().toISOString())
      .catch((error: unknown) => console.error('[dossier] backup on quit failed:', error))
      .finally(() => {
        quitBackupRunning = false;
        if (!reopenAfterQuitBackup) return app.quit();
        reopenAfterQuitBackup = false;
        quitBackupDone = false;
        quit.quitting = false;
        showWindow();
      });
  });
}

import { app, clipboard, dialog, type BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../core/paths';
import { openCore, type Core } from '../core/openCore';
import { backupIfDue } from '../core/services/backups';
import { offerRecovery } from './recovery';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { registerAppScheme, serveAssets, serveRenderer } from './protocol';
import { readAssetForServing } from '../core/services/assets';
import { configureExtractionPool } from '../core/clip/extractionPool';
import { pickClipFiles } from './clipDialog';
import { chooseSaveFile } from './saveDialog';
import { chooseExportFolder } from './folderDialog';
import { confirmExport } from './confirmDialog';
import { chooseOpenFile } from './openFileDialog';
import { installSecurityGuards } from './security';
import { createMainWindow, preloadPathBesideMain } from './window';

// Bundled to dist/electron/main.cjs; the renderer is built to dist/renderer.
const mainDir = __dirname;
const rendererDir = join(mainDir, '..', 'renderer');

app.enableSandbox();
registerAppScheme();
// Clips are extracted on worker threads, from the prebuilt worker beside main.cjs (inside app.asar when packaged).
configureExtractionPool({ script: join(mainDir, 'clipWorker.cjs') });

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

if (!app.requestSingleInstanceLock()) {
  // One process owns the database: a second launch focuses the first window.
  app.quit();
} else {
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;

  const dbPath = process.env.DOSSIER_DB ?? join(app.getPath('userData'), DB_FILE_NAME);

  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.whenReady().then(async () => {
    installSecurityGuards();
    serveRenderer(rendererDir);
    try {
      core = openCore(dbPath, {
        nativeBinding: resolveNativeBinding(app.getAppPath(), app.isPackaged),
        host: {
          pickFiles: () => pickClipFiles(mainWindow),
          chooseSaveFile: (options) => chooseSaveFile(mainWindow, options),
          chooseExportFolder: (options) => chooseExportFolder(mainWindow, options),
          confirmExport: (request) => confirmExport(mainWindow, request),
          chooseOpenFile: (options) => chooseOpenFile(mainWindow, options),
          writeClipboard: (text) => clipboard.writeText(text),
        },
      });
      const ctx = core.ctx;
      serveAssets((sha256) => readAssetForServing(ctx, sha256));
    } catch (error) {
      dialog.showErrorBox('Dossier cannot open its library', `${(error as Error).message}\n\nLibrary file: ${dbPath}`);
      app.exit(1);
      return;
    }
    if (core.library.status().state === 'damaged' && !(await offerRecovery(core))) {
      app.exit(1);
      return;
    }
    scheduleAutomaticBackups(core);
    const isOurWindow = (frame: WebFrameMain): boolean => mainWindow?.webContents.mainFrame === frame;
    bindIpc(core.handlers, isOurWindow, core.library.path);
    installMenu(() => mainWindow, !app.isPackaged);
    const open = (): void => {
      mainWindow = createMainWindow(preloadPathBesideMain(mainDir));
      mainWindow.on('closed', () => (mainWindow = undefined));
    };
    open();
    app.on('activate', () => {
      if (!mainWindow) open();
    });
  }, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });

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
    void backupIfDue(open.ctx.db, open.library.path, new Date().toISOString())
      .catch((error: unknown) => console.error('[dossier] backup on quit failed:', error))
      .finally(() => app.quit());
  });
}

import { app, dialog, type BrowserWindow, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { DB_FILE_NAME } from '../core/paths';
import { openCore, type Core } from '../core/openCore';
import { bindIpc } from './ipc';
import { installMenu } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { registerAppScheme, serveAssets, serveRenderer } from './protocol';
import { readAssetForServing } from '../core/services/assets';
import { pickClipFiles } from './clipDialog';
import { installSecurityGuards } from './security';
import { createMainWindow, preloadPathBesideMain } from './window';

// Bundled to dist/electron/main.cjs; the renderer is built to dist/renderer.
const mainDir = __dirname;
const rendererDir = join(mainDir, '..', 'renderer');

app.enableSandbox();
registerAppScheme();

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

  app.whenReady().then(() => {
    installSecurityGuards();
    serveRenderer(rendererDir);
    try {
      core = openCore(dbPath, {
        nativeBinding: resolveNativeBinding(app.getAppPath(), app.isPackaged),
        host: { pickFiles: () => pickClipFiles(mainWindow) },
      });
      const ctx = core.ctx;
      serveAssets((sha256) => readAssetForServing(ctx, sha256));
    } catch (error) {
      dialog.showErrorBox('Dossier cannot open its library', `${(error as Error).message}\n\nLibrary file: ${dbPath}`);
      app.exit(1);
      return;
    }
    const isOurWindow = (frame: WebFrameMain): boolean => mainWindow?.webContents.mainFrame === frame;
    bindIpc(core.handlers, isOurWindow);
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

  // Windows flush their edits in their own close handlers; the store closes last.
  app.on('will-quit', () => core?.close());
}

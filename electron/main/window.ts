import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { CONTROL_CHANNELS } from '../../shared/contract/api';
import { installContextMenu } from './contextMenu';
import { APP_ORIGIN } from './protocol';

const FLUSH_TIMEOUT_MS = 5000;

/** The app's quit state, shared by every window (set in before-quit, cleared when a quit is called off). */
export interface QuitState {
  quitting: boolean;
}

export function createMainWindow(preloadPath: string, quit: QuitState = { quitting: false }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 760,
    minHeight: 480,
    title: 'Dossier',
    show: false,
    backgroundColor: '#f7f6f3',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click (auxclick) would open links in new windows, bypassing the navigation guard's flow.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  // Unsaved edits are flushed before the window may close (and so before quit). Preventing the close
  // cancels a quit in progress (Electron treats it as the user changing their mind), so when the app is
  // quitting (Cmd+Q, log-out, shutdown) the quit is asked for again once the flush is done.
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    const quitting = quit.quitting;
    void requestFlush(window).finally(() => {
      flushed = true;
      if (quitting) app.quit();
      else window.close();
    });
  });
  // The page's beforeunload vetoes while a save is pending or has failed, and Electron then silently
  // cancels the close (and the quit). After the flush the veto means the save failed: ask, so neither
  // the text nor the quit is lost silently. Before any flush (a reload), ask the usual question.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      message: flushed ? 'Your latest edits could not be saved.' : 'You have unsaved changes.',
      detail: flushed ? 'If you close Dossier now, they are lost. Stay to copy them or try saving again.' : 'Leave this page and lose them?',
      buttons: [flushed ? 'Close without saving' : 'Leave', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    if (choice === 0) event.preventDefault();
    else {
      quit.quitting = false;
      flushed = false;
    }
  });
  installContextMenu(window);
  // Keep the app's data out of the window title of a shared screen: static title.
  window.on('page-title-updated', (event) => event.preventDefault());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Asks the renderer to write pending edits; resolves when it confirms or after a timeout. */
export function requestFlush(window: BrowserWindow): Promise<void> {
  if (window.isDestroyed() || window.webContents.isCrashed()) return Promise.resolve();
  return new Promise((resolve) => {
    const contents = window.webContents;
    const done = (event: Electron.IpcMainEvent): void => {
      if (event.sender !== contents) return;
      cleanup();
    };
    const timer = setTimeout(() => cleanup(), FLUSH_TIMEOUT_MS);
    function cleanup(): void {
      clearTimeout(timer);
      ipcMain.removeListener(CONTROL_CHANNELS.flushDone, done);
      resolve();
    }
    ipcMain.on(CONTROL_CHANNELS.flushDone, done);
    contents.send(CONTROL_CHANNELS.flushRequest);
  });
}

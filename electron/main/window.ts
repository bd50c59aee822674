import { BrowserWindow, ipcMain } from 'electron';
import { join } from 'node:path';
import { CONTROL_CHANNELS } from '../../shared/contract/api';
import { APP_ORIGIN } from './protocol';

const FLUSH_TIMEOUT_MS = 5000;

export function createMainWindow(preloadPath: string): BrowserWindow {
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
  // Unsaved edits are flushed before the window may close (and so before quit).
  let flushed = false;
  window.on('close', (event) => {
    if (flushed) return;
    event.preventDefault();
    void requestFlush(window).finally(() => {
      flushed = true;
      window.close();
    });
  });
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

export function preloadPathBesideMain(mainDir: string): string {
  return join(mainDir, 'preload.cjs');
}

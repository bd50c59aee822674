import { app, session, shell, type WebContents } from 'electron';
import { APP_ORIGIN } from './protocol';

/**
 * App-wide guards, installed before any window exists: no permission is ever
 * granted, no web contents may navigate away from the app or open windows, and
 * <webview> cannot be attached.
 */
export function installSecurityGuards(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // Links in notes open in the system browser, and only for web and mail addresses.
    if (isExternalSafe(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function isAppUrl(url: string): boolean {
  try {
    return new URL(url).origin === APP_ORIGIN;
  } catch {
    return false;
  }
}

function isExternalSafe(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

import { app, dialog, BrowserWindow, session, shell, type Session, type WebContents } from 'electron';
import { decideExternalLink } from '../../shared/links/linkPolicy';
import { APP_HOST, APP_SCHEME } from './protocol';

/*
 * Runs in tests on the `electron` test double (tests/helpers/electronDouble.ts, tests/unit/electron/),
 * since the Electron binary cannot be downloaded here, and is scanned by electronegativity
 * (`npm run lint:security`). See README "Security" for the checklist mapping.
 */

/** Schemes the app's own pages may load from. Everything else (http, https, ws, file, ftp, data…) is cancelled. */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'dossier-asset:', 'blob:', 'devtools:']);

/**
 * App-wide guards, installed before any window exists and applied to every
 * session (the default one and any partition created later, e.g. the
 * reader's): no permission is ever granted, no request leaves the machine,
 * no web contents may navigate away from the app or open windows, and
 * <webview> cannot be attached.
 */
export function installSecurityGuards(): void {
  hardenSession(session.defaultSession);
  app.on('session-created', hardenSession);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Chromium fetches spell-check dictionaries from Google's CDN on Windows and Linux: an offline,
  // confidential notebook must not. An unresolvable URL disables the download (Signal does the same).
  ses.setSpellCheckerDictionaryDownloadURL('https://dictionaries.invalid/');
  // Renderers never need the network: clipping by URL runs in the main process.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !ALLOWED_REQUEST_SCHEMES.has(schemeOf(details.url)) });
  });
  // The app:// protocol sends this same policy (APP_CSP in electron/core/csp.ts); repeating it on every
  // response of the session covers anything else that ever renders here. Kept literal so static checkers
  // can evaluate it; tests/unit/electron/mainProcess.test.ts keeps the header identical to APP_CSP.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: dossier-asset:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; object-src 'none'",
        ],
      },
    });
  });
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    void openLinkAfterConfirmation(contents, url);
  });
  // Subframes only: the main frame's navigations are will-navigate's (which offers the link in the
  // browser), and whichever of the two Electron emits first must not cancel the main frame silently.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openLinkAfterConfirmation(contents, url);
    return { action: 'deny' };
  });
}

/**
 * Links open in the system browser only when the link policy allows them
 * (http/https, no credentials, no control characters) and the user confirms
 * a dialog that shows the real (punycode) host and the full address.
 */
async function openLinkAfterConfirmation(contents: WebContents, url: string): Promise<void> {
  const decision = decideExternalLink(url);
  const parent = BrowserWindow.fromWebContents(contents) ?? undefined;
  if (decision.action === 'refuse') {
    await showDialog(parent, { type: 'warning', message: 'Dossier did not open this link', detail: decision.reason, buttons: ['OK'] });
    return;
  }
  const { response } = await showDialog(parent, {
    type: 'question',
    message: `Open ${decision.host} in your browser?`,
    detail: [decision.url, ...decision.warnings].join('\n\n'),
    buttons: ['Cancel', 'Open in browser'],
    defaultId: 0,
    cancelId: 0,
  });
  if (response === 1) await shell.openExternal(decision.url);
}

function showDialog(parent: BrowserWindow | undefined, options: Electron.MessageBoxOptions): Promise<Electron.MessageBoxReturnValue> {
  return parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options);
}

function schemeOf(url: string): string {
  const colon = url.indexOf(':');
  return colon < 0 ? '' : url.slice(0, colon + 1).toLowerCase();
}

/**
 * True for app://dossier/… only. Compares scheme and host: for a non-special scheme like app:, the
 * WHATWG URL parser (Node's, and so Electron main's) gives the origin "null", so an origin
 * comparison would refuse our own page.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

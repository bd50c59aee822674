/**
 * A test double of the `electron` module, for running electron/main in vitest.
 *
 * It is a double because the Electron binary cannot be downloaded on the machines that run this
 * suite (require('electron') in plain Node tries to fetch it and throws). It models, after
 * Electron 45's documentation (docs/api/app.md, browser-window.md, web-contents.md, session.md,
 * protocol.md, ipc-main.md, menu.md), the parts where Dossier's behaviour depends on Electron's:
 *
 * - app lifecycle: `whenReady` resolves when the test calls `emitReady()`; `enableSandbox` and
 *   `protocol.registerSchemesAsPrivileged` throw after ready (as Electron does). `app.quit()` emits
 *   `before-quit` (preventable), then tries to close every window; a window whose `close` is
 *   prevented, or whose page vetoes unload without `will-prevent-unload` being prevented, cancels
 *   the quit (Browser::OnWindowCloseCancelled). When the last window closes during a quit,
 *   `will-quit` (preventable) and `quit` follow and `window-all-closed` is not emitted; outside a
 *   quit, `window-all-closed` is emitted (or, with no listener, the app quits). `app.exit(code)`
 *   ends at once with no events.
 * - windows: the `close` event comes first, then the page's beforeunload (the page double says
 *   whether it vetoes), then `closed`. `webContents` emits `will-frame-navigate` then (main frame)
 *   `will-navigate` for renderer-initiated navigations, `will-redirect`, `will-attach-webview`,
 *   `context-menu`, and calls the window-open handler. Frames have `url`, `parent`, `top`.
 * - URLs are parsed by Node's WHATWG `URL`, as in Electron's main process: the origin of
 *   `app://dossier/x` is the string "null".
 * - `protocol.handle` handlers get Node's real `Request` and must return a real `Response`.
 * - sessions: permission request/check, device and display-media handlers, and
 *   `webRequest.onBeforeRequest` / `onHeadersReceived`; `session.fromPartition` emits
 *   `session-created` on app.
 * - `ipcMain.handle` (a second handler for one channel throws, as in Electron) invoked with an
 *   event carrying `sender` and `senderFrame`; results are structured-cloned like IPC does.
 * - `dialog`, `Menu`, `shell`, `clipboard`: calls are recorded, dialogs answer with what the test
 *   scripted (default: the cancel button).
 *
 * The methods named `simulate*`, `renderer*`, `emitReady`, `reset` and the `page` field do not exist
 * in Electron: they are how a test plays the user, the OS and the renderer.
 */
import { EventEmitter } from 'node:events';

export class ElectronEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

// ---------- frames, web contents ----------

export class WebFrameMain {
  readonly frames: WebFrameMain[] = [];
  private static nextId = 1;
  readonly routingId = WebFrameMain.nextId++;
  readonly processId = 1;
  constructor(
    public url: string,
    readonly parent: WebFrameMain | null = null,
  ) {
    parent?.frames.push(this);
  }
  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this;
  }
  get origin(): string {
    try {
      return new URL(this.url).origin;
    } catch {
      return 'null';
    }
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => { action: 'allow' | 'deny' };

/** What the page (renderer) does when main talks to it: set by the test. */
export interface PageDouble {
  /** Messages main sends with webContents.send. */
  onMessage?: (channel: string, ...args: unknown[]) => void;
  /** Whether the page's beforeunload handler calls preventDefault() right now. */
  vetoesUnload?: () => boolean;
}

let nextContentsId = 1;

export class WebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly mainFrame = new WebFrameMain('');
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  readonly editCommands: string[] = [];
  page: PageDouble = {};
  session: Session;
  private windowOpenHandler: WindowOpenHandler | undefined;
  private destroyed = false;
  crashed = false;
  loaded: Array<{ url: string; status: number; body: string }> = [];

  constructor(readonly owner: BrowserWindow | undefined) {
    super();
    this.session = state.defaultSession;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
    this.page.onMessage?.(channel, ...structuredClone(args));
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isCrashed(): boolean {
    return this.crashed;
  }
  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  /** Main-initiated load: no will-navigate (Electron fires it only for renderer-initiated navigations). */
  async loadURL(url: string): Promise<void> {
    this.mainFrame.url = new URL(url).href;
    const response = await protocol.simulateFetch(url);
    this.loaded.push({ url, status: response.status, body: await response.text() });
    this.emit('did-finish-load');
    this.owner?.emit('ready-to-show');
  }
  replaceMisspelling(word: string): void {
    this.editCommands.push(`replaceMisspelling:${word}`);
  }
  copy(): void {
    this.editCommands.push('copy');
  }
  cut(): void {
    this.editCommands.push('cut');
  }
  paste(): void {
    this.editCommands.push('paste');
  }
  selectAll(): void {
    this.editCommands.push('selectAll');
  }

  // ----- the page and the user acting (double only) -----

  /** A navigation the page starts (link click, location change) in `frame`: true when it was not prevented. */
  rendererNavigate(url: string, frame: WebFrameMain = this.mainFrame): boolean {
    const isMainFrame = frame === this.mainFrame;
    const frameEvent = Object.assign(new ElectronEvent(), { url, isMainFrame, frame, initiator: frame });
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return false;
    if (isMainFrame) {
      const event = Object.assign(new ElectronEvent(), { url, isMainFrame, frame, initiator: frame });
      this.emit('will-navigate', event, url, false, isMainFrame, frame.processId, frame.routingId);
      if (event.defaultPrevented) return false;
    }
    frame.url = url;
    return true;
  }
  /** A server redirect during a navigation of `frame`: true when it was not prevented. */
  simulateRedirect(url: string, frame: WebFrameMain = this.mainFrame): boolean {
    const isMainFrame = frame === this.mainFrame;
    const event = Object.assign(new ElectronEvent(), { url, isMainFrame, frame });
    this.emit('will-redirect', event, url, false, isMainFrame, frame.processId, frame.routingId);
    return !event.defaultPrevented;
  }
  /** window.open / target=_blank / middle click: the handler's answer (Electron allows when no handler is set). */
  rendererWindowOpen(url: string): 'allow' | 'deny' {
    const details = { url, frameName: '', features: '', disposition: 'foreground-tab' };
    return this.windowOpenHandler ? this.windowOpenHandler(details).action : 'allow';
  }
  /** A <webview> the page tries to attach: true when it was allowed. */
  rendererAttachWebview(src: string): boolean {
    const event = new ElectronEvent();
    this.emit('will-attach-webview', event, {}, { src });
    return !event.defaultPrevented;
  }
  /** A right click; params follow Electron's ContextMenuParams (only the fields the app reads need be given). */
  simulateContextMenu(params: Partial<Electron.ContextMenuParams>): void {
    const full = { x: 0, y: 0, isEditable: false, selectionText: '', misspelledWord: '', dictionarySuggestions: [], editFlags: {}, ...params };
    this.emit('context-menu', new ElectronEvent(), full);
  }
  /** ipcRenderer.send from `frame` of this page. */
  rendererSend(channel: string, ...args: unknown[]): void {
    ipcMain.emit(channel, { sender: this, senderFrame: this.mainFrame, processId: 1, frameId: this.mainFrame.routingId, returnValue: undefined }, ...structuredClone(args));
  }
  /** ipcRenderer.invoke from `frame` (default: the top frame). */
  rendererInvoke(channel: string, input: unknown, frame: WebFrameMain = this.mainFrame): Promise<unknown> {
    return ipcMain.simulateInvoke({ sender: this, senderFrame: frame, processId: frame.processId, frameId: frame.routingId }, channel, input);
  }
}

// ---------- windows ----------

export class BrowserWindow extends EventEmitter {
  readonly webContents: WebContents;
  readonly options: Electron.BrowserWindowConstructorOptions;
  private destroyed = false;
  private minimized = false;
  visible = false;
  focused = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    if (!state.ready) throw new Error('Cannot create BrowserWindow before app is ready');
    this.options = structuredClone(options);
    this.webContents = new WebContents(this);
    state.windows.push(this);
    app.emit('browser-window-created', new ElectronEvent(), this);
    app.emit('web-contents-created', new ElectronEvent(), this.webContents);
  }

  static getAllWindows(): BrowserWindow[] {
    return state.windows.filter((w) => !w.destroyed);
  }
  static fromWebContents(contents: WebContents): BrowserWindow | null {
    return state.windows.find((w) => w.webContents === contents && !w.destroyed) ?? null;
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  /** Electron: emits `close` (preventable), then runs the page's beforeunload, then closes. */
  close(): void {
    if (this.destroyed) return;
    const event = new ElectronEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return state.cancelQuit();
    if (this.webContents.page.vetoesUnload?.()) {
      const unload = new ElectronEvent();
      this.webContents.emit('will-prevent-unload', unload);
      // preventDefault() on will-prevent-unload ignores the page's veto; otherwise the close (and any quit) is cancelled.
      if (!unload.defaultPrevented) return state.cancelQuit();
    }
    this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    if (BrowserWindow.getAllWindows().length === 0) state.allWindowsClosed();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  show(): void {
    this.visible = true;
  }
  isVisible(): boolean {
    return this.visible;
  }
}

// ---------- sessions ----------

type PermissionRequestHandler = (contents: WebContents | null, permission: string, callback: (granted: boolean) => void, details: object) => void;
type BeforeRequestListener = (details: { id: number; url: string; method: string; resourceType: string }, callback: (response: { cancel?: boolean }) => void) => void;
type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { cancel?: boolean; responseHeaders?: Record<string, string[] | string> }) => void,
) => void;

export class Session {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((contents: WebContents | null, permission: string, origin: string) => boolean) | null = null;
  devicePermissionHandler: ((details: object) => boolean) | null = null;
  displayMediaRequestHandler: ((request: object, callback: (streams: unknown) => void) => void) | null = null;
  spellCheckerDictionaryDownloadURL: string | undefined;
  private beforeRequest: BeforeRequestListener | null = null;
  private headersReceived: HeadersListener | null = null;
  private requestId = 1;

  constructor(readonly partition: string) {}

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Session['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Session['devicePermissionHandler']): void {
    this.devicePermissionHandler = handler;
  }
  setDisplayMediaRequestHandler(handler: Session['displayMediaRequestHandler']): void {
    this.displayMediaRequestHandler = handler;
  }
  setSpellCheckerDictionaryDownloadURL(url: string): void {
    this.spellCheckerDictionaryDownloadURL = url;
  }
  readonly webRequest = {
    // Electron keeps one listener per event: a new one replaces the old.
    onBeforeRequest: (listener: BeforeRequestListener | null) => void (this.beforeRequest = listener),
    onHeadersReceived: (listener: HeadersListener | null) => void (this.headersReceived = listener),
  };

  // ----- double only -----

  /** A page asks for a permission: resolves with the decision (Electron grants by default with no handler). */
  simulatePermissionRequest(permission: string, contents: WebContents | null = null): Promise<boolean> {
    const handler = this.permissionRequestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents, permission, resolve, {}));
  }
  simulatePermissionCheck(permission: string, origin: string): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin) : true;
  }
  /** A request from a page of this session: resolves true when it was cancelled. */
  simulateRequest(url: string, resourceType = 'xhr'): Promise<boolean> {
    const listener = this.beforeRequest;
    if (!listener) return Promise.resolve(false);
    return new Promise((resolve) =>
      listener({ id: this.requestId++, url, method: 'GET', resourceType }, (response) => resolve(response.cancel === true)),
    );
  }
  /** A response arriving: resolves with the headers the page sees. */
  simulateResponseHeaders(url: string, responseHeaders: Record<string, string[]>): Promise<Record<string, string[] | string>> {
    const listener = this.headersReceived;
    if (!listener) return Promise.resolve(responseHeaders);
    return new Promise((resolve) => listener({ url, responseHeaders }, (response) => resolve(response.responseHeaders ?? responseHeaders)));
  }
}

export const session = {
  get defaultSession(): Session {
    return state.defaultSession;
  },
  fromPartition(partition: string): Session {
    const existing = state.partitions.get(partition);
    if (existing) return existing;
    const created = new Session(partition);
    state.partitions.set(partition, created);
    app.emit('session-created', created);
    return created;
  },
};

// ---------- protocol ----------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges?: object }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges?: object }>): void {
    if (state.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!state.ready) throw new Error('protocol.handle can only be used after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    this.handlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  },
  /** A page (or the browser) requesting `url`: the registered handler's real Response, or a network error as 404. */
  async simulateFetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) return new Response('ERR_UNKNOWN_URL_SCHEME', { status: 404 });
    const response = await handler(new Request(url, init));
    if (!(response instanceof Response)) throw new TypeError('protocol.handle handlers must return a Response');
    return response;
  },
};

// ---------- IPC ----------

interface InvokeEvent {
  sender: WebContents;
  senderFrame: WebFrameMain | null;
  processId: number;
  frameId: number;
}

class IpcMainDouble extends EventEmitter {
  private readonly handlers = new Map<string, (event: InvokeEvent, ...args: unknown[]) => unknown>();
  handle(channel: string, handler: (event: InvokeEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  handledChannels(): string[] {
    return [...this.handlers.keys()];
  }
  async simulateInvoke(event: InvokeEvent, channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return structuredClone(await handler(event, ...structuredClone(args)));
  }
  resetDouble(): void {
    this.handlers.clear();
    this.removeAllListeners();
  }
}
export const ipcMain = new IpcMainDouble();

// ---------- dialog, menu, shell, clipboard ----------

type DialogCall = { kind: string; window: BrowserWindow | undefined; options: Record<string, unknown> };
type DialogAnswer = (call: DialogCall) => unknown;

export const dialog = {
  shown: [] as DialogCall[],
  errors: [] as Array<{ title: string; content: string }>,
  answers: [] as DialogAnswer[],
  /** Queues the answer to the next dialog (a button index, or a result object for open/save dialogs). */
  simulateAnswer(answer: DialogAnswer): void {
    this.answers.push(answer);
  },
  record(kind: string, args: unknown[]): unknown {
    const window = args[0] instanceof BrowserWindow ? args[0] : undefined;
    const options = (window ? args[1] : args[0]) as Record<string, unknown>;
    const call = { kind, window, options };
    this.shown.push(call);
    const answer = this.answers.shift();
    if (answer) return answer(call);
    if (kind === 'messageBox') return (options.cancelId as number | undefined) ?? 0;
    return undefined;
  },
  showMessageBoxSync(...args: unknown[]): number {
    return this.record('messageBox', args) as number;
  },
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    return { response: this.record('messageBox', args) as number, checkboxChecked: false };
  },
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    const answer = this.record('open', args) as string[] | undefined;
    return answer ? { canceled: false, filePaths: answer } : { canceled: true, filePaths: [] };
  },
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    const answer = this.record('save', args) as string | undefined;
    return answer ? { canceled: false, filePath: answer } : { canceled: true, filePath: '' };
  },
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
};

export class MenuItem {
  readonly label: string;
  readonly role: string | undefined;
  readonly type: string;
  readonly accelerator: string | undefined;
  readonly enabled: boolean;
  readonly submenu: Menu | undefined;
  readonly click: ((item: MenuItem, window: BrowserWindow | undefined, event: object) => void) | undefined;
  constructor(options: Electron.MenuItemConstructorOptions) {
    if (typeof options !== 'object' || options === null) throw new TypeError('Invalid template for MenuItem');
    this.role = options.role;
    this.type = options.type ?? (options.submenu ? 'submenu' : 'normal');
    this.label = options.label ?? (options.role ? String(options.role) : '');
    this.accelerator = typeof options.accelerator === 'string' ? options.accelerator : undefined;
    this.enabled = options.enabled ?? true;
    this.submenu = options.submenu ? (options.submenu instanceof Menu ? options.submenu : Menu.buildFromTemplate(options.submenu as Electron.MenuItemConstructorOptions[])) : undefined;
    this.click = options.click as MenuItem['click'];
    if (this.type === 'normal' && !this.label && !this.role) throw new TypeError('Invalid template for MenuItem: must have at least one of label, role or type');
  }
}

export class Menu {
  readonly items: MenuItem[] = [];
  popups: Array<{ window?: BrowserWindow }> = [];
  static buildFromTemplate(template: Electron.MenuItemConstructorOptions[]): Menu {
    if (!Array.isArray(template)) throw new TypeError('Invalid template for Menu: Menu template must be an array');
    const menu = new Menu();
    for (const item of template) menu.items.push(new MenuItem(item));
    return menu;
  }
  static setApplicationMenu(menu: Menu | null): void {
    state.applicationMenu = menu;
  }
  static getApplicationMenu(): Menu | null {
    return state.applicationMenu;
  }
  popup(options: { window?: BrowserWindow } = {}): void {
    this.popups.push(options);
    state.popups.push(this);
  }
  /** Finds an item by label anywhere in the menu (double only). */
  find(label: string): MenuItem | undefined {
    for (const item of this.items) {
      if (item.label === label) return item;
      const inner = item.submenu?.find(label);
      if (inner) return inner;
    }
    return undefined;
  }
}

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> {
    this.opened.push(url);
  },
};

export const clipboard = {
  text: '',
  writeText(text: string): void {
    this.text = text;
  },
  readText(): string {
    return this.text;
  },
};

// ---------- app ----------

class AppDouble extends EventEmitter {
  getAppPath(): string {
    return state.appPath;
  }
  get isPackaged(): boolean {
    return state.isPackaged;
  }
  getPath(name: string): string {
    const path = state.paths[name];
    if (!path) throw new Error(`Failed to get '${name}' path`);
    return path;
  }
  isReady(): boolean {
    return state.ready;
  }
  whenReady(): Promise<void> {
    return state.readyPromise;
  }
  enableSandbox(): void {
    if (state.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    state.sandboxEnabled = true;
  }
  requestSingleInstanceLock(): boolean {
    return state.singleInstanceLock;
  }
  /** Electron's Browser::Quit: before-quit, then close every window; will-quit once the last one closed. */
  quit(): void {
    if (state.exitCode !== undefined) return;
    const event = new ElectronEvent();
    this.emit('before-quit', event);
    if (event.defaultPrevented) return;
    state.quitting = true;
    const open = BrowserWindow.getAllWindows();
    if (open.length === 0) return state.notifyAndShutdown();
    for (const window of open) window.close();
  }
  exit(code = 0): void {
    if (state.exitCode !== undefined) return;
    state.exitCode = code;
    for (const window of BrowserWindow.getAllWindows()) window.destroy();
  }
  focus(): void {
    state.appFocused = true;
  }
}
export const app = new AppDouble();

// ---------- shared state ----------

function freshState() {
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));
  return {
    ready: false,
    readyPromise,
    resolveReady,
    sandboxEnabled: false,
    singleInstanceLock: true,
    isPackaged: false,
    appPath: '/nonexistent-app-path',
    paths: {} as Record<string, string>,
    windows: [] as BrowserWindow[],
    defaultSession: new Session(''),
    partitions: new Map<string, Session>(),
    applicationMenu: null as Menu | null,
    popups: [] as Menu[],
    quitting: false,
    appFocused: false,
    /** Set when the app terminated (quit: 0, or app.exit's code). */
    exitCode: undefined as number | undefined,
    cancelQuit(): void {
      // Browser::OnWindowCloseCancelled: a window that refused to close cancels the quit in progress.
      this.quitting = false;
    },
    allWindowsClosed(): void {
      if (this.exitCode !== undefined) return;
      if (this.quitting) return this.notifyAndShutdown();
      if (app.listenerCount('window-all-closed') === 0) return app.quit();
      app.emit('window-all-closed');
    },
    notifyAndShutdown(): void {
      const event = new ElectronEvent();
      app.emit('will-quit', event);
      if (event.defaultPrevented) {
        this.quitting = false;
        return;
      }
      app.emit('quit', new ElectronEvent(), 0);
      this.exitCode = 0;
    },
  };
}
let state = freshState();

/** The double's own controls (not part of Electron). */
export const electronDouble = {
  get state() {
    return state;
  },
  /** A fresh Electron: no windows, handlers, menus, dialogs or listeners. */
  reset(options: { appPath?: string; userData?: string; isPackaged?: boolean; singleInstanceLock?: boolean } = {}): void {
    for (const window of state.windows) window.removeAllListeners();
    state = freshState();
    if (options.appPath) state.appPath = options.appPath;
    if (options.userData) state.paths.userData = options.userData;
    state.isPackaged = options.isPackaged ?? false;
    state.singleInstanceLock = options.singleInstanceLock ?? true;
    app.removeAllListeners();
    ipcMain.resetDouble();
    protocol.privileged = [];
    protocol.handlers.clear();
    dialog.shown = [];
    dialog.errors = [];
    dialog.answers = [];
    shell.opened = [];
    clipboard.text = '';
  },
  /** Electron finished initializing: 'ready' is emitted and whenReady() resolves. */
  emitReady(): void {
    state.ready = true;
    app.emit('ready', new ElectronEvent(), {});
    state.resolveReady();
  },
  windows(): BrowserWindow[] {
    return BrowserWindow.getAllWindows();
  },
};

export default { app, BrowserWindow, session, protocol, ipcMain, dialog, Menu, MenuItem, shell, clipboard };

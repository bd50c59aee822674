import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTROL_CHANNELS, MENU_COMMANDS } from '../../../shared/contract/api';
import { APP_CSP } from '../../../electron/core/csp';
import { isAppUrl } from '../../../electron/main/security';
import { BrowserWindow, Menu, WebFrameMain, app, clipboard, dialog, electronDouble, protocol, session, shell } from '../../helpers/electronDouble';
import { editorJson } from '../../helpers/core';
import { bootApp, rendererWithPendingSave, waitForExit, type BootedApp } from './bootApp';

// electron/main runs here on the `electron` test double: the Electron binary cannot be downloaded on this machine.
vi.mock('electron', () => import('../../helpers/electronDouble'));

let booted: BootedApp | undefined;
afterEach(async () => {
  await booted?.cleanup();
  booted = undefined;
});

async function start(options?: Parameters<typeof bootApp>[0]): Promise<BootedApp> {
  booted = await bootApp(options);
  return booted;
}

describe('isAppUrl', () => {
  it('accepts app://dossier/… although Node gives that URL the origin "null", and nothing else', () => {
    expect(new URL('app://dossier/index.html').origin).toBe('null');
    expect(isAppUrl('app://dossier/index.html')).toBe(true);
    expect(isAppUrl('app://dossier/')).toBe(true);
    for (const url of ['app://evil/index.html', 'app://dossier.evil/x', 'app://user@dossier/', 'https://dossier/', 'null', 'file:///index.html', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('the main window', () => {
  it('is created with the hardened webPreferences, sandboxing enabled before ready, and the app scheme privileged', async () => {
    const { window, files } = await start();
    expect(window.options.webPreferences).toEqual({
      preload: files.preloadPath,
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
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      spellcheck: true,
    });
    expect(electronDouble.state.sandboxEnabled).toBe(true);
    expect(protocol.privileged).toContainEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    // The window shows once its page is ready, and the title never shows the page's (note) titles.
    expect(window.isVisible()).toBe(true);
    const title = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    window.emit('page-title-updated', title, 'Secret source');
    expect(title.defaultPrevented).toBe(true);
  });
});

describe('app:// serves the built renderer', () => {
  it('serves index.html with the app CSP as the first load, and refuses traversal, other hosts and other methods', async () => {
    const { contents } = await start();
    expect(contents.loaded[0]).toMatchObject({ url: 'app://dossier/index.html', status: 200 });
    expect(contents.loaded[0]!.body).toContain('<title>Dossier</title>');
    const page = await protocol.simulateFetch('app://dossier/index.html');
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect((await protocol.simulateFetch('app://dossier/assets/main.js')).status).toBe(200);
    for (const url of ['app://dossier/../secret.txt', 'app://dossier/..%2fsecret.txt', 'app://dossier/%2e%2e/secret.txt', 'app://dossier/assets/..%5c..%5csecret.txt', 'app://evil/index.html', 'app://dossier/missing.html']) {
      const response = await protocol.simulateFetch(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain('outside the renderer folder');
    }
    expect((await protocol.simulateFetch('app://dossier/index.html', { method: 'POST', body: 'x' })).status).toBe(404);
    expect((await protocol.simulateFetch('dossier-asset:' + 'a'.repeat(64))).status).toBe(404);
  });
});

describe('IPC sender checks', () => {
  it('answers our window’s top frame and refuses a subframe, a foreign page and another window', async () => {
    const { contents } = await start();
    expect(contents.mainFrame.url).toBe('app://dossier/index.html');
    // Before the isAppUrl fix this call was refused: every renderer call answered "forbidden".
    expect(await contents.rendererInvoke('notes.create', { title: 'From the window' })).toMatchObject({ ok: true, value: { title: 'From the window' } });

    const subframe = new WebFrameMain('app://dossier/index.html', contents.mainFrame);
    expect(await contents.rendererInvoke('notes.list', {}, subframe)).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const other = new BrowserWindow({});
    other.webContents.mainFrame.url = 'app://dossier/index.html';
    expect(await other.webContents.rendererInvoke('notes.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    contents.mainFrame.url = 'https://evil.example/';
    expect(await contents.rendererInvoke('notes.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    contents.mainFrame.url = 'app://dossier/index.html';

    // Renderer input never names a path; unknown channels are not bound at all.
    expect(await contents.rendererInvoke('export.note', { id: 1, out: '/tmp/x.md' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expect(contents.rendererInvoke('fs.read', {})).rejects.toThrow(/No handler registered/);
  });

  it('hands the host’s dialogs and clipboard to the handlers (cancelled dialogs answer null or nothing)', async () => {
    const { contents } = await start();
    const note = (await contents.rendererInvoke('notes.create', { title: 'Clip me' })) as { value: { id: number } };
    expect(await contents.rendererInvoke('clip.pickFiles', {})).toMatchObject({ ok: true });
    expect(await contents.rendererInvoke('export.noteToChosenFile', { id: note.value.id })).toMatchObject({ ok: true, value: null });
    expect(await contents.rendererInvoke('export.archiveToChosenFile', {})).toMatchObject({ ok: true, value: null });
    expect(await contents.rendererInvoke('export.importArchivePreview', {})).toMatchObject({ ok: true, value: null });
    expect(dialog.shown.map((d) => d.kind)).toEqual(['open', 'save', 'save', 'open']);
    expect(dialog.shown.every((d) => d.window === booted!.window)).toBe(true);

    expect(await contents.rendererInvoke('export.copyNoteMarkdown', { id: note.value.id })).toMatchObject({ ok: true });
    expect(clipboard.readText()).toContain('Clip me');
    // The reader's "Copy with citation": the page has no clipboard permission, main writes it.
    const quote = '“a textbook emergency purchase”\n— Dana Ruiz, “City awarded water contract”, The Ledger';
    expect(await contents.rendererInvoke('export.copyText', { text: quote })).toEqual({ ok: true, value: { characters: quote.length } });
    expect(clipboard.readText()).toBe(quote);
    expect(await session.defaultSession.simulatePermissionRequest('clipboard-sanitized-write')).toBe(false);
  });
});

describe('the host’s dialogs, answered', () => {
  it('turn the user’s choices into the paths the handlers use', async () => {
    const { contents, dir } = await start();
    const page = dir.file('saved page.html');
    writeFileSync(page, '<html><head><title>Harbour dredging</title></head><body><article><p>' + 'The harbour will be dredged next spring. '.repeat(20) + '</p></article></body></html>');
    dialog.simulateAnswer(() => [page]);
    expect(await contents.rendererInvoke('clip.pickFiles', {})).toMatchObject({ ok: true });
    const note = (await contents.rendererInvoke('notes.create', { title: 'Export me' })) as { value: { id: number } };
    const target = dir.file('exported note.md');
    dialog.simulateAnswer(() => target);
    expect(await contents.rendererInvoke('export.noteToChosenFile', { id: note.value.id })).toMatchObject({ ok: true });
    expect(existsSync(target)).toBe(true);
    await contents.rendererInvoke('projects.create', { name: 'Harbour' });
    expect(await contents.rendererInvoke('export.projectStart', { name: 'Harbour' })).toMatchObject({ ok: true, value: null });
    expect(dialog.shown.map((d) => [d.kind, d.options.title])).toEqual([
      ['open', 'Add to library'],
      ['save', expect.any(String)],
      ['open', expect.stringContaining('Harbour')],
    ]);
  });
});

describe('an export that would replace files', () => {
  it('goes on only after main’s own native dialog says yes (the renderer alone cannot proceed)', async () => {
    const { contents, dir } = await start();
    contents.mainFrame.url = 'app://dossier/index.html';
    const call = async <T,>(channel: string, input: unknown): Promise<T> => {
      const result = (await contents.rendererInvoke(channel, input)) as { ok: boolean; value: T };
      expect(result, channel).toMatchObject({ ok: true });
      return result.value;
    };
    const project = await call<{ id: number }>('projects.create', { name: 'Harbour' });
    const note = await call<{ id: number }>('notes.create', { title: 'Finding' });
    await call('projects.addItems', { projectId: project.id, items: [{ type: 'note', id: note.id }] });
    const folder = dir.file('export');
    mkdirSync(folder);
    writeFileSync(`${folder}/index.md`, 'my own index');
    dialog.simulateAnswer(() => [folder]);
    const started = await call<{ jobId: string }>('export.projectStart', { name: 'Harbour' });
    const settled = async (jobId: string): Promise<{ state: string; confirmToken: string | null; jobId: string }> => {
      for (;;) {
        const status = await call<{ state: string; confirmToken: string | null; jobId: string }>('export.jobStatus', { jobId });
        if (status.state !== 'running') return status;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const stopped = await settled(started.jobId);
    expect(stopped).toMatchObject({ state: 'conflict', confirmToken: null });

    // The user says Cancel in main's dialog: forbidden, the file stays.
    dialog.simulateAnswer(() => 1);
    expect(await contents.rendererInvoke('export.jobProceed', { jobId: stopped.jobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const asked = dialog.shown.at(-1)!;
    expect(asked).toMatchObject({ kind: 'messageBox', window: booted!.window });
    expect(String(asked.options.message)).toContain('Replace 1 file');
    expect(String(asked.options.detail)).toContain('index.md');

    // Replace: the export runs and overwrites exactly what was listed.
    dialog.simulateAnswer(() => 0);
    const proceeded = await call<{ jobId: string }>('export.jobProceed', { jobId: stopped.jobId });
    expect(await settled(proceeded.jobId)).toMatchObject({ state: 'done' });
  });
});

describe('navigation, windows and links', () => {
  it('lets the page navigate within app://dossier only; other addresses open in the browser after a confirmation', async () => {
    const { contents } = await start();
    expect(contents.rendererNavigate('app://dossier/index.html#/notes/1')).toBe(true);
    dialog.simulateAnswer(() => 1); // "Open in browser"
    expect(contents.rendererNavigate('https://example.com/story')).toBe(false);
    await vi.waitFor(() => expect(shell.opened).toEqual(['https://example.com/story']));
    expect(dialog.shown.at(-1)?.options.message).toBe('Open example.com in your browser?');

    expect(contents.rendererNavigate('file:///etc/passwd')).toBe(false);
    await vi.waitFor(() => expect(dialog.shown.at(-1)?.options.message).toBe('Dossier did not open this link'));
    expect(shell.opened).toHaveLength(1);

    const subframe = new WebFrameMain('app://dossier/frame.html', contents.mainFrame);
    expect(contents.rendererNavigate('https://example.com/', subframe)).toBe(false);
    expect(contents.rendererNavigate('app://dossier/other.html', subframe)).toBe(true);
    expect(contents.simulateRedirect('https://tracker.example/')).toBe(false);
    expect(contents.simulateRedirect('app://dossier/index.html')).toBe(true);
    expect(contents.rendererAttachWebview('https://example.com/')).toBe(false);
  });

  it('denies window.open (a cancelled confirmation opens nothing)', async () => {
    const { contents } = await start();
    expect(contents.rendererWindowOpen('https://example.com/')).toBe('deny');
    expect(contents.rendererWindowOpen('app://dossier/index.html')).toBe('deny');
    await vi.waitFor(() => expect(dialog.shown).toHaveLength(2));
    expect(shell.opened).toEqual([]);
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('deny every permission and cancel every request that would leave the machine, on the default and any later session', async () => {
    await start();
    const reader = session.fromPartition('persist:reader');
    for (const ses of [session.defaultSession, reader]) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write']) {
        expect(await ses.simulatePermissionRequest(permission), permission).toBe(false);
        expect(ses.simulatePermissionCheck(permission, 'app://dossier'), permission).toBe(false);
      }
      expect(ses.devicePermissionHandler?.({})).toBe(false);
      const streams = await new Promise((resolve) => ses.displayMediaRequestHandler?.({}, resolve));
      expect(streams).toBeNull();
      expect(ses.spellCheckerDictionaryDownloadURL).toBe('https://dictionaries.invalid/');
      for (const url of ['https://example.com/x.js', 'http://127.0.0.1:8080/', 'ws://example.com/', 'file:///etc/passwd', 'ftp://example.com/', 'data:text/html,x']) {
        expect(await ses.simulateRequest(url), url).toBe(true);
      }
      for (const url of ['app://dossier/index.html', 'dossier-asset:' + 'a'.repeat(64), 'blob:app://dossier/1', 'devtools://devtools/bundled/x']) {
        expect(await ses.simulateRequest(url), url).toBe(false);
      }
      const headers = await ses.simulateResponseHeaders('app://dossier/index.html', { 'Content-Type': ['text/html'] });
      expect(headers['Content-Security-Policy']).toEqual([APP_CSP]);
      expect(headers['Content-Type']).toEqual(['text/html']);
    }
  });
});

describe('menus', () => {
  it('builds the application menu; its commands reach the window', async () => {
    const { contents } = await start();
    const menu = Menu.getApplicationMenu();
    expect(menu?.items.map((item) => item.label)).toEqual([
      ...(process.platform === 'darwin' ? ['appMenu'] : []),
      'File',
      'editMenu',
      'View',
      'windowMenu',
    ]);
    for (const label of ['New Note', 'Export Project…', 'Export Note…', 'Copy Note as Markdown', 'Export Library Archive…', 'Import Library Archive…']) {
      const item = menu?.find(label);
      expect(item, label).toBeDefined();
      item!.click?.(item!, undefined, {});
    }
    expect(contents.sent.filter((m) => m.channel === CONTROL_CHANNELS.menuCommand).map((m) => m.args[0])).toEqual([
      'new-note',
      'export-project',
      'export-note',
      'copy-note-markdown',
      'export-archive',
      'import-archive',
    ]);
    // Every menu command the preload forwards is one the menu sends (the palette's export list is checked against the same list).
    const sent = contents.sent.filter((m) => m.channel === CONTROL_CHANNELS.menuCommand).map((m) => String(m.args[0]));
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort());
    expect(menu?.find('toggleDevTools')).toBeDefined(); // a development run (not packaged)
  });

  it('offers spelling suggestions and Cut/Copy/Paste/Select All on right click', async () => {
    const { contents, window } = await start();
    contents.simulateContextMenu({ isEditable: true, selectionText: 'teh', misspelledWord: 'teh', dictionarySuggestions: ['the', 'ten'], editFlags: { canCut: true, canPaste: true } as Electron.EditFlags });
    const menu = electronDouble.state.popups.at(-1)!;
    expect(menu.popups[0]?.window).toBe(window);
    expect(menu.items.map((item) => item.label || item.type)).toEqual(['the', 'ten', 'separator', 'Cut', 'Copy', 'Paste', 'Select All']);
    menu.items[0]!.click?.(menu.items[0]!, window, {});
    expect(contents.editCommands).toEqual(['replaceMisspelling:the']);

    contents.simulateContextMenu({ isEditable: false, selectionText: 'a quote' });
    expect(electronDouble.state.popups.at(-1)!.items.map((item) => [item.label, item.enabled])).toEqual([
      ['Copy', true],
      ['Select All', true],
    ]);
    contents.simulateContextMenu({ isEditable: true, misspelledWord: 'qzx', dictionarySuggestions: [] });
    expect(electronDouble.state.popups.at(-1)!.items.map((item) => [item.label || item.type, item.enabled])).toEqual([
      ['No spelling suggestions', false],
      ['separator', true],
      ['Cut', false],
      ['Copy', false],
      ['Paste', true],
      ['Select All', true],
    ]);
  });
});

/** A renderer with typed text not yet saved: the flush request writes it, as the autosave does. */
async function pendingNote(app: BootedApp, text: string): Promise<{ id: number; flushes: { flushes: number } }> {
  const created = (await app.contents.rendererInvoke('notes.create', { title: 'Unsaved' })) as { value: { id: number } };
  const id = created.value.id;
  const flushes = rendererWithPendingSave(
    app.contents,
    () => app.contents.rendererInvoke('notes.save', { id, contentJson: editorJson(text) }),
    CONTROL_CHANNELS.flushDone,
    CONTROL_CHANNELS.flushRequest,
  );
  return { id, flushes };
}

function savedText(dbPath: string, id: number): string {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare('SELECT content_json FROM notes WHERE id = ?').get(id) as { content_json: string }).content_json;
  } finally {
    db.close();
  }
}

/** process.platform as another OS would report it (the main process branches on it), until restore(). */
function pretendPlatform(platform: NodeJS.Platform): { restore(): void } {
  const original = Object.getOwnPropertyDescriptor(process, 'platform')!;
  Object.defineProperty(process, 'platform', { ...original, value: platform });
  return { restore: () => Object.defineProperty(process, 'platform', original) };
}

describe('quitting', () => {
  it('flushes the renderer’s pending edits, takes the quit backup and closes the library', async () => {
    const running = await start();
    const { id, flushes } = await pendingNote(running, 'typed just before quitting');
    app.quit();
    expect(await waitForExit()).toBe(0);
    expect(flushes.flushes).toBe(1);
    // The last connection closed: SQLite checkpointed and removed the WAL.
    expect(existsSync(`${running.dbPath}-wal`)).toBe(false);
    expect(savedText(running.dbPath, id)).toContain('typed just before quitting');
    expect(existsSync(`${running.dbPath.replace(/dossier\.sqlite$/, '')}backups`)).toBe(true);
  });

  it('quits on macOS too (Cmd+Q, log-out): the window’s flush no longer turns the quit into a mere window close', async () => {
    const platform = pretendPlatform('darwin');
    try {
      const running = await start();
      const { id } = await pendingNote(running, 'saved on Cmd+Q');
      app.quit();
      expect(await waitForExit()).toBe(0);
      expect(savedText(running.dbPath, id)).toContain('saved on Cmd+Q');
    } finally {
      platform.restore();
    }
  });

  it('closing the last window quits on Windows and Linux, after the flush', async () => {
    const platform = pretendPlatform('linux');
    try {
      const running = await start();
      const { id } = await pendingNote(running, 'saved on close');
      running.window.close();
      expect(await waitForExit()).toBe(0);
      expect(savedText(running.dbPath, id)).toContain('saved on close');
    } finally {
      platform.restore();
    }
  });

  it('a page that still vetoes unload after the flush (the save failed) cannot block the quit forever: the user decides', async () => {
    const running = await start();
    await pendingNote(running, 'will fail');
    running.contents.page.vetoesUnload = () => true;
    dialog.simulateAnswer(() => 1); // Stay
    app.quit();
    await vi.waitFor(() => expect(dialog.shown.some((d) => d.options.message === 'Your latest edits could not be saved.')).toBe(true));
    expect(electronDouble.state.exitCode).toBeUndefined();
    expect(BrowserWindow.getAllWindows()).toHaveLength(1);

    dialog.simulateAnswer(() => 0); // Close without saving
    app.quit();
    expect(await waitForExit()).toBe(0);
  });

  it('a reload with unsaved edits asks before leaving', async () => {
    const { contents } = await start();
    dialog.simulateAnswer(() => 0); // Leave
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    contents.emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
    expect(dialog.shown.at(-1)?.options.message).toBe('You have unsaved changes.');
  });

  it('a relaunch or the dock icon opens a window when none is left (macOS keeps running without one)', async () => {
    const platform = pretendPlatform('darwin');
    try {
      const running = await start();
      running.contents.page.onMessage = (channel) => channel === CONTROL_CHANNELS.flushRequest && running.contents.rendererSend(CONTROL_CHANNELS.flushDone);
      running.window.close();
      await vi.waitFor(() => expect(BrowserWindow.getAllWindows()).toHaveLength(0));
      expect(electronDouble.state.exitCode).toBeUndefined();
      app.emit('second-instance', {}, [], '/');
      expect(BrowserWindow.getAllWindows()).toHaveLength(1);
      const second = BrowserWindow.getAllWindows()[0]!;
      second.minimize();
      app.emit('activate');
      expect(BrowserWindow.getAllWindows()).toEqual([second]);
      expect(second.isMinimized()).toBe(false);
      expect(second.focused).toBe(true);
    } finally {
      platform.restore();
    }
  });
});

describe('relaunching during the quit backup', () => {
  it('keeps the app open and shows a window once the backup is done, instead of quitting under the relaunch', async () => {
    const running = await start();
    running.contents.page.onMessage = (channel) => channel === CONTROL_CHANNELS.flushRequest && running.contents.rendererSend(CONTROL_CHANNELS.flushDone);
    // Registered after the app's own will-quit listener: the backup has started when the relaunch arrives.
    app.once('will-quit', () => app.emit('second-instance', {}, [], '/'));
    app.quit();
    const reopened = await vi.waitFor(
      () => {
        const [window] = BrowserWindow.getAllWindows();
        if (!window || window === running.window) throw new Error('not reopened yet');
        return window;
      },
      { timeout: 10_000 },
    );
    expect(running.window.isDestroyed()).toBe(true);
    expect(electronDouble.state.exitCode).toBeUndefined();
    await vi.waitFor(() => expect(reopened.webContents.loaded[0]?.status).toBe(200));
    expect(await reopened.webContents.rendererInvoke('notes.list', {})).toMatchObject({ ok: true });
  });
});

describe('startup', () => {
  it('a second launch quits at once and leaves the first instance alone', async () => {
    const { prepareAppFolder } = await import('./bootApp');
    const prepared = prepareAppFolder();
    try {
      electronDouble.reset({ appPath: prepared.dir.path, userData: prepared.dir.path, singleInstanceLock: false });
      const { startDossier } = await import('../../../electron/main/app');
      startDossier(prepared.files);
      expect(electronDouble.state.exitCode).toBe(0);
      expect(existsSync(prepared.dbPath)).toBe(false);
    } finally {
      prepared.dir.cleanup();
    }
  });

  it('an error outside the library open (here: the app scheme already taken) ends in a dialog and exit code 1, not a stray rejection', async () => {
    const { prepareAppFolder } = await import('./bootApp');
    const { startDossier } = await import('../../../electron/main/app');
    const prepared = prepareAppFolder();
    try {
      electronDouble.reset({ appPath: prepared.dir.path, userData: prepared.dir.path });
      vi.stubEnv('DOSSIER_DB', prepared.dbPath);
      startDossier(prepared.files);
      electronDouble.emitReady();
      protocol.handle('app', () => new Response('someone else'));
      expect(await waitForExit()).toBe(1);
      expect(dialog.errors[0]?.title).toBe('Dossier could not start');
      expect(BrowserWindow.getAllWindows()).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
      prepared.dir.cleanup();
    }
  });

  it('a library that cannot be opened (no Electron build of the native module) says why and exits', async () => {
    const { prepareAppFolder } = await import('./bootApp');
    const { startDossier } = await import('../../../electron/main/app');
    const prepared = prepareAppFolder();
    try {
      electronDouble.reset({ appPath: prepared.dir.file('elsewhere'), userData: prepared.dir.path });
      vi.stubEnv('DOSSIER_DB', prepared.dbPath);
      startDossier(prepared.files);
      electronDouble.emitReady();
      expect(await waitForExit()).toBe(1);
      expect(dialog.errors[0]).toMatchObject({ title: 'Dossier cannot open its library' });
      expect(dialog.errors[0]?.content).toMatch(/Electron build of better-sqlite3 is missing/);
    } finally {
      vi.unstubAllEnvs();
      prepared.dir.cleanup();
    }
  });

  it('a damaged library offers recovery: quitting exits, starting empty opens the window', async () => {
    const damage = (prepared: { dbPath: string }): void => {
      mkdirSync(prepared.dbPath.replace(/[/\\]dossier\.sqlite$/, ''), { recursive: true });
      writeFileSync(prepared.dbPath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 9)]));
    };
    const { prepareAppFolder } = await import('./bootApp');
    const { startDossier } = await import('../../../electron/main/app');
    const prepared = prepareAppFolder();
    try {
      damage(prepared);
      electronDouble.reset({ appPath: prepared.dir.path, userData: prepared.dir.path });
      vi.stubEnv('DOSSIER_DB', prepared.dbPath);
      dialog.simulateAnswer(() => 1); // ['Start an empty library', 'Quit']: Quit
      startDossier(prepared.files);
      electronDouble.emitReady();
      expect(await waitForExit()).toBe(1);
      expect(dialog.shown[0]?.options.message).toBe('Your Dossier library is damaged');
    } finally {
      vi.unstubAllEnvs();
      prepared.dir.cleanup();
    }

    booted = await bootApp({
      prepare: (next) => {
        damage(next);
        dialog.simulateAnswer(() => 0); // Start an empty library
      },
    });
    expect(dialog.shown[0]?.options.message).toBe('Your Dossier library is damaged');
    expect(await booted.contents.rendererInvoke('notes.list', {})).toMatchObject({ ok: true, value: [] });
  });
});

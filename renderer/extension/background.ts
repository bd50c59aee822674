import { DEFAULT_CONNECTOR_PORT, type CaptureAction } from '../../shared/connector/protocol';
import { MAX_CAPTURE_SELECTION_CHARS, MAX_IMAGE_BYTES, MAX_PAGE_BYTES, megabytes } from '../../shared/limits';
import { capturePage } from './capturePage';
import { pair, sendCapture } from './connectorClient';
import type { ExtensionStatus, LastResult, PopupRequest } from './messages';
import { deliverQueue, enqueue, QueueFullError, singleFlight, type Delivery, type QueuedCapture, type QueueStorage } from './queue';

/**
 * The extension's service worker: the toolbar popup, the context-menu entries
 * and the keyboard commands all end here. A capture goes into the queue
 * (chrome.storage.local) and the queue is delivered to the app in order.
 */
const KEYS = { token: 'dossier.token', port: 'dossier.port', queue: 'dossier.queue', last: 'dossier.last' } as const;

const queueStorage: QueueStorage = {
  read: async () => ((await chrome.storage.local.get(KEYS.queue))[KEYS.queue] as QueuedCapture[] | undefined) ?? [],
  write: (items) => chrome.storage.local.set({ [KEYS.queue]: items }),
};

async function settings(): Promise<{ token: string | undefined; port: number }> {
  const stored = await chrome.storage.local.get([KEYS.token, KEYS.port]);
  const port = Number(stored[KEYS.port]);
  return { token: stored[KEYS.token] as string | undefined, port: Number.isInteger(port) && port > 0 && port < 65536 ? port : DEFAULT_CONNECTOR_PORT };
}

async function setLast(last: LastResult): Promise<void> {
  await chrome.storage.local.set({ [KEYS.last]: last });
}

async function updateBadge(): Promise<void> {
  const waiting = (await queueStorage.read()).length;
  await chrome.action.setBadgeText({ text: waiting > 0 ? String(waiting) : '' });
  if (waiting > 0) await chrome.action.setBadgeBackgroundColor({ color: '#8a5a00' });
}

function lastFor(item: QueuedCapture, rest: Omit<LastResult, 'action' | 'url' | 'pageTitle' | 'capturedAt'>): LastResult {
  return { action: item.action, url: item.capture.url, pageTitle: item.capture.title, capturedAt: item.capture.capturedAt, ...rest };
}

/**
 * What the app answered for each capture this worker delivered, by id: a
 * capture queued while another pass was running is delivered by that pass,
 * and the caller that queued it finds its answer here.
 */
const answers = new Map<string, Delivery>();

/** Delivers the queue; records what happened to each capture. */
const deliver = singleFlight(async () => {
  const { token, port } = await settings();
  const reports = await deliverQueue(queueStorage, (item) => sendCapture(port, token, item));
  for (const { item, delivery } of reports) {
    if (delivery.kind === 'delivered' || delivery.kind === 'refused') answers.set(item.id, delivery);
    if (delivery.kind === 'delivered') await setLast(lastFor(item, { kind: 'delivered', outcome: delivery.outcome }));
    else if (delivery.kind === 'refused') await setLast(lastFor(item, { kind: 'error', message: delivery.message }));
  }
  await updateBadge();
  return reports;
});

function refused(action: CaptureAction, tab: chrome.tabs.Tab | undefined, message: string): LastResult {
  return { action, url: tab?.url ?? '', pageTitle: tab?.title ?? '', capturedAt: new Date().toISOString(), kind: 'error', message };
}

/** Captures a tab, queues the capture and delivers the queue. */
async function act(action: CaptureAction, tabId: number): Promise<LastResult> {
  const tab = await chrome.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url || !/^https?:/i.test(tab.url)) return finish(refused(action, tab, 'Only web pages (http or https) can be clipped.'));
  let snapshot;
  try {
    const [injected] = await chrome.scripting.executeScript({ target: { tabId }, func: capturePage, args: [MAX_PAGE_BYTES, MAX_IMAGE_BYTES, MAX_CAPTURE_SELECTION_CHARS] });
    snapshot = injected?.result;
  } catch (error) {
    return finish(refused(action, tab, `The page could not be read (${(error as Error).message}).`));
  }
  if (!snapshot) return finish(refused(action, tab, 'The page could not be read.'));
  if (snapshot.bytes > MAX_PAGE_BYTES) {
    return finish(refused(action, tab, `The page is ${(snapshot.bytes / 1024 / 1024).toFixed(1)} MB; Dossier clips pages up to ${megabytes(MAX_PAGE_BYTES)}.`));
  }
  const selection = snapshot.selection.trim();
  if (action === 'quote' && selection === '') return finish(refused(action, tab, 'Select the words to quote on the page first.'));
  if (selection.length > MAX_CAPTURE_SELECTION_CHARS) return finish(refused(action, tab, `The selection is longer than ${MAX_CAPTURE_SELECTION_CHARS} characters: quote a passage, not a page.`));
  const item: QueuedCapture = {
    id: `${snapshot.capturedAt}-${crypto.randomUUID()}`,
    action,
    capture: { url: snapshot.url, title: snapshot.title, html: snapshot.html, capturedAt: snapshot.capturedAt, ...(action === 'quote' ? { selection } : {}) },
  };
  try {
    await enqueue(queueStorage, item);
  } catch (error) {
    if (error instanceof QueueFullError) return finish(refused(action, tab, error.message));
    throw error;
  }
  const reports = await deliver();
  const mine = answers.get(item.id);
  answers.delete(item.id);
  if (mine?.kind === 'delivered') return lastFor(item, { kind: 'delivered', outcome: mine.outcome });
  if (mine?.kind === 'refused') return lastFor(item, { kind: 'error', message: mine.message });
  const stopped = reports.at(-1)?.delivery;
  const queued = lastFor(item, { kind: 'queued', message: stopped && stopped.kind !== 'delivered' ? stopped.message : 'Dossier is busy with earlier captures.' });
  return finish(queued);
}

async function finish(last: LastResult): Promise<LastResult> {
  await setLast(last);
  await updateBadge();
  return last;
}

async function status(): Promise<ExtensionStatus> {
  const { token, port } = await settings();
  const stored = await chrome.storage.local.get(KEYS.last);
  return { paired: Boolean(token), waiting: (await queueStorage.read()).length, last: (stored[KEYS.last] as LastResult | undefined) ?? null, port };
}

async function pairWith(code: string): Promise<{ ok: boolean; message: string }> {
  const { port } = await settings();
  const answer = await pair(port, code.trim());
  if ('error' in answer) return { ok: false, message: answer.error };
  await chrome.storage.local.set({ [KEYS.token]: answer.token });
  void deliver();
  return { ok: true, message: 'Paired with Dossier.' };
}

async function activeTabId(): Promise<number | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id;
}

function installMenus(): void {
  void chrome.contextMenus.removeAll().then(() => {
    chrome.contextMenus.create({ id: 'dossier-clip', title: 'Clip to Dossier', contexts: ['page', 'link', 'image'] });
    chrome.contextMenus.create({ id: 'dossier-quote', title: 'Quote selection into Dossier', contexts: ['selection'] });
  });
  void chrome.alarms.create('dossier-deliver', { periodInMinutes: 0.5 });
}

chrome.runtime.onInstalled.addListener(installMenus);
chrome.runtime.onStartup.addListener(() => {
  installMenus();
  void deliver();
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === 'dossier-deliver') void deliver();
});
chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id !== undefined) void act(info.menuItemId === 'dossier-quote' ? 'quote' : 'clip', tab.id);
});
/** A keyboard shortcut (manifest "commands"): Alt+Shift+K clips, Alt+Shift+Q quotes the selection, in the given or active tab. */
async function runCommand(command: string, tabId?: number): Promise<LastResult | null> {
  const action: CaptureAction | null = command === 'clip-page' ? 'clip' : command === 'quote-selection' ? 'quote' : null;
  if (!action) return null;
  const target = tabId ?? (await activeTabId());
  return target === undefined ? null : act(action, target);
}
chrome.commands.onCommand.addListener((command, tab) => void runCommand(command, tab?.id));

chrome.runtime.onMessage.addListener((raw, sender, sendResponse) => {
  // Only this extension's own pages (the popup) may drive it.
  if (sender.id !== chrome.runtime.id || sender.tab?.url?.startsWith('http')) return false;
  const message = raw as PopupRequest;
  const work: Promise<unknown> =
    message.type === 'status'
      ? status()
      : message.type === 'act'
        ? act(message.action, message.tabId)
        : message.type === 'pair'
          ? pairWith(String(message.code))
          : message.type === 'deliver'
            ? deliver().then(() => status())
            : Promise.resolve(null);
  work.then(sendResponse, (error: unknown) => sendResponse({ error: (error as Error).message }));
  return true;
});

// Exposed to the service worker's global scope for tests driving it with worker.evaluate (no effect on pages).
Object.assign(globalThis, { dossierExtension: { act, deliver, status, pairWith, runCommand } });

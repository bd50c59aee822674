import type { CaptureAction } from '../../shared/connector/protocol';
import { describeResult, type ExtensionStatus, type LastResult, type PopupRequest } from './messages';

/**
 * The toolbar popup: opening it clips the page (Clip to Dossier), its buttons
 * quote the selection or deliver the queue, and it says what happened. Every
 * control is a native button/input in tab order; the first action has focus.
 * `?tab=ID` names the tab to act on (the popup otherwise acts on the active tab).
 */
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const resultLine = $<HTMLParagraphElement>('result');
const waitingLine = $<HTMLParagraphElement>('waiting');
const pairForm = $<HTMLFormElement>('pair-form');

function ask<T>(request: PopupRequest): Promise<T> {
  return chrome.runtime.sendMessage(request) as Promise<T>;
}

async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function showStatus(status: ExtensionStatus, last: LastResult | null = status.last): void {
  if (last) {
    resultLine.textContent = describeResult(last, status.waiting);
    resultLine.classList.toggle('error', last.kind === 'error' || last.outcome?.status === 'failed');
  }
  waitingLine.hidden = status.waiting === 0;
  waitingLine.textContent = status.waiting === 1 ? '1 capture waiting for Dossier.' : `${status.waiting} captures waiting for Dossier.`;
  $('deliver').hidden = status.waiting === 0;
  pairForm.hidden = status.paired;
}

async function run(action: CaptureAction): Promise<void> {
  const tabId = await targetTab();
  if (tabId === undefined) {
    resultLine.textContent = 'No page to clip.';
    return;
  }
  resultLine.classList.remove('error');
  resultLine.textContent = action === 'quote' ? 'Quoting the selection…' : 'Clipping…';
  const last = await ask<LastResult>({ type: 'act', action, tabId });
  showStatus(await ask<ExtensionStatus>({ type: 'status' }), last);
}

$('clip').addEventListener('click', () => void run('clip'));
$('quote').addEventListener('click', () => void run('quote'));
$('deliver').addEventListener('click', () => {
  void ask<ExtensionStatus>({ type: 'deliver' }).then((status) => showStatus(status));
});
pairForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const code = ($<HTMLInputElement>('code')).value;
  $('pair-status').textContent = 'Pairing…';
  void ask<{ ok: boolean; message: string }>({ type: 'pair', code }).then(async (answer) => {
    $('pair-status').textContent = answer.message;
    if (answer.ok) showStatus(await ask<ExtensionStatus>({ type: 'status' }));
  });
});

void (async () => {
  const status = await ask<ExtensionStatus>({ type: 'status' });
  showStatus(status);
  if (!status.paired) {
    resultLine.textContent = 'This browser is not paired with Dossier yet. Captures wait in the queue until it is.';
    $<HTMLInputElement>('code').focus();
    return;
  }
  $('clip').focus();
  // The toolbar button is "Clip to Dossier": opening the popup clips the page.
  if (new URLSearchParams(location.search).get('auto') !== '0') await run('clip');
})();

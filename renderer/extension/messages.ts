import type { CaptureAction, CaptureOutcome } from '../../shared/connector/protocol';

/** What the popup asks the service worker. */
export type PopupRequest =
  | { type: 'status' }
  | { type: 'act'; action: CaptureAction; tabId: number }
  | { type: 'pair'; code: string }
  | { type: 'deliver' };

/** The last thing that happened to a capture, as the popup shows it. */
export interface LastResult {
  action: CaptureAction;
  url: string;
  pageTitle: string;
  capturedAt: string;
  /** delivered: the app's answer; queued: waiting for the app; error: refused (by the extension or the app). */
  kind: 'delivered' | 'queued' | 'error';
  outcome?: CaptureOutcome;
  message?: string;
}

export interface ExtensionStatus {
  paired: boolean;
  waiting: number;
  last: LastResult | null;
  port: number;
}

/** The popup's sentence for a result: clipped, new version of "…", already in the library, quoted into…, or the error. */
export function describeResult(last: LastResult, waiting: number): string {
  if (last.kind === 'queued') {
    return `${last.message ?? 'Dossier is not running.'} The capture waits in the queue (${waiting} waiting) and is delivered when Dossier runs.`;
  }
  if (last.kind === 'error' || !last.outcome) return `Not clipped: ${last.message ?? 'unknown error'}`;
  const o = last.outcome;
  const title = `“${o.title ?? last.pageTitle}”`;
  let sentence: string;
  switch (o.status) {
    case 'clipped':
      sentence = `Clipped ${title}.`;
      break;
    case 'new-version':
      sentence = `New version of ${title}.`;
      break;
    case 'duplicate':
      sentence = `Already in the library: ${title} (unchanged).`;
      break;
    default:
      return `Not clipped: ${o.error ?? 'unknown error'}`;
  }
  if (o.quote) sentence += ` Quoted into ${o.quote.newNote ? 'a new note' : 'note'} “${o.quote.noteTitle || 'Untitled'}”.`;
  return sentence;
}

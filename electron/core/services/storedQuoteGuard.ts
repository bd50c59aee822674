import type { SerializedEditorState } from '../../../shared/notes/editorState';
import { appendQuote, quotesInNote } from '../../../shared/notes/quotesInNote';
import type { CoreContext } from '../context';

/**
 * Keeps a quote the core wrote into a STORED note (the browser extension's
 * quote, when no editor took it live) from being dropped by an editor that
 * still holds the note as it was before: an editor that did not answer in time,
 * or an autosave of a note being closed that lands just after. Until a save of
 * the note contains the quote, or the note is loaded again (a fresh load has
 * it), every save that lacks it gets it appended back, as the core first wrote it.
 * In memory: a guard protects against editors of this running app only.
 */
interface GuardedQuote {
  passageId: number;
  kind: 'block' | 'inline';
  text: string;
}

const guards = new WeakMap<CoreContext, Map<number, GuardedQuote[]>>();

function guardsOf(ctx: CoreContext): Map<number, GuardedQuote[]> {
  let map = guards.get(ctx);
  if (!map) {
    map = new Map();
    guards.set(ctx, map);
  }
  return map;
}

/** The core just appended this quote to the stored note. */
export function guardStoredQuote(ctx: CoreContext, noteId: number, quote: GuardedQuote): void {
  const map = guardsOf(ctx);
  map.set(noteId, [...(map.get(noteId) ?? []), quote]);
}

/** The note was loaded (it holds every guarded quote now): later saves descend from that load. */
export function releaseStoredQuoteGuards(ctx: CoreContext, noteId: number): void {
  guards.get(ctx)?.delete(noteId);
}

/**
 * Called by every save of the note before it is written: appends each guarded
 * quote the incoming state lacks (returns true when it did), and releases the
 * guards of quotes the state holds.
 */
export function keepGuardedQuotes(ctx: CoreContext, noteId: number, state: SerializedEditorState): boolean {
  const map = guards.get(ctx);
  const guarded = map?.get(noteId);
  if (!map || !guarded) return false;
  const present = new Set(quotesInNote(state).map((q) => q.passageId));
  const missing = guarded.filter((q) => !present.has(q.passageId));
  for (const quote of missing) appendQuote(state, quote.kind, quote.passageId, quote.text);
  // Re-appended quotes stay guarded: the editor that sent this save still does not show them.
  if (missing.length === 0) map.delete(noteId);
  else map.set(noteId, missing);
  return missing.length > 0;
}

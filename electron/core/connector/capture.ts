import * as notesRepo from '../../../db/repositories/notes';
import type { CaptureOutcome, PageCapture } from '../../../shared/connector/protocol';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { clipSource, type ClipOptions } from '../services/clip';
import { findPassage } from '../services/passages';
import { guardStoredQuote } from '../services/storedQuoteGuard';
import { parseEditorState } from '../../../shared/notes/editorState';
import { quotesInNote } from '../../../shared/notes/quotesInNote';
import type { Passage } from '../../../shared/domain/passage';
import { quoteIntoNote } from '../services/noteQuotes';
import { connectorState } from './state';

/** Clock skew tolerated between the browser and the app before a capture time "in the future" is refused. */
const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Runs one capture from the paired extension through the same clip pipeline
 * as a saved file (extraction on the worker pool, metadata, sanitizing,
 * provenance with the SHA-256 of the captured HTML, versions on re-clip), then,
 * for the quote action, quotes the selection into the current note (or a new
 * one) linked to its passage exactly as a quote made in the reader.
 */
export async function runCapture(ctx: CoreContext, action: 'clip' | 'quote', capture: PageCapture, options: ClipOptions = {}): Promise<CaptureOutcome> {
  if (Date.parse(capture.capturedAt) > Date.parse(ctx.now()) + MAX_FUTURE_SKEW_MS) {
    throw new DossierError('invalid_input', `The capture time ${capture.capturedAt} is in the future: check the computer's clock.`);
  }
  const selection = capture.selection?.trim() ?? '';
  if (action === 'quote' && selection === '') throw new DossierError('invalid_input', 'Select the words to quote on the page first.');
  const result = await clipSource(ctx, { kind: 'capture', url: capture.url, html: capture.html, capturedAt: capture.capturedAt }, options);
  const outcome: CaptureOutcome = {
    status: result.status === 'pending' ? 'failed' : result.status,
    articleId: result.articleId,
    versionId: result.versionId,
    title: result.title,
    error: result.error,
  };
  if (action === 'clip' || result.articleId === null || outcome.status === 'failed') return outcome;
  const passage = findPassage(ctx, result.articleId, selection);
  const quote = await quoteIntoCurrentNote(ctx, passage);
  const note = notesRepo.getNoteSummary(ctx.db, quote.noteId)!;
  return { ...outcome, quote: { noteId: quote.noteId, noteTitle: note.title, passageId: passage.id, newNote: quote.newNote } };
}

/**
 * The current note, when an editor has it open (the renderer told us, and
 * someone listens to change events): offered to that editor, which inserts the
 * quote at its cursor and saves. Otherwise, or when the editor does not take
 * it in time: appended to the stored note (a new note when there is no current
 * one), guarded so that no autosave of an older editor state can drop it.
 */
export async function quoteIntoCurrentNote(ctx: CoreContext, passage: Passage): Promise<{ noteId: number; newNote: boolean }> {
  const state = connectorState(ctx);
  const current = state.currentNoteId !== null && notesRepo.getNoteSummary(ctx.db, state.currentNoteId) ? state.currentNoteId : undefined;
  if (current === undefined) return { noteId: quoteIntoNote(ctx, { passageId: passage.id, kind: 'block' }).noteId, newNote: true };
  let before = 0;
  if ((ctx.events?.listenerCount ?? 0) > 0) {
    before = quotesOfPassage(ctx, current, passage.id);
    const result = await state.liveQuotes.offer(ctx, { noteId: current, passageId: passage.id, text: passage.exact, kind: 'block' });
    if (result === 'inserted') return { noteId: current, newNote: false };
    // Claimed but never confirmed: the editor may still have placed and saved it; then it is not added twice.
    if (result === 'unconfirmed' && quotesOfPassage(ctx, current, passage.id) > before) return { noteId: current, newNote: false };
    // The note may have been deleted while the offer waited.
    if (!notesRepo.getNoteSummary(ctx.db, current)) return { noteId: quoteIntoNote(ctx, { passageId: passage.id, kind: 'block' }).noteId, newNote: true };
  }
  quoteIntoNote(ctx, { passageId: passage.id, noteId: current, kind: 'block' });
  guardStoredQuote(ctx, current, { passageId: passage.id, kind: 'block', text: passage.exact });
  return { noteId: current, newNote: false };
}

/** How many quotes of the passage the stored note holds. */
function quotesOfPassage(ctx: CoreContext, noteId: number, passageId: number): number {
  const note = notesRepo.getNote(ctx.db, noteId);
  return note ? quotesInNote(parseEditorState(note.contentJson)).filter((q) => q.passageId === passageId).length : 0;
}

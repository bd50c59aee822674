import * as notesRepo from '../../../db/repositories/notes';
import type { CaptureOutcome, PageCapture } from '../../../shared/connector/protocol';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { clipSource, type ClipOptions } from '../services/clip';
import { findPassage } from '../services/passages';
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
  const state = connectorState(ctx);
  const current = state.currentNoteId !== null && notesRepo.getNoteSummary(ctx.db, state.currentNoteId) ? state.currentNoteId : undefined;
  const quoted = quoteIntoNote(ctx, { passageId: passage.id, kind: 'block', ...(current === undefined ? {} : { noteId: current }) });
  const note = notesRepo.getNoteSummary(ctx.db, quoted.noteId)!;
  return { ...outcome, quote: { noteId: quoted.noteId, noteTitle: note.title, passageId: passage.id, newNote: current === undefined } };
}

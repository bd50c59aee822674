import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { quoteIntoCurrentNote } from '../../../electron/core/connector/capture';
import { connectorState } from '../../../electron/core/connector/state';
import { findPassage, quotesOfNote } from '../../../electron/core/services/passages';
import type { ChangeEvent } from '../../../shared/contract/events';
import { parseEditorState } from '../../../shared/notes/editorState';
import { appendQuote } from '../../../shared/notes/quotesInNote';
import type { Passage } from '../../../shared/domain/passage';
import { insertArticle } from '../../helpers/articles';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';

/**
 * A quote from the browser extension into the current note, when that note is
 * open in an editor: the core offers it on the change-event channel and the
 * editor takes it (here a stand-in renderer doing exactly what
 * renderer/src/features/desk/browserQuotes.ts does, through the same channels);
 * when nobody takes it, it goes into the stored note, and no save of an older
 * editor state can drop it.
 */
const SENTENCE = 'The harbour authority quietly doubled the dredging budget in March.';

describe('a browser quote into a note open in an editor', () => {
  let core: ReturnType<typeof makeTestCore>;
  let passage: Passage;
  let noteId: number;
  let waiting: Extract<ChangeEvent, { type: 'note.quoteWaiting' }>[];
  let stop: () => void;

  beforeEach(async () => {
    core = makeTestCore();
    const { articleId } = insertArticle(core.ctx.db, { title: 'Harbour budget', blocks: [{ kind: 'p', text: SENTENCE }, { kind: 'p', text: 'Council members will debate it.' }] });
    passage = findPassage(core.ctx, articleId, SENTENCE);
    noteId = (await callOk<{ id: number }>(core, 'notes.create', { title: 'Leads' })).id;
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorJson('My draft so far') });
    // The editor of the note reports it open (NoteDetail does on mount), and a window listens to events.
    await callOk(core, 'connector.setCurrentNote', { noteId });
    waiting = [];
    stop = core.ctx.events!.subscribe((event) => {
      if (event.type === 'note.quoteWaiting') waiting.push(event);
    });
    connectorState(core.ctx).liveQuotes.timeouts = { claimMs: 80, insertMs: 150 };
  });
  afterEach(() => {
    stop();
    core.close();
  });

  /** What the editor saves: its own text, with or without the quote it placed at its cursor. */
  const editorState = (paragraphs: string[], withQuote: boolean): string => {
    const state = parseEditorState(editorJson(...paragraphs));
    if (withQuote) appendQuote(state, 'block', passage.id, passage.exact);
    return JSON.stringify(state);
  };
  const storedQuotes = () => quotesOfNote(core.ctx, noteId).map((q) => q.passageId);
  const storedText = () => (core.ctx.db.prepare('SELECT content_text AS t FROM notes WHERE id = ?').get(noteId) as { t: string }).t;

  it('is offered to the editor, which claims it, inserts and saves it; the core writes nothing itself', async () => {
    const result = quoteIntoCurrentNote(core.ctx, passage);
    await expect.poll(() => waiting.length).toBe(1);
    expect(waiting[0]).toMatchObject({ noteId, origin: 'core' });
    const claimed = await callOk<{ passageId: number; text: string; kind: string }>(core, 'connector.claimQuote', { requestId: waiting[0]!.requestId });
    expect(claimed).toEqual({ noteId, passageId: passage.id, text: SENTENCE, kind: 'block' });
    // A second window is too late: the first claim wins, so the quote is never inserted twice.
    await expect(callOk(core, 'connector.claimQuote', { requestId: waiting[0]!.requestId })).rejects.toThrow(/not_found/);
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['My draft so far'], true) });
    expect(await callOk(core, 'connector.quoteInserted', { requestId: waiting[0]!.requestId })).toEqual({ accepted: true });
    expect(await result).toEqual({ noteId, newNote: false });
    expect(storedQuotes()).toEqual([passage.id]);
    // Typing goes on; the next autosave carries both.
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['My draft so far, and more'], true) });
    expect(storedQuotes()).toEqual([passage.id]);
    expect(storedText()).toContain('and more');
    expect(connectorState(core.ctx).liveQuotes.pending).toBe(0);
  });

  it('unclaimed in time (no editor answered), it goes into the stored note; a later autosave of the older editor state keeps it', async () => {
    expect(await quoteIntoCurrentNote(core.ctx, passage)).toEqual({ noteId, newNote: false });
    expect(storedQuotes()).toEqual([passage.id]);
    // The editor that never saw it autosaves what it shows (without the quote), twice: the quote stays.
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['My draft so far, typed on'], false) });
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['My draft so far, typed on and on'], false) });
    expect(storedQuotes()).toEqual([passage.id]);
    expect(storedText()).toContain('typed on and on');
    expect(storedText()).toContain(SENTENCE);
    // Too late to claim it now.
    await expect(callOk(core, 'connector.claimQuote', { requestId: waiting[0]!.requestId })).rejects.toThrow(/not_found/);
    // Loaded again, the note shows the quote: deleting it from then on is the writer's choice, and sticks.
    await callOk(core, 'notes.get', { id: noteId });
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['Quote removed on purpose'], false) });
    expect(storedQuotes()).toEqual([]);
  });

  it('a save that holds the quote releases the guard (it was seen), so a later deletion sticks', async () => {
    await quoteIntoCurrentNote(core.ctx, passage);
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['Seen it'], true) });
    await callOk(core, 'notes.save', { id: noteId, contentJson: editorState(['Deleted it'], false) });
    expect(storedQuotes()).toEqual([]);
  });

  it('claimed but never confirmed (the window closed): into the stored note, once, even if the editor saved it meanwhile', async () => {
    let result = quoteIntoCurrentNote(core.ctx, passage);
    await expect.poll(() => waiting.length).toBe(1);
    await callOk(core, 'connector.claimQuote', { requestId: waiting[0]!.requestId });
    expect(await result).toEqual({ noteId, newNote: false });
    expect(storedQuotes()).toEqual([passage.id]);
    expect(await callOk(core, 'connector.quoteInserted', { requestId: waiting[0]!.requestId })).toEqual({ accepted: false });

    // Second quote: the editor inserted and saved it but its confirmation never came.
    result = quoteIntoCurrentNote(core.ctx, passage);
    await expect.poll(() => waiting.length).toBe(2);
    await callOk(core, 'connector.claimQuote', { requestId: waiting[1]!.requestId });
    const withBoth = parseEditorState(editorState(['Draft'], true));
    appendQuote(withBoth, 'block', passage.id, passage.exact);
    await callOk(core, 'notes.save', { id: noteId, contentJson: JSON.stringify(withBoth) });
    await result;
    expect(storedQuotes()).toEqual([passage.id, passage.id]);
  });

  it('with no window listening, or no current note, it is written at once (into a new note when there is none)', async () => {
    stop();
    const started = Date.now();
    expect(await quoteIntoCurrentNote(core.ctx, passage)).toEqual({ noteId, newNote: false });
    expect(Date.now() - started).toBeLessThan(80);
    expect(waiting).toHaveLength(0);
    await callOk(core, 'connector.setCurrentNote', { noteId: null });
    const fresh = await quoteIntoCurrentNote(core.ctx, passage);
    expect(fresh.newNote).toBe(true);
    expect(quotesOfNote(core.ctx, fresh.noteId).map((q) => q.passageId)).toEqual([passage.id]);
  });
});

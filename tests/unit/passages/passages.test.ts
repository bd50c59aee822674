import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import { contract } from '../../../shared/contract/channels';
import { dispatch } from '../../../electron/core/dispatch';
import { reanchorArticle } from '../../../electron/core/services/passages';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, insertArticle, insertVersion, readSeedArticle, type Block } from '../../helpers/articles';
import { makeTestCore } from '../../helpers/core';

const BLOCKS: Block[] = [
  { kind: 'h2', text: 'Water contract' },
  { kind: 'p', text: 'The city council approved the water contract on Tuesday after a short debate that lasted barely twenty minutes.' },
  { kind: 'p', text: 'The procurement office flagged the award as irregular in an internal memo dated July 2, according to documents.' },
  { kind: 'p', text: 'The mayor called it “a textbook emergency purchase” and promised an independent review.' },
];

describe('passages, quotes and backlinks', () => {
  let core: ReturnType<typeof makeTestCore>;
  let articleId: number;
  let versionId: number;

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await dispatch(core.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    // Every output is checked against the contract's schema.
    expect(contract[channel].output.safeParse(result.value).success, `${channel} output matches its schema`).toBe(true);
    return result.value as ChannelOutput<C>;
  }
  async function callError(channel: Channel, input: unknown) {
    const result = await dispatch(core.handlers, channel, input);
    expect(result.ok).toBe(false);
    return (result as { ok: false; error: { code: string; message: string } }).error;
  }
  const noteJson = async (noteId: number) => JSON.parse((await call('notes.get', { id: noteId })).contentJson) as { root: { children: Array<Record<string, unknown>> } };
  const save = (noteId: number, state: unknown) => call('notes.save', { id: noteId, contentJson: JSON.stringify(state) });
  const textOf = (node: Record<string, unknown>) => ((node.children as Array<{ text: string }>)[0]!).text;

  beforeEach(() => {
    core = makeTestCore();
    ({ articleId, versionId } = insertArticle(core.ctx.db, { title: 'City awarded water contract', siteName: 'The Ledger', url: 'https://ledger.example/water', blocks: BLOCKS }));
  });
  afterEach(() => core.close());

  it('creates a passage from a selection, trimmed, with selectors, and reuses it for the same selection', async () => {
    const { text } = await call('articles.content', { versionId });
    const words = 'flagged the award as irregular';
    const start = text.indexOf(words);
    const passage = await call('passages.create', { versionId, start: start - 1, end: start + words.length + 1 });
    expect(passage).toMatchObject({ exact: words, start, end: start + words.length, anchor: { status: 'ok', versionId, start }, source: { articleId, title: 'City awarded water contract', siteName: 'The Ledger' } });
    expect(passage.prefix.length).toBeGreaterThanOrEqual(32);
    const again = await call('passages.highlight', { versionId, start, end: start + words.length });
    expect(again.id).toBe(passage.id);
    expect(again.highlight).toBe('yellow');
    expect((await call('passages.setHighlight', { passageId: passage.id, color: null })).highlight).toBeNull();
  });

  it('refuses selections outside the text, empty ones, and unknown versions', async () => {
    expect(await callError('passages.create', { versionId, start: 0, end: 10_000 })).toMatchObject({ code: 'invalid_input' });
    const { text } = await call('articles.content', { versionId });
    const gap = text.indexOf('\n\n');
    expect(await callError('passages.create', { versionId, start: gap, end: gap + 2 })).toMatchObject({ code: 'invalid_input' });
    expect(await callError('passages.create', { versionId: 999, start: 0, end: 3 })).toMatchObject({ code: 'not_found' });
  });

  it('quotes into a new note titled after the article; the save derives one backlink; editing flags altered; restoring clears it', async () => {
    const passage = await call('passages.find', { articleId, text: 'The mayor called it "a textbook emergency purchase"' });
    expect(passage.exact).toBe('The mayor called it “a textbook emergency purchase”');
    const { noteId } = await call('passages.quoteIntoNote', { passageId: passage.id });
    expect((await call('notes.get', { id: noteId })).title).toBe('City awarded water contract');

    let quotes = await call('passages.quotesOfNote', { noteId });
    expect(quotes).toEqual([expect.objectContaining({ passageId: passage.id, status: 'ok', altered: false, kind: 'block', source: expect.objectContaining({ title: 'City awarded water contract' }) })]);
    // The chip's citation: short (outlet, short title) and THE full citation text.
    expect((await call('passages.get', { id: passage.id })).citation).toEqual({
      short: 'The Ledger, City awarded water contract',
      full: expect.stringMatching(/^“City awarded water contract,” The Ledger, 20 Nov 2025\. https:\/\/ledger\.example\/water#:~:text=.* \(accessed 1 Jan 2026\)\.$/),
    });
    let placed = await call('passages.forVersion', { versionId });
    expect(placed.find((p) => p.id === passage.id)!.backlinks).toEqual([{ noteId, noteTitle: 'City awarded water contract', quoteCount: 1 }]);

    const state = await noteJson(noteId);
    const quote = state.root.children[0]!;
    const original = textOf(quote);
    (quote.children as Array<{ text: string }>)[0]!.text = original.replace('textbook', 'classic');
    await save(noteId, state);
    quotes = await call('passages.quotesOfNote', { noteId });
    expect(quotes[0]).toMatchObject({ status: 'altered', altered: true, sourceStatus: 'ok' });
    expect(core.ctx.db.prepare('SELECT altered FROM note_quotes WHERE note_id = ?').get(noteId)).toEqual({ altered: 1 });

    // Typography only (straight quotes, extra spaces) is not an alteration.
    (quote.children as Array<{ text: string }>)[0]!.text = 'The mayor  called it "a textbook emergency purchase"';
    await save(noteId, state);
    expect((await call('passages.quotesOfNote', { noteId }))[0]).toMatchObject({ status: 'ok', altered: false });

    // Deleting the quote from the note removes the backlink.
    state.root.children = [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: 'gone' }] }];
    await save(noteId, state);
    placed = await call('passages.forVersion', { versionId });
    expect(placed.find((p) => p.id === passage.id)!.backlinks).toEqual([]);
  });

  it('a copy of a quote pasted into another note links that note too; inline quotes count', async () => {
    const passage = await call('passages.find', { articleId, text: 'approved the water contract' });
    const { noteId } = await call('passages.quoteIntoNote', { passageId: passage.id, kind: 'inline' });
    const other = await call('notes.create', { title: 'Other' });
    await save(other.id, await noteJson(noteId));
    const backlinks = (await call('passages.get', { id: passage.id })).backlinks;
    expect(backlinks.map((b) => b.noteId).sort()).toEqual([noteId, other.id].sort());
    expect((await call('passages.quotesOfNote', { noteId: other.id }))[0]).toMatchObject({ kind: 'inline', status: 'ok' });
  });

  it('a quote node with an unknown passage id saves (nothing lost) and reads as unlinked', async () => {
    const note = await call('notes.create', {});
    await save(note.id, { root: { type: 'root', children: [{ type: 'dossier-quote', version: 1, passageId: 424242, children: [{ type: 'text', version: 1, text: 'pasted from elsewhere' }] }] } });
    expect(await call('passages.quotesOfNote', { noteId: note.id })).toEqual([expect.objectContaining({ status: 'unlinked', passageId: 424242, text: 'pasted from elsewhere' })]);
    expect((await call('notes.get', { id: note.id })).contentText).toContain('pasted from elsewhere');
  });

  it('text not in the article is a not_found error', async () => {
    expect(await callError('passages.find', { articleId, text: 'words that were never written' })).toMatchObject({ code: 'not_found' });
    expect(await callError('passages.find', { articleId: 999, text: 'x' })).toMatchObject({ code: 'not_found' });
  });

  it('reanchorArticle: a re-clip marks passages ok / changed (with diff) / orphan, in notes too', async () => {
    const kept = await call('passages.find', { articleId, text: 'approved the water contract on Tuesday' });
    const edited = await call('passages.find', { articleId, text: 'The procurement office flagged the award as irregular in an internal memo dated July 2' });
    const deleted = await call('passages.find', { articleId, text: 'The mayor called it “a textbook emergency purchase” and promised an independent review.' });
    const { noteId } = await call('passages.quoteIntoNote', { passageId: edited.id });
    await call('passages.quoteIntoNote', { passageId: deleted.id, noteId });

    const v2 = insertVersion(core.ctx.db, articleId, [
      { kind: 'p', text: 'Update: this story has been corrected.' },
      BLOCKS[0]!,
      BLOCKS[1]!,
      { kind: 'p', text: BLOCKS[2]!.text.replace('irregular', 'unusual') },
    ]);
    expect(reanchorArticle(core.ctx.db, articleId, v2)).toEqual({ ok: 1, changed: 1, orphan: 1 });

    const after = await call('passages.forVersion', { versionId: v2 });
    const byId = new Map(after.map((p) => [p.id, p]));
    expect(byId.get(kept.id)!.anchor.status).toBe('ok');
    expect(byId.get(kept.id)!.range).not.toBeNull();
    expect(byId.get(edited.id)!.anchor).toMatchObject({ status: 'changed', matched: edited.exact.replace('irregular', 'unusual') });
    expect(byId.get(edited.id)!.anchor.diff).toEqual(expect.arrayContaining([{ kind: 'removed', text: 'irregular' }, { kind: 'added', text: 'unusual' }]));
    expect(byId.get(deleted.id)!).toMatchObject({ anchor: { status: 'orphan', start: null }, range: null });
    // On the old version the reader still draws every passage where it was made.
    expect((await call('passages.forVersion', { versionId })).every((p) => p.range !== null)).toBe(true);

    expect((await call('passages.quotesOfNote', { noteId })).map((q) => q.status)).toEqual(['changed', 'orphan']);
    expect(() => reanchorArticle(core.ctx.db, articleId + 1, v2)).toThrow();
  });

  it('deleting an article keeps its quotes in notes, unlinked-but-cited and flagged source_deleted', async () => {
    const passage = await call('passages.find', { articleId, text: 'approved the water contract on Tuesday' });
    const { noteId } = await call('passages.quoteIntoNote', { passageId: passage.id });
    const before = (await call('notes.get', { id: noteId })).contentJson;
    core.ctx.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect((await call('notes.get', { id: noteId })).contentJson).toBe(before);
    const [quote] = await call('passages.quotesOfNote', { noteId });
    expect(quote).toMatchObject({ passageId: passage.id, status: 'source_deleted', source: { articleId: null, title: 'City awarded water contract' } });
    expect((await call('passages.get', { id: passage.id })).backlinks).toHaveLength(1);
  });
});

describe.skipIf(!HAVE_FIXTURES)('seed article', () => {
  if (!HAVE_FIXTURES) console.warn(NO_FIXTURES_REASON);
  it('finds Rubio’s sentence and quotes it', async () => {
    const core = makeTestCore();
    try {
      const seed = readSeedArticle();
      const { articleId } = insertArticle(core.ctx.db, { title: seed.title, blocks: seed.blocks });
      const sentence = 'We are facing a foreign-backed narco-terror regime exporting poison onto our streets.';
      const found = await dispatch(core.handlers, 'passages.find', { articleId, text: sentence });
      expect(found).toMatchObject({ ok: true, value: { exact: sentence } });
    } finally {
      core.close();
    }
  });
});

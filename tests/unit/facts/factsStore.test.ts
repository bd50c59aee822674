import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getVersionContent } from '../../../db/repositories/articles';
import { dispatch } from '../../../electron/core/dispatch';
import { extractFacts } from '../../../electron/core/facts/extract';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { clipSource } from '../../../electron/core/services/clip';
import { storeVersionFacts } from '../../../electron/core/services/facts';
import { backfillFinished, factsBackfillStatus, startFactsBackfill } from '../../../electron/core/services/factsBackfill';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { ArticleFacts } from '../../../shared/domain/storedFacts';
import { callOk, makeTestCore } from '../../helpers/core';

/**
 * Storage of facts (issue #13) with facts written by hand: the extraction
 * rules are another module's business; what these tests name is storing,
 * anchoring across re-clips, quoting, deleting and the backfill.
 */
const URL_OF_PAGE = 'https://harbour-ledger.example/2026/dredging';
const KEPT = 'The port authority signed the dredging contract on a Sunday, two days before the tender closed.';
const EDITED = 'The deputy chair said the board had not seen the final price when it voted to approve the deal.';
const DELETED = 'A spokesperson for the contractor declined to say how many bidders had been invited to tender.';

function page(paragraphs: string[]): string {
  return `<!doctype html><html><head><title>Dredging contract signed before tender closed</title>
    <link rel="canonical" href="${URL_OF_PAGE}"></head>
    <body><article><h1>Dredging contract signed before tender closed</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
}

const none = (): ExtractedFacts => ({ quotes: [], entities: [], figures: [], dates: [] });

function span(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

describe('facts storage', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  async function clipFirst() {
    const first = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: page([KEPT, EDITED, DELETED]) }, { originalUrl: URL_OF_PAGE });
    expect(first.status).toBe('clipped');
    const text = getVersionContent(core.ctx.db, first.versionId!)!.text;
    return { articleId: first.articleId!, versionId: first.versionId!, text };
  }

  it('stores every kind with the dry-run field names and an ok anchor on its version, and reads them back', async () => {
    const { articleId, versionId, text } = await clipFirst();
    const facts: ExtractedFacts = {
      quotes: [{ text: 'the board had not seen the final price', ...span(text, 'the board had not seen the final price'), source: 'The deputy chair', speaker: 'Deputy Chair', cue: 'said', anonymous: false, kind: 'indirect' }],
      entities: [{ name: 'Port Authority', type: 'org', aliases: ['port authority'], mentions: [span(text, 'port authority')] }],
      figures: [{ text: 'two days', ...span(text, 'two days'), value: 2, unit: 'days', qualifier: null }],
      dates: [{ text: 'a Sunday', ...span(text, 'a Sunday'), iso: '2026-03-01', precision: 'day' }],
    };
    storeVersionFacts(core.ctx.db, { versionId, text, facts, now: core.ctx.now() });
    const stored = await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId });
    expect(stored.versionId).toBe(versionId);
    expect(stored.extractedAt).not.toBeNull();
    expect(stored.quotes).toHaveLength(1);
    expect(stored.quotes[0]).toMatchObject({ text: 'the board had not seen the final price', source: 'The deputy chair', speaker: 'Deputy Chair', cue: 'said', anonymous: false, kind: 'indirect', anchor: { status: 'ok', versionId } });
    expect(text.slice(stored.quotes[0]!.start, stored.quotes[0]!.end)).toBe('the board had not seen the final price');
    expect(stored.quotes[0]!.selectors.prefix.endsWith('said ')).toBe(true);
    expect(stored.entities).toEqual([{ id: expect.any(Number), name: 'Port Authority', type: 'org', aliases: ['port authority'], mentions: [span(text, 'port authority')] }]);
    expect(stored.figures[0]).toMatchObject({ text: 'two days', value: 2, unit: 'days', qualifier: null });
    expect(stored.dates[0]).toMatchObject({ text: 'a Sunday', iso: '2026-03-01', precision: 'day' });
  });

  it('drops facts whose offsets do not fit the text (counted), keeps the rest, and a re-run replaces', async () => {
    const { articleId, versionId, text } = await clipFirst();
    const good = span(text, 'dredging contract');
    const facts: ExtractedFacts = {
      ...none(),
      figures: [
        { text: 'x', start: text.length - 1, end: text.length + 5, value: 1, unit: 'x', qualifier: null },
        { text: 'y', start: 5, end: 5, value: 1, unit: 'y', qualifier: null },
        { text: 'z', ...good, value: Number.NaN, unit: 'z', qualifier: null },
      ],
      dates: [{ text: 'dredging contract', ...good, iso: 'next Tuesday', precision: 'day' }, { text: 'dredging contract', ...good, iso: '2026-03', precision: 'month' }],
    };
    const prepared = storeVersionFacts(core.ctx.db, { versionId, text, facts, now: core.ctx.now() });
    expect(prepared.counts).toMatchObject({ figures: 0, dates: 1, dropped: 4 });
    storeVersionFacts(core.ctx.db, { versionId, text, facts: { ...none(), dates: facts.dates.slice(1) }, now: core.ctx.now() });
    expect((await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId })).dates).toHaveLength(1);
  });

  it('re-anchors facts across a re-clip in the clip transaction: ok, changed, orphan', async () => {
    const { articleId, versionId, text } = await clipFirst();
    const quote = (words: string) => ({ text: words, ...span(text, words), source: 'someone', speaker: null, cue: 'said', anonymous: false });
    storeVersionFacts(core.ctx.db, { versionId, text, facts: { ...none(), quotes: [quote(KEPT), quote(EDITED), quote(DELETED)] }, now: core.ctx.now() });

    const revised = EDITED.replace('had not seen', 'had never seen');
    const second = await clipSource(core.ctx, { kind: 'paste', format: 'html', content: page([KEPT, revised, 'An unrelated closing paragraph about the weather at the harbour that week.']) }, { originalUrl: URL_OF_PAGE });
    expect(second).toMatchObject({ status: 'new-version', articleId });

    const latest = await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId });
    expect(latest.versionId).toBe(second.versionId);
    const older = await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId, versionId });
    expect(older.quotes.map((q) => q.anchor.status)).toEqual(['ok', 'changed', 'orphan']);
    expect(older.quotes.every((q) => q.anchor.versionId === second.versionId)).toBe(true);
    const newText = getVersionContent(core.ctx.db, second.versionId!)!.text;
    expect(newText.slice(older.quotes[0]!.anchor.start!, older.quotes[0]!.anchor.end!)).toBe(KEPT);
    expect(older.quotes[2]!.anchor.start).toBeNull();
    // The latest version's view lists what did not survive unchanged.
    expect(latest.earlier.map((e) => e.anchor.status).sort()).toEqual(['changed', 'orphan']);
  });

  it('quotes a fact into a note through a passage made from its anchor (status ok, exact words)', async () => {
    const { articleId, versionId, text } = await clipFirst();
    storeVersionFacts(core.ctx.db, { versionId, text, facts: { ...none(), quotes: [{ text: KEPT, ...span(text, KEPT), source: 'the report', speaker: null, cue: 'according to', anonymous: false }] }, now: core.ctx.now() });
    const fact = (await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId })).quotes[0]!;
    const { noteId, passageId } = await callOk<{ noteId: number; passageId: number }>(core, 'facts.quoteIntoNote', { factId: fact.id });
    const quotes = await callOk<{ passageId: number; status: string; text: string }[]>(core, 'passages.quotesOfNote', { noteId });
    expect(quotes).toEqual([expect.objectContaining({ passageId, status: 'ok', text: KEPT })]);
  });

  it('refuses to quote an orphaned fact, with a clear error', async () => {
    const { articleId, versionId, text } = await clipFirst();
    storeVersionFacts(core.ctx.db, { versionId, text, facts: { ...none(), quotes: [{ text: DELETED, ...span(text, DELETED), source: 'x', speaker: null, cue: 'said', anonymous: false }] }, now: core.ctx.now() });
    await clipSource(core.ctx, { kind: 'paste', format: 'html', content: page([KEPT, EDITED]) }, { originalUrl: URL_OF_PAGE });
    const fact = (await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId, versionId })).quotes[0]!;
    const result = await dispatch(core.handlers, 'facts.quoteIntoNote', { factId: fact.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/no longer in the newest version/) } });
  });

  it('deleting the article removes its facts from the tables and from the file and WAL', async () => {
    const { articleId, versionId, text } = await clipFirst();
    // A word that is only in the facts (the source field), never in the article's text.
    const marker = 'quixotrambulant';
    storeVersionFacts(core.ctx.db, {
      versionId,
      text,
      facts: { ...none(), quotes: [{ text: KEPT, ...span(text, KEPT), source: `the ${marker} desk`, speaker: `Ana ${marker}`, cue: 'said', anonymous: false }], entities: [{ name: `Ana ${marker}`, type: 'person', aliases: [], mentions: [] }] },
      now: core.ctx.now(),
    });
    core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = () => ['', '-wal'].map((s) => core.ctx.dbPath + s).filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
    expect(raw()).toContain(marker);
    await callOk(core, 'articles.delete', { id: articleId }); // to the Trash
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: articleId }] });
    for (const table of ['facts', 'fact_entities', 'fact_entity_mentions', 'fact_runs']) {
      expect((core.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    expect(raw()).not.toContain(marker);
  });

  it('a clip stores the facts the worker extracted from its text, in its transaction (whatever the extractor finds)', async () => {
    const { articleId, versionId, text } = await clipFirst();
    const run = core.ctx.db.prepare('SELECT quotes, entities, figures, dates FROM fact_runs WHERE version_id = ?').get(versionId) as Record<string, number> | undefined;
    // The run is recorded even when nothing is found (so the backfill skips it).
    expect(run).toBeDefined();
    const direct = extractFacts(text, { publishedAt: null });
    expect(run).toEqual({ quotes: direct.quotes.length, entities: direct.entities.length, figures: direct.figures.length, dates: direct.dates.length });
    const stored = await callOk<ArticleFacts>(core, 'facts.ofArticle', { articleId });
    expect(stored.quotes.map((q) => q.text)).toEqual(direct.quotes.map((q) => q.text));
  });
});

describe('facts backfill', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('extracts facts for every article without them, in chunks, records failures, and reports progress', async () => {
    const list = Array.from({ length: 23 }, (_, i) => ({ title: `Report ${i}`, text: `Officials said ${i + 10} boats were seen on Tuesday. Paragraph ${i}.` }));
    importPlainTextArticles(core.ctx, list);
    const seen: number[] = [];
    const status = startFactsBackfill(core.ctx, {
      chunkSize: 5,
      extractor: async (text) => {
        seen.push(factsBackfillStatus(core.ctx).done);
        if (text.includes('Paragraph 7.')) throw new Error('extractor broke');
        const words = /\d+ boats/.exec(text)!;
        return { ...none(), figures: [{ text: words[0], start: words.index, end: words.index + words[0].length, value: Number.parseInt(words[0], 10), unit: 'boats', qualifier: null }] };
      },
    });
    expect(status).toMatchObject({ state: 'running', total: 23, done: 0 });
    const end = await backfillFinished(core.ctx);
    expect(end).toMatchObject({ state: 'done', total: 23, done: 23, failed: 1 });
    // Progress moved chunk by chunk while it ran.
    expect(new Set(seen)).toEqual(new Set([0, 5, 10, 15, 20]));
    const figures = core.ctx.db.prepare(`SELECT count(*) AS n FROM facts WHERE kind = 'figure'`).get() as { n: number };
    expect(figures.n).toBe(22);
    const errors = core.ctx.db.prepare(`SELECT error FROM fact_runs WHERE error IS NOT NULL`).all();
    expect(errors).toEqual([{ error: 'extractor broke' }]);
    // Nothing left: a second run finds no work.
    startFactsBackfill(core.ctx, { extractor: async () => none() });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', total: 0, done: 0 });
  });

  it('extracts the next chunk while it stores the current one (the workers never wait for the store)', async () => {
    importPlainTextArticles(core.ctx, Array.from({ length: 8 }, (_, i) => ({ title: `Ahead ${i}`, text: `Inspectors counted ${i + 10} vessels.` })));
    const doneAtCall: number[] = [];
    startFactsBackfill(core.ctx, { chunkSize: 4, concurrency: 1, extractor: async () => { doneAtCall.push(factsBackfillStatus(core.ctx).done); return none(); } });
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', done: 8 });
    // The second chunk's first extraction started before the first chunk was stored.
    expect(doneAtCall.filter((d) => d === 0).length).toBeGreaterThan(4);
  });

  it('runs on the real worker pool by default, and the app keeps answering while it does', async () => {
    importPlainTextArticles(core.ctx, Array.from({ length: 6 }, (_, i) => ({ title: `Pool ${i}`, text: `Text number ${i} of the pool test.` })));
    await callOk(core, 'facts.backfillStart', {});
    const during = await callOk<unknown[]>(core, 'notes.list', {});
    expect(Array.isArray(during)).toBe(true);
    expect(await backfillFinished(core.ctx)).toMatchObject({ state: 'done', done: 6, failed: 0 });
    expect(await callOk(core, 'facts.backfillStatus', {})).toMatchObject({ state: 'done', done: 6 });
  });
});

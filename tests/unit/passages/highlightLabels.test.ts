import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract/channels';
import { contract } from '../../../shared/contract/channels';
import { dispatch } from '../../../electron/core/dispatch';
import { DEFAULT_HIGHLIGHT_LABELS, labelSet, normalizeLabel, parseComment, parseLabel } from '../../../shared/highlights/labels';
import { parseQuery } from '../../../shared/search/parseQuery';
import { insertArticle, type Block } from '../../helpers/articles';
import { makeTestCore } from '../../helpers/core';

const BLOCKS: Block[] = [
  { kind: 'p', text: 'The city council approved the water contract on Tuesday after a short debate.' },
  { kind: 'p', text: 'The procurement office flagged the award as irregular in an internal memo.' },
  { kind: 'p', text: 'The mayor called it a textbook emergency purchase and promised a review.' },
];

describe('highlight labels and comments', () => {
  let core: ReturnType<typeof makeTestCore>;
  let articleId: number;
  let versionId: number;

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = await dispatch(core.handlers, channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    expect(contract[channel].output.safeParse(result.value).success, `${channel} output matches its schema`).toBe(true);
    return result.value as ChannelOutput<C>;
  }
  async function callError(channel: Channel, input: unknown) {
    const result = await dispatch(core.handlers, channel, input);
    expect(result.ok).toBe(false);
    return (result as { ok: false; error: { code: string; message: string } }).error;
  }
  const passageOf = async (words: string) => call('passages.find', { articleId, text: words });

  beforeEach(() => {
    core = makeTestCore();
    ({ articleId, versionId } = insertArticle(core.ctx.db, { title: 'City awarded water contract', siteName: 'The Ledger', url: 'https://ledger.example/water', blocks: BLOCKS }));
  });
  afterEach(() => core.close());

  it('labels and comments a highlight, lists the set with counts, and a new label joins the set', async () => {
    expect((await call('passages.labels', {})).map((l) => l.name)).toEqual([...DEFAULT_HIGHLIGHT_LABELS]);
    const flagged = await passageOf('flagged the award as irregular');
    await call('passages.highlight', { versionId, start: flagged.start, end: flagged.end, color: 'pink' });
    const labelled = await call('passages.annotate', { passageId: flagged.id, label: ' Verify ', comment: '  Ask the procurement office.\nTwice.  ' });
    expect(labelled).toMatchObject({ highlight: 'pink', label: 'verify', comment: 'Ask the procurement office.\nTwice.' });

    // A passage only quoted (not highlighted) becomes a yellow highlight when labelled; a new label joins the set.
    const mayor = await passageOf('textbook emergency purchase');
    expect(mayor.highlight).toBeNull();
    expect(await call('passages.annotate', { passageId: mayor.id, label: 'Needs  second source' })).toMatchObject({ highlight: 'yellow', label: 'needs second source', comment: null });
    expect(await call('passages.labels', {})).toEqual([
      { name: 'verify', builtIn: true, count: 1 },
      { name: 'on record', builtIn: true, count: 0 },
      { name: 'claim', builtIn: true, count: 0 },
      { name: 'needs second source', builtIn: false, count: 1 },
    ]);

    // Only the keys given change; null and "" clear.
    expect(await call('passages.annotate', { passageId: flagged.id, comment: '' })).toMatchObject({ label: 'verify', comment: null });
    expect(await call('passages.annotate', { passageId: flagged.id, label: null })).toMatchObject({ label: null, comment: null, highlight: 'pink' });
    // The reader's list carries them.
    const placed = await call('passages.forVersion', { versionId });
    expect(placed.find((p) => p.id === mayor.id)).toMatchObject({ label: 'needs second source' });

    // Removing the highlight removes its label and comment with it.
    expect(await call('passages.setHighlight', { passageId: mayor.id, color: null })).toMatchObject({ highlight: null, label: null, comment: null });
    expect((await call('passages.labels', {})).find((l) => l.name === 'needs second source')).toEqual({ name: 'needs second source', builtIn: false, count: 0 });
  });

  it('refuses a bad label or comment with a clear message and changes nothing', async () => {
    const flagged = await passageOf('flagged the award');
    await call('passages.annotate', { passageId: flagged.id, label: 'claim', comment: 'Kept.' });
    for (const [input, message] of [
      [{ label: 'x'.repeat(41) }, /at most 40 characters/],
      [{ label: 'say "what"' }, /double quote/],
      [{ label: '!!!' }, /letter or digit/],
      [{ label: 'bell\u0007' }, /control characters/],
      [{ label: 'verify', comment: 'y'.repeat(4001) }, /at most 4,000 characters/],
      [{ comment: 'esc\u001b[2J' }, /control characters/],
    ] as const) {
      const error = await callError('passages.annotate', { passageId: flagged.id, ...input });
      expect(error.code).toBe('invalid_input');
      expect(error.message).toMatch(message);
    }
    expect(await callError('passages.annotate', { passageId: 9999, label: 'verify' })).toMatchObject({ code: 'not_found' });
    expect(await call('passages.get', { id: flagged.id })).toMatchObject({ label: 'claim', comment: 'Kept.' });
    expect((await call('passages.labels', {})).map((l) => l.name)).toEqual([...DEFAULT_HIGHLIGHT_LABELS]);
  });

  it('label: in the search box finds the highlights with that label (and -label: leaves them out)', async () => {
    const flagged = await passageOf('flagged the award as irregular');
    const mayor = await passageOf('textbook emergency purchase');
    const council = await passageOf('approved the water contract');
    await call('passages.annotate', { passageId: flagged.id, label: 'verify', comment: 'Memo date?' });
    await call('passages.annotate', { passageId: mayor.id, label: 'on record' });
    await call('passages.highlight', { versionId, start: council.start, end: council.end, color: 'yellow' });

    const quoteIds = async (query: string) => {
      const result = await call('search.query', { query });
      expect(result.message).toBeNull();
      return { quotes: result.groups.find((g) => g.type === 'quote')?.hits.map((h) => h.id) ?? [], others: result.groups.filter((g) => g.type !== 'quote').reduce((n, g) => n + g.count, 0) };
    };
    expect(await quoteIds('label:verify')).toEqual({ quotes: [flagged.id], others: 0 });
    expect(await quoteIds('label:Verify award')).toEqual({ quotes: [flagged.id], others: 0 });
    expect(await quoteIds('label:"on record"')).toEqual({ quotes: [mayor.id], others: 0 });
    expect(await quoteIds('label:verify mayor')).toEqual({ quotes: [], others: 0 });
    expect((await quoteIds('type:quote -label:verify')).quotes.sort()).toEqual([mayor.id, council.id].sort());
    const hit = (await call('search.query', { query: 'label:verify' })).groups.find((g) => g.type === 'quote')!.hits[0]!;
    expect(hit).toMatchObject({ type: 'quote', label: 'verify', comment: 'Memo date?' });
  });

  it("exports each highlight's label and comment with the note's sources", async () => {
    const flagged = await passageOf('flagged the award as irregular');
    await call('passages.annotate', { passageId: flagged.id, label: 'verify', comment: '# not a heading\nCall *them*' });
    const mayor = await passageOf('textbook emergency purchase');
    await call('passages.highlight', { versionId, start: mayor.start, end: mayor.end, color: 'green' });
    const { noteId } = await call('passages.quoteIntoNote', { passageId: flagged.id });
    const folder = core.dir.file('out');
    await call('export.notes', { noteIds: [noteId], folder });
    const [source] = readdirSync(join(folder, 'sources'));
    const markdown = readFileSync(join(folder, 'sources', source!), 'utf8');
    const section = markdown.slice(markdown.indexOf('## Highlights'));
    expect(section).toBe(
      '## Highlights\n\n' +
        '- “flagged the award as irregular” — **verify**\\\n  \\# not a heading\\\n  Call \\*them\\*\n' +
        '- “textbook emergency purchase”\n',
    );
  });
});

describe('the label rule (shared/highlights/labels.ts)', () => {
  it('normalizes case, spacing and Unicode form, and one rule serves search and storage', () => {
    expect(normalizeLabel('  On\u00a0 Record ')).toBe('on record');
    expect(normalizeLabel('Ve\u0301rifier')).toBe('vérifier');
    expect(parseLabel('CLAIM')).toEqual({ ok: true, value: 'claim' });
    expect(parseLabel('   ')).toMatchObject({ ok: false });
    expect(parseComment('  ')).toEqual({ ok: true, value: null });
    expect(labelSet(['Claim', 'legal', 'LEGAL'])).toEqual(['verify', 'on record', 'claim', 'legal']);
    const parsed = parseQuery('label:"On  Record"');
    expect(parsed.ok && parsed.query.filters).toEqual([{ kind: 'label', value: 'on record', negated: false }]);
  });
});

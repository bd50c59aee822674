import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { matchVersion, normalizeUrl, textOverlap, titleSimilarity } from '../../../shared/clip/versionMatch';
import { callOk, makeTestCore } from '../../helpers/core';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from '../../helpers/articles';

/** #14: a pasted changed copy of an article in the library is offered as a new version (by URL, or by title and text). */

const seed = HAVE_FIXTURES ? readFileSync(SEED_ARTICLE, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : [];
const [seedTitle = '', ...seedParagraphs] = seed;
/** The seed as an outlet updates it: a headline with more words, one paragraph reworded, one added, one dropped. */
function updatedSeed(): { title: string; paragraphs: string[] } {
  const paragraphs = [...seedParagraphs];
  paragraphs[1] = `${paragraphs[1]} Officials confirmed two more strikes on Tuesday.`;
  paragraphs.splice(3, 1);
  paragraphs.push('Update: this article was updated with comments from the Pentagon.');
  return { title: `${seedTitle} (updated)`, paragraphs };
}
const pasteOf = (title: string, paragraphs: string[]): string => [title, ...paragraphs].join('\n\n');

describe('the matching rule (shared/clip/versionMatch.ts)', () => {
  it('normalizes what does not name another page out of a URL', () => {
    expect(normalizeUrl('https://WWW.Example.com/news/strikes/?utm_source=x&id=4#top')).toBe('example.com/news/strikes?id=4');
    expect(normalizeUrl('http://example.com/news/strikes')).toBe('example.com/news/strikes');
    expect(normalizeUrl('javascript:alert(1)')).toBeNull();
    expect(matchVersion({ url: 'https://www.example.com/a?utm_medium=social', title: 'x', text: 'y' }, { url: 'https://example.com/a/', title: 'z', text: 'w' })).toEqual({ reason: 'url', similarity: 1 });
  });

  it('scores titles by shared words, ignoring case, accents and punctuation', () => {
    expect(titleSimilarity('Venezuela’s strikes: unions call a general strike', 'VENEZUELAS STRIKES — unions call a general strike for Monday')).toBeGreaterThan(0.8);
    expect(titleSimilarity('Venezuela strikes', 'Oil output falls in Norway')).toBe(0);
  });

  it.skipIf(!HAVE_FIXTURES)('matches an outlet’s update of the seed article, not another article or one paragraph of it', () => {
    const original = { url: null, title: seedTitle, text: seedParagraphs.join('\n\n') };
    const update = updatedSeed();
    const match = matchVersion({ url: null, title: update.title, text: update.paragraphs.join('\n\n') }, original);
    expect(match?.reason).toBe('similar');
    expect(match!.similarity).toBeGreaterThan(0.8);
    // Same headline, different article: the wording decides.
    const unrelated = 'Unions in Caracas called a general strike over wages. Teachers and nurses joined the march on Monday. The government said talks would resume.';
    expect(matchVersion({ url: null, title: seedTitle, text: unrelated }, original)).toBeNull();
    // One paragraph quoted from the article is not a copy of it.
    expect(textOverlap(seedParagraphs[2]!, original.text).sizeRatio).toBeLessThan(0.25);
    expect(matchVersion({ url: null, title: seedTitle, text: seedParagraphs[2]! }, original)).toBeNull();
  });
});

describe('saving a paste as a new version, with corrected metadata (real SQLite)', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it.skipIf(!HAVE_FIXTURES)('the preview names the article it is a changed copy of; "new version" adds a version instead of a second article', async () => {
    const first = await callOk<{ results: Array<{ articleId: number; status: string }> }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'text', content: pasteOf(seedTitle, seedParagraphs) }] });
    const articleId = first.results[0]!.articleId;
    const update = updatedSeed();
    const source = { kind: 'paste', format: 'text', content: pasteOf(update.title, update.paragraphs) };

    const preview = await callOk<{ title: string; match: { articleId: number; title: string; reason: string; similarity: number } | null }>(core, 'clip.preview', { source });
    expect(preview.title).toBe(update.title);
    expect(preview.match).toMatchObject({ articleId, title: seedTitle, reason: 'similar' });
    // Without the choice the paste becomes a second article (what the preview now warns about)…
    const other = await callOk<{ title: string; match: unknown }>(core, 'clip.preview', { source: { kind: 'paste', format: 'text', content: 'Oil output\n\nNorway’s oil output fell for a third month, the directorate said.' } });
    expect(other.match).toBeNull();

    // …with it, a new version of the same article.
    const saved = await callOk<{ results: Array<{ articleId: number; status: string }> }>(core, 'clip.save', { inputs: [source], versionOf: articleId });
    expect(saved.results[0]).toMatchObject({ status: 'new-version', articleId });
    expect(core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_versions WHERE article_id = ?').pluck().get(articleId)).toBe(2);
  });

  it('matches by address when the pasted page names the same URL', async () => {
    const page = (extra: string) => `<html><head><title>Port strike</title><link rel="canonical" href="https://news.example/port-strike"></head><body><article><h1>Port strike</h1><p>Dock workers walked out at dawn on Monday, halting cargo.</p><p>${extra}</p></article></body></html>`;
    const first = await callOk<{ results: Array<{ articleId: number }> }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'html', content: page('The union said the strike would last a day.') }] });
    const preview = await callOk<{ match: unknown }>(core, 'clip.preview', { source: { kind: 'paste', format: 'html', content: page('The union now says the strike will last a week.') } });
    expect(preview.match).toEqual({ articleId: first.results[0]!.articleId, title: 'Port strike', reason: 'url', similarity: 1 });
  });

  it('stores the preview’s corrections as edited fields in the clip’s transaction, leaving the rest as found', async () => {
    const saved = await callOk<{ results: Array<{ articleId: number; title: string; status: string }> }>(core, 'clip.save', {
      inputs: [{ kind: 'paste', format: 'text', content: 'Kristi NoemKristi Lynn Noem MORE\n\nThe secretary visited the port on Monday.' }],
      metadata: { title: 'Noem visits the port', authors: ['Ana Ruiz', 'Tom Li'], siteName: 'The Hill', publishedAt: '2025-12-10' },
    });
    expect(saved.results[0]).toMatchObject({ status: 'clipped', title: 'Noem visits the port' });
    const article = await callOk<{ title: string; authors: string[]; siteName: string; publishedAt: string; fieldStatus: Record<string, string> }>(core, 'articles.get', { id: saved.results[0]!.articleId });
    expect(article).toMatchObject({ title: 'Noem visits the port', authors: ['Ana Ruiz', 'Tom Li'], siteName: 'The Hill', publishedAt: '2025-12-10' });
    expect(article.fieldStatus).toMatchObject({ title: 'edited', authors: 'edited', siteName: 'edited', publishedAt: 'edited' });
    expect(article.fieldStatus.canonicalUrl).not.toBe('edited');
  });

  it('refuses a version of an article deleted meanwhile, storing nothing; corrections apply to one clip only', async () => {
    const result = await callOk<{ results: Array<{ status: string; error: string }> }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'text', content: 'A title\n\nSome text.' }], versionOf: 77 });
    expect(result.results[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('deleted meanwhile') });
    expect(core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    const two = [{ kind: 'paste', format: 'text', content: 'a' }, { kind: 'paste', format: 'text', content: 'b' }];
    expect(await dispatch(core.handlers, 'clip.save', { inputs: two, metadata: { title: 'x' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

if (!HAVE_FIXTURES) console.warn(NO_FIXTURES_REASON);

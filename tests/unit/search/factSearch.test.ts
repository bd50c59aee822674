import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getVersionContent } from '../../../db/repositories/articles';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { storeVersionFacts } from '../../../electron/core/services/facts';
import * as projects from '../../../electron/core/services/projects';
import { search } from '../../../electron/core/services/search';
import { moveToTrash } from '../../../electron/core/services/trash';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { SearchResult } from '../../../shared/domain/search';
import { extractFacts } from '../../../electron/core/facts/extract';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, readSeedArticle } from '../../helpers/articles';
import { makeTestCore } from '../../helpers/core';

if (!HAVE_FIXTURES) console.warn(NO_FIXTURES_REASON);

/**
 * Search over facts (issue #13): speaker:, entity:, type:attribution|figure|date,
 * against a real library file. Facts are written by hand (the extraction rules
 * are tested in tests/unit/facts); what these tests name is which facts a query finds.
 */
const STRIKES =
  'Secretary of State Marco Rubio said, "We are facing a foreign-backed narco-terror regime." ' +
  'The military has carried out more than thirty strikes since September 2, 2025. ' +
  'Maduro called the strikes "international piracy" and said Tren de Aragua was an invention.';
const TROOPS = 'Officials said over 15,000 troops were deployed in August 2025. Rubio was not asked about the troops.';

function span(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

function texts(result: SearchResult, type: string): string[] {
  return result.groups.find((g) => g.type === type)?.hits.map((h) => ('text' in h ? h.text : '')) ?? [];
}

function count(result: SearchResult, type: string): number {
  return result.groups.find((g) => g.type === type)?.count ?? 0;
}

describe('search over facts', () => {
  let core: ReturnType<typeof makeTestCore>;
  let strikes: number;
  let troops: number;

  beforeEach(() => {
    core = makeTestCore();
    [strikes, troops] = importPlainTextArticles(core.ctx, [
      { title: 'US strikes on Venezuelan boats', text: STRIKES, siteName: 'Example Wire', publishedAt: '2025-12-10' },
      { title: 'Troops in the Caribbean', text: TROOPS, siteName: 'Other Outlet', publishedAt: '2025-12-02' },
    ]).results.map((r) => r.articleId) as [number, number];
    const store = (articleId: number, facts: (text: string) => ExtractedFacts) => {
      const versionId = core.ctx.db.prepare('SELECT id FROM article_versions WHERE article_id = ?').pluck().get(articleId) as number;
      const text = getVersionContent(core.ctx.db, versionId)!.text;
      storeVersionFacts(core.ctx.db, { versionId, text, facts: facts(text), now: core.ctx.now() });
    };
    store(strikes, (text) => ({
      quotes: [
        { text: 'We are facing a foreign-backed narco-terror regime.', ...span(text, 'We are facing a foreign-backed narco-terror regime.'), source: 'Secretary of State Marco Rubio', speaker: 'Marco Rubio', cue: 'said', anonymous: false, kind: 'direct' },
        { text: 'international piracy', ...span(text, 'international piracy'), source: 'Maduro', speaker: 'Nicolás Maduro', cue: 'called', anonymous: false, kind: 'direct' },
        { text: 'Tren de Aragua was an invention', ...span(text, 'Tren de Aragua was an invention'), source: 'Maduro', speaker: 'Nicolás Maduro', cue: 'said', anonymous: false, kind: 'indirect' },
      ],
      entities: [
        { name: 'Marco Rubio', type: 'person', aliases: ['Rubio'], mentions: [span(text, 'Marco Rubio')] },
        { name: 'Nicolás Maduro', type: 'person', aliases: ['Maduro'], mentions: [span(text, 'Maduro')] },
        { name: 'Tren de Aragua', type: 'org', aliases: [], mentions: [span(text, 'Tren de Aragua')] },
      ],
      figures: [{ text: 'more than thirty strikes', ...span(text, 'more than thirty strikes'), value: 30, unit: 'strikes', qualifier: 'more than' }],
      dates: [{ text: 'September 2, 2025', ...span(text, 'September 2, 2025'), iso: '2025-09-02', precision: 'day' }],
    }));
    store(troops, (text) => ({
      quotes: [{ text: 'over 15,000 troops were deployed', ...span(text, 'over 15,000 troops were deployed'), source: 'Officials', speaker: null, cue: 'said', anonymous: true, kind: 'indirect' }],
      entities: [{ name: 'Marco Rubio', type: 'person', aliases: ['Rubio'], mentions: [span(text, 'Rubio')] }],
      figures: [{ text: 'over 15,000 troops', ...span(text, 'over 15,000 troops'), value: 15000, unit: 'troops', qualifier: 'over' }],
      dates: [{ text: 'August 2025', ...span(text, 'August 2025'), iso: '2025-08', precision: 'month' }],
    }));
  });
  afterEach(() => core.close());

  it('speaker: finds the attributions whose resolved speaker it names, from the start of a word, and nothing else', () => {
    const rubio = search(core.ctx, 'speaker:rubio');
    expect(texts(rubio, 'attribution')).toEqual(['We are facing a foreign-backed narco-terror regime.']);
    expect(rubio.groups.find((g) => g.type === 'attribution')!.hits[0]).toMatchObject({ type: 'attribution', speaker: 'Marco Rubio', cue: 'said', articleId: strikes, title: 'US strikes on Venezuelan boats', site: 'Example Wire', anchorStatus: 'ok' });
    // Articles, notes and quotes have no speaker.
    expect(rubio.total).toBe(1);
    expect(texts(search(core.ctx, 'type:quote speaker:"marco rubio"'), 'attribution')).toHaveLength(1);
    expect(count(search(core.ctx, 'speaker:maduro'), 'attribution')).toBe(2); // accents aside: Nicolás
    expect(count(search(core.ctx, 'speaker:ubio'), 'attribution')).toBe(0); // not inside a word
    expect(texts(search(core.ctx, 'speaker:maduro piracy'), 'attribution')).toEqual(['international piracy']);
    expect(texts(search(core.ctx, 'type:attribution -speaker:maduro'), 'attribution').sort()).toEqual(['We are facing a foreign-backed narco-terror regime.', 'over 15,000 troops were deployed']);
  });

  it('entity: finds the articles naming it, the quotes it said and the facts whose words name it', () => {
    const rubio = search(core.ctx, 'entity:"Marco Rubio"');
    expect(rubio.groups.find((g) => g.type === 'article')!.hits.map((h) => h.id).sort()).toEqual([strikes, troops].sort());
    expect(texts(rubio, 'attribution')).toEqual(['We are facing a foreign-backed narco-terror regime.']);
    expect(count(rubio, 'figure')).toBe(0);
    const gang = search(core.ctx, 'entity:"tren de aragua"');
    expect(gang.groups.find((g) => g.type === 'article')!.hits.map((h) => h.id)).toEqual([strikes]);
    expect(texts(gang, 'attribution')).toEqual(['Tren de Aragua was an invention']); // mentioned in the quote's words
    expect(count(search(core.ctx, 'entity:rubio type:article'), 'article')).toBe(2); // an alias
    expect(count(search(core.ctx, 'entity:maduro type:article'), 'article')).toBe(1);
    expect(count(search(core.ctx, 'type:article -entity:maduro'), 'article')).toBe(1);
  });

  it('type:figure and type:date list those facts, narrowed by words and by the article filters', () => {
    expect(texts(search(core.ctx, 'type:figure'), 'figure')).toEqual(['more than thirty strikes', 'over 15,000 troops']); // newest article first
    const figure = search(core.ctx, 'type:figure troops').groups[0]!;
    expect(figure).toMatchObject({ type: 'figure', count: 1 });
    expect(figure.hits[0]).toMatchObject({ value: 15000, unit: 'troops', qualifier: 'over', articleId: troops });
    expect(figure.hits[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['troops']);
    expect(search(core.ctx, 'type:date').groups[0]!.hits.map((h) => (h.type === 'date' ? h.iso : ''))).toEqual(['2025-09-02', '2025-08']);
    expect(texts(search(core.ctx, 'type:date site:"other outlet"'), 'date')).toEqual(['August 2025']);
    expect(texts(search(core.ctx, 'type:figure before:2025-12-05'), 'figure')).toEqual(['over 15,000 troops']);
    const project = projects.createProject(core.ctx, 'Venezuela strikes');
    projects.addItems(core.ctx, project.id, [{ type: 'article', id: troops }]);
    expect(texts(search(core.ctx, 'type:figure project:venez'), 'figure')).toEqual(['over 15,000 troops']);
    // Plain words never search facts (they have no word index): only type: or a fact filter asks for them.
    expect(search(core.ctx, 'troops').groups.map((g) => g.type)).toEqual(['article', 'note', 'quote']);
  });

  it('leaves out the facts of a trashed article', () => {
    moveToTrash(core.ctx, 'article', [strikes]);
    expect(count(search(core.ctx, 'speaker:rubio'), 'attribution')).toBe(0);
    expect(texts(search(core.ctx, 'type:figure'), 'figure')).toEqual(['over 15,000 troops']);
    expect(count(search(core.ctx, 'entity:"tren de aragua"'), 'article')).toBe(0);
  });
});

describe.skipIf(!HAVE_FIXTURES)('search over the seed article’s extracted facts', () => {
  it('speaker:rubio finds Rubio’s quote, type:figure deaths the 110 deaths, entity: the article', () => {
    const core = makeTestCore();
    try {
      const seed = readSeedArticle();
      const [articleId] = importPlainTextArticles(core.ctx, [{ title: seed.title, text: seed.blocks.map((b) => b.text).join('\n\n'), publishedAt: '2025-12-10' }]).results.map((r) => r.articleId);
      const versionId = core.ctx.db.prepare('SELECT id FROM article_versions WHERE article_id = ?').pluck().get(articleId) as number;
      const text = getVersionContent(core.ctx.db, versionId)!.text;
      storeVersionFacts(core.ctx.db, { versionId, text, facts: extractFacts(text, { publishedAt: '2025-12-10T09:00:00Z' }), now: core.ctx.now() });

      const rubio = search(core.ctx, 'speaker:rubio').groups.find((g) => g.type === 'attribution')!;
      expect(rubio.hits.map((h) => (h.type === 'attribution' ? `${h.speaker}: ${h.text.slice(0, 30)}` : ''))).toEqual([expect.stringMatching(/^Marco Rubio: .*We are facing a foreign-backed/)]);
      expect(count(search(core.ctx, 'type:quote speaker:"marco rubio"'), 'attribution')).toBe(1);
      expect(search(core.ctx, 'type:figure deaths').groups[0]!.hits.map((h) => (h.type === 'figure' ? h.value : 0))).toContain(110);
      expect(count(search(core.ctx, 'entity:"tren de aragua" type:article'), 'article')).toBe(1);
    } finally {
      core.close();
    }
  });
});

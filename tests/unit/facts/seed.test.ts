// Issue #13's acceptance article: the seed's quotes, figures, dates and entities, extracted from the clean text
// the clipper produces for it (title, headings, paragraphs).
import { describe, expect, it } from 'vitest';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import { extractFacts } from '../../../electron/core/facts/extract';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, blocksToHtml, escapeHtml, htmlToText, readSeedArticle } from '../../helpers/articles';
import { expectAnchored } from './expectAnchored';

if (!HAVE_FIXTURES) console.warn(NO_FIXTURES_REASON);

describe.skipIf(!HAVE_FIXTURES)('facts of the seed article', () => {
  let text = '';
  let facts: ExtractedFacts;
  if (HAVE_FIXTURES) {
    const seed = readSeedArticle();
    text = htmlToText(`<h1>${escapeHtml(seed.title)}</h1>${blocksToHtml(seed.blocks)}`);
    facts = extractFacts(text, { publishedAt: '2025-12-10T09:00:00Z' });
  }

  it('credits the three quotes to Trump, Rubio and Maduro, and no quote to the wrong person', () => {
    const byWords = (start: string) => facts.quotes.find((q) => q.text.startsWith(start));
    expect(byWords('Maduro doesn’t wanna')?.speaker).toMatch(/Trump/);
    expect(byWords('We are facing a foreign-backed narco-terror regime')?.speaker).toBe('Marco Rubio');
    expect(byWords('We are facing')?.cue).toBe('stating');
    expect(byWords('international piracy')?.speaker).toBe('Nicolás Maduro');
    expect(byWords('international piracy')?.cue).toBe('denounced … as');
    const named = facts.quotes.filter((q) => q.speaker !== null).map((q) => `${q.speaker}: ${q.text.slice(0, 20)}`);
    expect(named).toEqual([
      expect.stringMatching(/^(President )?(Donald )?Trump: Maduro doesn’t wanna/),
      'Marco Rubio: We are facing a fore',
      'Nicolás Maduro: international piracy',
    ]);
    // "Sources close to the military" is kept, unnamed.
    expect(facts.quotes.find((q) => q.source === 'Sources close to the military')?.anonymous).toBe(true);
  });

  it('finds the figures with what they count and their qualifier', () => {
    const figures = facts.figures.map(({ value, unit, qualifier }) => ({ value, unit, qualifier }));
    expect(figures).toContainEqual({ value: 30, unit: 'strikes', qualifier: 'more than' });
    expect(figures).toContainEqual({ value: 110, unit: 'deaths', qualifier: 'over' });
    expect(figures).toContainEqual({ value: 15000, unit: 'troops', qualifier: 'over' });
  });

  it('dates the first strike and the directive, and resolves "October" against the published date', () => {
    const dates = facts.dates.map(({ iso, precision }) => `${iso}/${precision}`);
    expect(dates).toContain('2025-09-02/day');
    expect(dates).toContain('2025-08/month');
    expect(dates).toContain('2025-10/month');
  });

  it('names Rubio, Maduro and Trump as people, Tren de Aragua as an organisation and Venezuela as a place', () => {
    const type = (name: RegExp) => facts.entities.filter((e) => name.test(e.name)).map((e) => e.type);
    expect(type(/Rubio$/)).toEqual(['person']);
    expect(type(/Maduro$/)).toEqual(['person']);
    expect(type(/Trump$/)).toEqual(['person']);
    expect(type(/^Tren de Aragua$/)).toEqual(['org']);
    expect(type(/^Venezuela$/)).toEqual(['place']);
    const rubio = facts.entities.find((e) => e.name === 'Marco Rubio')!;
    expect(rubio.aliases).toContain('Secretary of State Marco Rubio');
    const maduro = facts.entities.find((e) => e.name === 'Nicolás Maduro')!;
    expect(maduro.aliases).toEqual(expect.arrayContaining(['Maduro', 'President Maduro']));
  });

  it('anchors every fact: the offsets cut out exactly its words', () => {
    expectAnchored(text, facts);
  });
});

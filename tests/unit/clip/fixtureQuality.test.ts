import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/clip/extract';
import { authorMatches, dateMatches, HAVE_FIXTURES, NO_FIXTURES_REASON, postlightCases, readabilityCases, scrapinghubCases, tokenF1 } from '../../helpers/clipFixtures';

// Floors under the benchmark's figures (npm run bench clip) on a fixed subset, so a regression fails fast.
// The subset keeps this file to a few seconds; the benchmark runs everything.
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const every = <T>(xs: T[], n: number): T[] => xs.filter((_, i) => i % n === 0);

describe.skipIf(!HAVE_FIXTURES)(`extraction quality on ../shared/fixtures${HAVE_FIXTURES ? '' : ` (${NO_FIXTURES_REASON})`}`, () => {
  it('readability/: token F1 against expected.html and exact titles', () => {
    const cases = every(readabilityCases(), 5);
    const f1s = cases.map((c) => tokenF1(extractArticle({ bytes: c.source, filename: 'source.html', url: 'http://fakehost/test/page.html' }).text, c.expectedText).f1);
    expect(mean(f1s)).toBeGreaterThanOrEqual(0.97);
  });

  it('scrapinghub/: token F1 against the human ground truth', () => {
    const cases = every(scrapinghubCases(), 8);
    const f1s = cases.map((c) => tokenF1(extractArticle({ bytes: c.bytes, filename: `${c.id}.html.gz`, url: c.url }).text, c.articleBody).f1);
    expect(mean(f1s)).toBeGreaterThanOrEqual(0.9);
  });

  it('postlight/: author and date match rates', () => {
    const cases = every(postlightCases(), 3);
    let authors = 0, authorTotal = 0, dates = 0, dateTotal = 0;
    for (const c of cases) {
      const m = extractArticle({ bytes: c.bytes, filename: 'page.html', url: c.url }).metadata;
      if (c.author) {
        authorTotal++;
        if (authorMatches(m.byline, c.author)) authors++;
      }
      if (c.datePublished) {
        dateTotal++;
        if (dateMatches(m.publishedAt, c.datePublished)) dates++;
      }
    }
    expect(authors / authorTotal).toBeGreaterThanOrEqual(0.5);
    expect(dates / dateTotal).toBeGreaterThanOrEqual(0.5);
  });
});

import { clipPaths } from '../../electron/core/services/clip';
import { getVersionContent } from '../../db/repositories/articles';
import { articleFacts, storeVersionFacts } from '../../electron/core/services/facts';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE } from '../helpers/articles';
import { expect, test, type DossierApp, type Page } from './fixtures';
import { FactsPanelPage } from './pages/FactsPanelPage';
import { NotesPage } from './pages/NotesPage';
import { QuoteInNote } from './pages/QuoteInNote';
import { ReaderPage } from './pages/ReaderPage';

const SEED_TITLE = 'U.S. Military Strikes Escalate: Trump Targets Venezuelan Cartels in Armed Conflict';
const RUBIO = 'We are facing a foreign-backed narco-terror regime exporting poison onto our streets.';

test.describe('the Facts panel on the seed article', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES_REASON);

  async function openSeed(app: DossierApp, page: Page) {
    const [clipped] = await clipPaths(app.core.ctx, [SEED_ARTICLE]);
    expect(clipped?.status, clipped?.error ?? '').toBe('clipped');
    return { articleId: clipped!.articleId!, versionId: clipped!.versionId!, reader: new ReaderPage(page) };
  }

  async function clickRubioAndQuote(page: Page, reader: ReaderPage, quoteText: string): Promise<void> {
    const facts = new FactsPanelPage(page);
    await facts.open();
    const rubio = facts.speaker('Marco Rubio');
    await expect(rubio).toBeVisible();
    const item = rubio.locator('.fact-item').filter({ hasText: quoteText.slice(0, 30) });
    // Clicking the fact shows its words in the article (the current highlight).
    await item.locator('.fact-excerpt').click();
    await expect.poll(() => reader.highlightTexts('dossier-current')).toEqual([quoteText]);
    expect(await reader.currentIsInView()).toBe(true);
    await item.getByRole('button', { name: 'Quote into note' }).click();
    const notes = new NotesPage(page, '');
    await expect(notes.title).toHaveValue(SEED_TITLE);
    const quote = new QuoteInNote(page);
    await expect(quote.text).toHaveText(quoteText);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');
    await expect(quote.chip).toContainText(SEED_TITLE);
  }

  test('open the seed, open Facts, click Rubio’s quote, quote it into a note (facts stored by hand)', async ({ page, app }) => {
    const { articleId, versionId, reader } = await openSeed(app, page);
    const text = getVersionContent(app.core.ctx.db, versionId)!.text;
    const start = text.indexOf(RUBIO);
    expect(start).toBeGreaterThan(-1);
    // The panel and the quote flow are under test here, not the extractor: the fact is written by hand.
    storeVersionFacts(app.core.ctx.db, {
      versionId,
      text,
      facts: {
        quotes: [{ text: RUBIO, start, end: start + RUBIO.length, source: 'Secretary of State Marco Rubio', speaker: 'Marco Rubio', cue: 'stating', anonymous: false }],
        entities: [{ name: 'Marco Rubio', type: 'person', aliases: ['Rubio'], mentions: [{ start: text.indexOf('Marco Rubio'), end: text.indexOf('Marco Rubio') + 11 }] }],
        figures: [],
        dates: [],
      },
      now: app.core.ctx.now(),
    });
    await reader.open(app.harness.url, articleId);
    await clickRubioAndQuote(page, reader, RUBIO);
  });

  test('with the real extractor: Rubio’s quote is found, shown and quoted (runs once extraction lands)', async ({ page, app }) => {
    const { articleId, reader } = await openSeed(app, page);
    const stored = articleFacts(app.core.ctx, articleId);
    const rubio = stored.quotes.find((q) => /rubio/i.test(q.speaker ?? '') && q.text.includes('narco-terror regime'));
    // Guard: before facts-extract merges, extractFacts finds nothing; this test then has nothing to check.
    test.skip(stored.quotes.length === 0, 'extractFacts returns no quotes yet (placeholder extractor): runs after the extraction work is merged');
    expect(rubio, JSON.stringify(stored.quotes.map((q) => [q.speaker, q.text]))).toBeDefined();
    await reader.open(app.harness.url, articleId);
    await clickRubioAndQuote(page, reader, rubio!.text);
  });
});

import { getArticle, getVersionContent } from '../../db/repositories/articles';
import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import { storeVersionFacts } from '../../electron/core/services/facts';
import type { ExtractedFacts } from '../../shared/domain/facts';
import { expect, test } from './fixtures';
import { LibraryListPage } from './pages/LibraryListPage';

// A project's Facts tab (issue #13): the timeline across two sources ordered by when things happened, and a figure the
// sources count differently. The facts are written by hand: the screen is under test, not the extractor.
const WIRE = 'The first strike came on September 2, 2025. Over 110 deaths have been reported since.';
const OUTLET = 'The directive dates from August 2025. Officials confirmed 83 deaths by the end of November.';

function at(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}

const FACTS: Record<string, ExtractedFacts> = {
  [WIRE]: {
    quotes: [],
    entities: [],
    figures: [{ text: 'Over 110 deaths', ...at(WIRE, 'Over 110 deaths'), value: 110, unit: 'deaths', qualifier: 'over' }],
    dates: [{ text: 'September 2, 2025', ...at(WIRE, 'September 2, 2025'), iso: '2025-09-02', precision: 'day' }],
  },
  [OUTLET]: {
    quotes: [],
    entities: [],
    figures: [{ text: '83 deaths', ...at(OUTLET, '83 deaths'), value: 83, unit: 'deaths', qualifier: null }],
    dates: [{ text: 'August 2025', ...at(OUTLET, 'August 2025'), iso: '2025-08', precision: 'month' }],
  },
};

test('a project’s Facts tab: the timeline of two sources in event order, and a figure conflict between them', async ({ page, app }) => {
  const results = importPlainTextArticles(app.core.ctx, [
    { title: 'Strikes go on', text: WIRE, siteName: 'Example Wire', publishedAt: '2025-12-10' },
    { title: 'Toll disputed', text: OUTLET, siteName: 'Other Outlet', publishedAt: '2025-12-02' },
  ]).results;
  const items = results.map((r) => ({ type: 'article' as const, id: r.articleId! }));
  for (const { id } of items) {
    const versionId = getArticle(app.core.ctx.db, id)!.latestVersionId;
    const text = getVersionContent(app.core.ctx.db, versionId)!.text;
    storeVersionFacts(app.core.ctx.db, { versionId, text, facts: FACTS[text]!, now: app.core.ctx.now() });
  }
  const created = await dispatch(app.core.handlers, 'projects.create', { name: 'Strikes' });
  const projectId = (created as { value: { id: number } }).value.id;
  expect((await dispatch(app.core.handlers, 'projects.addItems', { projectId, items })).ok).toBe(true);

  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await library.project('Strikes').click();
  await page.getByTestId('scope-tab-facts').click();

  // Ordered by when it happened (August before September), not by when it was published or clipped.
  const timeline = page.getByTestId('facts-timeline').getByRole('listitem');
  await expect(timeline).toHaveText([/^2025-08 The directive dates from August 2025\. — Other Outlet, 2025-12-02/, /^2025-09-02 The first strike came on September 2, 2025\. — Example Wire, 2025-12-10/]);
  await expect(page.getByTestId('facts-conflicts').locator('.fact-conflict-summary')).toHaveText(['deaths: over 110 (Example Wire, 10 Dec 2025) vs 83 (Other Outlet, 2 Dec 2025)']);

  // Each entry opens its source in the reader.
  await timeline.first().getByRole('button', { name: 'Other Outlet, 2025-12-02' }).click();
  await expect(page).toHaveURL(new RegExp(`#/articles/${items[1]!.id}`));
  await expect(page.getByTestId('reader')).toBeVisible();
});

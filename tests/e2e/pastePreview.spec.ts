import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';

/** Distinct, ordinary sentences (a long article's body): paragraph i of n. */
const body = (count: number): string[] =>
  Array.from({ length: count }, (_, i) => `Paragraph ${i + 1}: dock workers at terminal ${i % 7} logged ${i * 3} containers, ${i % 11} cranes idle and a queue of ${i % 13} ships waiting outside the breakwater.`);

/** #14: a slow paste shows progress at once; the preview takes corrections and offers "Save as a new version of “…”". */
test('a long pasted update reads with progress, takes corrected details and is saved as a new version of the article it updates', async ({ page, app }) => {
  const paragraphs = body(900);
  const [original] = importPlainTextArticles(app.core.ctx, [{ title: 'Port strike', siteName: 'Coast Post', text: paragraphs.join('\n\n') }]).results;
  const library = new LibraryPage(page, app.harness.url);
  await library.open();
  await library.items().first().click();
  await expect(page.getByTestId('article-body')).toContainText('Paragraph 1:');

  // Records whether the "reading" state was on screen, and whether the old article was still shown beside it.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="paste-reading"]')) seen.push(document.querySelector('[data-testid="article-body"]') ? 'reading+old article' : 'reading');
    }).observe(document.body, { subtree: true, childList: true });
  });
  const update = ['<h1>Port strike widens</h1>', ...[...paragraphs.slice(0, 600), 'Terminal 4 joined the strike on Tuesday.', ...paragraphs.slice(600)].map((p) => `<p>${p}</p>`)].join('');
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, update);
  const preview = page.getByTestId('clip-preview');
  await expect(preview).toBeVisible({ timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen.length, 'the reading state showed before the preview').toBeGreaterThan(0);
  expect(seen).not.toContain('reading+old article');

  await expect(page.getByTestId('clip-match')).toContainText('This looks like a changed copy of “Port strike”');
  await page.getByTestId('preview-title').fill('Port strike widens to terminal 4');
  await page.getByTestId('preview-publishedAt').fill('Dec 10, 2025');
  await page.getByTestId('preview-authors').focus();
  await expect(page.getByTestId('preview-publishedAt')).toHaveValue('2025-12-10');
  await expect(page.getByTestId('save-as-version')).toHaveText('Save as a new version of “Port strike”');
  await page.getByTestId('save-as-version').click();

  await expect(library.results.locator('[data-status="new-version"]')).toHaveCount(1);
  await expect(library.items()).toHaveCount(1);
  const db = app.core.ctx.db;
  expect(db.prepare('SELECT count(*) FROM article_versions WHERE article_id = ?').pluck().get(original!.articleId)).toBe(2);
  expect(db.prepare('SELECT title, published_at FROM articles').get()).toEqual({ title: 'Port strike widens to terminal 4', published_at: '2025-12-10' });
});

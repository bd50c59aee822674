import { clipSource } from '../../electron/core/services/clip';
import { expect, test } from './fixtures';

const page = (title: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>
   <p>${title} is a test article written for Dossier's own tests, with enough words in it to be read as an article by the extractor.</p>
   <p>A second paragraph keeps the extractor confident that this is the body of a real article and not page furniture.</p></article></body></html>`;

test('library views: star an article, filter Starred; reading an article takes it out of Unread', async ({ app, page: browser }) => {
  for (const title of ['Harbour tender minutes', 'Council budget leak']) {
    const clipped = await clipSource(app.core.ctx, { kind: 'paste', format: 'html', content: page(title) });
    expect(clipped.status, clipped.error ?? '').toBe('clipped');
  }
  await browser.goto(app.harness.url);
  await browser.getByTestId('nav-library').click();
  const list = browser.getByTestId('article-list');
  await expect(list.getByRole('option')).toHaveCount(2);
  await expect(browser.getByTestId('library-view-unread')).toContainText('2');

  await list.getByRole('option').filter({ hasText: 'Harbour tender minutes' }).getByTestId('star-toggle').click();
  await browser.getByTestId('library-view-starred').click();
  await expect(list.getByRole('option')).toHaveText([/Harbour tender minutes/]);

  await browser.getByTestId('library-view-all').click();
  await list.getByRole('option').filter({ hasText: 'Council budget leak' }).click();
  await browser.getByTestId('open-reader').click();
  await expect(browser.getByTestId('reader')).toBeVisible();
  await expect.poll(() => app.core.ctx.db.prepare(`SELECT count(*) AS n FROM articles WHERE reading_state = 'unread'`).get()).toEqual({ n: 1 });

  // The state is stored: a reload shows the same views.
  await browser.reload();
  await browser.getByTestId('nav-library').click();
  await expect(browser.getByTestId('library-view-unread')).toContainText('1');
  await browser.getByTestId('library-view-starred').click();
  await expect(list.getByRole('option')).toHaveText([/Harbour tender minutes/]);
});

import { clipPaths } from '../../electron/core/services/clip';
import { getVersionContent } from '../../db/repositories/articles';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, SEED_ARTICLE, insertArticle } from '../helpers/articles';
import { expect, test } from './fixtures';
import { NotesPage } from './pages/NotesPage';
import { QuoteInNote } from './pages/QuoteInNote';
import { ReaderPage } from './pages/ReaderPage';

const SEED_TITLE = 'U.S. Military Strikes Escalate: Trump Targets Venezuelan Cartels in Armed Conflict';
const RUBIO = 'We are facing a foreign-backed narco-terror regime exporting poison onto our streets.';

test.describe('quoting the seed article', () => {
  test.skip(!HAVE_FIXTURES, NO_FIXTURES_REASON);

  test('quote Rubio into a new note, follow the chip back, see the backlink, flag an edit, undo it', async ({ page, app }) => {
    // The seed article goes through the real clipping pipeline, as a dropped .txt file would.
    const [clipped] = await clipPaths(app.core.ctx, [SEED_ARTICLE]);
    expect(clipped?.status, clipped?.error ?? '').toBe('clipped');
    const articleId = clipped!.articleId!;
    const reader = new ReaderPage(page);
    const notes = new NotesPage(page, app.harness.url);

    await reader.open(app.harness.url, articleId);
    await expect(page.getByTestId('reader-header')).toContainText(SEED_TITLE);
    await reader.select(RUBIO);
    await reader.menuItem('Quote into new note').click();

    // The new note, titled after the article, holds the quote with its chip.
    await expect(notes.title).toHaveValue(SEED_TITLE);
    const quote = new QuoteInNote(page);
    await expect(quote.text).toHaveText(RUBIO);
    await expect(quote.chip).toContainText(SEED_TITLE);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');

    await page.reload();
    await expect(quote.text).toHaveText(RUBIO);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');

    await quote.chip.click();
    await expect(reader.root).toBeVisible();
    await expect.poll(() => reader.highlightTexts('dossier-current')).toEqual([RUBIO]);
    expect(await reader.currentIsInView()).toBe(true);
    expect(await reader.highlightTexts('dossier-quoted')).toEqual([RUBIO]);

    // One backlink, in the panel and when clicking the highlighted words.
    const item = reader.passageItem('We are facing');
    await expect(item.getByTestId('backlinks').getByRole('listitem')).toHaveCount(1);
    await expect(item.getByTestId('backlinks')).toContainText(SEED_TITLE);
    await reader.clickOn('narco-terror regime');
    await expect(reader.popover.getByRole('listitem')).toHaveCount(1);
    await reader.popover.getByRole('button', { name: SEED_TITLE }).click();

    // Edit a word inside the quote: flagged altered; undo: the flag clears.
    await expect(quote.text).toHaveText(RUBIO);
    await quote.text.getByText(RUBIO).click();
    await page.keyboard.press('End');
    for (let i = 0; i < 'streets.'.length; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('very ');
    await expect(quote.text).toHaveText(RUBIO.replace('our streets', 'our very streets'));
    await expect(quote.root).toHaveAttribute('data-status', 'altered');
    await expect(quote.flag).toHaveText(/altered/);
    await notes.expectSaved();
    await expect(quote.root).toHaveAttribute('data-server-status', 'altered');
    await expect
      .poll(async () => (await app.core.ctx.db.prepare('SELECT altered FROM note_quotes').all()) as unknown[])
      .toEqual([{ altered: 1 }]);

    await page.keyboard.press('Control+z');
    await expect(quote.text).toHaveText(RUBIO);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');
    await expect(quote.flag).toHaveText('');
    await notes.expectSaved();
    await expect(quote.root).toHaveAttribute('data-server-status', 'ok');
    await expect.poll(async () => (await app.core.ctx.db.prepare('SELECT altered FROM note_quotes').all()) as unknown[]).toEqual([{ altered: 0 }]);
  });

  test('highlight a selection; the reader never runs the article’s script or loads remote images', async ({ page, app }) => {
    const { articleId, versionId } = insertArticle(app.core.ctx.db, {
      title: 'Hostile page',
      blocks: [
        { kind: 'p', text: 'The council met on Tuesday to discuss the budget.' },
        { kind: 'p', text: 'Nobody expected the vote to pass so quickly.' },
      ],
    });
    // Make the stored HTML hostile, keeping its text (what a bad sanitizer at clip time could let through).
    // The HTML is stored packed (db/versionBodies.ts): read it as the app does, write the hostile copy back plain.
    const storedHtml = getVersionContent(app.core.ctx.db, versionId)!.html;
    app.core.ctx.db
      .prepare('UPDATE article_versions SET content_html = ? || ? WHERE id = ?')
      .run(storedHtml, '<img src="https://tracker.example/pixel.gif" onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>', versionId);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const reader = new ReaderPage(page);
    await reader.open(app.harness.url, articleId);
    await reader.select('discuss the budget');
    await reader.menuItem('Highlight').click();
    await expect.poll(() => reader.highlightTexts('dossier-hl-yellow')).toEqual(['discuss the budget']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await reader.body.locator('script').count()).toBe(0);
    expect(await reader.body.locator('img[src]').count()).toBe(0);
    expect(requests.filter((u) => !u.startsWith(new URL(app.harness.url).origin))).toEqual([]);
    // Chromium reports an inline handler attribute as soon as any parser in the page creates it (even
    // DOMPurify's inert document, before the attribute is stripped): that report is the CSP refusing it.
    // It is the only problem allowed here, and it must be exactly that.
    expect(app.pageProblems.length).toBeGreaterThan(0);
    expect(app.pageProblems.every((p) => p.startsWith('Executing inline event handler violates'))).toBe(true);
    app.pageProblems.length = 0;
  });
});

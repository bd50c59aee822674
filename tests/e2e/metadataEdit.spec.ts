import { fileURLToPath } from 'node:url';
import { getArticle } from '../../electron/core/services/articles';
import { clipPaths } from '../../electron/core/services/clip';
import { formatArticleDate } from '../../shared/text/dates';
import { expect, test } from './fixtures';
import { LibraryPage } from './pages/LibraryPage';
import { MetadataEditorPage } from './pages/MetadataEditorPage';

const HARBOUR = fileURLToPath(new URL('../fixtures/clip/harbour-report.html', import.meta.url));
const HARBOUR_TITLE = 'Harbour dredging report leaves council split';
const CANONICAL = 'https://news.example.org/2025/03/harbour-dredging-report';

test.describe('library: editing an article\'s details', () => {
  // FIXME (open, see the session-3 closing note): since the merge of the Trash, the desk and the written-date editor, after a
  // save and reload the library lists 0 articles and the test times out waiting for the form. Not yet diagnosed.
  test('edited author and date are saved, marked edited and survive a reload; a bad URL saves nothing', async ({ page, app }) => {
    const [clipped] = await clipPaths(app.core.ctx, [HARBOUR]);
    const articleId = clipped?.articleId;
    if (!articleId) throw new Error(`the fixture did not clip: ${JSON.stringify(clipped)}`);
    const library = new LibraryPage(page, app.harness.url);
    const details = new MetadataEditorPage(page);
    await library.open();
    await library.openArticle(HARBOUR_TITLE);
    await details.showDetails();
    await expect(details.field('authors')).toHaveAttribute('data-status', 'found');

    // Cancel discards what was typed.
    await details.startEditing();
    await details.fill({ title: 'Something else entirely' });
    await details.cancel();
    await expect(page.getByTestId('article-title')).toHaveText(HARBOUR_TITLE);
    await expect(details.field('title')).toHaveAttribute('data-status', 'found');

    // A bad canonical URL is refused beside its field, and nothing in the same attempt is saved; Escape leaves the form.
    await details.startEditing();
    await details.fill({ authors: 'Nobody Saved', canonicalUrl: 'javascript:alert(1)', modifiedAt: '2025-02-30' });
    await details.save();
    await expect(details.problem('canonicalUrl')).toContainText('http');
    await expect(details.problem('modifiedAt')).toContainText('2025-03-14');
    await expect(details.input('canonicalUrl')).toHaveAttribute('aria-invalid', 'true');
    await expect(details.form).toBeVisible();
    await details.input('canonicalUrl').press('Escape');
    await expect(details.form).toBeHidden();
    const untouched = getArticle(app.core.ctx, articleId);
    expect(untouched.canonicalUrl).toBe(CANONICAL);
    expect(untouched.authors).toEqual(['Mara Lindqvist', 'Tomás Ferreira']);
    expect(untouched.fieldStatus.canonicalUrl).toBe('found');
    expect(untouched.fieldStatus.authors).toBe('found');
    expect(untouched.modifiedAt).not.toBe('2025-02-30');
    await expect(details.field('canonicalUrl')).toContainText(CANONICAL);

    // Edit the author and the published date, save.
    await details.startEditing();
    await expect(details.input('authors')).toHaveValue('Mara Lindqvist, Tomás Ferreira');
    // A date as people write it: the form says what it will store.
    await details.fill({ authors: 'Mara Lindqvist,  Ana Sousa ', publishedAt: 'Mar 16, 2025' });
    await expect(page.getByTestId('metadata-stored-publishedAt')).toHaveText('Stored as 2025-03-16');
    await details.save();
    await expect(details.form).toBeHidden();
    await expect(details.field('authors')).toContainText('Mara Lindqvist, Ana Sousa');
    await expect(details.field('authors')).toHaveAttribute('data-status', 'edited');
    await expect(details.field('publishedAt').locator('time')).toHaveAttribute('datetime', '2025-03-16');
    await expect(details.field('publishedAt')).toContainText(formatArticleDate('2025-03-16'));
    await expect(details.field('publishedAt')).toHaveAttribute('data-status', 'edited');
    // Untouched fields keep their own mark.
    await expect(details.field('title')).toHaveAttribute('data-status', 'found');
    await expect(details.field('canonicalUrl')).toHaveAttribute('data-status', 'found');
    await expect(library.view.locator('.article-byline')).toContainText('By Mara Lindqvist, Ana Sousa');

    // On disk, and still there after a reload.
    const saved = getArticle(app.core.ctx, articleId);
    expect(saved.authors).toEqual(['Mara Lindqvist', 'Ana Sousa']);
    expect(saved.publishedAt).toBe('2025-03-16');
    await page.reload();
    await library.open();
    await library.openArticle(HARBOUR_TITLE);
    await details.showDetails();
    await expect(details.field('authors')).toContainText('Mara Lindqvist, Ana Sousa');
    await expect(details.field('authors')).toHaveAttribute('data-status', 'edited');
    await expect(details.field('authors').locator('.meta-mark')).toHaveText('✎ edited');
    await expect(details.field('publishedAt').locator('time')).toHaveAttribute('datetime', '2025-03-16');
    await expect(details.field('publishedAt')).toContainText(formatArticleDate('2025-03-16'));
    await expect(details.field('publishedAt')).toHaveAttribute('data-status', 'edited');
    await expect(details.field('title')).toHaveAttribute('data-status', 'found');

    // A refusal from the main process shows inline and keeps what was typed. The article row goes behind the
    // page's back (a plain write on the app's own connection raises no change event; the app's own Delete
    // updates the open view at once), so the page still offers the form and main refuses the save.
    await details.startEditing();
    await details.fill({ title: 'Harbour dredging: the full cost' });
    app.core.ctx.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    await details.save();
    await expect(page.getByTestId('metadata-save-error')).toContainText('does not exist');
    await expect(details.input('title')).toHaveValue('Harbour dredging: the full cost');
  });
});

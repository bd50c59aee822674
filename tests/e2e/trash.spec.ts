import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import * as notes from '../../electron/core/services/notes';
import { expect, test } from './fixtures';
import { LibraryListPage } from './pages/LibraryListPage';
import { NotesPage } from './pages/NotesPage';
import { QuoteInNote } from './pages/QuoteInNote';
import { TrashPage } from './pages/TrashPage';

test("delete an article: it moves to the Trash, the note's quote says 'source in trash', and restore links it again", async ({ page, app }) => {
  const [articleId] = importPlainTextArticles(app.core.ctx, [
    { title: 'Quoted report', text: 'The minister denied every allegation in the report.' },
    { title: 'Other brief', text: 'Nothing to see.' },
  ]).results.map((r) => r.articleId);
  const note = notes.createNote(app.core.ctx, 'Draft');
  const article = await dispatch(app.core.handlers, 'articles.get', { id: articleId });
  const versionId = (article as { value: { latestVersionId: number } }).value.latestVersionId;
  const passage = await dispatch(app.core.handlers, 'passages.create', { versionId, start: 4, end: 12 });
  const passageId = (passage as { value: { id: number } }).value.id;
  expect((await dispatch(app.core.handlers, 'passages.quoteIntoNote', { passageId, noteId: note.id })).ok).toBe(true);

  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await library.row('Quoted report').click();
  await page.getByTestId('article-view').locator('summary').click();
  await page.getByTestId('delete-article').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('delete-article-impact')).toHaveText('It moves to the Trash, where you can restore it. 1 quote in 1 note will say “source in trash” until then.');
  await dialog.getByRole('button', { name: /Delete/ }).click();
  await expect.poll(() => library.titles()).toEqual(['Other brief']);

  const notesPage = new NotesPage(page, app.harness.url);
  await page.getByTestId('nav-notes').click();
  await notesPage.items().filter({ hasText: 'Draft' }).click();
  const quote = new QuoteInNote(page);
  await expect(quote.root).toHaveAttribute('data-status', 'source_in_trash');
  await expect(quote.flag).toHaveText('source in trash');

  const trash = new TrashPage(page);
  await trash.open();
  await expect(trash.view.getByTestId('trash-item')).toHaveCount(1);
  await trash.restore('Quoted report');
  await expect(trash.view.getByTestId('trash-empty-state')).toBeVisible();

  await page.getByTestId('nav-notes').click();
  await notesPage.items().filter({ hasText: 'Draft' }).click();
  await expect(quote.root).toHaveAttribute('data-status', 'ok');
  await expect(quote.flag).toHaveText('');
  await page.getByTestId('nav-library').click();
  await expect.poll(async () => (await library.titles()).sort()).toEqual(['Other brief', 'Quoted report']);
});

test('a deleted note goes to the Trash and can be deleted permanently from there', async ({ page, app }) => {
  notes.createNote(app.core.ctx, 'Keep me');
  const gone = notes.createNote(app.core.ctx, 'Scratch pad');
  await dispatch(app.core.handlers, 'notes.delete', { id: gone.id });
  const notesPage = new NotesPage(page, app.harness.url);
  await notesPage.open();
  await expect(notesPage.items()).toHaveCount(1);
  const trash = new TrashPage(page);
  await trash.open();
  await trash.deletePermanently('Scratch pad');
  await expect(trash.view.getByTestId('trash-item')).toHaveCount(0);
  expect(app.core.ctx.db.prepare('SELECT count(*) AS n FROM notes WHERE id = ?').get(gone.id)).toEqual({ n: 0 });
});

import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import { expect, test } from './fixtures';
import { LibraryListPage } from './pages/LibraryListPage';
import { PalettePage } from './pages/PalettePage';

/** #14: projects and tags are renamed, merged and deleted from the sidebar (context menu and keys) and the palette. */
test('sidebar context menu and keys, and the palette, rename, merge and delete projects and tags', async ({ page, app }) => {
  const [a1, a2] = importPlainTextArticles(app.core.ctx, [
    { title: 'Strike called', text: 'Unions called a strike.' },
    { title: 'Oil output', text: 'Output fell.' },
  ]).results.map((r) => r.articleId);
  const create = async (name: string, articleId: number): Promise<void> => {
    const project = (await dispatch(app.core.handlers, 'projects.create', { name })) as { value: { id: number } };
    await dispatch(app.core.handlers, 'projects.addItems', { projectId: project.value.id, items: [{ type: 'article', id: articleId }] });
  };
  await create('Venez', a1!);
  await create('Venezuela strikes', a2!);
  await dispatch(app.core.handlers, 'tags.add', { name: 'verfied', items: [{ type: 'article', id: a1 }] });
  await dispatch(app.core.handlers, 'tags.add', { name: 'checked', items: [{ type: 'article', id: a2 }] });
  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  const dialog = page.getByTestId('organize-dialog');

  // Right click → Merge into…: the dialog says what moves before anything does.
  await library.project('Venez').first().click({ button: 'right' });
  await page.getByTestId('nav-menu').getByRole('menuitem', { name: 'Merge into…' }).click();
  await expect(dialog.getByTestId('organize-impact')).toHaveText('Its 1 article moves into “Venezuela strikes”, then “Venez” is deleted.');
  await dialog.getByTestId('organize-submit').click();
  await expect(page.getByTestId('project-list').getByRole('button')).toHaveText(['Venezuela strikes2']);
  expect(app.core.ctx.db.prepare('SELECT count(*) FROM projects').pluck().get()).toBe(1);

  // F2 on a tag: a name another tag has is refused in the dialog, which stays open to fix it.
  await library.tag('verfied').focus();
  await page.keyboard.press('F2');
  await expect(dialog.getByTestId('organize-name')).toBeFocused();
  await page.keyboard.type('checked');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('organize-error')).toContainText('merge the two tags');
  await dialog.getByTestId('organize-name').fill('verified');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(library.tag('verified')).toBeFocused();

  // Shift+F10 opens the menu by keyboard; Delete… says what the tag comes off; Enter confirms.
  await library.tag('checked').focus();
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menuitem', { name: 'Rename…' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('organize-impact')).toHaveText('The tag comes off 1 article; they stay in the library.');
  await page.keyboard.press('Enter');
  await expect(library.tag('checked')).toHaveCount(0);
  expect(app.core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);

  // The palette acts on the project the library shows.
  await library.project('Venezuela strikes').click();
  const palette = new PalettePage(page);
  await palette.open();
  await palette.type('Rename project');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('organize-subject')).toHaveValue(String(app.core.ctx.db.prepare('SELECT id FROM projects').pluck().get()));
  await dialog.getByTestId('organize-name').fill('Venezuela');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-title')).toHaveText('Venezuela');

  // Delete on the shown project: the library falls back to all articles.
  await library.project('Venezuela').focus();
  await page.keyboard.press('Delete');
  await expect(dialog.getByTestId('organize-impact')).toContainText('its 2 articles stay in the library');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('library-title')).toHaveText('Library');
  await expect(page.getByTestId('project-list')).toHaveText('No projects yet');
});

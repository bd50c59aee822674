import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import { expect, test } from './fixtures';
import { PalettePage } from './pages/PalettePage';

test('Ctrl+K jumps to a note by part of its title; Escape closes and focus returns', async ({ page, notes }) => {
  await notes.createNote('Harbour dredging memo');
  await notes.expectSaved();
  await notes.createNote('Council budget lines');
  await notes.expectSaved();

  const palette = new PalettePage(page);
  await notes.item('Council budget lines').focus();
  await palette.open();
  await palette.type('dredg');
  await expect(palette.active()).toContainText('Harbour dredging memo');
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toHaveCount(0);
  await expect(notes.title).toHaveValue('Harbour dredging memo');
  await expect(page).toHaveURL(/#\/notes\/\d+/);

  // Escape closes without acting, and focus goes back to the list item it came from.
  await notes.item('Council budget lines').focus();
  await palette.open();
  await palette.type('council');
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toHaveCount(0);
  await expect(notes.title).toHaveValue('Harbour dredging memo');
  await expect(notes.item('Council budget lines')).toBeFocused();
});

test('Ctrl+K works from inside the editor; arrows pick a command; New note and Go to Library run', async ({ page, notes }) => {
  await notes.createNote('Only note');
  await notes.typeInEditor('Some text');
  const palette = new PalettePage(page);
  await palette.open();
  await expect(notes.editor).not.toContainText('k');
  await palette.type('new');
  await expect(palette.options()).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(notes.items()).toHaveCount(2);
  await expect(notes.title).toHaveValue('');

  await palette.open();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(palette.active()).toContainText('Go to Library');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('nav-library')).toHaveAttribute('aria-current', 'page');
});

test('a project opens in the library with its articles, and an article opens in the reader', async ({ page, app, notes }) => {
  const [articleId] = importPlainTextArticles(app.core.ctx, [{ title: 'Dredging contract awarded', text: 'The port awarded the dredging contract.' }]).results.map((r) => r.articleId);
  const created = await dispatch(app.core.handlers, 'projects.create', { name: 'Port audit' });
  const projectId = (created as { value: { id: number } }).value.id;
  expect((await dispatch(app.core.handlers, 'projects.addItems', { projectId, items: [{ type: 'article', id: articleId! }] })).ok).toBe(true);
  await notes.reload();

  const palette = new PalettePage(page);
  await palette.open();
  await palette.type('port aud');
  await expect(palette.active()).toContainText('Port audit');
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await expect(page.getByTestId('library-title')).toHaveText('Port audit');
  await expect(page.getByTestId('article-list').getByRole('option')).toHaveText([/Dredging contract awarded/]);

  await palette.open();
  await palette.type('project:"port audit" dredging');
  await expect(palette.option('Dredging contract awarded')).toBeVisible();
  await palette.option('Dredging contract awarded').click();
  await expect(page).toHaveURL(new RegExp(`#/articles/${articleId}`));
});

test('"?" shows the shortcuts overlay outside text fields only, and from the palette', async ({ page, notes }) => {
  await notes.createNote('A note');
  const palette = new PalettePage(page);

  await notes.title.click();
  await page.keyboard.type('?');
  await expect(notes.title).toHaveValue('A note?');
  await expect(palette.help).toHaveCount(0);

  await notes.item('A note?').focus();
  await page.keyboard.press('?');
  await expect(palette.help).toBeVisible();
  await expect(palette.help).toContainText('Open the command palette');
  await expect(palette.help).toContainText('Ctrl+K');
  await page.keyboard.press('Escape');
  await expect(palette.help).toHaveCount(0);
  await expect(notes.item('A note?')).toBeFocused();

  await palette.open();
  await palette.type('shortcuts');
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toHaveCount(0);
  await expect(palette.help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(palette.help).toHaveCount(0);
  await expect(notes.item('A note?')).toBeFocused();
});

test('j/k and arrows move through the notes list; Enter opens the focused note', async ({ page, notes }) => {
  await notes.createNote('First');
  await notes.expectSaved();
  await notes.createNote('Second');
  await notes.expectSaved();
  await notes.createNote('Third');
  await notes.expectSaved();
  // Newest first: Third, Second, First.
  await notes.item('Third').focus();
  await page.keyboard.press('j');
  await expect(notes.item('Second')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(notes.item('First')).toBeFocused();
  await expect(notes.title).toHaveValue('Third');
  await page.keyboard.press('k');
  await expect(notes.item('Second')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notes.title).toHaveValue('Second');
});

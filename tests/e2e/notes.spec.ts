import { getNote, listNotes } from '../../db/repositories/notes';
import { expect, test } from './fixtures';

test('a note keeps its text and formatting across a reload', async ({ notes, app, page }) => {
  await notes.createNote('Venezuela strikes');
  await notes.typeInEditor('# Key facts\n');
  await page.keyboard.type('The ');
  await notes.toolbarButton('B Bold (Ctrl+B)').click();
  await page.keyboard.type('first');
  await notes.toolbarButton('B Bold (Ctrl+B)').click();
  await page.keyboard.type(' strike, ');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('per officials');
  await page.keyboard.press('Control+i');
  await page.keyboard.type('.\n- Rubio statement\nMaduro response\n\n> Quoted line\n');
  await notes.expectSaved();

  await notes.reload();
  await notes.select('Venezuela strikes');
  await expect(notes.editor.locator('h1')).toHaveText('Key facts');
  await expect(notes.editor.locator('strong, b, .ed-bold').first()).toHaveText('first');
  await expect(notes.editor.locator('em, i, .ed-italic').first()).toHaveText('per officials');
  await expect(notes.editor.locator('ul > li')).toHaveText(['Rubio statement', 'Maduro response']);
  await expect(notes.editor.locator('blockquote')).toHaveText('Quoted line');

  // The same file, read directly: what the UI said was saved is in SQLite.
  const [summary] = listNotes(app.core.ctx.db);
  const stored = getNote(app.core.ctx.db, summary!.id)!;
  expect(stored.title).toBe('Venezuela strikes');
  expect(stored.contentText).toBe('Key facts\n\nThe first strike, per officials.\n\nRubio statement\nMaduro response\n\nQuoted line');
});

test('the list is sorted by last edit, and rename and delete work', async ({ notes, page }) => {
  await notes.createNote('Older');
  await notes.typeInEditor('first');
  await notes.expectSaved();
  await notes.createNote('Newer');
  await notes.typeInEditor('second');
  await notes.expectSaved();
  await expect(notes.items().locator('.item-title')).toHaveText(['Newer', 'Older']);

  await notes.select('Older');
  await notes.typeInEditor(' edited');
  await notes.expectSaved();
  await expect(notes.items().locator('.item-title')).toHaveText(['Older', 'Newer']);

  await notes.title.fill('Older, renamed');
  await notes.expectSaved();
  await expect(notes.items().first()).toContainText('Older, renamed');

  await page.getByRole('button', { name: 'Delete note' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Older, renamed');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(notes.items()).toHaveCount(2);
  await page.getByRole('button', { name: 'Delete note' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete note' }).click();
  await expect(notes.items()).toHaveCount(1);
  await notes.reload();
  await expect(notes.items().locator('.item-title')).toHaveText(['Newer']);
});

test('switching notes within 100 ms of typing never puts text in the wrong note', async ({ notes, app, page }) => {
  await notes.createNote('Alpha');
  await notes.createNote('Beta');
  const expected: Record<string, string> = { Alpha: '', Beta: '' };
  for (let round = 0; round < 20; round++) {
    const target = round % 2 === 0 ? 'Alpha' : 'Beta';
    const other = target === 'Alpha' ? 'Beta' : 'Alpha';
    await notes.select(target);
    const word = `${target.toLowerCase()}${round} `;
    await notes.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(word);
    expected[target] += word;
    // Within the 300 ms debounce: the save is still pending when the switch happens.
    await page.waitForTimeout(50);
    await notes.item(other).click();
  }
  await notes.expectSaved();

  const byTitle = Object.fromEntries(
    listNotes(app.core.ctx.db).map((n) => [n.title, getNote(app.core.ctx.db, n.id)!.contentText]),
  );
  expect(byTitle.Alpha).toBe(expected.Alpha!.trim());
  expect(byTitle.Beta).toBe(expected.Beta!.trim());
  await notes.reload();
  await notes.select('Alpha');
  await expect(notes.editor).toHaveText(expected.Alpha!.trim());
});

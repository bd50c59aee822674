import { insertArticle } from '../helpers/articles';
import { expect, test } from './fixtures';
import { PalettePage } from './pages/PalettePage';

test('typing fast then Enter opens the result for the text shown, not an earlier prefix’s (slow search answers held back)', async ({ page, notes }) => {
  await notes.createNote('Budget');
  await notes.expectSaved();
  await notes.createNote('Budget cuts memo');
  await notes.expectSaved();

  // The answer for the full text comes late, as on a busy machine: the earlier prefix's results are on screen when Enter is pressed.
  await page.route('**/api/search.query', async (route) => {
    const { query } = route.request().postDataJSON() as { query: string };
    if (query.startsWith('budget cuts')) await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  const palette = new PalettePage(page);
  await palette.open();
  await palette.type('budget');
  await expect(palette.options().filter({ hasText: 'Budget' })).toHaveCount(2);
  await palette.input.pressSequentially(' cuts');
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toHaveCount(0);
  await expect(notes.title).toHaveValue('Budget cuts memo');
});

test('a note whose title matches ranks above articles whose body matches', async ({ page, app, notes }) => {
  for (let i = 0; i < 3; i++) insertArticle(app.core.ctx.db, { title: `Port report ${i + 1}`, blocks: [{ kind: 'p', text: 'Dredging, dredging and more dredging in the harbour.' }] });
  await notes.createNote('Dredging');
  await notes.typeInEditor('To do.');
  await notes.expectSaved();
  const palette = new PalettePage(page);
  await palette.open();
  await palette.type('dredging ');
  await expect(palette.options().filter({ hasText: 'Port report' })).toHaveCount(3);
  await expect(palette.options().and(page.locator('[data-kind="note"], [data-kind="article"]')).first()).toContainText('Dredging');
  await expect(palette.options().and(page.locator('[data-kind="note"], [data-kind="article"]')).first()).toHaveAttribute('data-kind', 'note');
});

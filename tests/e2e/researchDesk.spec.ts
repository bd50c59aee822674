import { findPassage } from '../../electron/core/services/passages';
import { quoteIntoNote } from '../../electron/core/services/noteQuotes';
import { insertArticle } from '../helpers/articles';
import { expect, test, type Page } from './fixtures';
import { DeskPage } from './pages/DeskPage';
import { NotesPage } from './pages/NotesPage';
import { PalettePage } from './pages/PalettePage';
import { QuoteInNote } from './pages/QuoteInNote';

const HARBOUR = [
  { kind: 'p' as const, text: 'The harbour authority approved the dredging plan on Monday. Critics said the study was rushed.' },
  { kind: 'p' as const, text: 'A second hearing is scheduled for March.' },
];
const FISHERMEN = [
  { kind: 'p' as const, text: 'Fishermen reported lower catches after the work began. The ministry declined to comment.' },
];
const FIRST = 'First sentence of mine. ';
const SECOND = 'Second sentence of mine.';

/** Note A, with two typed sentences and the cursor between them. */
async function noteWithCursorBetweenSentences(notes: NotesPage, page: Page): Promise<void> {
  await notes.createNote('Note A');
  await notes.typeInEditor(FIRST + SECOND);
  for (let i = 0; i < SECOND.length; i++) await page.keyboard.press('ArrowLeft');
  await notes.expectSaved();
}

async function expectBothQuotesAtTheCursor(desk: DeskPage, page: Page): Promise<void> {
  await expect.poll(() => desk.paragraphTexts()).toEqual([`${FIRST}Critics said the study was rushed.Fishermen reported lower catches after the work began.${SECOND}`]);
  const first = new QuoteInNote(page, 0, { inline: true });
  const second = new QuoteInNote(page, 1, { inline: true });
  await expect(first.text).toHaveText('Critics said the study was rushed.');
  await expect(second.text).toHaveText('Fishermen reported lower catches after the work began.');
  // Linked: each carries its passage, verbatim, with a short chip naming its source.
  await expect(first.root).toHaveAttribute('data-status', 'ok');
  await expect(second.root).toHaveAttribute('data-status', 'ok');
  await expect(first.chip).toContainText('The Ledger');
  await expect(second.chip).toContainText('Coast Weekly');
}

test.describe('the research desk', () => {
  test('with note A on the desk, quotes from two articles land inline exactly at its cursor, in order, and persist', async ({ page, app, notes }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    const two = insertArticle(app.core.ctx.db, { title: 'Catches fall', siteName: 'Coast Weekly', blocks: FISHERMEN });
    await noteWithCursorBetweenSentences(notes, page);

    const desk = new DeskPage(page, app.harness.url);
    await desk.openArticle(one.articleId);
    await expect(desk.picker.locator('option:checked')).toHaveText('Note A');
    await desk.reader.select('Critics said the study was rushed.');
    await desk.reader.menuItem('Quote inline into “Note A”').click();
    await expect(new QuoteInNote(page, 0, { inline: true }).text).toHaveText('Critics said the study was rushed.');

    await desk.openArticle(two.articleId);
    await desk.reader.select('Fishermen reported lower catches after the work began.');
    await desk.reader.menuItem('Quote inline into “Note A”').click();
    await expectBothQuotesAtTheCursor(desk, page);
    // The reader marks what was quoted.
    await expect(desk.reader.passageItem('Fishermen reported')).toBeVisible();
    // The inline chip is short (outlet, short title); the full citation shows on keyboard focus and on hover.
    const chip = new QuoteInNote(page, 0, { inline: true }).chip;
    const full = chip.locator('.quote-chip-citation');
    await expect(chip.locator('.quote-chip-source')).toHaveText('The Ledger, Harbour dredging approved');
    await expect(full).toBeHidden();
    await chip.focus();
    await expect(full).toBeVisible();
    await expect(full).toContainText('“Harbour dredging approved,” The Ledger, 20 Nov 2025.');
    await expect(chip).toHaveAccessibleDescription(/“Harbour dredging approved,” The Ledger/);
    await desk.reader.body.focus();
    await expect(full).toBeHidden();
    await new QuoteInNote(page, 1, { inline: true }).chip.hover();
    await expect(new QuoteInNote(page, 1, { inline: true }).chip.locator('.quote-chip-citation')).toBeVisible();

    await desk.page.getByTestId('save-status').and(page.locator('[data-status="saved"]')).waitFor();
    await page.reload();
    await expect(desk.reader.body).not.toBeEmpty();
    await expectBothQuotesAtTheCursor(desk, page);
  });

  test('the same flow with the keyboard only: palette to open, F6 to the reader, ] to select a sentence, Shift+Q to quote inline', async ({ page, app, notes }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    insertArticle(app.core.ctx.db, { title: 'Catches fall', siteName: 'Coast Weekly', blocks: FISHERMEN });
    await noteWithCursorBetweenSentences(notes, page);
    const desk = new DeskPage(page, app.harness.url);
    const palette = new PalettePage(page);

    await palette.open();
    await palette.type('Harbour dredging');
    await expect(palette.active()).toContainText('Harbour dredging approved');
    await page.keyboard.press('Enter');
    await expect(desk.reader.root).toHaveAttribute('data-article-id', String(one.articleId));
    await expect(desk.reader.body).not.toBeEmpty();
    await page.keyboard.press('F6');
    await expect(desk.reader.body).toBeFocused();
    await page.keyboard.press(']');
    await page.keyboard.press(']');
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('Critics said the study was rushed.');
    await page.keyboard.press('Shift+Q');
    await expect(new QuoteInNote(page, 0, { inline: true }).text).toHaveText('Critics said the study was rushed.');

    await palette.open();
    await palette.type('Catches fall');
    await expect(palette.active()).toContainText('Catches fall');
    await page.keyboard.press('Enter');
    await expect(desk.reader.body).toContainText('Fishermen');
    await page.keyboard.press('F6');
    await expect(desk.reader.body).toBeFocused();
    await page.keyboard.press(']');
    await page.keyboard.press('Shift+Q');
    await expectBothQuotesAtTheCursor(desk, page);

    // F6 goes back to the note at the cursor, right after the second quote: typing continues the sentence there.
    await page.keyboard.press('F6');
    await expect(desk.editor).toBeFocused();
    await page.keyboard.type('Then ');
    await expect.poll(() => desk.paragraphTexts()).toEqual([`${FIRST}Critics said the study was rushed.Fishermen reported lower catches after the work began.Then ${SECOND}`]);

    await notes.expectSaved();
    await page.reload();
    await expect(desk.reader.body).not.toBeEmpty();
    await expect.poll(() => desk.paragraphTexts()).toEqual([`${FIRST}Critics said the study was rushed.Fishermen reported lower catches after the work began.Then ${SECOND}`]);
  });

  test('a block quote goes after the paragraph holding the cursor, and the next one after it; h highlights, c comments below a quote', async ({ page, app, notes }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    await notes.createNote('Note B');
    await notes.typeInEditor('Opening paragraph.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Closing paragraph.');
    await page.keyboard.press('ArrowUp');
    await notes.expectSaved();
    const desk = new DeskPage(page, app.harness.url);
    await desk.openArticle(one.articleId);

    await desk.reader.select('The harbour authority approved the dredging plan on Monday.');
    await desk.reader.menuItem('Quote into “Note B”').click();
    await expect(new QuoteInNote(page, 0).text).toHaveText('The harbour authority approved the dredging plan on Monday.');
    await desk.reader.body.focus();
    await desk.reader.select('A second hearing is scheduled for March.');
    await page.keyboard.press('q');
    await expect(new QuoteInNote(page, 1).text).toHaveText('A second hearing is scheduled for March.');
    await expect
      .poll(() => desk.paragraphTexts())
      .toEqual(['Opening paragraph.', 'The harbour authority approved the dredging plan on Monday.', 'A second hearing is scheduled for March.', '', 'Closing paragraph.']);

    await desk.reader.select('Critics said the study was rushed.');
    await page.keyboard.press('h');
    await expect(desk.reader.passageItem('Critics said')).toBeVisible();
    await desk.reader.select('Critics said the study was rushed.');
    await page.keyboard.press('c');
    await expect(new QuoteInNote(page, 2).text).toHaveText('Critics said the study was rushed.');
    await expect(desk.editor).toBeFocused();
    await page.keyboard.type('Who are the critics?');
    await expect
      .poll(() => desk.paragraphTexts())
      .toEqual(['Opening paragraph.', 'The harbour authority approved the dredging plan on Monday.', 'A second hearing is scheduled for March.', 'Critics said the study was rushed.', 'Who are the critics?', 'Closing paragraph.']);

    // The highlight takes a label and a comment in the passage panel, is filtered by its label there, and found by label: in search.
    const item = desk.reader.passageItem('Critics said');
    await item.getByTestId('highlight-note-edit').click();
    await item.getByTestId('highlight-label-select').selectOption('verify');
    await item.getByTestId('highlight-comment-input').fill('Which critics? Get names.');
    await item.getByTestId('highlight-note-save').click();
    await expect(item.getByTestId('highlight-label')).toHaveText('verify');
    await expect(item.getByTestId('highlight-comment')).toHaveText('Which critics? Get names.');
    await expect(desk.reader.panel.locator('.passage-item')).toHaveCount(3);
    await desk.reader.panel.getByTestId('passage-filter').selectOption({ label: 'Label: verify' });
    await expect(desk.reader.panel.locator('.passage-item')).toHaveText([/Critics said the study was rushed/]);
    await page.getByTestId('search-input').fill('label:verify');
    await expect(page.getByTestId('search-group-quote').getByRole('option')).toHaveText([/Harbour dredging approved\s*verify.*Which critics\? Get names\./s]);
  });

  test('a new paragraph can be started above a note’s first quote and below its last, by keyboard and by mouse, without altering them', async ({ page, app }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    const passage = findPassage(app.core.ctx, one.articleId, 'Critics said the study was rushed.');
    const { noteId } = quoteIntoNote(app.core.ctx, { passageId: passage.id, kind: 'block' });
    const notes = new NotesPage(page, app.harness.url);
    const url = new URL(app.harness.url);
    url.hash = `/notes/${noteId}?&token=${new URLSearchParams(url.hash.slice(1)).get('token')}`;
    await page.goto(url.toString());
    const quote = new QuoteInNote(page, 0);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');
    const blocks = (): Promise<string[]> =>
      notes.editor.evaluate((root) => [...root.children].map((b) => `${b.tagName}:${(b.querySelector('blockquote') ?? b).textContent}`));

    // Keyboard: Ctrl+Home lands at the quote's start; ↑ there opens a paragraph above it.
    await notes.editor.click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.type('Above.');
    // Keyboard: Ctrl+End, ↓ at the quote's end opens one below.
    await quote.text.click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('Below.');
    await expect.poll(blocks).toEqual(['P:Above.', 'FIGURE:Critics said the study was rushed.', 'P:Below.']);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');

    // Mouse: the "+" above the quote.
    await quote.root.hover();
    await quote.root.getByRole('button', { name: 'New paragraph above this quote' }).click();
    await page.keyboard.type('Between.');
    await expect.poll(blocks).toEqual(['P:Above.', 'P:Between.', 'FIGURE:Critics said the study was rushed.', 'P:Below.']);
    // Enter at the very start of the quote also opens a paragraph above it instead of splitting it.
    await quote.text.click();
    await page.keyboard.press('Home');
    // The click and Home must have landed (caret at the quote's first character) before Enter is pressed.
    await expect
      .poll(() => page.evaluate(() => { const s = window.getSelection(); return Boolean(s?.anchorNode?.parentElement?.closest('blockquote')) && s?.anchorOffset === 0; }))
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Just above.');
    await expect.poll(blocks).toEqual(['P:Above.', 'P:Between.', 'P:Just above.', 'FIGURE:Critics said the study was rushed.', 'P:Below.']);
    await expect(quote.root).toHaveAttribute('data-status', 'ok');
  });

  test('the reader never keeps a stale note: after switching notes, the same article opened from elsewhere quotes into the note now current', async ({ page, app }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    const passage = findPassage(app.core.ctx, one.articleId, 'Critics said the study was rushed.');
    const { noteId } = quoteIntoNote(app.core.ctx, { passageId: passage.id, kind: 'block' });
    app.core.ctx.db.prepare('UPDATE notes SET title = ? WHERE id = ?').run('Note A', noteId);
    const notes = new NotesPage(page, app.harness.url);
    const url = new URL(app.harness.url);
    url.hash = `/notes/${noteId}?&token=${new URLSearchParams(url.hash.slice(1)).get('token')}`;
    await page.goto(url.toString());
    await new QuoteInNote(page, 0).chip.click();
    const desk = new DeskPage(page, app.harness.url);
    await expect(desk.reader.body).not.toBeEmpty();
    await expect(desk.picker.locator('option:checked')).toHaveText('Note A');

    await page.getByTestId('nav-notes').click();
    await notes.createNote('Note B');
    await notes.expectSaved();
    await desk.openArticle(one.articleId);
    await expect(desk.picker.locator('option:checked')).toHaveText('Note B');
    await desk.reader.select('A second hearing is scheduled for March.');
    await expect(desk.reader.menuItem('Quote into “Note B”')).toBeVisible();
    await expect(desk.reader.menuItem(/Note A/)).toHaveCount(0);
  });

  test('the separator resizes the desk with the keyboard, and the note side can be closed (quotes then go to a new note)', async ({ page, app, notes }) => {
    const one = insertArticle(app.core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: HARBOUR });
    await notes.createNote('Note C');
    await notes.expectSaved();
    const desk = new DeskPage(page, app.harness.url);
    await desk.openArticle(one.articleId);
    await expect(desk.separator).toHaveAttribute('aria-valuenow', '45');
    const before = (await desk.note.boundingBox())!.width;
    await desk.separator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(desk.separator).toHaveAttribute('aria-valuenow', '55');
    expect((await desk.note.boundingBox())!.width).toBeGreaterThan(before);

    await desk.picker.selectOption({ label: 'No note (close this side)' });
    await expect(desk.note).toHaveCount(0);
    await desk.reader.select('A second hearing is scheduled for March.');
    await desk.reader.menuItem('Quote into new note').click();
    await expect(desk.note).toBeVisible();
    await expect(new QuoteInNote(page, 0).text).toHaveText('A second hearing is scheduled for March.');
  });
});

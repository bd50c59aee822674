import { findPassage } from '../../electron/core/services/passages';
import { quoteIntoNote } from '../../electron/core/services/noteQuotes';
import { insertArticle } from '../helpers/articles';
import { expect, test } from './fixtures';
import { NotesPage } from './pages/NotesPage';
import { QuoteInNote } from './pages/QuoteInNote';
import { ReaderPage } from './pages/ReaderPage';

const BLOCKS = [
  { kind: 'p' as const, text: 'The procurement office flagged the award as irregular in an internal memo dated July 2.' },
  { kind: 'p' as const, text: 'The mayor called it “a textbook emergency purchase” and promised an independent review.' },
];

test('from a note’s chip (the desk), quote more of the article into that same note, as a block and inline; copy with citation', async ({ page, app }) => {
  const { articleId } = insertArticle(app.core.ctx.db, { title: 'City awarded water contract', siteName: 'The Ledger', url: 'https://ledger.example/water', byline: 'Dana Ruiz', blocks: BLOCKS });
  const first = findPassage(app.core.ctx, articleId, 'flagged the award as irregular');
  const { noteId } = quoteIntoNote(app.core.ctx, { passageId: first.id, kind: 'block' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.harness.url).origin });

  const notes = new NotesPage(page, app.harness.url);
  const url = new URL(app.harness.url);
  url.hash = `/notes/${noteId}?&token=${new URLSearchParams(url.hash.slice(1)).get('token')}`;
  await page.goto(url.toString());
  await expect(notes.title).toHaveValue('City awarded water contract');
  await new QuoteInNote(page, 0).chip.click();

  const reader = new ReaderPage(page);
  await expect(reader.body).toContainText('textbook emergency purchase');
  await reader.select('a textbook emergency purchase');
  await reader.menuItem('Copy with citation').click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe('“a textbook emergency purchase”\n— Dana Ruiz, “City awarded water contract,” The Ledger, 20 Nov 2025. https://ledger.example/water#:~:text=a%20textbook%20emergency%20purchase (accessed 1 Jan 2026).');

  await reader.select('a textbook emergency purchase');
  await reader.menuItem('Quote into “City awarded water contract”').click();
  await expect(new QuoteInNote(page, 1).text).toHaveText('a textbook emergency purchase');
  await expect(new QuoteInNote(page, 0).text).toHaveText('flagged the award as irregular');
  // Into the note on the desk, beside the reader: no navigation, no new note.
  await expect(page.getByTestId('desk-note-picker').locator('option:checked')).toHaveText('City awarded water contract');

  await new QuoteInNote(page, 1).chip.click();
  await expect(reader.body).toContainText('an independent review');
  await reader.select('an independent review');
  await reader.menuItem('Quote inline into “City awarded water contract”').click();
  const inline = new QuoteInNote(page, 0, { inline: true });
  await expect(inline.text).toHaveText('an independent review');
  await expect(inline.root).toHaveAttribute('data-status', 'ok');
  await expect(new QuoteInNote(page, 1).text).toHaveText('a textbook emergency purchase');
  expect(app.core.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
});

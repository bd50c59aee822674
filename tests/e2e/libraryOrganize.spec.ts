import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import * as notes from '../../electron/core/services/notes';
import { editorJson } from '../helpers/core';
import { expect, test, type Page } from './fixtures';
import { LibraryListPage } from './pages/LibraryListPage';
import { SearchPage } from './pages/SearchPage';

const filler = (n: number): string =>
  Array.from({ length: n }, (_, i) => `Paragraph ${i + 1} of the harbour report describes berths, cranes and tides in ordinary detail.`).join('\n\n');

const mod = (page: Page): Promise<string> => page.evaluate(() => (/Mac/.test(navigator.platform) ? 'Meta' : 'Control'));

test('create a project, multi-select and bulk tag, search with tag: and project: filters, open a result scrolled to its match', async ({ page, app }) => {
  importPlainTextArticles(app.core.ctx, [
    { title: 'Customs memo', siteName: 'Coast Post', text: 'Customs officers and cargo manifests.' },
    { title: 'Ferry timetable', siteName: 'Island News', text: 'Ferries leave at dawn.' },
    // The match sits far below the first screen, so opening the result must scroll to it.
    { title: 'Harbour dredging audit', siteName: 'The Ledger', text: `${filler(80)}\n\nThe dredging contract was signed by Marlow Holdings in March.\n\n${filler(10)}` },
  ]);
  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await expect(library.count).toHaveText('3');

  await library.createProject('Port story');
  await expect(page.getByTestId('library-empty')).toBeVisible();
  await library.view('all');

  // Click, then Ctrl/Cmd-click: two rows selected.
  await library.row('Harbour dredging audit').click();
  await library.row('Customs memo').click({ modifiers: [(await mod(page)) as 'Control' | 'Meta'] });
  await expect(page.getByTestId('selection-count')).toHaveText('2 articles selected');
  await library.bulkTag('shipping');
  await expect(library.notice).toHaveText(/Tagged 2 articles #shipping/);
  await expect(library.tag('shipping')).toContainText('2');

  // Shift-click selects the range: all three rows.
  await library.row('Harbour dredging audit').click();
  await library.row('Customs memo').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selection-count')).toHaveText('3 articles selected');
  await library.bulkAddToProject('Port story');
  await expect(library.notice).toHaveText(/Added 3 articles to Port story/);
  await library.project('Port story').click();
  await expect(library.count).toHaveText('3');
  await library.tag('shipping').click();
  await expect(library.list.getByRole('option')).toHaveCount(2);
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM article_tags`).get()).toEqual({ n: 2 });
  // Removing one article from the project leaves it in the library.
  await library.project('Port story').click();
  await library.row('Ferry timetable').click();
  await library.bulk.getByTestId('bulk-leave-scope').click();
  await expect(library.notice).toHaveText(/Removed 1 article from the project/);
  await expect(library.count).toHaveText('2');
  await library.tag('shipping').click();

  const search = new SearchPage(page, app.harness.url);
  await search.search('marlow tag:shipping');
  await search.expectCount('article', 1);
  await search.search('marlow project:"port story" -tag:nothing');
  await search.expectCount('article', 1);
  await search.search('ferries tag:shipping');
  await expect(search.results).toContainText('No matches');
  await search.search('marlow project:"port story"');
  await search.hit('Harbour dredging audit').click();

  await expect(page.getByTestId('reader')).toBeVisible();
  await expect.poll(() => search.firstMatchPosition('.reader-scroll')).toBe('Marlow in view scrolled');
});

test('the list sorts by clip date, published date, title and outlet, both ways, and filters', async ({ page, app }) => {
  importPlainTextArticles(app.core.ctx, [
    { title: 'Bravo harbour audit', siteName: 'The Ledger', publishedAt: '2024-05-01', text: 'One.' },
    { title: 'alpha customs memo', siteName: 'Coast Post', publishedAt: '2023-01-10', text: 'Two.' },
    { title: 'Charlie pilots strike', siteName: null, publishedAt: '2025-02-02', text: 'Three.' },
  ]);
  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await expect.poll(() => library.titles()).toEqual(['Charlie pilots strike', 'alpha customs memo', 'Bravo harbour audit']);
  await library.sortBy('Title');
  await expect.poll(() => library.titles()).toEqual(['alpha customs memo', 'Bravo harbour audit', 'Charlie pilots strike']);
  await page.getByTestId('library-sort-direction').click();
  await expect.poll(() => library.titles()).toEqual(['Charlie pilots strike', 'Bravo harbour audit', 'alpha customs memo']);
  await library.sortBy('Published');
  await expect.poll(() => library.titles()).toEqual(['Charlie pilots strike', 'Bravo harbour audit', 'alpha customs memo']);
  await page.getByTestId('library-sort-direction').click();
  await expect.poll(() => library.titles()).toEqual(['alpha customs memo', 'Bravo harbour audit', 'Charlie pilots strike']);
  await library.sortBy('Outlet');
  // No outlet sorts last.
  await expect.poll(() => library.titles()).toEqual(['alpha customs memo', 'Bravo harbour audit', 'Charlie pilots strike']);
  // Keyboard: End goes to the last row (shown in the detail pane), k moves up, Enter opens the reader.
  await library.list.focus();
  await page.keyboard.press('End');
  await expect(page.getByTestId('article-title')).toHaveText('Charlie pilots strike');
  await page.keyboard.press('k');
  await expect(page.getByTestId('article-title')).toHaveText('Bravo harbour audit');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('reader')).toBeVisible();
  await expect(page.getByTestId('reader')).toContainText('Bravo harbour audit');
  // Back in the library, the same sort is kept and the cursor is on the article just read.
  await page.getByTestId('nav-library').click();
  await expect(page.getByTestId('library-sort')).toHaveValue('outlet');
  await expect(library.row('Bravo harbour audit')).toHaveClass(/is-active/);

  await page.getByTestId('library-filter').fill('ledger');
  await expect.poll(() => library.titles()).toEqual(['Bravo harbour audit']);
});

test('keyboard selection, bulk archive, then bulk delete that says which quotes it affects', async ({ page, app }) => {
  const [first] = importPlainTextArticles(app.core.ctx, [
    { title: 'Quoted report', text: 'The minister denied every allegation in the report.' },
    { title: 'Kept article', text: 'Nothing to see.' },
    { title: 'Unquoted brief', text: 'A short brief.' },
  ]).results.map((r) => r.articleId);
  const note = notes.createNote(app.core.ctx, 'Draft');
  const article = await dispatch(app.core.handlers, 'articles.get', { id: first });
  const versionId = (article as { value: { latestVersionId: number } }).value.latestVersionId;
  const passage = await dispatch(app.core.handlers, 'passages.create', { versionId, start: 4, end: 12 });
  const passageId = (passage as { value: { id: number } }).value.id;
  for (let i = 0; i < 2; i++) expect((await dispatch(app.core.handlers, 'passages.quoteIntoNote', { passageId, noteId: note.id })).ok).toBe(true);

  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  // Deleting one article from its detail pane states the same impact.
  await library.row('Quoted report').click();
  await page.getByTestId('article-view').locator('summary').click();
  await page.getByTestId('delete-article').click();
  await expect(page.getByRole('dialog').getByTestId('delete-article-impact')).toHaveText('It moves to the Trash, where you can restore it. 2 quotes in 1 note will say “source in trash” until then.');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await library.row('Unquoted brief').click();
  // Newest first: Unquoted brief, Kept article, Quoted report. x selects, j moves, x selects.
  await library.list.focus();
  await page.keyboard.press('x');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  await expect(page.getByTestId('selection-count')).toHaveText('2 articles selected');
  await expect(library.row('Kept article')).toHaveAttribute('aria-selected', 'false');
  await library.bulk.getByTestId('bulk-archive').click();
  await expect(library.notice).toHaveText(/Archived 2 articles/);
  await expect(library.list.getByRole('option')).toHaveText([/Kept article/]);
  await expect(page.getByTestId('library-view-archived')).toContainText('2');

  await library.view('archived');
  await expect(library.list.getByRole('option')).toHaveCount(2);
  await library.list.focus();
  await page.keyboard.press(`${await mod(page)}+a`);
  await expect(page.getByTestId('selection-count')).toHaveText('2 articles selected');
  await page.keyboard.press('Delete');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete 2 articles?');
  await expect(dialog.getByTestId('delete-article-impact')).toHaveText('They move to the Trash, where you can restore them. 2 quotes in 1 note will say “source in trash” until then.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM articles`).get()).toEqual({ n: 3 });

  await library.bulk.getByTestId('bulk-delete').click();
  await dialog.getByRole('button', { name: 'Delete 2 articles' }).click();
  await expect(library.notice).toHaveText(/Moved 2 articles to the Trash/);
  await expect(page.getByTestId('library-empty')).toBeVisible();
  expect(app.core.ctx.db.prepare(`SELECT title FROM articles WHERE trashed_at IS NULL`).all()).toEqual([{ title: 'Kept article' }]);
  // The quotes are still in the note.
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM note_quotes WHERE note_id = ?`).get(note.id)).toEqual({ n: 2 });
});

test('opening a note from search scrolls the editor to the match', async ({ page, app }) => {
  notes.createNote(app.core.ctx, 'Other note');
  const long = notes.createNote(app.core.ctx, 'Harbour notes');
  const paragraphs = Array.from({ length: 70 }, (_, i) => `Line ${i + 1}: berths, cranes and tides.`);
  paragraphs.splice(60, 0, 'Call Marlow Holdings about the dredging contract.');
  notes.saveNoteContent(app.core.ctx, long.id, editorJson(...paragraphs));
  const search = new SearchPage(page, app.harness.url);
  await search.open();
  await search.search('marlow');
  await search.hit('Harbour notes').click();
  await expect(page.getByTestId('note-detail')).toHaveAttribute('data-note-id', String(long.id));
  await expect.poll(() => search.firstMatchPosition('.editor-scroll')).toBe('Marlow in view scrolled');
});

test('a project view shows its articles, notes and quotes; a quote opens its passage', async ({ page, app }) => {
  const [articleId] = importPlainTextArticles(app.core.ctx, [
    { title: 'Port authority minutes', text: 'The board approved the dredging budget without a vote.' },
    { title: 'Unrelated piece', text: 'Weather.' },
  ]).results.map((r) => r.articleId);
  const created = await dispatch(app.core.handlers, 'projects.create', { name: 'Harbour' });
  const projectId = (created as { value: { id: number } }).value.id;
  const note = notes.createNote(app.core.ctx, 'Harbour draft');
  expect((await dispatch(app.core.handlers, 'projects.addItems', { projectId, items: [{ type: 'article', id: articleId! }, { type: 'note', id: note.id }] })).ok).toBe(true);
  const article = await dispatch(app.core.handlers, 'articles.get', { id: articleId });
  const versionId = (article as { value: { latestVersionId: number } }).value.latestVersionId;
  const passage = await dispatch(app.core.handlers, 'passages.create', { versionId, start: 10, end: 39 });
  const passageId = (passage as { value: { id: number } }).value.id;
  expect((await dispatch(app.core.handlers, 'passages.quoteIntoNote', { passageId, noteId: note.id })).ok).toBe(true);

  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await library.project('Harbour').click();
  await expect(page.getByTestId('library-title')).toHaveText('Harbour');
  await expect(library.list.getByRole('option')).toHaveText([/Port authority minutes/]);

  await page.getByTestId('scope-tab-notes').click();
  await expect(page.getByTestId('scope-notes').getByRole('option')).toHaveText([/Harbour draft/]);
  await page.getByTestId('scope-tab-quotes').click();
  const quote = page.getByTestId('project-quotes').getByRole('option');
  await expect(quote).toHaveText([/“approved the dredging budget”.*Port authority minutes · quoted in 1 note/]);
  await quote.click();
  await expect(page).toHaveURL(new RegExp(`#/articles/${articleId}\\?&passage=${passageId}`));
  await expect(page.getByTestId('reader')).toBeVisible();

  await page.getByTestId('nav-library').click();
  await page.getByTestId('scope-tab-notes').click();
  await page.getByTestId('project-new-note').click();
  await expect(page.getByTestId('note-detail')).toBeVisible();
  await expect.poll(() => app.core.ctx.db.prepare(`SELECT count(*) AS n FROM project_notes WHERE project_id = ?`).get(projectId)).toEqual({ n: 2 });
});

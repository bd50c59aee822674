import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import { expect, test } from './fixtures';
import { ItemOrganizerPage } from './pages/ItemOrganizerPage';
import { LibraryListPage } from './pages/LibraryListPage';
import { ReaderPage } from './pages/ReaderPage';
import { SearchPage } from './pages/SearchPage';

test('tag a note and add it to a new project from the note view; search and the project view find it; untagging removes it from search', async ({ page, app, notes }) => {
  await notes.createNote('Harbour leads');
  await notes.typeInEditor('Call the harbour master about the night shipments.');
  await notes.expectSaved();

  const organizer = new ItemOrganizerPage(page.getByTestId('note-detail').getByTestId('item-organizer'));
  await organizer.addTag('smuggling');
  await organizer.addTag('sources');
  await expect(organizer.tags()).toHaveText(['smuggling', 'sources']);
  // A project that does not exist yet: Enter makes nothing, the explicit Create “…” choice does.
  await organizer.projectInput.fill('Port story');
  await organizer.projectInput.press('Enter');
  await expect(organizer.root.getByTestId('organizer-status')).toHaveText('No project matches “Port story”. Choose Create “Port story” to make one.');
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM projects`).get()).toEqual({ n: 0 });
  await organizer.createProject('Port story');
  await expect(organizer.projects()).toHaveText(['Port story']);
  expect(app.core.ctx.db.prepare(`SELECT p.name FROM project_notes l JOIN projects p ON p.id = l.project_id`).all()).toEqual([{ name: 'Port story' }]);

  // The sidebar's counts follow without a reload.
  const library = new LibraryListPage(page, app.harness.url);
  await expect(library.tag('smuggling')).toBeVisible();
  await expect(library.project('Port story')).toBeVisible();

  const search = new SearchPage(page, app.harness.url);
  await search.search('tag:smuggling');
  await search.expectCount('note', 1);
  await expect(search.hit('Harbour leads')).toBeVisible();
  await search.search('shipments project:"port story"');
  await search.expectCount('note', 1);

  // The tag survives a reload, and Backspace in the empty box removes the last chip.
  await notes.reload();
  await notes.select('Harbour leads');
  await expect(organizer.tags()).toHaveText(['smuggling', 'sources']);
  await organizer.tagInput.focus();
  await organizer.tagInput.press('Backspace');
  await expect(organizer.tags()).toHaveText(['smuggling']);
  await organizer.removeTag('smuggling');
  await expect(organizer.tags()).toHaveCount(0);
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM note_tags`).get()).toEqual({ n: 0 });
  await search.search('tag:smuggling');
  await search.expectCount('note', 0);
  // A tag left on nothing leaves the sidebar.
  await expect(library.tag('smuggling')).toHaveCount(0);

  // The project view lists the note.
  await search.search('');
  await page.getByTestId('nav-library').click();
  await library.project('Port story').click();
  await page.getByTestId('scope-tab-notes').click();
  await expect(page.getByTestId('scope-notes').getByRole('option')).toHaveText([/Harbour leads/]);
});

test('tag a passage from the reader: tag:NAME type:quote finds it; the popover shows the same tags and removes one', async ({ page, app }) => {
  const [imported] = importPlainTextArticles(app.core.ctx, [
    { title: 'Customs memo', siteName: 'Coast Post', text: 'Customs officers checked the cargo manifests twice.\n\nThe night ferry carried undeclared crates of tobacco.' },
  ]).results;
  const articleId = imported!.articleId;
  const version = app.core.ctx.db.prepare(`SELECT id, content_text FROM article_versions WHERE article_id = ?`).get(articleId) as { id: number; content_text: string };
  const exact = 'undeclared crates of tobacco';
  const start = version.content_text.indexOf(exact);
  const highlighted = await dispatch(app.core.handlers, 'passages.highlight', { versionId: version.id, start, end: start + exact.length, color: 'yellow' });
  expect(highlighted.ok).toBe(true);

  const reader = new ReaderPage(page);
  await reader.open(app.harness.url, articleId);
  // The article itself can be tagged where it is read, too; its organizer is separate from the passage's.
  const forArticle = new ItemOrganizerPage(reader.root.locator(`[data-testid="item-organizer"][data-item="article:${articleId}"]`));
  await forArticle.addTag('customs');
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM article_tags`).get()).toEqual({ n: 1 });
  const item = reader.passageItem('undeclared crates');
  await item.getByTestId('passage-tags-toggle').click();
  const inPanel = new ItemOrganizerPage(item.getByTestId('item-organizer'));
  // Passages have tags, not projects (they are in a project through their article or note).
  await expect(inPanel.projectInput).toHaveCount(0);
  await inPanel.addTag('contraband');
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM passage_tags`).get()).toEqual({ n: 1 });

  // The popover over the highlight shows the same passage's tags.
  await reader.clickOn('crates of');
  const inPopover = new ItemOrganizerPage(reader.popover.getByTestId('item-organizer'));
  await expect(inPopover.tags()).toHaveText(['contraband']);

  const search = new SearchPage(page, app.harness.url);
  await search.search('tag:contraband type:quote');
  await search.expectCount('quote', 1);
  await expect(search.group('quote')).toContainText('undeclared crates of tobacco');

  // Removing it in the popover (the search results, which cover the reader, closed first) updates the panel too.
  await search.search('');
  await inPopover.removeTag('contraband');
  await expect(inPanel.tags()).toHaveCount(0);
  await search.search('tag:contraband type:quote');
  await search.expectCount('quote', 0);
});

test('tag an article and add it to an existing project from the article view; a bad name shows the error and changes nothing', async ({ page, app }) => {
  importPlainTextArticles(app.core.ctx, [{ title: 'Ferry timetable', siteName: 'Island News', text: 'Ferries leave at dawn.' }]);
  await dispatch(app.core.handlers, 'projects.create', { name: 'Island story' });
  const library = new LibraryListPage(page, app.harness.url);
  await library.open();
  await library.row('Ferry timetable').click();
  const organizer = new ItemOrganizerPage(page.getByTestId('article-view').getByTestId('item-organizer'));
  await organizer.addTag('ferries');
  await expect(library.tag('ferries')).toContainText('1');
  // An existing project is matched by name whatever the case.
  await organizer.addToProject('island STORY');
  await expect(organizer.projects()).toHaveText(['Island story']);
  await expect(library.project('Island story')).toContainText('1');
  expect(app.core.ctx.db.prepare(`SELECT count(*) AS n FROM projects`).get()).toEqual({ n: 1 });

  // The input stops at 100 characters; a pasted or scripted longer name still gets the core's clear refusal.
  await organizer.tagInput.evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
  await organizer.tagInput.fill('y'.repeat(101));
  await organizer.tagInput.press('Enter');
  await expect(page.getByTestId('error-toast')).toContainText('at most 100 characters');
  await expect(organizer.tags()).toHaveText(['ferries']);
  await expect(organizer.tagInput).toHaveValue('y'.repeat(101));
});

test('"Venez" + Enter adds the note to the highlighted existing project "Venezuela strikes"; nothing named "Venez" is created', async ({ app, notes }) => {
  await dispatch(app.core.handlers, 'projects.create', { name: 'Port story' });
  await dispatch(app.core.handlers, 'projects.create', { name: 'Venezuela strikes' });
  await notes.open();
  await notes.createNote('Strike notes');
  const organizer = new ItemOrganizerPage(notes.page.getByTestId('item-organizer').first());
  await organizer.projectInput.focus();
  await organizer.projectInput.fill('Venez');
  await expect(organizer.root.getByTestId('organizer-project-add')).toHaveText('Add to “Venezuela strikes”');
  await expect(organizer.root.getByTestId('organizer-project-create')).toHaveText('Create “Venez”');
  await organizer.projectInput.press('Enter');
  await expect(organizer.projects()).toHaveText(['Venezuela strikes']);
  await expect(organizer.projectInput).toHaveValue('');
  expect(app.core.ctx.db.prepare(`SELECT name FROM projects ORDER BY name`).all()).toEqual([{ name: 'Port story' }, { name: 'Venezuela strikes' }]);
});

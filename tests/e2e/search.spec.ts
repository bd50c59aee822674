import { dispatch } from '../../electron/core/dispatch';
import { importPlainTextArticles } from '../../electron/core/services/articleImport';
import * as notes from '../../electron/core/services/notes';
import { editorJson } from '../helpers/core';
import { expect, test } from './fixtures';
import { SearchPage } from './pages/SearchPage';

test('search as you type, with filters on a project and a tag, then open a note from the results', async ({ page, app }) => {
  const ctx = app.core.ctx;
  const [contract, budget] = importPlainTextArticles(ctx, [
    { title: 'Dredging contract awarded', byline: 'Ana Ruiz', siteName: 'Harbour Times', text: 'The port authority awarded the dredging contract to a shell company.' },
    { title: 'Council budget', text: 'The dredging budget was cut by the council.' },
  ]).results.map((r) => r.articleId);
  const memo = notes.createNote(ctx, 'Harbour memo').id;
  notes.saveNoteContent(ctx, memo, editorJson('Questions about the dredging contract.'));
  const other = notes.createNote(ctx, 'Budget lines').id;
  notes.saveNoteContent(ctx, other, editorJson('Dredging spend by year.'));

  const project = await dispatch(app.core.handlers, 'projects.create', { name: 'Port audit' });
  expect(project.ok).toBe(true);
  const projectId = (project as { value: { id: number } }).value.id;
  expect((await dispatch(app.core.handlers, 'projects.addItems', { projectId, items: [{ type: 'article', id: contract! }, { type: 'note', id: memo }] })).ok).toBe(true);
  expect((await dispatch(app.core.handlers, 'tags.add', { name: 'ports', items: [{ type: 'note', id: memo }, { type: 'article', id: budget! }] })).ok).toBe(true);

  const search = new SearchPage(page, app.harness.url);
  await search.open();

  await search.search('dredg');
  await search.expectCount('article', 2);
  await search.expectCount('note', 2);
  await expect(search.hit('Dredging contract awarded')).toContainText('Harbour Times · Ana Ruiz');

  await search.search('dredging project:"port audit"');
  await search.expectCount('article', 1);
  await search.expectCount('note', 1);
  await expect(search.hit('Dredging contract awarded').locator('mark').first()).toHaveText(/dredging/i);

  await search.search('dredging tag:ports type:note');
  await search.expectCount('article', 0);
  await search.expectCount('note', 1);
  await search.hit('Harbour memo').click();
  await expect(search.results).toHaveCount(0);
  await expect(page.getByLabel('Note title')).toHaveValue('Harbour memo');
  await expect(page.getByLabel('Note text')).toContainText('Questions about the dredging contract.');
});

test('hostile or unfinished queries show a message or nothing, never an error', async ({ page, app }) => {
  notes.createNote(app.core.ctx, 'Anything');
  const search = new SearchPage(page, app.harness.url);
  await search.open();
  for (const query of ['"unbalanced', 'OR', 'NEAR(a b', '-', 'tag:', '*', "'; DROP TABLE notes; --"]) {
    await search.search(query);
    await expect(search.results).toBeVisible();
  }
  await search.search('before:someday');
  await expect(search.message).toContainText('needs a date');
  await search.input.press('Escape');
  await expect(search.results).toHaveCount(0);
  expect(app.core.ctx.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
});

test('? shows the syntax; a misspelt word or filter key offers the query meant, which runs when chosen', async ({ page, app }) => {
  importPlainTextArticles(app.core.ctx, [{ title: 'Strikes off Venezuela', text: 'Maduro denounced the strikes off the coast of Venezuela as piracy.' }]);
  const search = new SearchPage(page, app.harness.url);
  await search.open();

  await search.search('?');
  await expect(search.help).toBeVisible();
  await expect(search.help.getByRole('button', { name: 'speaker:rubio' })).toBeVisible();
  await search.help.getByRole('button', { name: 'project:venez' }).click();
  await expect(search.input).toHaveValue('project:venez');
  await expect(search.input).toBeFocused();

  await search.search('Venezuala');
  await expect(search.suggestion).toHaveText('Did you mean Venezuela?');
  await search.suggestion.getByRole('button').click();
  await expect(search.input).toHaveValue('Venezuela');
  await search.expectCount('article', 1);

  await search.search('piracy tpye:article');
  await expect(search.message).toContainText('There is no filter "tpye:". Did you mean type:?');
  await search.suggestion.getByRole('button', { name: 'piracy type:article' }).click();
  await search.expectCount('article', 1);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import { callOk, makeTestCore } from '../../helpers/core';

type TestCore = ReturnType<typeof makeTestCore>;

const names = (projects: Array<{ name: string }>): string[] => projects.map((p) => p.name);

describe('projects.ofItem', () => {
  let core: TestCore;
  let articleId: number;
  let noteId: number;
  beforeEach(() => {
    core = makeTestCore();
    articleId = importPlainTextArticles(core.ctx, [{ title: 'Port audit', text: 'Text.' }]).results[0]!.articleId;
    noteId = notes.createNote(core.ctx, 'Draft').id;
  });
  afterEach(() => core.close());

  it('lists the projects of one article or note by name, and follows adds and removes', async () => {
    const zurich = await callOk<{ id: number }>(core, 'projects.create', { name: 'zurich bank' });
    const anchorage = await callOk<{ id: number }>(core, 'projects.create', { name: 'Anchorage' });
    await callOk(core, 'projects.create', { name: 'Unrelated' });
    expect(await callOk(core, 'projects.ofItem', { item: { type: 'note', id: noteId } })).toEqual([]);

    await callOk(core, 'projects.addItems', { projectId: zurich.id, items: [{ type: 'note', id: noteId }] });
    await callOk(core, 'projects.addItems', { projectId: anchorage.id, items: [{ type: 'note', id: noteId }, { type: 'article', id: articleId }] });
    expect(names(await callOk(core, 'projects.ofItem', { item: { type: 'note', id: noteId } }))).toEqual(['Anchorage', 'zurich bank']);
    // The same id as an article is a different item.
    expect(names(await callOk(core, 'projects.ofItem', { item: { type: 'article', id: articleId } }))).toEqual(['Anchorage']);
    expect(await callOk(core, 'projects.ofItem', { item: { type: 'note', id: noteId } })).toContainEqual(expect.objectContaining({ name: 'Anchorage', articleCount: 1, noteCount: 1 }));

    await callOk(core, 'projects.removeItems', { projectId: anchorage.id, items: [{ type: 'note', id: noteId }] });
    expect(names(await callOk(core, 'projects.ofItem', { item: { type: 'note', id: noteId } }))).toEqual(['zurich bank']);
  });

  it('answers an empty list for an item that does not exist, and refuses passages', async () => {
    expect(await callOk(core, 'projects.ofItem', { item: { type: 'note', id: 999 } })).toEqual([]);
    expect(await dispatch(core.handlers, 'projects.ofItem', { item: { type: 'passage', id: 1 } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

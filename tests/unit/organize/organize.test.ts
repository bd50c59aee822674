import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import { callOk, makeTestCore } from '../../helpers/core';

type TestCore = ReturnType<typeof makeTestCore>;

async function call(core: TestCore, channel: string, input: unknown) {
  return dispatch(core.handlers, channel, input);
}

describe('projects', () => {
  let core: TestCore;
  let articleId: number;
  let noteId: number;
  beforeEach(() => {
    core = makeTestCore();
    articleId = importPlainTextArticles(core.ctx, [{ title: 'Port audit', text: 'Text.' }]).results[0]!.articleId;
    noteId = notes.createNote(core.ctx, 'Draft').id;
  });
  afterEach(() => core.close());

  it('are created, listed by name, renamed and deleted without touching their items', async () => {
    const panama = await callOk(core, 'projects.create', { name: '  Panama leaks ' });
    expect(panama).toMatchObject({ name: 'Panama leaks', articleCount: 0, noteCount: 0 });
    await callOk(core, 'projects.create', { name: 'Anchorage' });
    expect((await callOk<Array<{ name: string }>>(core, 'projects.list', {})).map((p) => p.name)).toEqual(['Anchorage', 'Panama leaks']);

    expect(await call(core, 'projects.create', { name: 'PANAMA LEAKS' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('already exists') } });
    expect(await callOk(core, 'projects.rename', { id: panama.id, name: 'Panama Papers' })).toMatchObject({ name: 'Panama Papers' });
    expect(await callOk(core, 'projects.rename', { id: panama.id, name: 'panama papers' })).toMatchObject({ name: 'panama papers' }); // same project, new case

    await callOk(core, 'projects.addItems', { projectId: panama.id, items: [{ type: 'article', id: articleId }, { type: 'note', id: noteId }] });
    await callOk(core, 'projects.delete', { id: panama.id });
    expect(await call(core, 'projects.get', { id: panama.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(1);
    expect(core.ctx.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
  });

  it('hold articles and notes, each at most once, and lose items that are deleted', async () => {
    const project = await callOk(core, 'projects.create', { name: 'Harbour' });
    const items = [{ type: 'article', id: articleId }, { type: 'note', id: noteId }, { type: 'note', id: noteId }];
    expect(await callOk(core, 'projects.addItems', { projectId: project.id, items })).toEqual({ projectId: project.id, added: 2 });
    expect(await callOk(core, 'projects.addItems', { projectId: project.id, items })).toEqual({ projectId: project.id, added: 0 });
    const detail = await callOk<{ articleCount: number; noteCount: number; items: Array<{ type: string; id: number; title: string }> }>(core, 'projects.get', { id: project.id });
    expect(detail).toMatchObject({ articleCount: 1, noteCount: 1 });
    expect(detail.items.map((i) => `${i.type}:${i.title}`).sort()).toEqual(['article:Port audit', 'note:Draft']);

    expect(await callOk(core, 'projects.removeItems', { projectId: project.id, items: [{ type: 'note', id: noteId }] })).toEqual({ projectId: project.id, removed: 1 });
    notes.deleteNote(core.ctx, noteId);
    core.ctx.db.prepare('DELETE FROM articles WHERE id = ?').run(articleId);
    expect(await callOk(core, 'projects.get', { id: project.id })).toMatchObject({ articleCount: 0, noteCount: 0, items: [] });
  });

  it('refuse the whole call when any item is missing', async () => {
    const project = await callOk(core, 'projects.create', { name: 'Harbour' });
    const result = await call(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'note', id: noteId }, { type: 'article', id: 999 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('article 999') } });
    expect(await callOk(core, 'projects.get', { id: project.id })).toMatchObject({ noteCount: 0 });
    expect(await call(core, 'projects.addItems', { projectId: 42, items: [{ type: 'note', id: noteId }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('tags', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('are created on first use, shared ignoring case, counted, and disappear when unused', async () => {
    const [a, b] = importPlainTextArticles(core.ctx, [{ title: 'A', text: 'a' }, { title: 'B', text: 'b' }]).results.map((r) => r.articleId);
    const n = notes.createNote(core.ctx, 'N').id;
    expect(await callOk(core, 'tags.add', { name: 'Corruption', items: [{ type: 'article', id: a }, { type: 'note', id: n }] })).toMatchObject({ added: 2, tag: { name: 'Corruption' } });
    expect(await callOk(core, 'tags.add', { name: 'corruption', items: [{ type: 'article', id: b }, { type: 'article', id: a }] })).toMatchObject({ added: 1, tag: { name: 'Corruption', articleCount: 2, noteCount: 1 } });
    await callOk(core, 'tags.add', { name: 'ports', items: [{ type: 'article', id: a }] });
    expect(await callOk(core, 'tags.ofItem', { item: { type: 'article', id: a } })).toEqual(['Corruption', 'ports']);
    expect(await callOk(core, 'tags.list', {})).toEqual([
      { id: expect.any(Number), name: 'Corruption', articleCount: 2, noteCount: 1, passageCount: 0 },
      { id: expect.any(Number), name: 'ports', articleCount: 1, noteCount: 0, passageCount: 0 },
    ]);

    expect(await callOk(core, 'tags.remove', { name: 'PORTS', items: [{ type: 'article', id: a }] })).toEqual({ name: 'ports', removed: 1 });
    expect((await callOk<Array<{ name: string }>>(core, 'tags.list', {})).map((t) => t.name)).toEqual(['Corruption']);
    expect(await call(core, 'tags.remove', { name: 'ports', items: [{ type: 'article', id: a }] })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    notes.deleteNote(core.ctx, n);
    expect(await callOk(core, 'tags.list', {})).toEqual([{ id: expect.any(Number), name: 'Corruption', articleCount: 2, noteCount: 0, passageCount: 0 }]);
  });

  it('refuse to tag items that do not exist, changing nothing', async () => {
    const result = await call(core, 'tags.add', { name: 'x', items: [{ type: 'note', id: 5 }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callOk(core, 'tags.list', {})).toEqual([]);
  });
});

describe('reading state and star', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('change together or separately, all or nothing', async () => {
    const [a, b] = importPlainTextArticles(core.ctx, [{ title: 'A', text: 'a' }, { title: 'B', text: 'b' }]).results.map((r) => r.articleId);
    expect(await callOk(core, 'library.setArticleState', { ids: [a, b], readingState: 'archived' })).toEqual({ updated: 2 });
    expect(await callOk(core, 'library.setArticleState', { ids: [b], starred: true })).toEqual({ updated: 1 });
    expect(core.ctx.db.prepare('SELECT id, reading_state, starred FROM articles ORDER BY id').all()).toEqual([
      { id: a, reading_state: 'archived', starred: 0 },
      { id: b, reading_state: 'archived', starred: 1 },
    ]);
    expect(await call(core, 'library.setArticleState', { ids: [a, 77], readingState: 'read' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.ctx.db.prepare('SELECT reading_state FROM articles WHERE id = ?').pluck().get(a)).toBe('archived');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import { callOk, makeTestCore } from '../../helpers/core';

type TestCore = ReturnType<typeof makeTestCore>;

describe('library list (sorted and filtered in SQL)', () => {
  let core: TestCore;
  let ids: Record<string, number>;
  beforeEach(() => {
    core = makeTestCore();
    // Clipped in this order (the test clock ticks), so clip date order is alpha, bravo, charlie, delta.
    const imported = importPlainTextArticles(core.ctx, [
      { title: 'Bravo harbour audit', text: 'Dredging contracts in the port.', siteName: 'The Ledger', publishedAt: '2024-05-01' },
      { title: 'alpha customs memo', text: 'Customs officers and cargo.', siteName: 'Coast Post', publishedAt: '2023-01-10', byline: 'Ana Lima' },
      { title: 'Delta ferry timetable', text: 'Ferries leave at dawn.', siteName: null, publishedAt: null },
      { title: 'Charlie pilots strike', text: 'Pilots walked out.', siteName: 'Ábaco Diário', publishedAt: '2025-02-02T08:00:00Z' },
    ]).results.map((r) => r.articleId);
    ids = { bravo: imported[0]!, alpha: imported[1]!, delta: imported[2]!, charlie: imported[3]! };
  });
  afterEach(() => core.close());

  const list = (input: Record<string, unknown>) => callOk<{ ids: number[]; total: number }>(core, 'library.listIds', { scope: { kind: 'view', view: 'all' }, ...input });
  const names = (found: number[]) => found.map((id) => Object.keys(ids).find((k) => ids[k] === id));

  it('sorts by clip date, published date, title and outlet, missing values last', async () => {
    expect(names((await list({})).ids)).toEqual(['charlie', 'delta', 'alpha', 'bravo']);
    expect(names((await list({ sort: 'clipped', direction: 'asc' })).ids)).toEqual(['bravo', 'alpha', 'delta', 'charlie']);
    expect(names((await list({ sort: 'published' })).ids)).toEqual(['charlie', 'bravo', 'alpha', 'delta']);
    expect(names((await list({ sort: 'published', direction: 'asc' })).ids)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(names((await list({ sort: 'title' })).ids)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(names((await list({ sort: 'title', direction: 'desc' })).ids)).toEqual(['delta', 'charlie', 'bravo', 'alpha']);
    expect(names((await list({ sort: 'outlet' })).ids)).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
  });

  it('filters by words in the title, byline or outlet, and by view, project and tag', async () => {
    expect(names((await list({ filter: 'LEDGER' })).ids)).toEqual(['bravo']);
    expect(names((await list({ filter: 'ana memo' })).ids)).toEqual(['alpha']);
    expect((await list({ filter: 'nothing-like-this' })).total).toBe(0);
    await callOk(core, 'library.setArticleState', { ids: [ids.delta], readingState: 'archived' });
    await callOk(core, 'library.setArticleState', { ids: [ids.alpha], starred: true });
    expect(names((await list({})).ids)).toEqual(['charlie', 'alpha', 'bravo']);
    expect(names((await list({ scope: { kind: 'view', view: 'archived' } })).ids)).toEqual(['delta']);
    expect(await callOk(core, 'library.viewCounts', {})).toEqual({ all: 3, unread: 3, starred: 1, archived: 1 });
    expect(names((await list({ scope: { kind: 'view', view: 'starred' } })).ids)).toEqual(['alpha']);
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Port' });
    await callOk(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'article', id: ids.delta }, { type: 'article', id: ids.bravo }] });
    expect(names((await list({ scope: { kind: 'project', projectId: project.id }, sort: 'title' })).ids)).toEqual(['bravo', 'delta']);
    await callOk(core, 'tags.add', { name: 'Shipping', items: [{ type: 'article', id: ids.charlie }] });
    expect(names((await list({ scope: { kind: 'tag', name: 'shipping' } })).ids)).toEqual(['charlie']);
    expect(await dispatch(core.handlers, 'library.listIds', { scope: { kind: 'project', projectId: 999 } })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('returns rows in the order asked, skipping ids that are gone', async () => {
    const rows = await callOk<Array<{ id: number; title: string; siteName: string | null; wordCount: number }>>(core, 'library.rows', { ids: [ids.delta, 999, ids.alpha] });
    expect(rows.map((r) => r.title)).toEqual(['Delta ferry timetable', 'alpha customs memo']);
    expect(rows[1]).toMatchObject({ siteName: 'Coast Post', wordCount: 4 });
  });

  it('states what a bulk delete does to quotes, and deletes all or nothing in one transaction', async () => {
    const note = notes.createNote(core.ctx, 'Draft');
    const other = notes.createNote(core.ctx, 'Other draft');
    const article = await callOk<{ latestVersionId: number }>(core, 'articles.get', { id: ids.bravo });
    const passage = await callOk<{ id: number }>(core, 'passages.create', { versionId: article.latestVersionId, start: 0, end: 8 });
    await callOk(core, 'passages.quoteIntoNote', { passageId: passage.id, noteId: note.id });
    await callOk(core, 'passages.quoteIntoNote', { passageId: passage.id, noteId: note.id });
    await callOk(core, 'passages.quoteIntoNote', { passageId: passage.id, noteId: other.id });
    expect(await callOk(core, 'library.deleteImpact', { ids: [ids.bravo, ids.alpha, ids.bravo] })).toEqual({ articles: 2, quotes: 3, notes: 2 });

    expect(await dispatch(core.handlers, 'library.deleteArticles', { ids: [ids.alpha, 999] })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Nothing was changed') } });
    expect((await list({})).total).toBe(4);

    expect(await callOk(core, 'library.deleteArticles', { ids: [ids.alpha, ids.bravo] })).toEqual({ deleted: 2 });
    expect(names((await list({})).ids)).toEqual(['charlie', 'delta']);
    // They went to the Trash; deleted for good, the quotes stay in the notes, their passage flagged as source deleted.
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: ids.alpha }, { type: 'article', id: ids.bravo }] });
    expect(await callOk(core, 'passages.get', { id: passage.id })).toMatchObject({ anchor: { status: 'source_deleted' } });
    const found = await callOk<{ groups: Array<{ type: string; count: number }> }>(core, 'search.query', { query: 'dredging' });
    expect(found.groups.find((g) => g.type === 'article')?.count).toBe(0);
    expect(found.groups.find((g) => g.type === 'note')?.count).toBe(2);
  });

  it('moves articles between projects in one step, and lists a project\'s notes and quotes', async () => {
    const from = await callOk<{ id: number }>(core, 'projects.create', { name: 'From' });
    const to = await callOk<{ id: number }>(core, 'projects.create', { name: 'To' });
    await callOk(core, 'projects.addItems', { projectId: from.id, items: [{ type: 'article', id: ids.alpha }, { type: 'article', id: ids.bravo }] });
    expect(await dispatch(core.handlers, 'library.moveToProject', { ids: [ids.alpha], fromProjectId: from.id, toProjectId: 999 })).toMatchObject({ ok: false });
    expect(await callOk(core, 'library.moveToProject', { ids: [ids.alpha], fromProjectId: from.id, toProjectId: to.id })).toEqual({ moved: 1 });
    expect(names((await list({ scope: { kind: 'project', projectId: from.id } })).ids)).toEqual(['bravo']);
    expect(names((await list({ scope: { kind: 'project', projectId: to.id } })).ids)).toEqual(['alpha']);

    const note = notes.createNote(core.ctx, 'Port draft');
    await callOk(core, 'projects.addItems', { projectId: to.id, items: [{ type: 'note', id: note.id }] });
    const bravo = await callOk<{ latestVersionId: number }>(core, 'articles.get', { id: ids.bravo });
    const passage = await callOk<{ id: number }>(core, 'passages.create', { versionId: bravo.latestVersionId, start: 0, end: 8 });
    await callOk(core, 'passages.quoteIntoNote', { passageId: passage.id, noteId: note.id });
    expect(await callOk(core, 'library.scopeNotes', { scope: { kind: 'project', projectId: to.id } })).toEqual([expect.objectContaining({ id: note.id, title: 'Port draft' })]);
    // Quoted in a note of "To", and a passage of an article in "From": both projects list it.
    for (const projectId of [to.id, from.id]) {
      expect(await callOk(core, 'library.projectQuotes', { projectId })).toEqual([{ passageId: passage.id, exact: 'Dredging', sourceTitle: 'Bravo harbour audit', articleId: ids.bravo, anchorStatus: 'ok', noteCount: 1 }]);
    }
    await callOk(core, 'tags.add', { name: 'draft', items: [{ type: 'note', id: note.id }] });
    expect(await callOk(core, 'library.scopeNotes', { scope: { kind: 'tag', name: 'DRAFT' } })).toEqual([expect.objectContaining({ id: note.id })]);
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { openCore, type Core } from '../../../electron/core/openCore';
import { emptyExpiredTrash } from '../../../electron/core/services/trash';
import type { NoteQuote } from '../../../shared/domain/passage';
import type { SearchResult } from '../../../shared/domain/search';
import type { TrashList } from '../../../shared/domain/trash';
import { callOk } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * The Trash on a real library file: delete moves notes and articles out of
 * every list, count, search and export; restore brings them (and their
 * quotes' links) back; deleting for good and the retention period remove
 * them through the scrubbing delete.
 */

const DAY = 24 * 60 * 60 * 1000;

function hitIds(result: SearchResult, type: 'article' | 'note' | 'quote'): number[] {
  return result.groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];
}

describe('the Trash', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dbPath: string;
  let tick = Date.parse('2026-03-01T00:00:00.000Z');
  const now = () => new Date((tick += 1)).toISOString();

  beforeEach(() => {
    dir = makeTempDir();
    dbPath = dir.file('dossier.sqlite');
    core = openCore(dbPath, { now });
  });
  afterEach(() => {
    core.close();
    dir.cleanup();
  });

  async function clip(title: string, word: string): Promise<{ articleId: number; versionId: number }> {
    const body = `The harbour authority said ${word} had been dredged twice this year. `.repeat(12);
    const page = `<html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
    const { results } = await callOk<{ results: Array<{ articleId: number; versionId: number }> }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'html', content: page }] });
    return results[0]!;
  }

  /** An article, a note quoting it, both in a project and tagged. */
  async function story(word: string) {
    const { articleId, versionId } = await clip(`Dredging ${word}`, word);
    const passage = await callOk<{ id: number }>(core, 'passages.create', { versionId, start: 0, end: 30 });
    const { noteId } = await callOk<{ noteId: number }>(core, 'passages.quoteIntoNote', { passageId: passage.id });
    await callOk(core, 'notes.rename', { id: noteId, title: `Notes on ${word}` });
    return { articleId, versionId, passageId: passage.id, noteId };
  }

  it('a deleted article and note leave lists, counts, searches, projects, tags and project exports, and come back on restore', async () => {
    const gone = await story('zanzibarite');
    const kept = await story('quokkamire');
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Harbour' });
    const items = [gone, kept].flatMap((s) => [{ type: 'article', id: s.articleId }, { type: 'note', id: s.noteId }]);
    await callOk(core, 'projects.addItems', { projectId: project.id, items });
    await callOk(core, 'tags.add', { name: 'port', items: [...items, { type: 'passage', id: gone.passageId }] });

    await callOk(core, 'articles.delete', { id: gone.articleId });
    await callOk(core, 'notes.delete', { id: gone.noteId });

    const visible = async () => ({
      notes: (await callOk<Array<{ id: number }>>(core, 'notes.list', {})).map((n) => n.id),
      articles: (await callOk<Array<{ id: number }>>(core, 'articles.list', {})).map((a) => a.id),
      listIds: (await callOk<{ ids: number[] }>(core, 'library.listIds', { scope: { kind: 'view', view: 'all' } })).ids,
      projectIds: (await callOk<{ ids: number[] }>(core, 'library.listIds', { scope: { kind: 'project', projectId: project.id } })).ids,
      tagIds: (await callOk<{ ids: number[] }>(core, 'library.listIds', { scope: { kind: 'tag', name: 'port' } })).ids,
      counts: await callOk(core, 'library.viewCounts', {}),
      project: await callOk<{ articleCount: number; noteCount: number; items: unknown[] }>(core, 'projects.get', { id: project.id }),
      tag: (await callOk<Array<{ name: string }>>(core, 'tags.list', {})).find((t) => t.name === 'port'),
      scopeNotes: (await callOk<Array<{ id: number }>>(core, 'library.scopeNotes', { scope: { kind: 'project', projectId: project.id } })).map((n) => n.id),
      searchGone: await callOk<SearchResult>(core, 'search.query', { query: 'zanzibarite' }),
      searchNoteTitle: await callOk<SearchResult>(core, 'search.query', { query: 'notes' }),
    });

    const inTrash = await visible();
    expect(inTrash.notes).toEqual([kept.noteId]);
    expect(inTrash.articles).toEqual([kept.articleId]);
    expect(inTrash.listIds).toEqual([kept.articleId]);
    expect(inTrash.projectIds).toEqual([kept.articleId]);
    expect(inTrash.tagIds).toEqual([kept.articleId]);
    expect(inTrash.counts).toEqual({ all: 1, unread: 1, starred: 0, archived: 0 });
    expect(inTrash.project).toMatchObject({ articleCount: 1, noteCount: 1 });
    expect(inTrash.project.items).toHaveLength(2);
    expect(inTrash.tag).toMatchObject({ articleCount: 1, noteCount: 1, passageCount: 0 });
    expect(inTrash.scopeNotes).toEqual([kept.noteId]);
    expect(inTrash.searchGone.total).toBe(0);
    expect(hitIds(inTrash.searchNoteTitle, 'note')).toEqual([kept.noteId]);

    const listed = await callOk<TrashList>(core, 'trash.list', {});
    expect(listed.retentionDays).toBe(30);
    expect(listed.items.map((i) => [i.type, i.id])).toEqual([['note', gone.noteId], ['article', gone.articleId]]);
    expect(Date.parse(listed.items[0]!.expiresAt) - Date.parse(listed.items[0]!.trashedAt)).toBe(30 * DAY);

    // A project export holds the kept note and source only.
    const folder = dir.file('export');
    await callOk(core, 'export.project', { name: 'Harbour', folder });
    expect(readdirSync(`${folder}/notes`)).toEqual(['Notes on quokkamire.md']);
    expect(readdirSync(`${folder}/sources`)).toEqual(['Dredging quokkamire.md']);

    await callOk(core, 'trash.restore', { items: [{ type: 'article', id: gone.articleId }, { type: 'note', id: gone.noteId }] });
    const back = await visible();
    expect(back.notes.sort()).toEqual([gone.noteId, kept.noteId].sort());
    expect(back.listIds.sort()).toEqual([gone.articleId, kept.articleId].sort());
    expect(back.project).toMatchObject({ articleCount: 2, noteCount: 2 });
    expect(back.tag).toMatchObject({ articleCount: 2, noteCount: 2, passageCount: 1 });
    expect(hitIds(back.searchGone, 'article')).toEqual([gone.articleId]);
    expect(hitIds(back.searchGone, 'quote')).toEqual([gone.passageId]);
    expect((await callOk<TrashList>(core, 'trash.list', {})).items).toEqual([]);
  });

  it("a note's quote of a trashed source says 'source in trash' and is linked again on restore", async () => {
    const s = await story('marlinspike');
    await callOk(core, 'articles.delete', { id: s.articleId });
    const quotes = await callOk<NoteQuote[]>(core, 'passages.quotesOfNote', { noteId: s.noteId });
    expect(quotes).toHaveLength(1);
    expect(quotes[0]).toMatchObject({ status: 'source_in_trash', passageId: s.passageId, source: { articleId: s.articleId, inTrash: true } });
    expect(await callOk(core, 'passages.get', { id: s.passageId })).toMatchObject({ source: { inTrash: true } });

    await callOk(core, 'trash.restore', { items: [{ type: 'article', id: s.articleId }] });
    const again = await callOk<NoteQuote[]>(core, 'passages.quotesOfNote', { noteId: s.noteId });
    expect(again[0]).toMatchObject({ status: 'ok', passageId: s.passageId, source: { articleId: s.articleId } });
    expect(again[0]!.source).not.toHaveProperty('inTrash');
    // The reader's backlinks come back with the note.
    await callOk(core, 'notes.delete', { id: s.noteId });
    expect(await callOk(core, 'passages.get', { id: s.passageId })).toMatchObject({ backlinks: [] });
    await callOk(core, 'trash.restore', { items: [{ type: 'note', id: s.noteId }] });
    expect(await callOk(core, 'passages.get', { id: s.passageId })).toMatchObject({ backlinks: [{ noteId: s.noteId }] });
  });

  it('deleting for good keeps the quote in the note (source deleted) and removes the article row, versions and unquoted passages', async () => {
    const s = await story('gravelbeak');
    await callOk(core, 'articles.delete', { id: s.articleId });
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: s.articleId }] });
    const db = core.ctx.db;
    expect(db.prepare('SELECT count(*) AS n FROM articles WHERE id = ?').get(s.articleId)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM article_versions WHERE article_id = ?').get(s.articleId)).toEqual({ n: 0 });
    const quotes = await callOk<NoteQuote[]>(core, 'passages.quotesOfNote', { noteId: s.noteId });
    expect(quotes[0]).toMatchObject({ status: 'source_deleted', passageId: s.passageId });
    expect(db.prepare(`SELECT kind, item_id FROM purge_log`).all()).toEqual([{ kind: 'article', item_id: s.articleId }]);
  });

  it('refuses, changing nothing, to delete for good or restore an item that is not in the trash', async () => {
    const a = await story('ottercliff');
    const b = await story('pebblewhorl');
    await callOk(core, 'notes.delete', { id: a.noteId });
    const mixed = [{ type: 'note', id: a.noteId }, { type: 'note', id: b.noteId }];
    for (const channel of ['trash.deletePermanently', 'trash.restore']) {
      const result = await dispatch(core.handlers, channel, { items: mixed });
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect((await callOk<TrashList>(core, 'trash.list', {})).items.map((i) => i.id)).toEqual([a.noteId]);
    expect((await callOk<Array<{ id: number }>>(core, 'notes.list', {})).map((n) => n.id)).toEqual([b.noteId]);
    // A note already in the trash cannot be deleted (trashed) twice; a bulk delete with one such id moves nothing.
    expect(await dispatch(core.handlers, 'notes.delete', { id: a.noteId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(core.handlers, 'library.deleteArticles', { ids: [a.articleId, b.articleId] })).toMatchObject({ ok: true });
    expect(await dispatch(core.handlers, 'library.deleteArticles', { ids: [a.articleId] })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('empties itself after the retention period the journalist set, at startup and later while open (injected clock)', async () => {
    const old = await story('driftwoodle');
    const recent = await story('sandpiperix');
    expect(await callOk(core, 'trash.settings', {})).toEqual({ retentionDays: 30, deleted: 0 });
    await callOk(core, 'notes.delete', { id: old.noteId });
    tick += 20 * DAY;
    await callOk(core, 'notes.delete', { id: recent.noteId });
    tick += 11 * DAY; // old: 31 days in the trash, recent: 11
    core.close();
    core = openCore(dbPath, { now });
    expect((await callOk<TrashList>(core, 'trash.list', {})).items.map((i) => i.id)).toEqual([recent.noteId]);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM notes WHERE id = ?').get(old.noteId)).toEqual({ n: 0 });

    // A shorter period, set by the journalist, is stored in the library and applies at once.
    expect(await callOk(core, 'trash.settings', { retentionDays: 10 })).toEqual({ retentionDays: 10, deleted: 1 });
    expect((await callOk<TrashList>(core, 'trash.list', {})).items).toEqual([]);
    core.close();
    core = openCore(dbPath, { now });
    expect(await callOk(core, 'trash.settings', {})).toEqual({ retentionDays: 10, deleted: 0 });

    // While open: the periodic run (the same function the hourly timer calls).
    const later = await story('tidewrack');
    await callOk(core, 'articles.delete', { id: later.articleId });
    expect(emptyExpiredTrash(core.ctx)).toEqual({ deleted: 0 });
    tick += 10 * DAY + 1000;
    expect(emptyExpiredTrash(core.ctx)).toEqual({ deleted: 1 });
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM articles WHERE id = ?').get(later.articleId)).toEqual({ n: 0 });
    expect(existsSync(dbPath)).toBe(true);
  });

  it('clipping an article in the trash again brings it back', async () => {
    const { articleId } = await clip('Dredging kelpfrost', 'kelpfrost');
    await callOk(core, 'articles.delete', { id: articleId });
    const again = await clip('Dredging kelpfrost', 'kelpfrost');
    expect(again.articleId).toBe(articleId);
    expect((await callOk<Array<{ id: number }>>(core, 'articles.list', {})).map((a) => a.id)).toEqual([articleId]);
  });
});

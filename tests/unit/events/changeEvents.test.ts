import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { watchExternalChanges } from '../../../electron/core/externalChanges';
import { openCore, type Core } from '../../../electron/core/openCore';
import { ChangeEvent } from '../../../shared/contract/events';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';
import { runCli } from '../../helpers/runCli';

/** A page the clipper keeps as one article per canonical URL: clipping it again with other words is a re-clip. */
function page(sentence: string): string {
  return `<html><head><title>Ferry timetable cut</title><link rel="canonical" href="https://ferries.example.net/news/timetable"></head><body><article><h1>Ferry timetable cut</h1><p>${sentence}</p><p>The operator said the winter timetable would run until March and that no crossings would be cancelled at short notice, a promise islanders said they had heard before.</p></article></body></html>`;
}

describe('change events from the writing services', () => {
  let core: ReturnType<typeof makeTestCore>;
  let seen: ChangeEvent[];
  beforeEach(() => {
    core = makeTestCore();
    seen = [];
    core.events.subscribe((event) => {
      // Every event is valid by the shared schema the renderer parses it with.
      expect(ChangeEvent.safeParse(event).success, JSON.stringify(event)).toBe(true);
      seen.push(event);
    });
  });
  afterEach(() => core.close());

  const clip = async (sentence: string) =>
    (await callOk<{ results: { status: string; articleId: number; versionId: number }[] }>(core, 'clip.save', { inputs: [{ kind: 'paste', format: 'html', content: page(sentence) }] })).results[0]!;
  const types = () => seen.map((e) => e.type);

  it('notes: create, rename, save (with its revision) and delete', async () => {
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Ferries' });
    await callOk(core, 'notes.rename', { id: note.id, title: 'Ferry cuts' });
    const saved = await callOk<{ revision: number }>(core, 'notes.save', { id: note.id, contentJson: editorJson('Islanders were not told.') });
    await callOk(core, 'notes.delete', { id: note.id });
    expect(seen).toEqual([
      { type: 'notes.changed', origin: 'core', noteIds: [note.id], change: 'created' },
      { type: 'notes.changed', origin: 'core', noteIds: [note.id], change: 'renamed' },
      { type: 'note.saved', origin: 'core', noteId: note.id, revision: saved.revision },
      { type: 'notes.changed', origin: 'core', noteIds: [note.id], change: 'deleted' },
    ]);
  });

  it('a refused write announces nothing', async () => {
    const result = await dispatch(core.handlers, 'notes.save', { id: 999, contentJson: editorJson('x') });
    expect(result.ok).toBe(false);
    expect(await dispatch(core.handlers, 'articles.delete', { id: 999 })).toMatchObject({ ok: false });
    expect(seen).toEqual([]);
  });

  it('clip, re-clip (new version + re-anchored passage statuses), quote, delete', async () => {
    const first = await clip('Islanders learned on Monday that the evening ferry would stop running.');
    expect(seen).toEqual([{ type: 'articles.changed', origin: 'core', articleIds: [first.articleId] }]);
    const passage = await callOk<{ id: number }>(core, 'passages.find', { articleId: first.articleId, text: 'the evening ferry would stop running' });
    const quoted = await callOk<{ noteId: number }>(core, 'passages.quoteIntoNote', { passageId: passage.id, kind: 'block' });
    await Promise.resolve(); // events raised inside quoteIntoNote's transaction go out after it commits
    expect(types()).toEqual(['articles.changed', 'passages.changed', 'notes.changed', 'note.saved']);
    expect(seen.slice(2)).toMatchObject([
      { type: 'notes.changed', noteIds: [quoted.noteId], change: 'created' },
      { type: 'note.saved', noteId: quoted.noteId },
    ]);

    seen = [];
    const second = await clip('Islanders learned on Monday that the late ferry would stop running.');
    expect(second.status).toBe('new-version');
    expect(seen).toEqual([
      { type: 'article.reclipped', origin: 'core', articleId: first.articleId, versionId: second.versionId, previousVersionId: first.versionId },
      { type: 'passages.changed', origin: 'core', passages: [{ id: passage.id, status: 'changed' }] },
    ]);

    seen = [];
    await callOk(core, 'articles.delete', { id: first.articleId });
    expect(seen).toEqual([{ type: 'articles.deleted', origin: 'core', articleIds: [first.articleId] }]);
    // Delete moves the article to the Trash; deleted for good, the quoted passage survives as a snapshot whose status says why.
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: first.articleId }] });
    expect(await callOk(core, 'passages.get', { id: passage.id })).toMatchObject({ anchor: { status: 'source_deleted' } });
  });

  it('bulk delete, reading state, projects and tags', async () => {
    const a = await clip('Islanders learned on Monday that the evening ferry would stop running.');
    seen = [];
    await callOk(core, 'library.setArticleState', { ids: [a.articleId], starred: true });
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Ferries' });
    await callOk(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'article', id: a.articleId }] });
    await callOk(core, 'tags.add', { name: 'verify', items: [{ type: 'article', id: a.articleId }] });
    await callOk(core, 'library.deleteArticles', { ids: [a.articleId] });
    expect(seen).toEqual([
      { type: 'articles.changed', origin: 'core', articleIds: [a.articleId] },
      { type: 'organize.changed', origin: 'core', what: 'projects' },
      { type: 'organize.changed', origin: 'core', what: 'projects' },
      { type: 'organize.changed', origin: 'core', what: 'tags' },
      { type: 'articles.deleted', origin: 'core', articleIds: [a.articleId] },
    ]);
  });
});

describe('changes by another process (data_version polling)', () => {
  let host: ReturnType<typeof makeTestCore>;
  let seen: ChangeEvent[];
  let stop: () => void;
  let tick: () => void;
  beforeEach(() => {
    host = makeTestCore();
    seen = [];
    host.events.subscribe((event) => seen.push(event));
    // A period far longer than the test: ticks are driven by hand, so the test is not timing-dependent.
    ({ stop, tick } = watchExternalChanges(() => host.ctx.db, host.events, 60_000));
  });
  afterEach(() => {
    stop();
    host.close();
  });

  it('sees a CLI write to the same file, names the note it saved, and never re-announces its own writes', async () => {
    const own = await callOk<{ id: number }>(host, 'notes.create', { title: 'Mine' });
    seen = [];
    tick();
    expect(seen).toEqual([]); // this connection's own commit does not move data_version

    const created = await runCli('notes', 'create', '--title', 'From the terminal', '--db', host.ctx.dbPath, '--json');
    expect(created.code).toBe(0);
    const noteId = (JSON.parse(created.stdout) as { id: number }).id;
    expect(noteId).not.toBe(own.id);
    tick();
    expect(seen).toEqual([
      { type: 'note.saved', origin: 'external', noteId, revision: expect.any(Number) },
      { type: 'library.changed', origin: 'external' },
    ]);
    seen = [];
    tick();
    expect(seen).toEqual([]); // nothing new since
  });

  it('a second connection (another app instance) committing is seen too', async () => {
    const other: Core = openCore(host.ctx.dbPath);
    try {
      await callOk(other, 'projects.create', { name: 'Elsewhere' });
    } finally {
      other.close();
    }
    tick();
    expect(seen).toEqual([{ type: 'library.changed', origin: 'external' }]);
  });

  it('the host started by openCore polls on its own (unref timer) and stops on close', async () => {
    const watched = openCore(host.ctx.dbPath);
    const events: ChangeEvent[] = [];
    watched.events.subscribe((e) => events.push(e));
    watched.watchExternalChanges(20);
    try {
      expect((await runCli('notes', 'create', '--title', 'Polled', '--db', host.ctx.dbPath)).code).toBe(0);
      const started = Date.now();
      while (!events.some((e) => e.type === 'library.changed') && Date.now() - started < 2000) await new Promise((r) => setTimeout(r, 10));
      expect(events.map((e) => e.type)).toContain('library.changed');
    } finally {
      watched.close();
    }
  });
});

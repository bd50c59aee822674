import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import type { ChangeEvent } from '../../../shared/contract/events';
import { callOk, makeTestCore } from '../../helpers/core';

/** #14: projects and tags can be renamed, merged (one transaction) and deleted; every change is announced. */
type TestCore = ReturnType<typeof makeTestCore>;
type Project = { id: number; name: string; articleCount: number; noteCount: number };
type Tag = { id: number; name: string; articleCount: number; noteCount: number; passageCount?: number };

describe('merging and deleting projects', () => {
  let core: TestCore;
  let events: ChangeEvent[];
  let a1: number;
  let a2: number;
  let n1: number;
  let n2: number;
  beforeEach(() => {
    core = makeTestCore();
    events = [];
    core.ctx.events!.subscribe((event) => events.push(event));
    [a1, a2] = importPlainTextArticles(core.ctx, [{ title: 'Strike called', text: 'Unions called a strike.' }, { title: 'Oil output', text: 'Output fell.' }]).results.map((r) => r.articleId) as [number, number];
    n1 = notes.createNote(core.ctx, 'Timeline').id;
    n2 = notes.createNote(core.ctx, 'Sources').id;
  });
  afterEach(() => core.close());

  it('moves every article and note of the source into the target, keeps their filing dates, and deletes the source', async () => {
    const venez = await callOk<Project>(core, 'projects.create', { name: 'Venez' });
    const strikes = await callOk<Project>(core, 'projects.create', { name: 'Venezuela strikes' });
    await callOk(core, 'projects.addItems', { projectId: venez.id, items: [{ type: 'article', id: a1 }, { type: 'article', id: a2 }, { type: 'note', id: n1 }] });
    await callOk(core, 'projects.addItems', { projectId: strikes.id, items: [{ type: 'article', id: a1 }, { type: 'note', id: n2 }] });
    const filedAt = core.ctx.db.prepare('SELECT added_at FROM project_notes WHERE project_id = ? AND note_id = ?').pluck().get(venez.id, n1);
    events.length = 0;

    const merged = await callOk<{ project: Project; moved: number }>(core, 'projects.merge', { sourceId: venez.id, targetId: strikes.id });

    expect(merged).toMatchObject({ moved: 2, project: { id: strikes.id, name: 'Venezuela strikes', articleCount: 2, noteCount: 2 } });
    expect(await dispatch(core.handlers, 'projects.get', { id: venez.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.ctx.db.prepare('SELECT added_at FROM project_notes WHERE project_id = ? AND note_id = ?').pluck().get(strikes.id, n1)).toBe(filedAt);
    expect(core.ctx.db.prepare('SELECT count(*) FROM project_articles WHERE project_id = ?').pluck().get(venez.id)).toBe(0);
    expect(events).toEqual([{ type: 'organize.changed', what: 'projects', origin: 'core' }]);
  });

  it('refuses to merge into itself or into a project that is gone, changing nothing', async () => {
    const venez = await callOk<Project>(core, 'projects.create', { name: 'Venez' });
    await callOk(core, 'projects.addItems', { projectId: venez.id, items: [{ type: 'note', id: n1 }] });
    events.length = 0;
    expect(await dispatch(core.handlers, 'projects.merge', { sourceId: venez.id, targetId: venez.id })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('itself') } });
    expect(await dispatch(core.handlers, 'projects.merge', { sourceId: venez.id, targetId: 999 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await callOk<Project>(core, 'projects.get', { id: venez.id })).toMatchObject({ noteCount: 1 });
    expect(events).toEqual([]);
  });

  it('deleting a project leaves its articles and notes in the library and is announced', async () => {
    const p = await callOk<Project>(core, 'projects.create', { name: 'Oil' });
    await callOk(core, 'projects.addItems', { projectId: p.id, items: [{ type: 'article', id: a2 }, { type: 'note', id: n2 }] });
    events.length = 0;
    await callOk(core, 'projects.delete', { id: p.id });
    expect(core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(2);
    expect(core.ctx.db.prepare('SELECT count(*) FROM project_articles').pluck().get()).toBe(0);
    expect(events).toEqual([{ type: 'organize.changed', what: 'projects', origin: 'core' }]);
  });
});

describe('renaming, merging and deleting tags', () => {
  let core: TestCore;
  let events: ChangeEvent[];
  let a1: number;
  let a2: number;
  let n1: number;
  let passageId: number;
  beforeEach(async () => {
    core = makeTestCore();
    events = [];
    core.ctx.events!.subscribe((event) => events.push(event));
    [a1, a2] = importPlainTextArticles(core.ctx, [{ title: 'Strike called', text: 'Unions called a strike on Monday.' }, { title: 'Oil output', text: 'Output fell.' }]).results.map((r) => r.articleId) as [number, number];
    n1 = notes.createNote(core.ctx, 'Timeline').id;
    const versionId = core.ctx.db.prepare('SELECT id FROM article_versions WHERE article_id = ?').pluck().get(a1) as number;
    passageId = (await callOk<{ id: number }>(core, 'passages.create', { versionId, start: 0, end: 6 })).id;
  });
  afterEach(() => core.close());

  it('a rename shows everywhere the tag is used; a name another tag has is refused with the way out', async () => {
    const { tag } = await callOk<{ tag: Tag }>(core, 'tags.add', { name: 'verfied', items: [{ type: 'article', id: a1 }, { type: 'note', id: n1 }] });
    await callOk(core, 'tags.add', { name: 'oil', items: [{ type: 'article', id: a2 }] });
    events.length = 0;
    expect(await callOk<Tag>(core, 'tags.rename', { id: tag.id, name: 'verified' })).toMatchObject({ id: tag.id, name: 'verified', articleCount: 1, noteCount: 1 });
    expect(await callOk(core, 'tags.ofItem', { item: { type: 'note', id: n1 } })).toEqual(['verified']);
    expect(await callOk<Tag>(core, 'tags.rename', { id: tag.id, name: 'Verified' })).toMatchObject({ name: 'Verified' }); // the same tag, new case
    expect(await dispatch(core.handlers, 'tags.rename', { id: tag.id, name: 'OIL' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('merge') } });
    expect(await dispatch(core.handlers, 'tags.rename', { id: 999, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(events).toEqual([
      { type: 'organize.changed', what: 'tags', origin: 'core' },
      { type: 'organize.changed', what: 'tags', origin: 'core' },
    ]);
  });

  it('a merge puts the target tag on every article, note and quote of the source, in one step', async () => {
    const { tag: source } = await callOk<{ tag: Tag }>(core, 'tags.add', { name: 'venez', items: [{ type: 'article', id: a1 }, { type: 'note', id: n1 }, { type: 'passage', id: passageId }] });
    const { tag: target } = await callOk<{ tag: Tag }>(core, 'tags.add', { name: 'venezuela', items: [{ type: 'article', id: a1 }, { type: 'article', id: a2 }] });
    events.length = 0;
    const merged = await callOk<{ tag: Tag; moved: number }>(core, 'tags.merge', { sourceId: source.id, targetId: target.id });
    expect(merged).toEqual({ moved: 2, tag: { id: target.id, name: 'venezuela', articleCount: 2, noteCount: 1, passageCount: 1 } });
    expect((await callOk<Tag[]>(core, 'tags.list', {})).map((t) => t.name)).toEqual(['venezuela']);
    expect(await callOk(core, 'tags.ofItem', { item: { type: 'passage', id: passageId } })).toEqual(['venezuela']);
    expect(events).toEqual([{ type: 'organize.changed', what: 'tags', origin: 'core' }]);
    expect(await dispatch(core.handlers, 'tags.merge', { sourceId: target.id, targetId: target.id })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('deleting a tag takes it off every item and keeps the items', async () => {
    const { tag } = await callOk<{ tag: Tag }>(core, 'tags.add', { name: 'doubtful', items: [{ type: 'article', id: a1 }, { type: 'note', id: n1 }, { type: 'passage', id: passageId }] });
    events.length = 0;
    expect(await callOk(core, 'tags.delete', { id: tag.id })).toEqual({ id: tag.id });
    expect(await callOk(core, 'tags.list', {})).toEqual([]);
    for (const table of ['article_tags', 'note_tags', 'passage_tags']) expect(core.ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get()).toBe(0);
    expect(core.ctx.db.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(1);
    expect(events).toEqual([{ type: 'organize.changed', what: 'tags', origin: 'core' }]);
    expect(await dispatch(core.handlers, 'tags.delete', { id: tag.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channelNames';
import { CHANNELS, contract, type Channel } from '../../../shared/contract/channels';
import { dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTestCore } from '../../helpers/core';

/** Payloads no channel accepts: wrong shapes, wrong types, and unknown keys on every channel. */
function malformedInputsFor(channel: Channel): unknown[] {
  const common: unknown[] = [null, 42, 'text', [], [{}], true, { __proto__: null, extra: 1 }, { unexpected: 'key' }];
  const specific: Record<Channel, unknown[]> = {
    'notes.list': [],
    'notes.get': [{}, { id: '1' }, { id: -1 }, { id: 0 }, { id: 1.5 }, { id: Number.MAX_SAFE_INTEGER + 2 }, { id: 1, x: 1 }],
    'notes.create': [{ title: 7 }, { title: 'x'.repeat(501) }, { title: null }],
    'notes.rename': [{ id: 1 }, { title: 'x' }, { id: 1, title: 3 }, { id: 'a', title: 'b' }],
    'notes.save': [{ id: 1 }, { contentJson: '{}' }, { id: 1, contentJson: 5 }, { id: 1, contentJson: '' }, { id: 1, contentJson: '{}', text: 'x' }],
    'notes.delete': [{}, { id: 'x' }, { id: [] }],
    'db.check': [],
    'search.query': [{}, { query: 5 }, { query: null }, { query: 'x', limit: -1 }, { query: 'x', limit: 201 }, { query: 'x', limit: 1.5 }, { query: 'x'.repeat(100_001) }],
    'projects.list': [],
    'projects.get': [{}, { id: 'one' }, { id: 0 }],
    'projects.create': [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 3 }],
    'projects.rename': [{ id: 1 }, { name: 'x' }, { id: 1, name: '' }],
    'projects.delete': [{}, { id: -3 }],
    'projects.addItems': [{ projectId: 1 }, { projectId: 1, items: [] }, { projectId: 1, items: [{ type: 'passage', id: 1 }] }, { projectId: 1, items: [{ type: 'note', id: 0 }] }, { projectId: 1, items: [{ type: 'note', id: 1, x: 1 }] }],
    'projects.removeItems': [{ projectId: 1, items: {} }, { items: [{ type: 'note', id: 1 }] }],
    'tags.list': [],
    'tags.add': [{ name: 'x' }, { name: '', items: [{ type: 'note', id: 1 }] }, { name: 'x'.repeat(101), items: [{ type: 'note', id: 1 }] }, { name: 'x', items: [{ type: 'note' }] }],
    'tags.remove': [{ items: [{ type: 'note', id: 1 }] }, { name: 'x', items: 'all' }],
    'tags.ofItem': [{}, { item: { type: 'project', id: 1 } }, { item: { type: 'note', id: '1' } }],
    'library.setArticleState': [{ ids: [1] }, { ids: [], starred: true }, { ids: [1], readingState: 'deleted' }, { ids: [1], starred: 'yes' }, { ids: ['1'], starred: true }],
  };
  return [...common, ...specific[channel]];
}

describe('the contract', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('has a handler for every channel and a channel for every handler', () => {
    const handlers = createHandlers(core.ctx);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('lists the same channels as the schema-free name list the preload uses', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s rejects malformed input as invalid_input, without touching the database', async (channel) => {
    const before = core.ctx.db.prepare('SELECT count(*) AS n, total(revision) AS r FROM notes').get();
    for (const input of malformedInputsFor(channel)) {
      const result = await dispatch(core.handlers, channel, input);
      expect(result, `${channel} accepted ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(core.ctx.db.prepare('SELECT count(*) AS n, total(revision) AS r FROM notes').get()).toEqual(before);
  });

  it.each(CHANNELS)('%s returns output that matches its declared schema', async (channel) => {
    const note = await dispatch(core.handlers, 'notes.create', { title: 'probe' });
    const id = (note as { value: { id: number } }).value.id;
    const project = await dispatch(core.handlers, 'projects.create', { name: 'Probe project' });
    const projectId = (project as { value: { id: number } }).value.id;
    const articleId = importPlainTextArticles(core.ctx, [{ title: 'Probe article', text: 'Some text.' }]).results[0]!.articleId;
    await dispatch(core.handlers, 'tags.add', { name: 'probe', items: [{ type: 'note', id }] });
    const valid: Record<Channel, unknown> = {
      'notes.list': {},
      'notes.get': { id },
      'notes.create': { title: 'another' },
      'notes.rename': { id, title: 'renamed' },
      'notes.save': { id, contentJson: JSON.stringify({ root: { type: 'root', children: [] } }) },
      'notes.delete': { id },
      'db.check': {},
      'search.query': { query: 'probe OR text tag:probe' },
      'projects.list': {},
      'projects.get': { id: projectId },
      'projects.create': { name: 'Another project' },
      'projects.rename': { id: projectId, name: 'Renamed project' },
      'projects.delete': { id: projectId },
      'projects.addItems': { projectId, items: [{ type: 'note', id }, { type: 'article', id: articleId }] },
      'projects.removeItems': { projectId, items: [{ type: 'note', id }] },
      'tags.list': {},
      'tags.add': { name: 'sources', items: [{ type: 'article', id: articleId }] },
      'tags.remove': { name: 'probe', items: [{ type: 'note', id }] },
      'tags.ofItem': { item: { type: 'note', id } },
      'library.setArticleState': { ids: [articleId], readingState: 'read', starred: true },
    };
    const result = await dispatch(core.handlers, channel, valid[channel]);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channelNames';
import { CHANNELS, contract, type Channel } from '../../../shared/contract/channels';
import { dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
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
    'articles.list': [],
    'articles.get': [{}, { id: 'x' }, { id: 0 }],
    'articles.content': [{}, { id: 1 }, { versionId: -3 }],
    'db.check': [],
    'passages.create': [{}, { versionId: 1 }, { versionId: 1, start: -1, end: 2 }, { versionId: 1, start: 0, end: 1.5 }, { versionId: 1, start: 0, end: 1, note: 1 }],
    'passages.highlight': [{ versionId: 1, start: 0 }, { versionId: 1, start: 0, end: 1, color: 'red' }],
    'passages.setHighlight': [{ passageId: 1 }, { passageId: 1, color: 'red' }, { color: null }],
    'passages.get': [{}, { id: 'x' }],
    'passages.forVersion': [{}, { versionId: 0 }],
    'passages.find': [{ articleId: 1 }, { articleId: 1, text: '' }, { text: 'x' }],
    'passages.quoteIntoNote': [{}, { passageId: 1, kind: 'aside' }, { passageId: 1, noteId: 'x' }],
    'passages.quotesOfNote': [{}, { noteId: -1 }],
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
    const valid: Record<Channel, unknown> = {
      'notes.list': {},
      'notes.get': { id },
      'notes.create': { title: 'another' },
      'notes.rename': { id, title: 'renamed' },
      'notes.save': { id, contentJson: JSON.stringify({ root: { type: 'root', children: [] } }) },
      'notes.delete': { id },
      'articles.list': {},
      'articles.get': null,
      'articles.content': null,
      'db.check': {},
      'passages.create': null,
      'passages.highlight': null,
      'passages.setHighlight': null,
      'passages.get': null,
      'passages.forVersion': null,
      'passages.find': null,
      'passages.quoteIntoNote': null,
      'passages.quotesOfNote': { noteId: id },
    };
    if (valid[channel] === null) return; // needs a clipped article: covered in tests/unit/articles and tests/unit/passages
    const result = await dispatch(core.handlers, channel, valid[channel]);
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  });
});

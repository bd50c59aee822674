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
    'db.check': [],
    'db.status': [],
    'db.backups.list': [],
    'db.backup': [{ out: 'relative.sqlite' }, { out: '/tmp/x.txt' }, { out: 5 }, { out: '/tmp/a\0b.sqlite' }],
    'db.restore': [{}, { file: '' }, { file: 'relative.sqlite' }, { file: 7 }, { file: '/tmp/x.sqlite', force: true }],
    'db.startEmpty': [],
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
      'db.check': {},
      'db.status': {},
      'db.backups.list': {},
      'db.backup': {},
      'db.restore': { file: '' },
      // Only allowed while the library is damaged: its success path is covered in tests/unit/durability.
      'db.startEmpty': {},
    };
    if (channel === 'db.restore') {
      const backup = await dispatch(core.handlers, 'db.backup', {});
      valid[channel] = { file: (backup as { value: { file: string } }).value.file };
    }
    const result = await dispatch(core.handlers, channel, valid[channel]);
    if (channel === 'db.startEmpty') {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  });
});

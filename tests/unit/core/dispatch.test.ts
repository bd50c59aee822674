import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import type { Handlers } from '../../../electron/core/handlers';
import { DossierError } from '../../../shared/errors';
import { editorJson, makeTestCore } from '../../helpers/core';

describe('dispatch', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('refuses unknown channels, including prototype keys', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null, undefined]) {
      expect(await dispatch(core.handlers, name, {})).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('runs a note through create, save, rename, get and delete', async () => {
    const created = await dispatch(core.handlers, 'notes.create', { title: '  Sources  ' });
    expect(created).toMatchObject({ ok: true, value: { title: 'Sources', revision: 0 } });
    const id = (created as { value: { id: number } }).value.id;
    expect(await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('First line', 'Second') })).toMatchObject({
      ok: true,
      value: { id, revision: 1, excerpt: 'First line Second' },
    });
    expect(await dispatch(core.handlers, 'notes.rename', { id, title: 'Renamed' })).toMatchObject({ ok: true, value: { title: 'Renamed', revision: 2 } });
    expect(await dispatch(core.handlers, 'notes.get', { id })).toMatchObject({ ok: true, value: { contentText: 'First line\n\nSecond' } });
    expect(await dispatch(core.handlers, 'notes.delete', { id })).toEqual({ ok: true, value: { id } });
    expect(await dispatch(core.handlers, 'notes.get', { id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses content that is not an editor state, and keeps the previous content', async () => {
    const created = await dispatch(core.handlers, 'notes.create', {});
    const id = (created as { value: { id: number } }).value.id;
    await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('keep me') });
    for (const contentJson of ['not json', '{}', '{"root":{"type":"paragraph"}}', '{"root":{"type":"root","children":[{"text":"no type"}]}}']) {
      expect(await dispatch(core.handlers, 'notes.save', { id, contentJson })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(await dispatch(core.handlers, 'notes.get', { id })).toMatchObject({ ok: true, value: { contentText: 'keep me', revision: 1 } });
  });

  it('turns a bug in a handler into a generic internal error, and DossierErrors into their code', async () => {
    const logged: unknown[] = [];
    const broken = {
      ...core.handlers,
      'notes.list': () => {
        throw new TypeError('secret internals');
      },
      'db.check': () => {
        throw new DossierError('db_busy', 'busy');
      },
    } as Handlers;
    const result = await dispatch(broken, 'notes.list', {}, { logError: (_c, e) => logged.push(e) });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    expect(logged).toHaveLength(1);
    expect(await dispatch(broken, 'db.check', {})).toEqual({ ok: false, error: { code: 'db_busy', message: 'busy' } });
  });
});

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { openCore, type Core } from '../../../electron/core/openCore';
import { editorJson } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';

/** T5: another process (here: another connection) holds the write lock longer than busy_timeout. */
describe('a busy database', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  beforeEach(() => {
    dir = makeTempDir();
    core = openCore(dir.file('dossier.sqlite'), { busyTimeoutMs: 300 });
  });
  afterEach(() => {
    core.close();
    dir.cleanup();
  });

  it('waits a bounded time, fails with db_busy and writes nothing, then the retry succeeds', async () => {
    const created = (await dispatch(core.handlers, 'notes.create', { title: 'Locked' })) as { value: { id: number } };
    const id = created.value.id;
    const other = new Database(core.ctx.dbPath);
    other.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    const result = await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('while locked') });
    const waited = Date.now() - started;
    expect(result).toMatchObject({ ok: false, error: { code: 'db_busy', message: expect.stringMatching(/busy/) } });
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5_000);
    other.exec('ROLLBACK');
    other.close();
    expect(await dispatch(core.handlers, 'notes.get', { id })).toMatchObject({ ok: true, value: { revision: 0, contentText: '' } });
    expect(await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('while locked') })).toMatchObject({ ok: true, value: { revision: 1 } });
  });
});

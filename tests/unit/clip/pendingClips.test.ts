import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { addPendingClip } from '../../../db/repositories/articles';
import { callOk, makeTestCore } from '../../helpers/core';

/** #14: pending web addresses can be removed, and fetched one at a time (the app's progress bar). */
describe('pending clips', () => {
  let core: ReturnType<typeof makeTestCore>;
  let first: number;
  let second: number;
  beforeEach(() => {
    core = makeTestCore();
    first = addPendingClip(core.ctx.db, 'http://127.0.0.1:9/strike-live', 'No network: will retry when online', core.ctx.now());
    second = addPendingClip(core.ctx.db, 'https://news.example/ferry', 'No network: will retry when online', core.ctx.now());
  });
  afterEach(() => core.close());

  it('are removed by id, all or nothing, and the address is gone from the file', async () => {
    expect(await dispatch(core.handlers, 'clip.removePending', { ids: [first, 999] })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('Nothing was removed') } });
    expect(await callOk<unknown[]>(core, 'clip.pending', {})).toHaveLength(2);
    expect(await callOk(core, 'clip.removePending', { ids: [first, first] })).toEqual({ removed: 1 });
    expect(await callOk(core, 'clip.pending', {})).toMatchObject([{ id: second, url: 'https://news.example/ferry' }]);
    expect(core.ctx.db.prepare(`SELECT count(*) FROM pending_clips WHERE url LIKE '%strike-live%'`).pluck().get()).toBe(0);
  });

  it('fetch only the ids asked for', async () => {
    // A loopback address is refused before any connection: a result without network access.
    const { results } = await callOk<{ results: Array<{ input: string; status: string }> }>(core, 'clip.fetchPending', { ids: [first] });
    expect(results).toMatchObject([{ input: 'http://127.0.0.1:9/strike-live', status: 'failed' }]);
    const rows = await callOk<Array<{ id: number; status: string; attempts: number }>>(core, 'clip.pending', {});
    expect(rows.find((r) => r.id === first)).toMatchObject({ status: 'failed', attempts: 2 });
    expect(rows.find((r) => r.id === second)).toMatchObject({ status: 'pending', attempts: 1 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { editorJson, makeTestCore } from '../../helpers/core';

/**
 * T4 at the store level: a size-limited database (PRAGMA max_page_count)
 * stands in for a full disk; SQLite reports SQLITE_FULL exactly as for ENOSPC.
 * (A real tiny filesystem needs root to mount; not available here.)
 */
describe('disk full', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('a save that does not fit returns disk_full, changes nothing, and succeeds once space is back', async () => {
    const created = (await dispatch(core.handlers, 'notes.create', { title: 'Interview' })) as { value: { id: number } };
    const id = created.value.id;
    const first = await dispatch(core.handlers, 'notes.save', { id, contentJson: editorJson('first draft') });
    expect(first).toMatchObject({ ok: true, value: { revision: 1 } });

    const db = core.ctx.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const big = editorJson('the whole transcript '.repeat(20_000));
    const full = await dispatch(core.handlers, 'notes.save', { id, contentJson: big });
    expect(full).toMatchObject({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/disk is full.*nothing was saved/i) } });

    // Nothing was marked saved: the stored note is still revision 1 with its first draft, checksum intact.
    expect(await dispatch(core.handlers, 'notes.get', { id })).toMatchObject({ ok: true, value: { revision: 1, contentText: 'first draft' } });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(await dispatch(core.handlers, 'db.check', {})).toMatchObject({ ok: true, value: { ok: true, tornNoteIds: [] } });

    db.pragma('max_page_count = 1073741823');
    expect(await dispatch(core.handlers, 'notes.save', { id, contentJson: big })).toMatchObject({ ok: true, value: { revision: 2 } });
  });
});

import { cpSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { makeTestCore } from '../../helpers/core';

const FIXTURE_DIR = new URL('../../fixtures/clip/', import.meta.url);

describe("Electron's file dialog (clip.pickFiles): many pages at once, one result each", () => {
  let core: ReturnType<typeof makeTestCore> | undefined;
  afterEach(() => core?.close());

  it('clips every chosen file, reads each saved page’s _files folder, and reports clipped / duplicate / failed with the reason', async () => {
    let chosen: string[] = [];
    // The native dialog is the one Electron-binary boundary: it is stood in for by a function returning the chosen paths.
    core = makeTestCore(undefined, { pickFiles: async () => chosen });
    const dir = core.dir.file('Downloads');
    cpSync(new URL('.', FIXTURE_DIR), dir, { recursive: true });
    writeFileSync(`${dir}/ferry.txt`, 'Ferry timetable cut\n\nIslanders learned on Monday that the evening ferry would stop running.\n');
    writeFileSync(`${dir}/empty.html`, '');
    chosen = [`${dir}/harbour-report.html`, `${dir}/ferry.txt`, `${dir}/harbour-report.html`, `${dir}/empty.html`, `${dir}/gone.html`];

    const answer = await dispatch(core.handlers, 'clip.pickFiles', {});
    expect(answer.ok).toBe(true);
    const { results } = (answer as { ok: true; value: { results: { input: string; status: string; error: string | null }[] } }).value;
    expect(results.map((r) => [r.input.replace(`${dir}/`, ''), r.status])).toEqual([
      ['harbour-report.html', 'clipped'],
      ['ferry.txt', 'clipped'],
      ['harbour-report.html', 'duplicate'],
      ['empty.html', 'failed'],
      ['gone.html', 'failed'],
    ]);
    expect(results[3]!.error).toBe('The file is empty.');
    expect(results[4]!.error).toMatch(/No such file/);
    // The page's image came from its _files folder beside it.
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_version_assets').pluck().get()).toBe(1);

    chosen = [];
    expect(await dispatch(core.handlers, 'clip.pickFiles', {})).toEqual({ ok: true, value: { results: [] } });
  });

  it('without a dialog (the browser harness) it says how to add files instead', async () => {
    core = makeTestCore();
    expect(await dispatch(core.handlers, 'clip.pickFiles', {})).toMatchObject({ ok: false, error: { code: 'unsupported', message: expect.stringMatching(/drop them onto the window/) } });
  });
});

describe("Electron's file dialog, one file per call (clip.chooseFiles + clip.chosenFile): the renderer shows progress", () => {
  let core: ReturnType<typeof makeTestCore> | undefined;
  afterEach(() => core?.close());

  it('remembers the chosen paths as a batch, gives the renderer only names, and clips each by index', async () => {
    let chosen: string[] = [];
    core = makeTestCore(undefined, { pickFiles: async () => chosen });
    const dir = core.dir.file('Downloads');
    cpSync(new URL('.', FIXTURE_DIR), dir, { recursive: true });
    writeFileSync(`${dir}/empty.html`, '');
    chosen = [`${dir}/harbour-report.html`, `${dir}/empty.html`];

    const picked = await dispatch(core.handlers, 'clip.chooseFiles', {});
    expect(picked).toMatchObject({ ok: true, value: { names: ['harbour-report.html', 'empty.html'] } });
    const batch = (picked as { value: { batch: string } }).value.batch;
    expect(await dispatch(core.handlers, 'clip.chosenFile', { batch, index: 0 })).toMatchObject({ ok: true, value: { status: 'clipped', title: 'Harbour dredging report leaves council split' } });
    // Its image came from the _files folder beside the chosen page.
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_version_assets').pluck().get()).toBe(1);
    expect(await dispatch(core.handlers, 'clip.chosenFile', { batch, index: 1 })).toMatchObject({ ok: true, value: { status: 'failed', error: 'The file is empty.' } });
    // The batch is spent once its last file is clipped; other indexes and made-up batches were never chosen.
    expect(await dispatch(core.handlers, 'clip.chosenFile', { batch, index: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(core.handlers, 'clip.chosenFile', { batch: 'made-up', index: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    chosen = [];
    expect(await dispatch(core.handlers, 'clip.chooseFiles', {})).toMatchObject({ ok: true, value: { names: [] } });
  });
});

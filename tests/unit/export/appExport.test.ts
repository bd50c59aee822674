import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreHost } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import type { ExportJobStatus } from '../../../shared/contract/domains/export';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';

type TestCore = ReturnType<typeof makeTestCore>;

/**
 * The app's export paths (project jobs with progress, overwrite only after a
 * yes, archive export/import behind dialogs). The dialogs are Electron's, the
 * one boundary that cannot exist here: the host functions stand in for them.
 */
describe('export from the app', () => {
  const cores: TestCore[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.close()));

  function coreWith(host?: CoreHost): TestCore {
    const core = makeTestCore(undefined, host);
    cores.push(core);
    return core;
  }

  async function projectWithNotes(core: TestCore, count: number): Promise<number> {
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Harbour dredging' });
    const items: Array<{ type: 'note'; id: number }> = [];
    for (let i = 1; i <= count; i += 1) {
      const note = await callOk<{ id: number }>(core, 'notes.create', { title: `Finding ${i}` });
      await callOk(core, 'notes.save', { id: note.id, contentJson: editorJson(`Finding number ${i}: the dredger ran aground.`) });
      items.push({ type: 'note', id: note.id });
    }
    await callOk(core, 'projects.addItems', { projectId: project.id, items });
    return project.id;
  }

  async function finished(core: TestCore, jobId: string, seen: ExportJobStatus[] = []): Promise<ExportJobStatus> {
    for (;;) {
      const status = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId });
      seen.push(status);
      if (status.state !== 'running') return status;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  it('runs a project export as a job whose progress counts up through rendering and writing', async () => {
    const core = coreWith();
    const projectId = await projectWithNotes(core, 120);
    const folder = core.dir.file('export');
    const started = await callOk<{ jobId: string; folder: string }>(core, 'export.projectStart', {
      name: String(projectId),
      folder,
      citationStyle: 'inline',
      obsidian: true,
      includeSources: false,
    });
    expect(started.folder).toBe(folder);
    // A second export into the same folder while the first runs is refused, not interleaved.
    expect(await dispatch(core.handlers, 'export.projectStart', { name: String(projectId), folder })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringContaining('still running') },
    });
    const seen: ExportJobStatus[] = [];
    const end = await finished(core, started.jobId, seen);
    expect(end.state).toBe('done');
    expect(end.result).toMatchObject({ folder, notes: 120, sources: 0, written: 121, unchanged: 0 });
    expect(readdirSync(`${folder}/notes`)).toHaveLength(120);
    expect(existsSync(`${folder}/index.md`)).toBe(true);
    // Obsidian mode reached the files: the index links notes as wikilinks.
    expect(readFileSync(`${folder}/index.md`, 'utf8')).toContain('[[notes/Finding 1|Finding 1]]');

    const running = seen.filter((s) => s.state === 'running');
    expect(running.length, 'the job was seen running at least once').toBeGreaterThan(0);
    const phases = running.map((s) => s.phase);
    // Phases never go back from writing to rendering; counts never go down within a phase.
    expect(phases.join(',')).toMatch(/^(rendering,)*(writing,?)*$/);
    for (let i = 1; i < running.length; i += 1) {
      if (running[i]!.phase === running[i - 1]!.phase) expect(running[i]!.done).toBeGreaterThanOrEqual(running[i - 1]!.done);
    }
    expect(end.done).toBe(121);
    expect(end.total).toBe(121);
  });

  it('stops on files Dossier did not write, writes nothing, and replaces exactly those only after the retry', async () => {
    const core = coreWith();
    const projectId = await projectWithNotes(core, 2);
    const folder = core.dir.file('mixed');
    mkdirSync(`${folder}/notes`, { recursive: true });
    writeFileSync(`${folder}/index.md`, 'my own index');
    writeFileSync(`${folder}/notes/Finding 2.md`, 'my own finding');
    writeFileSync(`${folder}/keep.txt`, 'unrelated');

    const started = await callOk<{ jobId: string }>(core, 'export.projectStart', { name: String(projectId), folder });
    const stopped = await finished(core, started.jobId);
    expect(stopped.state).toBe('conflict');
    // Files in the way come first (one question): agreeing to replace them also accepts the folder.
    expect(stopped.stoppedOn).toBe('replace');
    expect(stopped.conflicts.sort()).toEqual(['index.md', 'notes/Finding 2.md']);
    expect(stopped.error?.message).toContain('not written by Dossier');
    expect(readFileSync(`${folder}/index.md`, 'utf8')).toBe('my own index');
    // Nothing was written, not even a folder.
    expect(readdirSync(folder).sort()).toEqual(['index.md', 'keep.txt', 'notes']);
    expect(readdirSync(`${folder}/notes`)).toEqual(['Finding 2.md']);

    const retried = await callOk<{ jobId: string; folder: string }>(core, 'export.jobProceed', { jobId: stopped.jobId, confirmation: stopped.confirmToken });
    expect(retried.folder).toBe(folder);
    const done = await finished(core, retried.jobId);
    expect(done.state).toBe('done');
    expect(readFileSync(`${folder}/index.md`, 'utf8')).toContain('# Harbour dredging');
    expect(readFileSync(`${folder}/notes/Finding 2.md`, 'utf8')).toContain('Finding number 2');
    expect(readFileSync(`${folder}/keep.txt`, 'utf8')).toBe('unrelated');

    // The retry is single-use, and a finished export cannot be turned into an overwrite.
    expect(await dispatch(core.handlers, 'export.jobProceed', { jobId: stopped.jobId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dispatch(core.handlers, 'export.jobProceed', { jobId: retried.jobId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(core.handlers, 'export.jobStatus', { jobId: 'nosuchjob000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('asks before mixing an export into a folder of other files (not a Dossier export), once', async () => {
    const core = coreWith();
    const projectId = await projectWithNotes(core, 2);
    const folder = core.dir.file('documents');
    mkdirSync(folder);
    writeFileSync(`${folder}/interview.docx`, 'transcript');
    writeFileSync(`${folder}/.DS_Store`, 'finder litter');

    const started = await callOk<{ jobId: string }>(core, 'export.projectStart', { name: String(projectId), folder });
    const stopped = await finished(core, started.jobId);
    expect(stopped).toMatchObject({ state: 'conflict', stoppedOn: 'folder', conflicts: ['interview.docx'] });
    expect(readdirSync(folder).sort()).toEqual(['.DS_Store', 'interview.docx']);

    const retried = await callOk<{ jobId: string }>(core, 'export.jobProceed', { jobId: stopped.jobId, confirmation: stopped.confirmToken });
    expect(await finished(core, retried.jobId)).toMatchObject({ state: 'done', result: { notes: 2, written: 3 } });
    expect(readFileSync(`${folder}/interview.docx`, 'utf8')).toBe('transcript');

    // Now it is a Dossier export folder: no question the next time.
    const again = await callOk<{ jobId: string }>(core, 'export.projectStart', { name: String(projectId), folder });
    expect(await finished(core, again.jobId)).toMatchObject({ state: 'done' });

    // Only OS litter, or an empty folder: nothing to ask. The CLI's channel (the user typed the folder) never asks.
    const litter = core.dir.file('litter');
    mkdirSync(litter);
    writeFileSync(`${litter}/Thumbs.db`, 'x');
    const quiet = await callOk<{ jobId: string }>(core, 'export.projectStart', { name: String(projectId), folder: litter });
    expect(await finished(core, quiet.jobId)).toMatchObject({ state: 'done' });
    const typed = core.dir.file('typed');
    mkdirSync(typed);
    writeFileSync(`${typed}/draft.txt`, 'x');
    expect(await dispatch(core.handlers, 'export.project', { name: String(projectId), folder: typed })).toMatchObject({ ok: true });
  });

  it('asks the host for the folder when none is given, and does nothing when the dialog is cancelled', async () => {
    let answer: string | undefined = undefined;
    const titles: string[] = [];
    const core = coreWith({
      chooseExportFolder: async ({ title }) => {
        titles.push(title);
        return answer;
      },
    });
    const projectId = await projectWithNotes(core, 1);
    expect(await callOk(core, 'export.projectStart', { name: String(projectId) })).toBeNull();
    expect(titles).toEqual(['Export “Harbour dredging” as Markdown into…']);

    answer = core.dir.file('picked');
    const started = await callOk<{ jobId: string; folder: string }>(core, 'export.projectStart', { name: String(projectId) });
    expect(started.folder).toBe(answer);
    expect((await finished(core, started.jobId)).state).toBe('done');
    expect(existsSync(`${answer}/notes/Finding 1.md`)).toBe(true);

    const bare = coreWith();
    const bareProject = await projectWithNotes(bare, 1);
    expect(await dispatch(bare.handlers, 'export.projectStart', { name: String(bareProject) })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(await dispatch(bare.handlers, 'export.projectStart', { name: 'No such project', folder: bare.dir.file('x') })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('archives the library to the file chosen in the save dialog, only ever as a .gz', async () => {
    let chosen = '';
    const core = coreWith({ chooseSaveFile: async () => chosen });
    await projectWithNotes(core, 3);
    chosen = core.dir.file('library');
    const summary = await callOk<{ file: string; tables: Record<string, number> }>(core, 'export.archiveToChosenFile', {});
    expect(summary.file).toBe(`${chosen}.gz`);
    expect(summary.tables.notes).toBe(3);
    // A name the dialog did not approve (.gz was added) is never replaced.
    writeFileSync(core.dir.file('mine'), 'x');
    writeFileSync(core.dir.file('mine.gz'), 'my own gzip');
    chosen = core.dir.file('mine');
    expect(await dispatch(core.handlers, 'export.archiveToChosenFile', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(readFileSync(core.dir.file('mine.gz'), 'utf8')).toBe('my own gzip');
    chosen = '';
    expect(await callOk(core, 'export.archiveToChosenFile', {})).toBeNull();
  });

  it('previews an archive (what it will add) before importing it by token, never by path', async () => {
    const source = coreWith();
    await projectWithNotes(source, 4);
    const archive = source.dir.file('library.jsonl.gz');
    await callOk(source, 'export.archive', { file: archive });

    let pick: string | undefined = archive;
    const target = coreWith({ chooseOpenFile: async () => pick });
    const preview = await callOk<{ token: string; file: string; tables: Record<string, number>; createdAt: string | null }>(
      target,
      'export.importArchivePreview',
      {},
    );
    expect(preview.file).toBe(archive);
    expect(preview.tables).toMatchObject({ notes: 4, projects: 1 });
    expect(preview.createdAt).toMatch(/^2026-/);
    expect(target.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });

    // Only the latest preview can be confirmed; a token is good once.
    const second = await callOk<{ token: string }>(target, 'export.importArchivePreview', {});
    expect(await dispatch(target.handlers, 'export.importArchiveConfirm', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const imported = await callOk<{ tables: Record<string, number> }>(target, 'export.importArchiveConfirm', { token: second.token });
    expect(imported.tables.notes).toBe(4);
    expect(target.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 4 });
    expect(await dispatch(target.handlers, 'export.importArchiveConfirm', { token: second.token })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    // Now the library is not empty: the preview already says so, in the app's words.
    const refused = await dispatch(target.handlers, 'export.importArchivePreview', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!refused.ok && refused.error.message).toContain('start Dossier with a new library file');
    pick = undefined;
    expect(await callOk(target, 'export.importArchivePreview', {})).toBeNull();

    const damaged = source.dir.file('damaged.gz');
    writeFileSync(damaged, readFileSync(archive).subarray(0, 40));
    const fresh = coreWith();
    expect(await dispatch(fresh.handlers, 'export.importArchivePreview', { file: damaged })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

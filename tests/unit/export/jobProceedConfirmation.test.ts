import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobStatus } from '../../../electron/core/services/exportJobs';
import type { CoreHost } from '../../../electron/core/context';
import { dispatch } from '../../../electron/core/dispatch';
import { callOk, makeTestCore } from '../../helpers/core';

type TestCore = ReturnType<typeof makeTestCore>;

/**
 * export.jobProceed overwrites files the user did not let Dossier write. The
 * renderer's dialog asks, but a renderer taken over by hostile content could
 * call jobProceed itself: the yes must come from where the renderer cannot
 * forge it (main's native dialog in Electron; the conflict's one-time token in
 * the browser harness).
 */
describe('export.jobProceed needs the confirmation the dialog produced', () => {
  const cores: TestCore[] = [];
  afterEach(() => {
    for (const core of cores.splice(0)) core.close();
  });

  async function stoppedExport(host?: CoreHost): Promise<{ core: TestCore; folder: string; status: ExportJobStatus }> {
    const core = makeTestCore(undefined, host);
    cores.push(core);
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Harbour dredging' });
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'Finding' });
    await callOk(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'note', id: note.id }] });
    const folder = core.dir.file('export');
    mkdirSync(folder);
    writeFileSync(`${folder}/index.md`, 'my own index');
    const started = await callOk<{ jobId: string }>(core, 'export.projectStart', { name: String(project.id), folder });
    for (;;) {
      const status = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId: started.jobId });
      if (status.state !== 'running') {
        expect(status).toMatchObject({ state: 'conflict', stoppedOn: 'replace', conflicts: ['index.md'] });
        return { core, folder, status };
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  const untouched = (folder: string): void => {
    expect(readdirSync(folder)).toEqual(['index.md']);
    expect(readFileSync(`${folder}/index.md`, 'utf8')).toBe('my own index');
  };

  it('without a native dialog (harness): refused as forbidden without the token or with a wrong one, and nothing is written', async () => {
    const { core, folder, status } = await stoppedExport();
    expect(status.confirmToken).toMatch(/^[\w-]{20,}$/);
    for (const input of [{ jobId: status.jobId }, { jobId: status.jobId, confirmation: 'guess' }, { jobId: status.jobId, confirmation: `${status.confirmToken}x` }]) {
      expect(await dispatch(core.handlers, 'export.jobProceed', input)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    untouched(folder);
    // The right token proceeds once.
    const retried = await callOk<{ jobId: string }>(core, 'export.jobProceed', { jobId: status.jobId, confirmation: status.confirmToken });
    expect(retried.jobId).not.toBe(status.jobId);
  });

  it('in Electron main asks in its own dialog: a no refuses (whatever the renderer sends), a yes proceeds', async () => {
    const asked: { folder: string; files: string[]; stoppedOn: string }[] = [];
    let answer = false;
    const { core, folder, status } = await stoppedExport({
      // Stands in for electron/main/confirmDialog.ts (dialog.showMessageBox cannot run without the Electron binary).
      confirmExport: async (request) => {
        asked.push(request);
        return answer;
      },
    });
    expect(status.confirmToken).toBeNull();
    expect(await dispatch(core.handlers, 'export.jobProceed', { jobId: status.jobId, confirmation: 'anything' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(asked).toEqual([{ folder, files: ['index.md'], stoppedOn: 'replace' }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    untouched(folder);
    answer = true;
    const retried = await callOk<{ jobId: string }>(core, 'export.jobProceed', { jobId: status.jobId });
    for (;;) {
      const done = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId: retried.jobId });
      if (done.state === 'running') await new Promise((resolve) => setTimeout(resolve, 2));
      else {
        expect(done.state).toBe('done');
        break;
      }
    }
    expect(readFileSync(`${folder}/index.md`, 'utf8')).toContain('# Harbour dredging');
  });
});

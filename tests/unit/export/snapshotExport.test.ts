import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobStatus } from '../../../shared/contract/domains/export';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';
import { insertArticle } from '../../helpers/exportFixtures';

/**
 * A project export yields to the event loop while it renders (so the app
 * answers progress polls). It reads one snapshot on its own connection, so
 * what other calls do meanwhile neither breaks it nor half-appears in it, and
 * the shared connection never waits inside a transaction for it.
 */
describe('project export reads one snapshot', () => {
  let core: ReturnType<typeof makeTestCore> | undefined;
  afterEach(() => core?.close());

  it('finishes with the source it started with when that article is deleted mid-export', async () => {
    core = makeTestCore();
    const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Harbour dredging' });
    const { articleId } = insertArticle(core.ctx.db, { title: 'Dredging contract', text: 'The harbour board approved the dredging contract.' });
    const items: Array<{ type: 'note' | 'article'; id: number }> = [{ type: 'article', id: articleId }];
    for (let i = 1; i <= 120; i += 1) {
      const note = await callOk<{ id: number }>(core, 'notes.create', { title: `Finding ${i}` });
      await callOk(core, 'notes.save', { id: note.id, contentJson: editorJson(`Finding number ${i}.`) });
      items.push({ type: 'note', id: note.id });
    }
    await callOk(core, 'projects.addItems', { projectId: project.id, items });

    const folder = core.dir.file('export');
    const { jobId } = await callOk<{ jobId: string }>(core, 'export.projectStart', {
      name: String(project.id),
      folder,
      citationStyle: 'inline',
      obsidian: false,
      includeSources: true,
    });
    let status = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId });
    while (status.state === 'running' && status.done === 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      status = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId });
    }
    expect(status).toMatchObject({ state: 'running', phase: 'rendering' });
    // Mid-render: the article goes, and the deletion commits at once on the shared connection.
    await callOk(core, 'articles.delete', { id: articleId });
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: articleId }] });
    expect(core.ctx.db.inTransaction).toBe(false);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 0 });

    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 2));
      status = await callOk<ExportJobStatus>(core, 'export.jobStatus', { jobId });
    }
    expect(status.error).toBeNull();
    expect(status).toMatchObject({ state: 'done', result: { notes: 120, sources: 1 } });
    expect(existsSync(join(folder, 'sources'))).toBe(true);
    expect(readdirSync(join(folder, 'sources'))).toEqual(['Dredging contract.md']);
  });
});

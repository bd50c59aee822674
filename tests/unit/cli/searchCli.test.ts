import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier search / projects / tags', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const core = openCore(db);
    importPlainTextArticles(core.ctx, [
      { title: 'Dredging contract awarded', byline: 'Ana Ruiz', siteName: 'Harbour Times', text: 'The port authority awarded the dredging contract.' },
      { title: 'Council budget', text: 'The dredging budget was cut by the council.' },
      { title: 'Weather', text: 'Rain all week.' },
    ]);
    core.close();
  });
  afterEach(() => dir.cleanup());

  it('searches, as text with highlighted snippets and as JSON, honouring --limit', async () => {
    const human = await run('search', 'dredging', '--db', db);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Articles (2)');
    expect(human.stdout).toMatch(/article:1 {2}Dredging contract awarded {2}\(Harbour Times · Ana Ruiz · \d{4}-\d\d-\d\d\)/);
    expect(human.stdout).toContain('[dredging]');

    const json = await run('search', 'dredging', '--limit', '1', '--json', '--db', db);
    const result = JSON.parse(json.stdout);
    expect(result.groups[0]).toMatchObject({ type: 'article', count: 2, hits: [{ id: 1, title: 'Dredging contract awarded' }] });

    expect((await run('search', 'cyclone', '--db', db)).stdout).toContain('No matches.');
    // Several words without quotes are one query; a leading minus needs -- before it.
    expect(JSON.parse((await run('--db', db, 'search', '--json', '--', 'dredging', '-council')).stdout).groups[0].count).toBe(1);
  });

  it('explains a query it cannot run, and bad flags, with non-zero exits', async () => {
    const bad = await run('search', 'before:soon', '--db', db);
    expect(bad).toMatchObject({ code: 1, stderr: expect.stringContaining('needs a date') });
    expect(await run('search', 'x', '--limit', 'many', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('--limit') });
    expect(await run('search', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('Give a query') });
  });

  it('says did you mean: for a misspelt word and for a misspelt filter key', async () => {
    const word = await run('search', 'dreging', '--db', db);
    expect(word).toMatchObject({ code: 0, stderr: expect.stringContaining('Did you mean: dredging') });
    expect(word.stdout).toContain('No matches.');
    const key = await run('search', 'dredging', 'tpye:article', '--db', db);
    expect(key).toMatchObject({ code: 1, stderr: expect.stringContaining('Did you mean: dredging type:article') });
    expect(key.stderr).toContain('There is no filter "tpye:"');
  });

  it('manages projects and tags, then filters search by them', async () => {
    expect((await run('projects', 'create', 'Port', 'audit', '--db', db)).stdout).toContain('Created project 1: Port audit');
    expect((await run('projects', 'add', 'port audit', 'article:1', 'note:99', '--db', db))).toMatchObject({ code: 1, stderr: expect.stringContaining('note 99') });
    expect((await run('projects', 'add', 'port audit', 'article:1', 'a2', '--db', db)).stdout).toContain('Added 2 items');
    expect((await run('projects', 'remove', '1', 'article:2', '--db', db)).stdout).toContain('Removed 1 item');
    expect((await run('projects', 'show', 'Port audit', '--db', db)).stdout).toContain('article:1  Dredging contract awarded');
    expect((await run('projects', 'list', '--db', db)).stdout).toMatch(/1\s+1\s+0\s+Port audit/);
    expect((await run('tags', 'add', 'contracts', 'article:2', '--db', db)).stdout).toContain('Tagged 1 item with contracts');
    expect(JSON.parse((await run('tags', 'list', '--json', '--db', db)).stdout)).toEqual([{ id: 1, name: 'contracts', articleCount: 1, noteCount: 0, passageCount: 0 }]);

    const inProject = JSON.parse((await run('search', 'dredging project:"port audit"', '--json', '--db', db)).stdout);
    expect(inProject.groups[0].hits.map((h: { id: number }) => h.id)).toEqual([1]);
    const tagged = JSON.parse((await run('search', 'dredging tag:contracts', '--json', '--db', db)).stdout);
    expect(tagged.groups[0].hits.map((h: { id: number }) => h.id)).toEqual([2]);

    expect((await run('tags', 'remove', 'contracts', 'article:2', '--db', db)).stdout).toContain('Removed contracts from 1 item');
    expect(await run('tags', 'add', 'x', 'story:3', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('article:ID, note:ID or passage:ID') });
    expect(await run('projects', 'show', 'Nope', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('no project "Nope"') });
    expect((await run('projects', 'rename', 'Port audit', 'Port', 'probe', '--db', db)).stdout).toContain('Renamed project 1 to Port probe');
    expect((await run('projects', 'delete', 'port probe', '--db', db)).stdout).toContain('Deleted project 1');
  });

  it('lists the new commands in help', async () => {
    const help = (await run('--help')).stdout;
    for (const usage of ['search QUERY [--json] [--limit N]', 'projects list', 'projects add PROJECT ITEM...', 'tags add TAG ITEM...']) expect(help).toContain(usage);
  });
});

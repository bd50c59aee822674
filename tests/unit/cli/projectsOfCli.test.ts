import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier projects of', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const core = openCore(db);
    importPlainTextArticles(core.ctx, [{ title: 'Dredging contract awarded', text: 'The port authority awarded the dredging contract.' }]);
    core.close();
  });
  afterEach(() => dir.cleanup());

  it('names the projects of one item, as text and as JSON, and refuses a passage or two items', async () => {
    expect((await run('projects', 'of', 'article:1', '--db', db)).stdout).toBe('In no project.\n');
    await run('projects', 'create', 'Port audit', '--db', db);
    await run('projects', 'create', 'Council', '--db', db);
    await run('projects', 'add', 'port audit', 'article:1', '--db', db);
    await run('projects', 'add', 'council', 'a1', '--db', db);
    expect((await run('projects', 'of', 'a1', '--db', db)).stdout).toBe('Council\nPort audit\n');
    expect(JSON.parse((await run('projects', 'of', 'article:1', '--json', '--db', db)).stdout)).toMatchObject([{ name: 'Council', articleCount: 1 }, { name: 'Port audit' }]);
    expect(await run('projects', 'of', 'passage:1', '--db', db)).toMatchObject({ code: 2 });
    expect(await run('projects', 'of', 'a1', 'a2', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('Name one item') });
  });
});

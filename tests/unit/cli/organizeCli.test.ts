import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier projects merge, tags rename/merge/delete', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const core = openCore(db);
    importPlainTextArticles(core.ctx, [{ title: 'Strike called', text: 'Unions called a strike.' }, { title: 'Oil output', text: 'Output fell.' }]);
    core.close();
  });
  afterEach(() => dir.cleanup());

  it('merges one project into another by name', async () => {
    await run('projects', 'create', 'Venez', '--db', db);
    await run('projects', 'create', 'Venezuela strikes', '--db', db);
    await run('projects', 'add', 'Venez', 'article:1', 'article:2', '--db', db);
    expect((await run('projects', 'merge', 'venez', 'Venezuela strikes', '--db', db)).stdout).toBe('Merged venez into Venezuela strikes: 2 items moved.\n');
    expect(JSON.parse((await run('projects', 'list', '--json', '--db', db)).stdout)).toMatchObject([{ name: 'Venezuela strikes', articleCount: 2 }]);
    expect(await run('projects', 'merge', 'Venezuela strikes', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('Name two projects') });
  });

  it('renames, merges and deletes tags by name', async () => {
    await run('tags', 'add', 'verfied', 'article:1', '--db', db);
    await run('tags', 'add', 'checked', 'article:2', '--db', db);
    expect((await run('tags', 'rename', 'verfied', 'verified', '--db', db)).stdout).toBe('Renamed verfied to verified.\n');
    expect((await run('tags', 'merge', 'checked', 'verified', '--db', db)).stdout).toBe('Merged checked into verified: 1 item newly tagged.\n');
    expect((await run('tags', 'of', 'article:2', '--db', db)).stdout).toBe('verified\n');
    expect((await run('tags', 'delete', 'verified', '--db', db)).stdout).toBe('Deleted tag verified.\n');
    expect((await run('tags', 'list', '--db', db)).stdout).toBe('No tags yet.\n');
    expect(await run('tags', 'delete', 'nothing', '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no tag') });
  });
});

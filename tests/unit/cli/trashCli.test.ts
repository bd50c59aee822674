import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier delete and the Trash', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const core = openCore(db);
    importPlainTextArticles(core.ctx, [
      { title: 'Dredging contract awarded', text: 'The port authority awarded the dredging contract.' },
      { title: 'Harbour fees rise', text: 'Fees at the harbour rose again.' },
    ]);
    core.close();
  });
  afterEach(() => dir.cleanup());

  it('says a delete moved the item to the Trash, lists it, restores it, and deletes for good only when asked', async () => {
    await run('notes', 'create', '--title', 'Timeline', '--db', db);
    expect(await run('notes', 'delete', '1', '--db', db)).toMatchObject({
      code: 0,
      stdout: 'Moved note 1 to the Trash (restore with: dossier trash restore note:1; emptied after 30 days).\n',
    });
    expect((await run('notes', 'list', '--db', db)).stdout).toBe('No notes yet.\n');
    expect((await run('trash', 'list', '--db', db)).stdout).toMatch(/note:1 .*Timeline/);
    expect((await run('trash', 'restore', 'note:1', '--db', db)).stdout).toBe('Restored 1 item.\n');
    expect((await run('notes', 'list', '--db', db)).stdout).toContain('Timeline');

    expect(JSON.parse((await run('articles', 'delete', '1', '--json', '--db', db)).stdout)).toEqual({ type: 'article', id: 1, trashed: true, retentionDays: 30 });
    expect((await run('articles', 'delete', '2', '--permanently', '--db', db)).stdout).toBe('Deleted article 2 permanently.\n');
    expect(JSON.parse((await run('trash', 'list', '--json', '--db', db)).stdout).items).toMatchObject([{ type: 'article', id: 1 }]);
    expect((await run('trash', 'keep', '7', '--db', db)).stdout).toBe('Deleted items stay 7 days in the Trash.\n');
    expect((await run('trash', 'empty', '--db', db)).stdout).toBe('Deleted 1 item permanently.\n');
    expect((await run('trash', 'list', '--db', db)).stdout).toBe('The Trash is empty (items stay 7 days).\n');
    // Deleting for good what is not in the trash is refused.
    expect(await run('trash', 'delete', 'note:1', '--db', db)).toMatchObject({ code: 1, stderr: expect.stringContaining('not in the trash') });
    expect(await run('trash', 'keep', '0', '--db', db)).toMatchObject({ code: 2 });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/openCore';
import { insertArticle } from '../../helpers/articles';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

describe('dossier quote / quotes', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  let articleId: number;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
    const core = openCore(db);
    ({ articleId } = insertArticle(core.ctx.db, {
      title: 'Mayor defends emergency procurement',
      siteName: 'Metro Radio',
      blocks: [
        { kind: 'p', text: 'The mayor called it “a textbook emergency purchase” on Friday.' },
        { kind: 'p', text: 'Council members said they were never consulted about the deal.' },
      ],
    }));
    core.close();
  });
  afterEach(() => dir.cleanup());

  it('quotes exact words into a new note titled after the article, then into that note; quotes lists them', async () => {
    const first = await run('quote', String(articleId), '--text', 'a textbook emergency purchase', '--db', db, '--json');
    expect(first.code, first.stderr).toBe(0);
    const { noteId, passage } = JSON.parse(first.stdout);
    expect(passage).toMatchObject({ exact: 'a textbook emergency purchase', anchor: { status: 'ok' } });

    const second = await run('quote', String(articleId), '--text', 'never consulted', '--note', String(noteId), '--db', db);
    expect(second).toMatchObject({ code: 0, stdout: expect.stringContaining(`into note ${noteId}`) });

    const shown = await run('notes', 'show', String(noteId), '--db', db);
    expect(shown.stdout).toContain('# Mayor defends emergency procurement');

    const listed = await run('quotes', String(noteId), '--db', db, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({ passageId: passage.id, status: 'ok', text: 'a textbook emergency purchase', source: expect.objectContaining({ title: 'Mayor defends emergency procurement', siteName: 'Metro Radio' }) }),
      expect.objectContaining({ status: 'ok', text: 'never consulted' }),
    ]);
    const human = await run('quotes', String(noteId), '--db', db);
    expect(human.stdout).toMatch(/1\s+\d+\s+ok\s+Metro Radio \/ Mayor defends emergency procurement\s+a textbook emergency purchase/);
  });

  it('text not in the article is an error; bad ids are usage errors; a missing note fails before any passage is made', async () => {
    const missing = await run('quote', String(articleId), '--text', 'a quiet afternoon', '--db', db, '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('is not in article') } });
    expect(await run('quote', 'abc', '--text', 'x', '--db', db)).toMatchObject({ code: 2 });
    expect(await run('quote', String(articleId), '--db', db)).toMatchObject({ code: 2, stderr: expect.stringContaining('--text') });
    expect(await run('quote', String(articleId), '--text', 'never consulted', '--note', '77', '--db', db)).toMatchObject({ code: 1, stderr: expect.stringContaining('Note 77') });
    const core = openCore(db);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual({ n: 0 });
    core.close();
  });
});

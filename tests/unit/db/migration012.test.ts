import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { insertPassage, setHighlight } from '../../../db/repositories/passages';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { openCore } from '../../../electron/core/openCore';
import { callOk } from '../../helpers/core';
import { makeTempDir } from '../../helpers/tempDir';

describe('migration 12 (highlight labels and comments)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('upgrades a version 11 library: its highlights keep their colour, gain no label or comment, and can be labelled', async () => {
    const path = dir.file('v11.sqlite');
    const v11 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 11) });
    expect(schemaVersion(v11)).toBe(11);
    const now = '2026-01-01T00:00:00.000Z';
    const ctx = { db: v11, now: () => now } as Parameters<typeof importPlainTextArticles>[0];
    const [memo] = importPlainTextArticles(ctx, [{ title: 'Memo', text: 'The harbour memo names the contractor.' }]).results;
    const version = v11.prepare('SELECT id FROM article_versions WHERE article_id = ?').get(memo!.articleId) as { id: number };
    const passageId = insertPassage(v11, {
      articleId: memo!.articleId,
      versionId: version.id,
      selectors: { quote: { type: 'TextQuoteSelector', exact: 'harbour memo', prefix: 'The ', suffix: ' names' }, position: { type: 'TextPositionSelector', start: 4, end: 16 } },
      exactSha256: 'x',
      source: { title: 'Memo', siteName: null, url: null },
      now,
    });
    setHighlight(v11, passageId, 'green', now);
    v11.close();

    const core = openCore(path, { now: () => now });
    try {
      expect(schemaVersion(core.ctx.db)).toBe(MIGRATIONS.length);
      const before = await callOk<{ highlight: string; label: string | null; comment: string | null }>(core, 'passages.get', { id: passageId });
      expect(before).toMatchObject({ highlight: 'green', label: null, comment: null });
      // A new library holds no label rows (the defaults live in code), so an archive can still be imported into it.
      expect(core.ctx.db.prepare('SELECT count(*) AS n FROM highlight_labels').get()).toEqual({ n: 0 });
      const labelled = await callOk(core, 'passages.annotate', { passageId, label: 'Verify', comment: 'Ask the port.' });
      expect(labelled).toMatchObject({ highlight: 'green', label: 'verify', comment: 'Ask the port.' });
      // The schema refuses what the shared rule refuses, whoever writes.
      expect(() => core.ctx.db.prepare('UPDATE highlights SET label = ? WHERE passage_id = ?').run('x'.repeat(41), passageId)).toThrow(/CHECK/);
      expect(() => core.ctx.db.prepare('UPDATE highlights SET comment = ? WHERE passage_id = ?').run('', passageId)).toThrow(/CHECK/);
    } finally {
      core.close();
    }
  });
});

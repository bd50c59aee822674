import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbCitationSource } from '../../../electron/core/export/dbCitationSource';
import { makeTestCore } from '../../helpers/core';
import { insertArticle, insertPassage } from '../../helpers/exportFixtures';

const TEXT = 'The board met in January.\n\nNo emergency was declared. No emergency was declared.';

describe('the database CitationSource', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('finds nothing for a passage that does not exist', () => {
    expect(dbCitationSource(core.ctx.db).passage(1)).toBeUndefined();
  });

  it('reads passages with their article metadata, access date and occurrence count', () => {
    const ref = insertArticle(core.ctx.db, { title: 'Minutes', text: TEXT, authors: ['Ana Ruiz'], outlet: 'Ledger', url: 'https://l.example/m', publishedAt: '2026-01-05', clippedAt: '2026-02-01T00:00:00.000Z' });
    const id = insertPassage(core.ctx.db, ref, TEXT, 'No emergency was declared.', 'orphan');
    expect(dbCitationSource(core.ctx.db).passage(id)).toEqual({
      passageId: id,
      exact: 'No emergency was declared.',
      prefix: 'The board met in January.\n\n',
      suffix: ' No emergency was declared.',
      status: 'orphan',
      occurrences: 2,
      article: { id: ref.articleId, title: 'Minutes', authors: ['Ana Ruiz'], outlet: 'Ledger', publishedAt: '2026-01-05', url: 'https://l.example/m', accessedAt: '2026-02-01T00:00:00.000Z' },
    });
  });

  it('cites a passage whose article was deleted from the snapshot it keeps, as no longer verifiable', () => {
    const ref = insertArticle(core.ctx.db, { title: 'Minutes', text: TEXT, outlet: 'Ledger', url: 'https://l.example/m' });
    const id = insertPassage(core.ctx.db, ref, TEXT, 'The board met in January.');
    core.ctx.db.prepare('DELETE FROM articles WHERE id = ?').run(ref.articleId);
    expect(dbCitationSource(core.ctx.db).passage(id)).toMatchObject({
      status: 'orphan',
      article: { title: 'Minutes', outlet: 'Ledger', url: 'https://l.example/m' },
    });
  });
});

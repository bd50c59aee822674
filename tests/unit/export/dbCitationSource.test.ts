import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dbCitationSource } from '../../../electron/core/export/dbCitationSource';
import { makeTestCore } from '../../helpers/core';
import { createPassagesTable, insertArticle, insertPassage } from '../../helpers/exportFixtures';

const TEXT = 'The board met in January.\n\nNo emergency was declared. No emergency was declared.';

describe('the database CitationSource', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('finds nothing (and says nothing is verbatim) while there is no passages table', () => {
    expect(dbCitationSource(core.ctx.db).passage(1)).toBeUndefined();
  });

  it('reads passages with their article metadata, access date and occurrence count', () => {
    createPassagesTable(core.ctx.db);
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

  it('without a status column, checks the stored offsets against the version text itself', () => {
    // A passages table shaped differently from ours: status lives elsewhere, offsets are start/end.
    core.ctx.db.exec(`CREATE TABLE passages (id INTEGER PRIMARY KEY, article_id INTEGER, version_id INTEGER, exact TEXT, prefix TEXT, suffix TEXT, "start" INTEGER, "end" INTEGER)`);
    const ref = insertArticle(core.ctx.db, { title: 'Minutes', text: TEXT });
    const insert = core.ctx.db.prepare('INSERT INTO passages (id, article_id, version_id, exact, prefix, suffix, "start", "end") VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run(1, ref.articleId, ref.versionId, 'The board met', '', '', 0, 13);
    insert.run(2, ref.articleId, ref.versionId, 'The board sat', '', '', 0, 13);
    insert.run(3, ref.articleId, ref.versionId, 'The board met', '', '', null, null);
    const source = dbCitationSource(core.ctx.db);
    expect([1, 2, 3].map((id) => source.passage(id)?.status)).toEqual(['ok', 'changed', 'orphan']);
  });

  it('takes the status from a passage_anchors table when passages has none (the design notes\' shape)', () => {
    core.ctx.db.exec(`CREATE TABLE passages (id INTEGER PRIMARY KEY, article_id INTEGER, exact TEXT, prefix TEXT, suffix TEXT, created_version_id INTEGER);
      CREATE TABLE passage_anchors (passage_id INTEGER, version_id INTEGER, status TEXT)`);
    const ref = insertArticle(core.ctx.db, { title: 'Minutes', text: TEXT });
    core.ctx.db.prepare('INSERT INTO passages VALUES (1, ?, ?, ?, ?, ?)').run(ref.articleId, 'The board met', '', ' in', ref.versionId);
    core.ctx.db.prepare('INSERT INTO passage_anchors VALUES (1, ?, ?), (1, ?, ?)').run(ref.versionId, 'ok', ref.versionId + 1, 'changed');
    expect(dbCitationSource(core.ctx.db).passage(1)).toMatchObject({ status: 'changed', occurrences: 1 });
  });
});

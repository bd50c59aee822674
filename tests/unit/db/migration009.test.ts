import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { FULL_TEXT_TABLES } from '../../../db/repositories/fullText';
import { insertNote, deleteNote } from '../../../db/repositories/notes';
import { insertPassage } from '../../../db/repositories/passages';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { openCore } from '../../../electron/core/openCore';
import { search } from '../../../electron/core/services/search';
import { makeTempDir } from '../../helpers/tempDir';

const word = () => [...randomBytes(14)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
/** FTS5 stores a term as a suffix of the term before it on the page: its last ten letters are in every copy. */
const holds = (file: string, w: string) => existsSync(file) && readFileSync(file).includes(Buffer.from(w.slice(-10), 'utf8'));

describe('migration 9 (purge deleted text)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('purges the words that a version 8 library kept in its full-text index after deletions, and keeps what was not deleted', () => {
    const path = dir.file('v8.sqlite');
    const v8 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 8) });
    expect(schemaVersion(v8)).toBe(8);
    const now = '2026-01-01T00:00:00.000Z';
    const goneNote = word();
    const keptNote = word();
    const goneArticle = word();
    const goneQuote = word();
    const keptArticle = word();
    const noteId = insertNote(v8, { title: 'Source', contentJson: '{}', contentText: `meet ${goneNote} at the pier`, now });
    insertNote(v8, { title: 'Kept', contentJson: '{}', contentText: `council ${keptNote}`, now });
    const ctx = { db: v8, now: () => now } as Parameters<typeof importPlainTextArticles>[0];
    const [gone, kept] = importPlainTextArticles(ctx, [
      { title: 'Memo', text: `${goneQuote} opens the memo that names ${goneArticle}.` },
      { title: 'Minutes', text: `The minutes name ${keptArticle}.` },
    ]).results;
    const version = v8.prepare('SELECT id FROM article_versions WHERE article_id = ?').get(gone!.articleId) as { id: number };
    insertPassage(v8, {
      articleId: gone!.articleId,
      versionId: version.id,
      selectors: { quote: { type: 'TextQuoteSelector', exact: goneQuote, prefix: '', suffix: ' opens the memo' }, position: { type: 'TextPositionSelector', start: 0, end: goneQuote.length } },
      exactSha256: 'x',
      source: { title: 'Memo', siteName: null, url: null },
      now,
    });
    deleteNote(v8, noteId);
    v8.prepare('DELETE FROM articles WHERE id = ?').run(gone!.articleId);
    v8.close();
    // Version 8 left the deleted words in the index's shadow tables (lowercased tokens), in the closed file.
    for (const w of [goneNote, goneArticle, goneQuote]) expect({ w, inFile: holds(path, w) }).toEqual({ w, inFile: true });

    const v9 = openDatabase(path);
    expect(schemaVersion(v9)).toBe(MIGRATIONS.length);
    for (const table of Object.values(FULL_TEXT_TABLES).flat()) {
      // The trigram tables index only some rows of their content, so they are checked on their own (0), not against it.
      v9.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', ${table.endsWith('_trigram') ? 0 : 1})`);
    }
    v9.close();
    for (const w of [goneNote, goneArticle, goneQuote]) {
      expect({ w, inFile: holds(path, w), inWal: holds(`${path}-wal`, w) }).toEqual({ w, inFile: false, inWal: false });
    }
    expect(holds(path, keptNote)).toBe(true);

    const core = openCore(path, { now: () => now });
    try {
      const hits = (query: string, type: string) => search(core.ctx, query).groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];
      expect(hits(keptNote, 'note')).toHaveLength(1);
      expect(hits(keptArticle, 'article')).toEqual([kept!.articleId]);
      expect(hits(goneArticle, 'article')).toEqual([]);
    } finally {
      core.close();
    }
  });
});

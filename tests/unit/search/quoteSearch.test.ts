import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { deleteArticle } from '../../../electron/core/services/articles';
import * as notes from '../../../electron/core/services/notes';
import { findPassage } from '../../../electron/core/services/passages';
import { quoteIntoNote } from '../../../electron/core/services/noteQuotes';
import * as projects from '../../../electron/core/services/projects';
import { search } from '../../../electron/core/services/search';
import * as tags from '../../../electron/core/services/tags';
import type { SearchResult } from '../../../shared/domain/search';
import { editorJson, makeTestCore } from '../../helpers/core';
import { runCli } from '../../helpers/runCli';
import { deletePermanently } from '../../../electron/core/services/trash';

type TestCore = ReturnType<typeof makeTestCore>;

const quoteIds = (result: SearchResult) => result.groups.find((g) => g.type === 'quote')?.hits.map((h) => h.id) ?? [];
const quoteCount = (result: SearchResult) => result.groups.find((g) => g.type === 'quote')?.count ?? 0;

/** The search index agrees with its source: FTS5's own integrity check, plus one row per passage. */
function assertQuoteIndexIntact(core: TestCore): void {
  const db = core.ctx.db;
  expect(() => db.prepare(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 0)`).run()).not.toThrow();
  expect(db.prepare(`SELECT count(*) FROM passage_fts_docsize`).pluck().get()).toBe(db.prepare(`SELECT count(*) FROM passages`).pluck().get());
}

describe('quotes in search', () => {
  let core: TestCore;
  let articleId: number;
  beforeEach(() => {
    core = makeTestCore();
    articleId = importPlainTextArticles(core.ctx, [
      {
        title: 'Harbour board minutes',
        siteName: 'harbour.example',
        byline: 'Ines Okafor',
        text: 'The board approved the dredging contract without a tender.\n\nOne member said the silt would be dumped near the eel grass beds.\n\n港口局长拒绝置评。',
      },
    ]).results[0]!.articleId;
  });
  afterEach(() => core.close());

  it('finds passages by their text and the notes quoting them, kept in sync with notes', () => {
    const tender = findPassage(core.ctx, articleId, 'approved the dredging contract without a tender');
    const silt = findPassage(core.ctx, articleId, 'the silt would be dumped near the eel grass beds');
    expect(quoteIds(search(core.ctx, 'tender type:quote'))).toEqual([tender.id]);
    expect(quoteIds(search(core.ctx, 'type:quote harbour'))).toEqual([]); // the source's title finds the article, not each quote
    expect(quoteIds(search(core.ctx, 'eel grass'))).toEqual([silt.id]); // quotes are in the default search
    expect(search(core.ctx, 'type:quote tender').groups.map((g) => g.type)).toEqual(['quote']);

    // Quoted in a note: the note's title finds the quote; renaming or deleting the note updates it.
    const { noteId } = quoteIntoNote(core.ctx, { passageId: tender.id, kind: 'block' });
    notes.renameNote(core.ctx, noteId, 'Procurement story');
    expect(quoteIds(search(core.ctx, 'procurement type:quote'))).toEqual([tender.id]);
    const hit = search(core.ctx, 'procurement type:quote').groups[0]!.hits[0]!;
    expect(hit).toMatchObject({ type: 'quote', articleId, title: 'Harbour board minutes', noteCount: 1, notes: [{ id: noteId, title: 'Procurement story' }], anchorStatus: 'ok' });
    notes.renameNote(core.ctx, noteId, 'Budget story');
    expect(quoteIds(search(core.ctx, 'procurement type:quote'))).toEqual([]);
    expect(quoteIds(search(core.ctx, 'budget type:quote'))).toEqual([tender.id]);
    // The note drops the quote (saved without it): the link and the title go.
    notes.saveNoteContent(core.ctx, noteId, editorJson('No quotes left.'));
    expect(quoteIds(search(core.ctx, 'budget type:quote'))).toEqual([]);
    quoteIntoNote(core.ctx, { passageId: silt.id, noteId, kind: 'inline' });
    expect(quoteIds(search(core.ctx, 'budget type:quote'))).toEqual([silt.id]);
    notes.deleteNote(core.ctx, noteId);
    deletePermanently(core.ctx, [{ type: 'note', id: noteId }]);
    expect(quoteIds(search(core.ctx, 'budget type:quote'))).toEqual([]);
    assertQuoteIndexIntact(core);

    // A passage removed outright leaves the index. Deleting the article keeps a quote a note still
    // holds (source deleted) and deletes the passages no note quotes (services/purge.ts).
    core.ctx.db.prepare(`DELETE FROM passages WHERE id = ?`).run(tender.id);
    expect(quoteIds(search(core.ctx, 'tender type:quote'))).toEqual([]);
    const kept = quoteIntoNote(core.ctx, { passageId: silt.id, kind: 'block' });
    const unquoted = findPassage(core.ctx, articleId, 'approved the dredging contract');
    deleteArticle(core.ctx, articleId);
    deletePermanently(core.ctx, [{ type: 'article', id: articleId }]);
    expect(search(core.ctx, 'eel type:quote').groups[0]!.hits[0]).toMatchObject({ id: silt.id, articleId: null, anchorStatus: 'source_deleted' });
    expect(core.ctx.db.prepare('SELECT id FROM passages').all()).toEqual([{ id: silt.id }]);
    expect(unquoted.id).not.toBe(silt.id);
    expect(kept.noteId).toBeGreaterThan(0);
    assertQuoteIndexIntact(core);
  });

  it('highlights the words found, finds spaceless scripts, and ranks the quoted text above the quoting notes', () => {
    const zh = findPassage(core.ctx, articleId, '港口局长拒绝置评');
    const silt = findPassage(core.ctx, articleId, 'the silt would be dumped');
    const board = findPassage(core.ctx, articleId, 'The board approved the dredging contract');
    expect(quoteIds(search(core.ctx, '局长 type:quote'))).toEqual([zh.id]);
    const hits = search(core.ctx, 'silt type:quote').groups[0]!.hits;
    expect(hits[0]!.snippet.filter((p) => p.hit).map((p) => p.text)).toEqual(['silt']);
    // "board" is in one passage's text and in the title of the note quoting another: the text wins.
    const { noteId } = quoteIntoNote(core.ctx, { passageId: silt.id, kind: 'block' });
    notes.renameNote(core.ctx, noteId, 'Board silt memo');
    expect(quoteIds(search(core.ctx, 'board type:quote'))).toEqual([board.id, silt.id]);
    expect(quoteIds(search(core.ctx, 'board type:quote'))).not.toContain(zh.id);
  });

  it('filters quotes by tag, project, site, author and date; is: filters leave them out', () => {
    const tender = findPassage(core.ctx, articleId, 'approved the dredging contract');
    const silt = findPassage(core.ctx, articleId, 'the silt would be dumped');
    tags.addTag(core.ctx, 'On the record', [{ type: 'passage', id: tender.id }]);
    expect(tags.listTags(core.ctx)).toEqual([expect.objectContaining({ name: 'On the record', articleCount: 0, noteCount: 0, passageCount: 1 })]);
    expect(tags.tagsOf(core.ctx, { type: 'passage', id: tender.id })).toEqual(['On the record']);
    const find = (q: string) => quoteIds(search(core.ctx, q)).sort();
    expect(find('type:quote tag:"on the record"')).toEqual([tender.id]);
    expect(find('type:quote -tag:"on the record" silt OR dredging')).toEqual([silt.id]);
    expect(quoteCount(search(core.ctx, 'tag:"on the record"'))).toBe(1);
    const project = projects.createProject(core.ctx, 'Port');
    projects.addItems(core.ctx, project.id, [{ type: 'article', id: articleId }]);
    expect(find('type:quote project:port')).toEqual([tender.id, silt.id].sort());
    expect(find('type:quote site:harbour.example')).toEqual([tender.id, silt.id].sort());
    expect(find('type:quote author:okafor')).toEqual([tender.id, silt.id].sort());
    expect(find('type:quote after:2030')).toEqual([]);
    expect(find('type:quote is:starred')).toEqual([]);
    expect(() => tags.addTag(core.ctx, 'x', [{ type: 'passage', id: 999 }])).toThrow(/passage 999/);
    tags.removeTag(core.ctx, 'On the record', [{ type: 'passage', id: tender.id }]);
    expect(tags.listTags(core.ctx)).toEqual([]); // a tag left on nothing goes
  });

  it('tags passages from the CLI', async () => {
    const tender = findPassage(core.ctx, articleId, 'approved the dredging contract');
    const db = core.dir.file('dossier.sqlite'); // the CLI opens the same library file, as a second process would
    expect((await runCli('tags', 'add', 'verified', `passage:${tender.id}`, 'article:' + articleId, '--db', db)).stdout).toMatch(/Tagged 2 items with verified/);
    expect((await runCli('tags', 'of', `p${tender.id}`, '--db', db)).stdout.trim()).toBe('verified');
    expect((await runCli('tags', 'list', '--db', db)).stdout).toMatch(/1\s+0\s+1\s+verified/);
    const found = await runCli('search', 'type:quote tag:verified', '--db', db);
    expect(found.stdout).toMatch(new RegExp(`passage:${tender.id}\\s+from Harbour board minutes`));
    expect((await runCli('tags', 'add', 'verified', 'passage:x', '--db', db)).code).not.toBe(0);
  });
});

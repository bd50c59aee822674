import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPlainTextArticles, type PlainTextArticle } from '../../../electron/core/services/articleImport';
import * as notes from '../../../electron/core/services/notes';
import * as projects from '../../../electron/core/services/projects';
import { search } from '../../../electron/core/services/search';
import { setArticleState } from '../../../electron/core/services/library';
import * as tags from '../../../electron/core/services/tags';
import type { SearchResult } from '../../../shared/domain/search';
import { editorJson, makeTestCore } from '../../helpers/core';
import { deletePermanently } from '../../../electron/core/services/trash';

type TestCore = ReturnType<typeof makeTestCore>;

function ids(result: SearchResult, type: 'article' | 'note'): number[] {
  return result.groups.find((g) => g.type === type)?.hits.map((h) => h.id) ?? [];
}

function hitWords(result: SearchResult): string[] {
  return result.groups.flatMap((g) => g.hits.flatMap((h) => h.snippet.filter((p) => p.hit).map((p) => p.text)));
}

/** Filler that matches none of the test queries, so documents have comparable lengths. */
const FILLER = 'The council met on Tuesday and discussed the schedule for the coming weeks in some detail.';

function article(core: TestCore, a: PlainTextArticle): number {
  return importPlainTextArticles(core.ctx, [a]).results[0]!.articleId;
}

function note(core: TestCore, title: string, ...paragraphs: string[]): number {
  const { id } = notes.createNote(core.ctx, title);
  notes.saveNoteContent(core.ctx, id, editorJson(...paragraphs));
  return id;
}

function assertIndexesIntact(core: TestCore): void {
  for (const table of ['article_fts', 'note_fts']) {
    expect(() => core.ctx.db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run(), table).not.toThrow();
  }
}

describe('search service', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('ranks a title match above a byline match above a body match', () => {
    const body = article(core, { title: 'Weekly roundup', byline: 'Ana Ruiz', text: `${FILLER}\n\nA dredging permit was filed.` });
    const title = article(core, { title: 'Dredging permit questioned', byline: 'Ana Ruiz', text: `${FILLER}\n\nA permit was filed.` });
    const byline = article(core, { title: 'Port news', byline: 'Dredging Desk', text: `${FILLER}\n\nA permit was filed.` });
    expect(ids(search(core.ctx, 'dredging'), 'article')).toEqual([title, byline, body]);
  });

  it('ranks more occurrences higher among body matches, and returns highlighted snippets', () => {
    const once = article(core, { title: 'One', text: `${FILLER} Subpoena issued. ${FILLER}` });
    const thrice = article(core, { title: 'Three', text: `${FILLER} Subpoena, subpoena and another subpoena. ${FILLER}` });
    const result = search(core.ctx, 'subpoena');
    expect(ids(result, 'article')).toEqual([thrice, once]);
    expect(result.groups[0]).toMatchObject({ type: 'article', count: 2 });
    expect(hitWords(result).map((w) => w.toLowerCase())).toContain('subpoena');
    const snippetText = result.groups[0]!.hits[1]!.snippet.map((p) => p.text).join('');
    expect(snippetText).toContain('Subpoena issued');
    expect(snippetText.includes('\u0001') || snippetText.includes('\u0002')).toBe(false);
  });

  it('groups articles and notes with counts, and limits hits per type', () => {
    for (let i = 0; i < 5; i++) article(core, { title: `Shell company ${i}`, text: FILLER });
    note(core, 'Shell company map', 'Who owns which shell company.');
    const result = search(core.ctx, 'shell', { limit: 3 });
    expect(result.groups.map((g) => [g.type, g.count, g.hits.length])).toEqual([
      ['article', 5, 3],
      ['note', 1, 1],
      ['quote', 0, 0],
    ]);
    expect(result.total).toBe(6);
  });

  it('matches phrases exactly, prefixes, OR and exclusions', () => {
    const a = article(core, { title: 'A', text: 'The money laundering network spanned three banks.' });
    const b = article(core, { title: 'B', text: 'Laundering money is not what the bank said.' });
    const c = article(core, { title: 'C', text: 'Launderette owners protested.' });
    expect(ids(search(core.ctx, '"money laundering"'), 'article')).toEqual([a]);
    expect(ids(search(core.ctx, 'laundering money'), 'article').sort()).toEqual([a, b].sort());
    expect(ids(search(core.ctx, 'launder*'), 'article').sort()).toEqual([a, b, c].sort());
    expect(ids(search(core.ctx, 'launder* -bank*'), 'article')).toEqual([c]);
    expect(ids(search(core.ctx, 'protested OR network'), 'article').sort()).toEqual([a, c].sort());
    expect(ids(search(core.ctx, '-network is:unread'), 'article').sort()).toEqual([b, c].sort());
  });

  it('ignores diacritics and case in both directions', () => {
    const a = article(core, { title: 'Café owners', byline: 'María Pérez', text: 'Interview in São Paulo.' });
    const b = article(core, { title: 'Cafe owners', byline: 'Maria Perez', text: 'Interview in Sao Paulo.' });
    for (const q of ['cafe', 'CAFÉ', 'perez', 'pérez', '"sao paulo"', 'SÃO*']) {
      expect(ids(search(core.ctx, q), 'article').sort(), q).toEqual([a, b].sort());
    }
  });

  it('finds Chinese, Japanese, Korean and Thai text by any part of a word', () => {
    const zh = article(core, { title: '港口调查', text: '我们在东京都工作。北京的消息来源证实了这笔交易。' });
    const th = article(core, { title: 'ข่าว', text: 'รัฐบาลกรุงเทพมหานครประกาศงบประมาณใหม่' });
    const ko = article(core, { title: '보도', text: '서울에서 기자회견이 열렸다' });
    const mixed = article(core, { title: 'Tokyo notes', text: 'Meeting in Tokyo (東京) with the harbour authority.' });
    const ja = note(core, '取材メモ', '大阪の港湾局に電話した。');
    expect(ids(search(core.ctx, '东京都'), 'article')).toEqual([zh]);
    expect(ids(search(core.ctx, '北京'), 'article')).toEqual([zh]); // two characters: below the trigram size
    expect(ids(search(core.ctx, '京'), 'article').sort()).toEqual([zh, mixed].sort());
    expect(ids(search(core.ctx, 'กรุงเทพ'), 'article')).toEqual([th]);
    expect(ids(search(core.ctx, '서울'), 'article')).toEqual([ko]);
    expect(ids(search(core.ctx, '港湾局'), 'note')).toEqual([ja]);
    expect(ids(search(core.ctx, 'harbour 東京'), 'article')).toEqual([mixed]);
    expect(ids(search(core.ctx, '京 -tokyo'), 'article')).toEqual([zh]);
    expect(ids(search(core.ctx, 'tokyo OR 北京'), 'article').sort()).toEqual([zh, mixed].sort());
    const snippet = search(core.ctx, '北京').groups[0]!.hits[0]!.snippet;
    expect(snippet.find((p) => p.hit)?.text).toBe('北京');
  });

  it('filters by tag, project, site, author, state, star, dates and type', () => {
    const nyt = article(core, { title: 'Port audit', byline: 'Ana Ruiz', siteName: 'The New York Times', canonicalUrl: 'https://www.nytimes.com/port', publishedAt: '2024-03-10', text: `audit ${FILLER}` });
    const local = article(core, { title: 'Port audit follow-up', byline: 'Luis Gómez', siteName: 'Harbour Times', canonicalUrl: 'https://harbour.example/audit', text: `audit ${FILLER}` });
    const memo = note(core, 'Audit memo', 'audit questions');
    tags.addTag(core.ctx, 'Foreign Desk', [{ type: 'article', id: nyt }, { type: 'note', id: memo }]);
    const project = projects.createProject(core.ctx, 'Port Investigation');
    projects.addItems(core.ctx, project.id, [{ type: 'article', id: local }]);
    setArticleState(core.ctx, { ids: [local], readingState: 'read', starred: true });

    const find = (q: string) => ({ articles: ids(search(core.ctx, q), 'article').sort(), notes: ids(search(core.ctx, q), 'note') });
    expect(find('audit tag:"foreign desk"')).toEqual({ articles: [nyt], notes: [memo] });
    expect(find('audit -tag:"Foreign Desk"')).toEqual({ articles: [local], notes: [] });
    expect(find('audit project:"port investigation"')).toEqual({ articles: [local], notes: [] });
    expect(find('audit site:nytimes.com')).toEqual({ articles: [nyt], notes: [] });
    expect(find('audit site:harbour')).toEqual({ articles: [local], notes: [] });
    expect(find('author:gómez')).toEqual({ articles: [local], notes: [] });
    expect(find('audit is:unread')).toEqual({ articles: [nyt], notes: [] });
    expect(find('audit is:starred')).toEqual({ articles: [local], notes: [] });
    expect(find('audit -is:starred')).toEqual({ articles: [nyt], notes: [memo] });
    // published 2024-03-10 for nyt; the others were clipped/created on 2026-01-01 (test clock).
    expect(find('audit before:2024-04')).toEqual({ articles: [nyt], notes: [] });
    expect(find('audit after:2024-03-10')).toEqual({ articles: [local], notes: [memo] });
    expect(find('audit after:2024-03-09 before:2024-03-11')).toEqual({ articles: [nyt], notes: [] });
    expect(find('audit type:note')).toEqual({ articles: [], notes: [memo] });
    expect(find('is:read')).toEqual({ articles: [local], notes: [] }); // filters alone list items
  });

  it('returns a friendly message instead of failing', () => {
    expect(search(core.ctx, 'before:someday')).toMatchObject({ groups: [], total: 0, message: expect.stringContaining('needs a date') });
    expect(search(core.ctx, '')).toMatchObject({ groups: [], total: 0, message: null });
    expect(search(core.ctx, 'x type:quote')).toMatchObject({ groups: [{ type: 'quote', count: 0, hits: [] }], message: null });
  });

  it('never throws on hostile queries against a populated library', () => {
    article(core, { title: 'Café "quoted" NEAR OR', text: `東京 ${FILLER}` });
    note(core, 'n', 'body');
    const hostile = ['"', '"a', 'OR', 'a OR', 'NEAR(a b)', 'title:x', '(', '*', '-', '- -a', '^x', '{a}:b', "'; DROP TABLE notes; --", '\u0000', '東', '"東京', 'tag:"', 'x'.repeat(10_000), 'a '.repeat(5_000), '"'.repeat(10_000)];
    for (const q of hostile) {
      const result = search(core.ctx, q);
      expect(result.query).toBe(q);
      expect(result.message === null || result.message.length > 0).toBe(true);
    }
    expect(core.ctx.db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(1);
  });
});

describe('the search index stays in sync', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  const articleIds = (core: TestCore, q: string) => ids(search(core.ctx, q), 'article');
  const noteIds = (core: TestCore, q: string) => ids(search(core.ctx, q), 'note');

  it('when notes are created, edited, renamed and deleted', () => {
    const id = note(core, 'Ferry contract', 'The mayor signed the ferry deal.');
    expect(noteIds(core, 'mayor')).toEqual([id]);
    notes.saveNoteContent(core.ctx, id, editorJson('The governor signed it instead. 北京来源'));
    expect(noteIds(core, 'mayor')).toEqual([]);
    expect(noteIds(core, 'governor')).toEqual([id]);
    expect(noteIds(core, '北京')).toEqual([id]);
    notes.renameNote(core.ctx, id, 'Bridge tender');
    expect(noteIds(core, 'ferry')).toEqual([]);
    expect(noteIds(core, 'bridge')).toEqual([id]);
    notes.saveNoteContent(core.ctx, id, editorJson('Plain Latin text again.'));
    expect(noteIds(core, '北京')).toEqual([]);
    assertIndexesIntact(core);
    notes.deleteNote(core.ctx, id);
    // In the Trash: out of search at once; deleted for good: out of the index too.
    expect(noteIds(core, 'bridge')).toEqual([]);
    deletePermanently(core.ctx, [{ type: 'note', id }]);
    expect(core.ctx.db.prepare('SELECT count(*) FROM note_fts_docsize').pluck().get()).toBe(0);
    expect(core.ctx.db.prepare('SELECT count(*) FROM note_trigram_docsize').pluck().get()).toBe(0);
    assertIndexesIntact(core);
  });

  it('when articles get a new version, metadata edits, a version removed, and deletion', () => {
    const url = 'https://example.org/story';
    const id = article(core, { title: 'Original headline', byline: 'Ana', canonicalUrl: url, text: 'First version mentions the shipyard. 東京都' });
    expect(articleIds(core, 'shipyard')).toEqual([id]);
    expect(articleIds(core, '東京都')).toEqual([id]);

    // Re-clipping the same URL with new text adds version 2: only the latest version is searchable.
    expect(importPlainTextArticles(core.ctx, [{ title: 'ignored', canonicalUrl: url, text: 'Second version mentions the refinery.' }]).results[0]).toEqual({
      articleId: id,
      status: 'new_version',
    });
    expect(articleIds(core, 'shipyard')).toEqual([]);
    expect(articleIds(core, 'refinery')).toEqual([id]);
    expect(articleIds(core, '東京都')).toEqual([]);
    assertIndexesIntact(core);

    core.ctx.db.prepare(`UPDATE articles SET title = 'Corrected headline', byline = 'Bea' WHERE id = ?`).run(id);
    expect(articleIds(core, 'original')).toEqual([]);
    expect(articleIds(core, 'corrected bea refinery')).toEqual([id]);
    core.ctx.db.prepare(`UPDATE articles SET reading_state = 'read' WHERE id = ?`).run(id); // not indexed: no reindex needed
    assertIndexesIntact(core);

    core.ctx.db.prepare(`DELETE FROM article_versions WHERE article_id = ? AND version_no = 2`).run(id);
    expect(articleIds(core, 'shipyard')).toEqual([id]);
    expect(articleIds(core, '東京都')).toEqual([id]);
    assertIndexesIntact(core);

    core.ctx.db.prepare(`DELETE FROM articles WHERE id = ?`).run(id);
    expect(articleIds(core, 'shipyard OR corrected')).toEqual([]);
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_fts_docsize').pluck().get()).toBe(0);
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_trigram_docsize').pluck().get()).toBe(0);
    assertIndexesIntact(core);
  });

  it('re-importing identical text changes nothing', () => {
    const a = { title: 'Same', canonicalUrl: 'https://example.org/same', text: 'Unchanged text.' };
    const first = importPlainTextArticles(core.ctx, [a]).results[0]!;
    expect(importPlainTextArticles(core.ctx, [a]).results[0]).toEqual({ articleId: first.articleId, status: 'unchanged' });
    expect(core.ctx.db.prepare('SELECT count(*) FROM article_versions').pluck().get()).toBe(1);
  });

  it('an import with a bad entry stores nothing', () => {
    expect(() => importPlainTextArticles(core.ctx, [{ title: 'Good', text: 'fine' }, { title: '  ', text: 'no title' }])).toThrow(/needs a title/);
    expect(core.ctx.db.prepare('SELECT count(*) FROM articles').pluck().get()).toBe(0);
    expect(articleIds(core, 'fine')).toEqual([]);
  });
});

describe('search query plans', () => {
  let core: TestCore;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('rank and count every match in one pass over the index, even with filters (no per-id MATCH)', () => {
    importPlainTextArticles(
      core.ctx,
      Array.from({ length: 50 }, (_, i) => ({ title: `Report ${i}`, byline: 'Ana', siteName: 'example.org', text: `${FILLER} ${i} 東京都` })),
    );
    const db = core.ctx.db;
    const ranked: Array<{ sql: string; args: unknown[] }> = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      const statement = prepare(sql);
      if (!/MATERIALIZED/.test(sql)) return statement;
      const all = statement.all.bind(statement);
      return Object.assign(statement, { all: (...args: unknown[]) => (ranked.push({ sql, args }), all(...args)) });
    }) as typeof db.prepare;
    for (const q of ['council', 'council is:unread', 'council tag:x project:y site:example author:ana before:2030 after:2000 -is:starred', 'council 東京都', 'council -schedule']) {
      search(core.ctx, q);
    }
    db.prepare = prepare;
    expect(ranked.length).toBeGreaterThanOrEqual(6);
    for (const { sql, args } of ranked) {
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join('\n');
      // The main MATCH runs once (materialized), and no rowid constraint (=) is pushed into FTS5 anywhere.
      expect(plan.match(/SCAN (article|note|passage)_fts/g), `${sql}\n${plan}`).toHaveLength(1);
      for (const line of plan.split('\n').filter((l) => /VIRTUAL TABLE INDEX/.test(l))) expect(line, sql).toMatch(/VIRTUAL TABLE INDEX \d+:M\d*$/);
    }
  });
});

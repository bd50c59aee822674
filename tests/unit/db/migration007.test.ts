import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../db/connection';
import { schemaVersion } from '../../../db/migrate';
import { MIGRATIONS } from '../../../db/migrations';
import { getVersionContent } from '../../../db/repositories/articles';
import { openCore } from '../../../electron/core/openCore';
import { getPassage } from '../../../electron/core/services/passages';
import { insertPassage, replaceNoteQuotes } from '../../../db/repositories/passages';
import { insertNote } from '../../../db/repositories/notes';
import { editorJson } from '../../helpers/core';
import { originalText } from '../../../electron/core/services/clip';
import { search } from '../../../electron/core/services/search';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTempDir } from '../../helpers/tempDir';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** A version as Dossier up to migration 6 stored it: plain HTML, the original gzipped. */
function insertV6Article(db: Db, title: string, paragraphs: string[], original: Buffer, { damagedGzip = false } = {}): { articleId: number; versionId: number; html: string } {
  const now = '2026-01-01T00:00:00.000Z';
  const articleId = Number(db.prepare(`INSERT INTO articles (title, site_name, created_at, updated_at) VALUES (?, 'harbour.example', ?, ?)`).run(title, now, now).lastInsertRowid);
  const html = paragraphs.map((p) => `<p>${p}</p>`).join('\n');
  const text = paragraphs.join('\n\n');
  const gzip = gzipSync(original);
  if (damagedGzip) gzip[gzip.length - 6]! ^= 0xff; // CRC no longer matches
  const versionId = Number(
    db
      .prepare(
        `INSERT INTO article_versions (article_id, version_no, clipped_at, source_kind, original_gzip, original_sha256, original_size,
           content_html, content_text, text_sha256, word_count, extractor_version)
         VALUES (?, 1, ?, 'file', ?, ?, ?, ?, ?, ?, ?, 'v6-test')`,
      )
      .run(articleId, now, gzip, sha(original), original.length, html, text, sha(text), text.split(/\s+/).length).lastInsertRowid,
  );
  return { articleId, versionId, html };
}

describe('migration 7 (compact article versions)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => dir.cleanup());

  it('upgrades a library holding real data from version 6 and loses nothing', async () => {
    const path = dir.file('v6.sqlite');
    const v6 = openDatabase(path, { migrations: MIGRATIONS.slice(0, 6) });
    expect(schemaVersion(v6)).toBe(6);
    const paragraphs = ['The harbour authority approved the dredging contract on Tuesday.', 'Residents said the “silt plan” ignored the eel grass beds — again.', '港口的疏浚计划引起争议。'];
    const page = Buffer.from(`<html><body><h1>Dredging</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`, 'utf8');
    const a = insertV6Article(v6, 'Dredging contract approved', paragraphs, page);
    const plain = Buffer.from(`Eel grass\n\n${paragraphs[1]}`, 'utf8');
    const b = insertV6Article(v6, 'Eel grass', [paragraphs[1]!], plain);
    const damaged = insertV6Article(v6, 'Damaged original', ['A version whose stored gzip is damaged.'], Buffer.from('whatever'), { damagedGzip: true });
    // A passage and a note quoting it, as the v6 repositories stored them.
    const exact = paragraphs[0]!.slice(4, 20);
    const passageId = insertPassage(v6, {
      articleId: a.articleId,
      versionId: a.versionId,
      selectors: { quote: { type: 'TextQuoteSelector', exact, prefix: 'The ', suffix: paragraphs[0]!.slice(20, 40) }, position: { type: 'TextPositionSelector', start: 4, end: 20 } },
      exactSha256: sha(exact),
      source: { title: 'Dredging contract approved', siteName: 'harbour.example', url: null },
      now: '2026-01-02T00:00:00.000Z',
    });
    const noteId = insertNote(v6, { title: 'Quotes', contentJson: editorJson(exact), contentText: exact, now: '2026-01-02T00:00:00.000Z' });
    replaceNoteQuotes(v6, noteId, [{ ordinal: 0, passageId, kind: 'block', quotedText: exact, altered: false }]);
    const before = v6.prepare(`SELECT id, content_html, content_text, original_gzip, original_sha256, text_sha256 FROM article_versions ORDER BY id`).all();
    const noteBefore = v6.prepare(`SELECT * FROM notes WHERE id = ?`).get(noteId);
    const passageBefore = v6.prepare(`SELECT * FROM passages WHERE id = ?`).get(passageId);
    const quotesBefore = v6.prepare(`SELECT * FROM note_quotes WHERE note_id = ?`).all(noteId);
    v6.close();

    const core = openCore(path);
    const db = core.ctx.db;
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const rows = db.prepare(`SELECT id, content_html, content_html_z, original_gzip, original_z, content_text, original_sha256, text_sha256 FROM article_versions ORDER BY id`).all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) {
      const old = before[i] as Record<string, unknown>;
      // Text and both SHA-256s are untouched; HTML and the original read back exactly.
      expect(row).toMatchObject({ content_text: old.content_text, original_sha256: old.original_sha256, text_sha256: old.text_sha256 });
      expect(getVersionContent(db, row.id as number)!.html).toBe(old.content_html);
    }
    // Converted rows moved their bodies into the packed columns; the damaged one kept its old form.
    expect(rows[0]).toMatchObject({ content_html: '', original_gzip: Buffer.alloc(0) });
    expect(rows[0]!.original_z).toBeInstanceOf(Buffer);
    expect(rows[2]).toMatchObject({ content_html_z: null, original_z: null, original_gzip: (before[2] as { original_gzip: Buffer }).original_gzip });
    expect((await originalText(core.ctx, a.versionId)).text).toContain('silt plan');
    expect((await originalText(core.ctx, b.versionId)).text).toBe(plain.toString('utf8'));
    // The plain original is stored against its text: a handful of bytes.
    expect((rows[1]!.original_z as Buffer).length).toBeLessThan(plain.length / 2);

    expect(db.prepare(`SELECT * FROM passages WHERE id = ?`).get(passageId)).toEqual(passageBefore);
    expect(getPassage(core.ctx, passageId)).toMatchObject({ id: passageId, exact, anchor: { status: 'ok', start: 4, end: 20 } });
    expect(db.prepare(`SELECT * FROM notes WHERE id = ?`).get(noteId)).toEqual({ ...(noteBefore as object), trashed_at: null }); // migration 10 adds the column
    expect(db.prepare(`SELECT * FROM note_quotes WHERE note_id = ?`).all(noteId)).toEqual(quotesBefore);
    expect(getPassage(core.ctx, passageId).backlinks).toEqual([{ noteId, noteTitle: 'Quotes', quoteCount: 1 }]);
    // The reader's view of the quoted passage: its text at its offsets in the unchanged content_text.
    expect(getVersionContent(db, a.versionId)!.text.slice(4, 20)).toBe(exact);

    // Search still finds every article, by word and by a spaceless script.
    expect(search(core.ctx, 'dredging').groups.find((g) => g.type === 'article')!.hits.map((h) => h.id)).toEqual([a.articleId]);
    expect(search(core.ctx, '疏浚').groups.find((g) => g.type === 'article')!.count).toBe(1);
    expect(search(core.ctx, 'damaged').groups.find((g) => g.type === 'article')!.hits.map((h) => h.id)).toEqual([damaged.articleId]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    core.close();
  });

  it('keeps packed versions consistent: their text cannot change in place, plain HTML written over them wins', () => {
    const core = openCore(dir.file('new.sqlite'));
    const db = core.ctx.db;
    const { articleId } = importPlainTextArticles(core.ctx, [{ title: 'Ferry', text: 'The ferry <b>timetable</b> changed.\n\nTwice.' }]).results[0]!;
    const versionId = db.prepare(`SELECT id FROM article_versions WHERE article_id = ?`).pluck().get(articleId) as number;
    expect(getVersionContent(db, versionId)!.html).toBe('<p>The ferry &#60;b&#62;timetable&#60;/b&#62; changed.</p>\n<p>Twice.</p>');
    expect(() => db.prepare(`UPDATE article_versions SET content_text = 'other' WHERE id = ?`).run(versionId)).toThrow(/cannot change/);
    db.prepare(`UPDATE article_versions SET content_html = '<p>Repaired</p>' WHERE id = ?`).run(versionId);
    expect(getVersionContent(db, versionId)!.html).toBe('<p>Repaired</p>');
    expect(db.prepare(`SELECT content_html_z FROM article_versions WHERE id = ?`).pluck().get(versionId)).toBeNull();
    core.close();
  });
});

import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/openCore';
import { backupDirFor, createBackup } from '../../../electron/core/services/backups';
import { callOk, editorJson } from '../../helpers/core';
import { flipBytesInTablePage } from '../../helpers/corrupt';
import { makeTempDir } from '../../helpers/tempDir';

/**
 * Deleted means gone: from the library file, its WAL, the full-text index and
 * every backup taken after the deletion. The needles are single lowercase
 * words, as FTS5 stores them in its shadow tables (a mixed-case phrase would
 * miss the index's copy and pass while the words are still on disk).
 */
function uniqueWord(): string {
  // Letters only, so the tokenizer keeps it as one token; random so no other text can hold it.
  return [...randomBytes(14)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
}

/**
 * FTS5 prefix-compresses terms (a term is stored as the part that differs from
 * the term before it on its page), so the needle is the word's last ten
 * letters: every copy of the word, whole or compressed, holds them.
 */
function fileHolds(file: string, word: string): boolean {
  return existsSync(file) && readFileSync(file).includes(Buffer.from(word.slice(-10), 'utf8'));
}

/** The live files of the library (main file, WAL) that hold the word. */
function liveFilesHolding(dbPath: string, word: string): string[] {
  return [dbPath, `${dbPath}-wal`].filter((file) => fileHolds(file, word));
}

function backupsHolding(dbPath: string, word: string): string[] {
  const dir = backupDirFor(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).map((name) => join(dir, name)).filter((file) => fileHolds(file, word));
}

interface Words { title: string; body: string; quoted: string }

function words(): Words {
  return { title: uniqueWord(), body: uniqueWord(), quoted: uniqueWord() };
}

async function clipArticle(core: Core, w: Words): Promise<{ articleId: number; versionId: number }> {
  const body = `${w.quoted} opens this paragraph. The council met and ${w.body} was named in the memo. `.repeat(20);
  const page = `<html><head><title>Memo ${w.title}</title></head><body><article><h1>Memo ${w.title}</h1><p>${body}</p></article></body></html>`;
  const { results } = await callOk<{ results: { articleId: number; versionId: number }[] }>(core, 'clip.save', {
    inputs: [{ kind: 'paste', format: 'html', content: page }],
  });
  const clip = results[0]!;
  // A quoted passage puts its words in the quotes index too.
  await callOk(core, 'passages.create', { versionId: clip.versionId, start: 0, end: w.quoted.length + 20 });
  return clip;
}

async function writeNote(core: Core, w: Words): Promise<number> {
  const { id } = await callOk<{ id: number }>(core, 'notes.create', { title: `Source ${w.title}` });
  // Several revisions, a long one among them, so old copies sit in overflow pages and in WAL frames.
  for (const text of [`meet ${w.body}`, `meet ${w.body} `.repeat(400), `meet ${w.body} at pier nine, ${w.quoted}`]) {
    await callOk(core, 'notes.save', { id, contentJson: editorJson(text) });
  }
  return id;
}

describe('deleted notes and articles leave no word behind (T22)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let dbPath: string;
  let tick = Date.parse('2026-04-01T00:00:00.000Z');
  const now = () => new Date((tick += 1000)).toISOString();
  beforeEach(() => {
    dir = makeTempDir();
    dbPath = dir.file('dossier.sqlite');
    core = openCore(dbPath, { now });
  });
  afterEach(() => {
    core.close();
    dir.cleanup();
  });

  /** Every deleted word is absent from the live files (open and after close) and from a backup taken after the deletion. */
  async function expectGone(deleted: Words[], kept: Words): Promise<void> {
    const all = deleted.flatMap((w) => [w.title, w.body, w.quoted]);
    for (const word of all) expect({ word, files: liveFilesHolding(dbPath, word) }).toEqual({ word, files: [] });
    const after = await createBackup(core.ctx.db, dbPath, { reason: 'manual', now: now() });
    expect(after.ok).toBe(true);
    for (const word of all) expect({ word, inBackup: fileHolds(after.file, word) }).toEqual({ word, inBackup: false });
    // Kept text is still there, so the search itself works.
    expect(fileHolds(after.file, kept.body)).toBe(true);
    core.close();
    for (const word of all) expect({ word, files: liveFilesHolding(dbPath, word) }).toEqual({ word, files: [] });
    expect(liveFilesHolding(dbPath, kept.body)).toEqual([dbPath]);
    core = openCore(dbPath, { now });
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }

  it('notes.delete then trash.deletePermanently removes every word of the note from the file, the WAL, the index and later backups', async () => {
    const gone = words();
    const kept = words();
    const noteId = await writeNote(core, gone);
    await writeNote(core, kept);
    await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now() });
    expect(liveFilesHolding(dbPath, gone.body).length).toBeGreaterThan(0);
    expect(backupsHolding(dbPath, gone.body)).toHaveLength(1);

    // Delete moves the note to the Trash; deleting it from there is what scrubs it.
    await callOk(core, 'notes.delete', { id: noteId });
    expect(liveFilesHolding(dbPath, gone.body).length).toBeGreaterThan(0);
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'note', id: noteId }] });
    await expectGone([gone], kept);
  });

  it('articles.delete then trash.deletePermanently removes the article, its versions and its quoted passages, word by word', async () => {
    const gone = words();
    const kept = words();
    const { articleId } = await clipArticle(core, gone);
    await clipArticle(core, kept);
    expect(liveFilesHolding(dbPath, gone.quoted).length).toBeGreaterThan(0);

    await callOk(core, 'articles.delete', { id: articleId });
    await callOk(core, 'trash.deletePermanently', { items: [{ type: 'article', id: articleId }] });
    await expectGone([gone], kept);
  });

  it('library.deleteArticles then trash.empty removes every word of every deleted article', async () => {
    const gone = [words(), words(), words()];
    const kept = words();
    const ids: number[] = [];
    for (const w of gone) ids.push((await clipArticle(core, w)).articleId);
    await clipArticle(core, kept);

    await callOk(core, 'library.deleteArticles', { ids });
    await callOk(core, 'trash.empty', {});
    await expectGone(gone, kept);
  });

  it('the Trash emptied after its retention period (at the next start) leaves no word of a note or an article', async () => {
    const goneNote = words();
    const goneArticle = words();
    const kept = words();
    const noteId = await writeNote(core, goneNote);
    const { articleId } = await clipArticle(core, goneArticle);
    await writeNote(core, kept);
    await callOk(core, 'trash.settings', { retentionDays: 7 });
    await callOk(core, 'notes.delete', { id: noteId });
    await callOk(core, 'articles.delete', { id: articleId });
    core.close();
    // Eight days later the app starts again: the core empties what is past the period before anything else.
    tick += 8 * 24 * 60 * 60 * 1000;
    core = openCore(dbPath, { now });
    expect(await callOk(core, 'trash.list', {})).toMatchObject({ items: [] });
    await expectGone([goneNote, goneArticle], kept);
  });

  // The rotation prunes the deleted rows from older backups, merges their full-text indexes and VACUUMs them.
  it('a backup taken before the deletion is pruned of the deleted words at the next rotation', async () => {
    const gone = words();
    const kept = words();
    const noteId = await writeNote(core, gone);
    await writeNote(core, kept);
    const before = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now() });
    await callOk(core, 'notes.delete', { id: noteId });
    await callOk(core, 'trash.empty', {});
    expect(fileHolds(before.file, gone.body)).toBe(true);

    await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now() });
    for (const word of [gone.title, gone.body, gone.quoted]) expect({ word, backups: backupsHolding(dbPath, word) }).toEqual({ word, backups: [] });
    expect(backupsHolding(dbPath, kept.body)).toHaveLength(2);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get()).toEqual({ n: 0 });
  });

  it('a damaged backup that cannot be pruned is removed rather than left holding deleted text, and backups go on', async () => {
    const gone = words();
    const noteId = await writeNote(core, gone);
    const old = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now() });
    await callOk(core, 'notes.delete', { id: noteId });
    await callOk(core, 'trash.empty', {});
    flipBytesInTablePage(old.file, 'notes');
    expect(backupsHolding(dbPath, gone.body)).toEqual([old.file]);

    const next = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: now() });
    expect(next.ok).toBe(true);
    expect(existsSync(old.file)).toBe(false);
    expect(backupsHolding(dbPath, gone.body)).toEqual([]);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get()).toEqual({ n: 0 });
  });
});

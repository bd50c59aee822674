import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/core/dispatch';
import { openCore, type Core } from '../../../electron/core/openCore';
import { backupDirFor, createBackup } from '../../../electron/core/services/backups';
import { scrubDeletedContent } from '../../../electron/core/services/purge';
import { editorJson } from '../../helpers/core';
import { flipBytesInTablePage } from '../../helpers/corrupt';
import { makeTempDir } from '../../helpers/tempDir';

/** Files that could hold the phrase: the library, its WAL and every backup. */
function filesContaining(dbPath: string, phrase: string): string[] {
  const candidates = [dbPath, `${dbPath}-wal`, `${dbPath}-shm`];
  const backups = backupDirFor(dbPath);
  if (existsSync(backups)) candidates.push(...readdirSync(backups).map((n) => join(backups, n)));
  const needles = [Buffer.from(phrase, 'utf8'), Buffer.from(phrase, 'utf16le')];
  return candidates.filter((file) => existsSync(file) && needles.some((needle) => readFileSync(file).includes(needle)));
}

function insertArticle(core: Core, text: string): number {
  const db = core.ctx.db;
  const now = core.ctx.now();
  const id = Number(
    db.prepare(`INSERT INTO articles (title, created_at, updated_at) VALUES (?, ?, ?)`).run(`Leak: ${text.slice(0, 20)}`, now, now).lastInsertRowid,
  );
  db.prepare(
    `INSERT INTO article_versions (article_id, version_no, clipped_at, source_kind, original_gzip, original_sha256, original_size,
       content_html, content_text, text_sha256, word_count, extractor_version)
     VALUES (?, 1, ?, 'paste', ?, 'x', 1, ?, ?, 'y', 3, 'test')`,
  ).run(id, now, Buffer.from(text), `<p>${text}</p>`, text);
  return id;
}

describe('deleted sources leave no trace (T22)', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let core: Core;
  let tick = Date.parse('2026-04-01T00:00:00.000Z');
  beforeEach(() => {
    dir = makeTempDir();
    core = openCore(dir.file('dossier.sqlite'), { now: () => new Date((tick += 1000)).toISOString() });
  });
  afterEach(() => {
    core.close();
    dir.cleanup();
  });

  it('a deleted note and a deleted article vanish from the DB file, the WAL, and (at the next rotation) the backups', async () => {
    const notePhrase = 'informant Zephyrine Quillfeather meets at pier nine';
    const articlePhrase = 'leaked memo Oxblood-Varnish-7731 procurement';
    const keptPhrase = 'public council minutes remain';
    const dbPath = core.ctx.dbPath;

    const created = (await dispatch(core.handlers, 'notes.create', { title: 'Source notes' })) as { value: { id: number } };
    const noteId = created.value.id;
    // Several revisions, a long one among them, so old copies sit in overflow pages and in WAL frames.
    for (const text of [notePhrase, `${notePhrase} `.repeat(400), `${notePhrase} (final)`]) {
      expect(await dispatch(core.handlers, 'notes.save', { id: noteId, contentJson: editorJson(text) })).toMatchObject({ ok: true });
    }
    const kept = (await dispatch(core.handlers, 'notes.create', { title: 'Kept' })) as { value: { id: number } };
    await dispatch(core.handlers, 'notes.save', { id: kept.value.id, contentJson: editorJson(keptPhrase) });
    const articleId = insertArticle(core, `${articlePhrase} `.repeat(50));
    await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: core.ctx.now() });
    expect(filesContaining(dbPath, notePhrase).length).toBeGreaterThan(0);
    expect(filesContaining(dbPath, articlePhrase).length).toBeGreaterThan(0);

    expect(await dispatch(core.handlers, 'notes.delete', { id: noteId })).toMatchObject({ ok: true });
    core.ctx.db.prepare(`DELETE FROM articles WHERE id = ?`).run(articleId);
    scrubDeletedContent(core.ctx);

    // The live files are clean at once; the older backup still holds both until the next rotation.
    expect(filesContaining(dbPath, notePhrase).filter((f) => !f.includes('backups'))).toEqual([]);
    expect(filesContaining(dbPath, articlePhrase).filter((f) => !f.includes('backups'))).toEqual([]);
    expect(filesContaining(dbPath, notePhrase)).toHaveLength(1);

    await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: core.ctx.now() });
    expect(filesContaining(dbPath, notePhrase)).toEqual([]);
    expect(filesContaining(dbPath, articlePhrase)).toEqual([]);
    // What was not deleted is still everywhere it should be, including both backups.
    expect(filesContaining(dbPath, keptPhrase).filter((f) => f.includes('backups'))).toHaveLength(2);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get()).toEqual({ n: 0 });
    expect(core.ctx.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a damaged backup that cannot be pruned is removed rather than left holding deleted text, and backups go on', async () => {
    const dbPath = core.ctx.dbPath;
    const phrase = 'witness Marguerite Oaksworth-Lind';
    const created = (await dispatch(core.handlers, 'notes.create', { title: 'Witness' })) as { value: { id: number } };
    await dispatch(core.handlers, 'notes.save', { id: created.value.id, contentJson: editorJson(`${phrase} `.repeat(30)) });
    const old = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: core.ctx.now() });
    await dispatch(core.handlers, 'notes.delete', { id: created.value.id });
    flipBytesInTablePage(old.file, 'notes');
    expect(filesContaining(dbPath, phrase)).toEqual([old.file]);

    const next = await createBackup(core.ctx.db, dbPath, { reason: 'daily', now: core.ctx.now() });
    expect(next.ok).toBe(true);
    expect(existsSync(old.file)).toBe(false);
    expect(filesContaining(dbPath, phrase)).toEqual([]);
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM purge_log').get()).toEqual({ n: 0 });
  });
});

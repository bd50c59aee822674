import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archivedTables, columnNames, quoteIdent } from '../../../electron/core/archive/tables';
import type { Db } from '../../../db/connection';
import { makeTestCore } from '../../helpers/core';
import { HARBOUR_ARTICLE, blockQuote, insertArticle, insertNote, insertPassage, paragraph, readTextArticle, stateJson, text } from '../../helpers/exportFixtures';

/** Every row of every archived table, ids and bytes included, with SQLite's own storage types. */
function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of archivedTables(db)) {
    const cols = columnNames(db, table);
    const typed = cols.map((c) => `${quoteIdent(c)}, typeof(${quoteIdent(c)})`).join(', ');
    out[table] = db.prepare(`SELECT ${typed} FROM ${quoteIdent(table)} ORDER BY rowid`).raw(true).safeIntegers(true).all();
  }
  out.user_version = [db.pragma('user_version', { simple: true })];
  return out;
}

function fillLibrary(db: Db): void {
  const harbour = readTextArticle(HARBOUR_ARTICLE)!;
  const a = insertArticle(db, {
    title: 'Harbour “dredging” — émigré 😀',
    text: harbour.text,
    authors: ['Mira Castell'],
    url: 'https://coastal-ledger.example/a',
    images: [
      { bytes: Buffer.from([0, 1, 2, 255, 254, 0]), mime: 'image/png' },
      { bytes: Buffer.alloc(300_000, 7), mime: 'image/jpeg' },
    ],
  });
  const p = insertPassage(db, a, harbour.text, 'Waiting for a tender was not an option.', 'changed');
  insertNote(db, 'Note with a quote', stateJson(blockQuote(p, 'Waiting for a tender was not an option.')));
  insertNote(db, '', stateJson(paragraph(text('line\u2028separator, NUL-free, tab\t, "quotes"'))));
  // Extreme values the format must carry exactly.
  db.exec(`CREATE TABLE numbers (id INTEGER PRIMARY KEY, big INTEGER, real REAL, whole_real REAL, anything ANY, empty_text TEXT) STRICT`);
  db.prepare(`INSERT INTO numbers VALUES (?, ?, ?, ?, ?, ?)`).run(1, 2n ** 62n + 1n, 0.1 + 0.2, 3.0, 5.0, null);
  db.prepare(`INSERT INTO numbers VALUES (?, ?, ?, ?, ?, ?)`).run(9007199254740993n, -(2n ** 63n), -1e-300, -0.0, Buffer.from('x'), '');
  db.prepare(`DELETE FROM notes WHERE title = ''`).run(); // a gap in the ids
  insertNote(db, 'After the gap', stateJson(paragraph(text('x'))));
}

describe('the lossless archive', () => {
  let source: ReturnType<typeof makeTestCore>;
  let target: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    source = makeTestCore();
    target = makeTestCore();
  });
  afterEach(() => {
    source.close();
    target.close();
  });

  it('round-trips every table exactly: ids, text, blobs, integer and real types', async () => {
    fillLibrary(source.ctx.db);
    const file = source.dir.file('library.dossier-archive');
    const written = await source.handlers['export.archive']({ file, overwrite: false });
    expect(written.tables).toMatchObject({ notes: 2, articles: 1, article_versions: 1, assets: 2, article_version_assets: 2, passages: 1, numbers: 2 });
    // The target gets the same extra tables (as the migrations would create them), then the rows.
    target.ctx.db.exec(`CREATE TABLE numbers (id INTEGER PRIMARY KEY, big INTEGER, real REAL, whole_real REAL, anything ANY, empty_text TEXT) STRICT`);
    const imported = await target.handlers['export.importArchive']({ file });
    expect(imported.tables).toEqual(written.tables);
    expect(snapshot(target.ctx.db)).toEqual(snapshot(source.ctx.db));
    // Re-archiving the restored library gives the same rows again.
    const again = target.dir.file('again.dossier-archive');
    await target.handlers['export.archive']({ file: again, overwrite: false });
    const body = (f: string) => gunzipSync(readFileSync(f)).toString('utf8').split('\n').slice(1, -2).join('\n');
    expect(body(again)).toBe(body(file));
  });

  it('orders tables so every foreign key points at rows restored before it', () => {
    const order = archivedTables(source.ctx.db);
    expect(order.indexOf('assets')).toBeLessThan(order.indexOf('articles'));
    expect(order.indexOf('articles')).toBeLessThan(order.indexOf('article_versions'));
    expect(order.indexOf('article_versions')).toBeLessThan(order.indexOf('article_version_assets'));
  });

  it('refuses to import into a library that has data, and changes nothing', async () => {
    fillLibrary(source.ctx.db);
    const file = source.dir.file('a.dossier-archive');
    await source.handlers['export.archive']({ file, overwrite: false });
    insertNote(target.ctx.db, 'existing', stateJson(paragraph(text('keep'))));
    target.ctx.db.exec(`CREATE TABLE numbers (id INTEGER PRIMARY KEY, big INTEGER, real REAL, whole_real REAL, anything ANY, empty_text TEXT) STRICT`);
    const before = snapshot(target.ctx.db);
    await expect(async () => target.handlers['export.importArchive']({ file })).rejects.toThrow(/empty library/);
    expect(snapshot(target.ctx.db)).toEqual(before);
  });

  it('rejects damaged, truncated and foreign files without importing anything', async () => {
    insertNote(source.ctx.db, 'n', stateJson(paragraph(text('x'))));
    const file = source.dir.file('a.dossier-archive');
    await source.handlers['export.archive']({ file, overwrite: false });
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');

    const tampered = source.dir.file('tampered');
    writeFileSync(tampered, gzipSync(lines.map((l) => l.replace('"n"', '"N"')).join('\n')));
    await expect(async () => target.handlers['export.importArchive']({ file: tampered })).rejects.toThrow(/checksum/);

    const truncated = source.dir.file('truncated');
    writeFileSync(truncated, gzipSync(lines.slice(0, -2).join('\n')));
    await expect(async () => target.handlers['export.importArchive']({ file: truncated })).rejects.toThrow(/truncated/);

    const foreign = source.dir.file('foreign');
    writeFileSync(foreign, 'not gzip at all');
    await expect(async () => target.handlers['export.importArchive']({ file: foreign })).rejects.toThrow(/not a readable Dossier archive/);
    expect(target.ctx.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 });
  });

  it('never overwrites an existing file unless asked', async () => {
    const file = source.dir.file('exists');
    writeFileSync(file, 'precious');
    await expect(async () => source.handlers['export.archive']({ file, overwrite: false })).rejects.toThrow(/already exists/);
    expect(readFileSync(file, 'utf8')).toBe('precious');
    await source.handlers['export.archive']({ file, overwrite: true });
    expect(gunzipSync(readFileSync(file)).toString('utf8')).toMatch(/^\{"format":"dossier-archive"/);
  });
});

import Database from 'better-sqlite3';
import { createWriteStream, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createDeflate, createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { readHtml } from '../../../db/versionBodies';
import { DossierError } from '../../../shared/errors';
import { MAX_ARCHIVE_LINE_BYTES, MAX_STORED_BODY_BYTES } from '../../../shared/limits';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { archivedTables, columnNames, quoteIdent } from '../../../electron/core/archive/tables';
import type { Db } from '../../../db/connection';
import { callOk, editorJson, makeTestCore } from '../../helpers/core';
import { dispatch } from '../../../electron/core/dispatch';
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

/** A few thousand articles, so an archive export takes many turns of the event loop. */
function fillWithArticles(db: Db, count: number, from = 0): void {
  const paragraph = 'The harbour board met on a Tuesday and approved the dredging contract before the tender had closed. ';
  db.transaction(() => {
    for (let i = from; i < from + count; i += 1) insertArticle(db, { title: `Article ${i}`, text: `${i} ${paragraph.repeat(20)}`, url: `https://example.test/${i}` });
  })();
}

describe('acknowledged saves during an archive export', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('commits every save made while the export runs: another connection sees it before the export ends', async () => {
    fillWithArticles(core.ctx.db, 3000);
    const note = await callOk<{ id: number }>(core, 'notes.create', { title: 'During export' });
    const other = new Database(core.dir.file('dossier.sqlite'), { readonly: true });
    try {
      let finished = false;
      const exporting = dispatch(core.handlers, 'export.archive', { file: core.dir.file('during.dossier-archive'), overwrite: false }).finally(() => {
        finished = true;
      });
      const started = Date.now();
      let visibleBeforeEnd = 0;
      for (let i = 0; !finished && i < 20; i += 1) {
        const content = editorJson(`save ${i} while the archive is written`);
        await callOk(core, 'notes.save', { id: note.id, contentJson: content });
        // Acknowledged: a separate connection (another process would see the same) must already read it.
        const row = other.prepare('SELECT content_json FROM notes WHERE id = ?').get(note.id) as { content_json: string };
        expect(row.content_json).toBe(content);
        if (!finished) visibleBeforeEnd += 1;
        await new Promise<void>((resolve) => setTimeout(resolve, 5));
      }
      const result = await exporting;
      console.log(`[archive export] ${visibleBeforeEnd} saves acknowledged and visible during a ${Date.now() - started} ms export`);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect(visibleBeforeEnd).toBeGreaterThan(0);
      // The shared connection is never left inside a transaction by the export.
      expect(core.ctx.db.inTransaction).toBe(false);
    } finally {
      other.close();
    }
  }, 60_000);

  it('archives one consistent snapshot: rows written during the export are not half in it', async () => {
    fillWithArticles(core.ctx.db, 2000);
    const file = core.dir.file('snapshot.dossier-archive');
    const exporting = callOk<{ tables: Record<string, number> }>(core, 'export.archive', { file, overwrite: false });
    await new Promise<void>((resolve) => setImmediate(resolve));
    const created = await callOk<{ id: number }>(core, 'notes.create', { title: 'Written during the export' });
    fillWithArticles(core.ctx.db, 5, 2000);
    const written = await exporting;
    expect(written.tables.articles).toBe(2000);
    expect(written.tables.article_versions).toBe(2000);
    expect(written.tables.notes).toBe(0);
    expect(gunzipSync(readFileSync(file)).toString('utf8')).not.toContain('Written during the export');
    expect(core.ctx.db.prepare('SELECT count(*) AS n FROM notes WHERE id = ?').get(created.id)).toEqual({ n: 1 });
  }, 60_000);
});

const MiB = 1024 * 1024;

/** Writes `lines` through a streaming gzip (a 600 MB line never exists as one string or buffer). */
async function writeGzipStream(file: string, write: (put: (text: string | Buffer) => Promise<void>) => Promise<void>): Promise<void> {
  const gzip = createGzip({ level: 1 });
  const out = createWriteStream(file);
  gzip.pipe(out);
  await write(async (text) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  });
  gzip.end();
  await once(out, 'close');
}

/** Rewrites an archive's body lines, then recomputes its row counts and checksum so only `edit`'s change is wrong. */
function rewriteArchive(source: string, target: string, edit: (lines: string[]) => string[]): void {
  const body = edit(gunzipSync(readFileSync(source)).toString('utf8').split('\n').slice(0, -2));
  const counts: Record<string, number> = {};
  let table = '';
  for (const line of body.slice(1)) {
    const value = JSON.parse(line) as unknown;
    if (Array.isArray(value)) counts[table] = (counts[table] ?? 0) + 1;
    else {
      table = (value as { table: string }).table;
      counts[table] = 0;
    }
  }
  const text = body.map((l) => `${l}\n`).join('');
  const end = JSON.stringify({ end: true, tables: counts, sha256: createHash('sha256').update(text).digest('hex') });
  writeFileSync(target, gzipSync(`${text}${end}\n`));
}

/** A zlib stream of `bytes` zero bytes, built without holding them (about 1,000:1). */
async function deflateBomb(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(MiB);
  for (let written = 0; written < bytes; written += MiB) if (!deflate.write(zeros)) await once(deflate, 'drain');
  deflate.end();
  await once(deflate, 'end');
  return Buffer.concat(chunks);
}

/** The highest RSS seen while `run` is pending (sampled every 10 ms), minus the RSS before it. */
async function peakRssGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growthMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  try {
    const result = await run();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, growthMb: (peak - before) / MiB };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile archives', () => {
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

  const leftovers = () => readdirSync(target.dir.path).filter((name) => name.includes('.import-'));

  it('refuses a 600 MB line (600 KB gzipped) with invalid_input, in bounded memory, changing nothing', async () => {
    const file = source.dir.file('long-line.dossier-archive');
    const version = target.ctx.db.pragma('user_version', { simple: true }) as number;
    await writeGzipStream(file, async (put) => {
      await put(`${JSON.stringify({ format: 'dossier-archive', version: 1, schemaVersion: version, createdAt: '2026-01-01T00:00:00.000Z' })}\n`);
      await put('["');
      const chunk = Buffer.alloc(MiB, 'a');
      for (let i = 0; i < 600; i += 1) await put(chunk);
      await put('"]\n');
    });
    const before = snapshot(target.ctx.db);
    const { result, growthMb } = await peakRssGrowth(() => dispatch(target.handlers, 'export.importArchive', { file }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toMatch(/^Line 2 of the archive is longer than 128 MB/);
    // The splitter stops at the cap (128 MB) instead of building a 600 MB string.
    expect(growthMb).toBeLessThan(2 * MAX_ARCHIVE_LINE_BYTES / MiB + 100);
    console.log(`[hostile archive] 600 MB line refused; peak RSS growth ${growthMb.toFixed(0)} MB`);
    const preview = await dispatch(target.handlers, 'export.importArchivePreview', { file });
    expect(preview.ok ? null : preview.error.code).toBe('invalid_input');
    expect(snapshot(target.ctx.db)).toEqual(before);
    expect(leftovers()).toEqual([]);
  }, 60_000);

  it('refuses a zlib bomb in content_html_z at import, and caps it when a stored one is read', async () => {
    insertArticle(source.ctx.db, { title: 'Bomb carrier', text: 'An ordinary article text.' });
    const clean = source.dir.file('clean.dossier-archive');
    await callOk(source, 'export.archive', { file: clean, overwrite: false });
    const bomb = await deflateBomb(MAX_STORED_BODY_BYTES + 64 * MiB);
    expect(bomb.length).toBeLessThan(1 * MiB);
    const file = source.dir.file('bomb.dossier-archive');
    rewriteArchive(clean, file, (lines) => {
      let columns: string[] = [];
      return lines.map((line) => {
        const value = JSON.parse(line) as unknown;
        if (!Array.isArray(value)) {
          columns = (value as { columns?: string[] }).columns ?? [];
          return line;
        }
        if (!columns.includes('content_html_z')) return line;
        value[columns.indexOf('content_html_z')] = { $blob: bomb.toString('base64') };
        return JSON.stringify(value);
      });
    });
    const before = snapshot(target.ctx.db);
    const rssBefore = process.memoryUsage().rss;
    const result = await dispatch(target.handlers, 'export.importArchive', { file });
    expect(result.ok ? null : result.error.code).toBe('invalid_input');
    expect(result.ok ? '' : result.error.message).toMatch(/stored body is refused: The stored HTML expands to more than 128 MB/);
    expect((process.memoryUsage().rss - rssBefore) / MiB).toBeLessThan(2 * MAX_STORED_BODY_BYTES / MiB + 100);
    expect(snapshot(target.ctx.db)).toEqual(before);
    expect(leftovers()).toEqual([]);

    // A bomb already stored in a row (e.g. written by another tool) costs at most the cap when read.
    let error: unknown;
    try {
      readHtml({ content_html: '', content_html_z: bomb, content_text: 'An ordinary article text.' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DossierError);
    expect((error as DossierError).code).toBe('too_large');
  }, 60_000);

  it('maps a row SQLite refuses (a duplicate id, a NULL title) to invalid_input and imports nothing', async () => {
    insertNote(source.ctx.db, 'first', stateJson(paragraph(text('one'))));
    const clean = source.dir.file('clean.dossier-archive');
    await callOk(source, 'export.archive', { file: clean, overwrite: false });
    const before = snapshot(target.ctx.db);
    const edits: Array<[string, (lines: string[]) => string[]]> = [
      ['duplicate id', (lines) => lines.flatMap((line) => (line.includes('"first"') ? [line, line] : [line]))],
      ['NULL title', (lines) => lines.map((line) => (line.includes('"first"') ? line.replace('"first"', 'null') : line))],
    ];
    for (const [what, edit] of edits) {
      const file = source.dir.file(`${what}.dossier-archive`);
      rewriteArchive(clean, file, edit);
      const result = await dispatch(target.handlers, 'export.importArchive', { file });
      expect(result.ok ? null : result.error, what).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/breaks a rule of the database/) });
      expect(snapshot(target.ctx.db), what).toEqual(before);
    }
    expect(leftovers()).toEqual([]);
  });

  it('imports a 1,000-article archive through the checked copy, leaving no temporary file', async () => {
    fillWithArticles(source.ctx.db, 1000);
    const file = source.dir.file('large.dossier-archive');
    await callOk(source, 'export.archive', { file, overwrite: false });
    const imported = await callOk<{ tables: Record<string, number> }>(target, 'export.importArchive', { file });
    expect(imported.tables).toMatchObject({ articles: 1000, article_versions: 1000 });
    expect(snapshot(target.ctx.db)).toEqual(snapshot(source.ctx.db));
    expect(leftovers()).toEqual([]);
  }, 60_000);
});

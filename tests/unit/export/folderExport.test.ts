import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { makeTestCore } from '../../helpers/core';
import {
  HARBOUR_ARTICLE,
  blockQuote,

  inlineQuote,
  insertArticle,
  insertNote,
  insertPassage,
  paragraph,
  readTextArticle,
  stateJson,
  text,
} from '../../helpers/exportFixtures';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

function frontmatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(match, 'no frontmatter').not.toBeNull();
  return parseYaml(match![1]!) as Record<string, unknown>;
}

describe('exporting notes and their sources to a folder', () => {
  let core: ReturnType<typeof makeTestCore>;
  let ids: { notes: number[]; harbour: number; other: number };
  beforeEach(() => {
    core = makeTestCore();
    const db = core.ctx.db;
    const harbour = readTextArticle(HARBOUR_ARTICLE)!;
    const a = insertArticle(db, {
      title: harbour.title,
      text: harbour.text,
      authors: ['Mira Castell'],
      outlet: 'The Coastal Ledger',
      url: 'https://coastal-ledger.example/2026/03/harbour-dredging',
      images: [{ bytes: PNG, mime: 'image/png', url: 'https://cdn.example/tracker.png' }],
    });
    const b = insertArticle(db, { title: 'Ferry groundings: a timeline', text: 'Two ferries ran aground in January.\n\n# Not a heading in the source', outlet: 'Harbour Radio' });
    const p1 = insertPassage(db, a, harbour.text, 'Waiting for a tender was not an option.');
    const p2 = insertPassage(db, b, 'Two ferries ran aground in January.\n\n# Not a heading in the source', 'Two ferries ran aground in January.');
    ids = {
      harbour: a.articleId,
      other: b.articleId,
      notes: [
        insertNote(db, 'Harbour: what we know', stateJson(paragraph(text('Chair: '), inlineQuote(p1, 'Waiting for a tender was not an option.')), blockQuote(p2, 'Two ferries ran aground in January.'))),
        insertNote(db, 'Harbour: what we know', stateJson(paragraph(text('A twin title.')))),
      ],
    };
  });
  afterEach(() => core.close());

  const exportTo = (folder: string, extra: Partial<{ obsidian: boolean; includeSources: boolean; overwrite: boolean }> = {}) =>
    core.handlers['export.notes']({
      noteIds: ids.notes,
      articleIds: [],
      folder,
      name: 'Harbour investigation',
      includeSources: true,
      overwrite: false,
      citationStyle: 'footnotes',
      obsidian: false,
      ...extra,
    });

  it('writes notes/, sources/ with provenance, assets/ by relative path, and index.md', async () => {
    const folder = core.dir.file('harbour');
    const result = await exportTo(folder);
    expect(result).toMatchObject({ notes: 2, sources: 2, assets: 1 });
    expect(readdirSync(join(folder, 'notes')).sort()).toEqual(['Harbour what we know (2).md', 'Harbour what we know.md']);
    expect(readdirSync(join(folder, 'sources')).sort()).toEqual(['Ferry groundings a timeline.md', 'Harbour dredging contract awarded without tender.md']);
    const sha = createHash('sha256').update(PNG).digest('hex');
    expect(readdirSync(join(folder, 'assets'))).toEqual([`${sha}.png`]);
    expect(readFileSync(join(folder, 'assets', `${sha}.png`)).equals(PNG)).toBe(true);

    const source = readFileSync(join(folder, 'sources', 'Harbour dredging contract awarded without tender.md'), 'utf8');
    const meta = frontmatter(source);
    const harbour = readTextArticle(HARBOUR_ARTICLE)!;
    expect(meta).toMatchObject({ id: ids.harbour, url: 'https://coastal-ledger.example/2026/03/harbour-dredging', clipped: '2026-08-19T10:00:00.000Z' });
    const version = (meta.versions as Array<Record<string, unknown>>)[0]!;
    expect(version.text_sha256).toBe(createHash('sha256').update(harbour.text).digest('hex'));
    expect(version.original_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(version.text_verified).toBe(true);
    expect(source).toContain(`![](<../assets/${sha}.png>)`);
    expect(source).not.toContain('cdn.example');
    expect(source).toContain('Kestrel Marine Works');
    expect(readFileSync(join(folder, 'sources', 'Ferry groundings a timeline.md'), 'utf8')).toContain('\n\\# Not a heading in the source\n');

    const note = readFileSync(join(folder, 'notes', 'Harbour what we know.md'), 'utf8');
    expect(frontmatter(note).sources).toHaveLength(2);
    expect(note).toContain('[Local copy](<../sources/Harbour%20dredging%20contract%20awarded%20without%20tender.md>).');

    const index = readFileSync(join(folder, 'index.md'), 'utf8');
    expect(index).toContain('# Harbour investigation');
    expect(index).toContain('- [Harbour: what we know](<notes/Harbour%20what%20we%20know.md>)');
    expect(index).toContain('- [Ferry groundings: a timeline](<sources/Ferry%20groundings%20a%20timeline.md>) — *Harbour Radio*');
  });

  it('links with wikilinks and block ids in Obsidian mode, identically on re-export', async () => {
    const folder = core.dir.file('vault');
    await exportTo(folder, { obsidian: true });
    const first = readFileSync(join(folder, 'notes', 'Harbour what we know.md'), 'utf8');
    expect(first).toMatch(/\^quote-1\n/);
    expect(first).toMatch(/> Two ferries ran aground in January\.\[\^2\]\n\n\^quote-2\n/);
    expect(first).toContain('[[sources/Harbour dredging contract awarded without tender|Harbour dredging contract awarded without tender]]');
    expect(readFileSync(join(folder, 'index.md'), 'utf8')).toContain('- [[notes/Harbour what we know|Harbour: what we know]]');
    const again = await exportTo(folder, { obsidian: true });
    expect(readFileSync(join(folder, 'notes', 'Harbour what we know.md'), 'utf8')).toBe(first);
    expect(again.written).toBe(1); // only index.md, whose export time changed
  });

  it('leaves sources out when asked', async () => {
    const folder = core.dir.file('bare');
    const result = await exportTo(folder, { includeSources: false });
    expect(result).toMatchObject({ sources: 0, assets: 0 });
    expect(existsSync(join(folder, 'sources'))).toBe(false);
    expect(readFileSync(join(folder, 'notes', 'Harbour what we know.md'), 'utf8')).not.toContain('Local copy');
  });

  it('reports missing notes and articles instead of exporting a partial folder', async () => {
    const folder = core.dir.file('missing');
    await expect(async () => core.handlers['export.notes']({ noteIds: [999], articleIds: [], folder, includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false })).rejects.toThrow(/999/);
    await expect(async () => core.handlers['export.notes']({ noteIds: ids.notes, articleIds: [424242], folder, includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false })).rejects.toThrow(/Article 424242/);
    expect(existsSync(join(folder, 'notes'))).toBe(false);
  });

  it('exports a project by name: its notes, and its articles plus those the notes cite', async () => {
    const project = await core.handlers['projects.create']({ name: 'Harbour' });
    await core.handlers['projects.addItems']({ projectId: project.id, items: [{ type: 'note', id: ids.notes[0]! }, { type: 'article', id: ids.other }] });
    const result = await core.handlers['export.project']({ name: 'harbour', folder: core.dir.file('p'), includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false });
    expect(result).toMatchObject({ notes: 1, sources: 2 });
    expect(readFileSync(core.dir.file('p/index.md'), 'utf8')).toContain('# Harbour');
    const [noteFile] = readdirSync(core.dir.file('p/notes'));
    expect(readFileSync(core.dir.file(`p/notes/${noteFile}`), 'utf8')).toMatch(/\nprojects:\n\s+- Harbour\n/);
    await expect(async () => core.handlers['export.project']({ name: 'Nope', folder: core.dir.file('q'), includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false })).rejects.toThrow(/no project "Nope"/);
  });

  it('never exports the local path of a clipped file, only its name', async () => {
    // A file clipped from a folder that names the user, as the CLI (path access) stores it.
    const cli = makeTestCore(undefined, { allowPathInputs: true });
    onTestFinished(() => cli.close());
    const core = cli;
    const home = core.dir.file('home/mira.castell/Investigations/Harbour leak');
    mkdirSync(home, { recursive: true });
    const file = join(home, 'board-minutes.txt');
    writeFileSync(file, 'Board minutes\n\nThe board approved the contract without a tender.\n');
    const clipped = (await core.handlers['clip.files']({ paths: [file] })) as { results: Array<{ articleId?: number }> };
    const articleId = clipped.results[0]!.articleId!;
    expect(core.ctx.db.prepare('SELECT source_location FROM article_versions WHERE article_id = ?').get(articleId)).toEqual({ source_location: file });
    const project = await core.handlers['projects.create']({ name: 'Leak' });
    await core.handlers['projects.addItems']({ projectId: project.id, items: [{ type: 'article', id: articleId }] });
    const folder = core.dir.file('out');
    await core.handlers['export.project']({ name: 'Leak', folder, includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false });

    const written = readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const content of written) {
      expect(content).not.toContain(core.dir.path);
      expect(content).not.toContain(tmpdir());
      expect(content).not.toMatch(/\/home\/|mira\.castell|Investigations|[A-Z]:\\/);
    }
    const source = written.find((c) => c.includes('approved the contract without a tender'))!;
    expect((frontmatter(source).versions as Array<Record<string, unknown>>)[0]).toMatchObject({ source: 'file', file: 'board-minutes.txt' });
  });
});

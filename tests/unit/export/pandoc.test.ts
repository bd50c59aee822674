import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestCore } from '../../helpers/core';
import { SEED_ARTICLE } from '../../helpers/exportFixtures';
import { buildGoldenNote, seedPassages } from './scenario';

const pandocFound = spawnSync('pandoc', ['--version']).status === 0;
const seedMissing = !existsSync(SEED_ARTICLE) || !seedPassages();
if (!pandocFound) console.warn('[skip] pandoc export test: pandoc is not installed (apt-get install pandoc)');
if (seedMissing) console.warn(`[skip] pandoc export test: ${SEED_ARTICLE} is absent`);

function pandocHtml(markdown: string): { html: string; stderr: string } {
  const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'html5', '--wrap=none'], { input: markdown, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { html: run.stdout, stderr: run.stderr };
}

function quoteIsMarkedUp(document: Document, quoted: string): boolean {
  for (const block of document.querySelectorAll('blockquote')) if (block.textContent!.replace(/\s+/g, ' ').includes(quoted)) return true;
  const body = document.body.textContent!.replace(/\s+/g, ' ');
  return body.includes(`“${quoted}”`) || [...document.querySelectorAll('q')].some((q) => q.textContent === quoted);
}

describe.skipIf(!pandocFound || seedMissing)('an exported note read by Pandoc', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it.each(['footnotes', 'inline'] as const)('(%s) resolves every footnote and keeps every quote quoted', async (citationStyle) => {
    const { noteId, seed } = buildGoldenNote(core.ctx.db);
    const { markdown } = await core.handlers['export.noteMarkdown']({ id: noteId, citationStyle, obsidian: false });
    const { html, stderr } = pandocHtml(markdown);
    expect(stderr).toBe('');
    const { document } = new JSDOM(html).window;

    const refs = [...document.querySelectorAll('a.footnote-ref')];
    const notes = [...document.querySelectorAll('section.footnotes li')];
    if (citationStyle === 'footnotes') {
      expect(refs).toHaveLength(3);
      expect(notes).toHaveLength(3);
      for (const ref of refs) {
        const target = document.getElementById(ref.getAttribute('href')!.slice(1));
        expect(target, `footnote ${ref.getAttribute('href')} has no definition`).not.toBeNull();
        expect(target!.textContent).toMatch(/accessed \d{1,2} \w{3} \d{4}/);
      }
      // Citations survive as links with their text fragments.
      expect([...document.querySelectorAll('section.footnotes a[href*="#:~:text="]')]).toHaveLength(3);
    } else {
      expect(refs).toHaveLength(0);
      expect([...document.querySelectorAll('a[href*="#:~:text="]')]).toHaveLength(3);
    }
    expect(document.body.textContent).not.toContain('[^');

    for (const quoted of ['Waiting for a tender was never an option.', seed.block, seed.inline]) {
      expect(quoteIsMarkedUp(document, quoted), `not quoted: ${quoted}`).toBe(true);
    }
    expect(document.querySelector('blockquote')!.textContent).toContain(seed.block);
    expect(document.body.textContent).toMatch(/quote altered in this note/i);
    // The metadata block is read as YAML, not shown as text.
    expect(document.body.textContent).not.toContain('accessed: ');
  });

  it('reads the frontmatter as metadata', async () => {
    const { noteId, seed } = buildGoldenNote(core.ctx.db);
    const { markdown } = await core.handlers['export.noteMarkdown']({ id: noteId, citationStyle: 'footnotes', obsidian: false });
    const run = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
    const meta = JSON.parse(run.stdout).meta as Record<string, unknown>;
    expect(Object.keys(meta).sort()).toEqual(['created', 'dossier', 'projects', 'sources', 'tags', 'title', 'updated']);
    expect(JSON.stringify(meta.sources)).toContain(seed.title.split(' ')[0]);
  });
});

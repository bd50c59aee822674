// `dossier facts --dry-run [--json] FILE [--url URL]` (issue #13): the clip pipeline's clean text, then its facts,
// printed with exactly the fields; nothing is stored; hostile text never reaches the terminal raw.
import { existsSync, writeFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

const ESC = '\u001b';
const PAGE = `<!doctype html><html><head><title>Harbor strike</title>
<meta property="article:published_time" content="2025-12-10T08:00:00Z"></head><body><article>
<h1>Harbor strike</h1>
<p>Secretary of State Marco Rubio reinforced the urgency of the strikes, stating, “We are facing a foreign-backed regime exporting poison onto our streets.”</p>
<p>More than thirty strikes have been carried out since September 2, 2025, and over 110 deaths were reported in October.</p>
<p>Officials said the harbor ${ESC}[2J would stay closed \u202e for weeks while the navy searched the coast of Venezuela.</p>
</article></body></html>`;

describe('dossier facts --dry-run', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  let page: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('facts.sqlite');
    page = dir.file('harbor.html');
    writeFileSync(page, PAGE);
  });
  afterEach(() => dir.cleanup());
  // The command loads the extractor on first use (so other commands start fast); load it here, outside the tests' time limit.
  beforeAll(async () => void (await import('../../../electron/core/facts/extract')), 60_000);

  it('--json prints quotes, entities, figures and dates with exactly the issue\'s fields, offsets into the clean text', async () => {
    const result = await run('facts', '--dry-run', '--json', page, '--url', 'https://example.org/harbor', '--db', db);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout) as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(out)).toEqual(['quotes', 'entities', 'figures', 'dates']);
    expect(Object.keys(out.quotes![0]!)).toEqual(['text', 'source', 'speaker', 'cue', 'anonymous', 'start', 'end']);
    expect(Object.keys(out.entities![0]!)).toEqual(['name', 'type', 'aliases', 'mentions']);
    expect(Object.keys(out.figures![0]!)).toEqual(['text', 'value', 'unit', 'qualifier', 'start', 'end']);
    expect(Object.keys(out.dates![0]!)).toEqual(['text', 'iso', 'precision', 'start', 'end']);
    expect(out.quotes).toContainEqual(expect.objectContaining({ speaker: 'Marco Rubio', cue: 'stating', anonymous: false }));
    expect(out.quotes).toContainEqual(expect.objectContaining({ source: 'Officials', anonymous: true, speaker: null }));
    expect(out.figures).toContainEqual(expect.objectContaining({ value: 30, unit: 'strikes', qualifier: 'more than' }));
    // "in October" resolves against the page's published date (December 2025).
    expect(out.dates!.map((d) => d.iso)).toEqual(expect.arrayContaining(['2025-09-02', '2025-10']));
    // Offsets are into the text `clip --dry-run` shows for the same page.
    const preview = JSON.parse((await run('clip', '--dry-run', '--json', page, '--url', 'https://example.org/harbor', '--db', db)).stdout) as { text: string };
    for (const f of [...out.quotes!, ...out.figures!, ...out.dates!]) expect(preview.text.slice(f.start as number, f.end as number)).toBe(f.text);
  }, 60_000); // the first clip of the file starts an extraction worker, which loads the whole pipeline

  it('stores nothing: the library stays empty', async () => {
    expect((await run('facts', '--dry-run', '--json', page, '--db', db)).code).toBe(0);
    const listed = await run('search', 'harbor', '--db', db, '--json');
    expect(JSON.stringify(JSON.parse(listed.stdout))).not.toMatch(/Harbor strike/);
  });

  it('human output goes through the terminal gate: no escape or bidi control, the facts still there', async () => {
    const result = await run('facts', '--dry-run', page, '--db', db);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout).not.toContain('\u202e');
    expect(result.stdout).toMatch(/Marco Rubio/);
    expect(result.stdout).toMatch(/would stay closed/);
  });

  it('refuses without --dry-run or with no file, and names a missing file in one line', async () => {
    expect((await run('facts', page, '--db', db)).code).toBe(2);
    expect((await run('facts', '--dry-run', '--db', db)).code).toBe(2);
    const missing = await run('facts', '--dry-run', dir.file('nope.html'), '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(page)).toBe(true);
  });
});

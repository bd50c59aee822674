import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/tempDir';
import { runCli as run } from '../../helpers/runCli';

const HARBOUR = fileURLToPath(new URL('../../fixtures/clip/harbour-report.html', import.meta.url));

describe('dossier clip', () => {
  let dir: ReturnType<typeof makeTempDir>;
  let db: string;
  beforeEach(() => {
    dir = makeTempDir();
    db = dir.file('cli.sqlite');
  });
  afterEach(() => dir.cleanup());

  it('stores files and prints one JSON object per input (clipped / duplicate / failed)', async () => {
    const note = dir.file('note.md');
    writeFileSync(note, '# Quick note\n\nA paragraph of my own notes.\n');
    const first = await run('clip', HARBOUR, note, dir.file('missing.html'), '--db', db, '--json');
    expect(first.code).toBe(1);
    const results = JSON.parse(first.stdout);
    expect(results).toEqual([
      { input: HARBOUR, status: 'clipped', articleId: 1, versionId: 1, title: 'Harbour dredging report leaves council split', error: null },
      { input: note, status: 'clipped', articleId: 2, versionId: 2, title: 'Quick note', error: null },
      { input: dir.file('missing.html'), status: 'failed', articleId: null, versionId: null, title: null, error: expect.stringMatching(/No such file/) },
    ]);
    const again = await run('clip', HARBOUR, '--db', db);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^duplicate\s+#1 v1\s+.*harbour-report\.html\s+Harbour dredging report leaves council split$/m);
  });

  it('--dry-run --json prints the extraction and stores nothing; accepts .html.gz and --url', async () => {
    const gz = dir.file('page.html.gz');
    writeFileSync(gz, gzipSync(readFileSync(HARBOUR)));
    const dry = await run('clip', '--dry-run', '--json', gz, '--url', 'https://mirror.example.com/harbour', '--db', db);
    expect(dry.code).toBe(0);
    const out = JSON.parse(dry.stdout);
    expect(Object.keys(out)).toEqual(['title', 'byline', 'siteName', 'publishedTime', 'lang', 'excerpt', 'url', 'text', 'html', 'wordCount', 'warnings']);
    expect(out).toMatchObject({ title: 'Harbour dredging report leaves council split', byline: 'Mara Lindqvist, Tomás Ferreira', siteName: 'Example Gazette', publishedTime: '2025-03-14T08:30:00.000Z', lang: 'en-GB' });
    expect(out.url).toBe('https://news.example.org/2025/03/harbour-dredging-report');
    expect(out.text).toContain('£18.4 million');
    expect(out.text.split('\n\n').length).toBeGreaterThan(5);
    const listed = await run('db', 'check', '--db', db, '--json');
    expect(JSON.parse(listed.stdout)).toMatchObject({ ok: true });
    const { code, stdout } = await run('clip', HARBOUR, '--db', db, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].status).toBe('clipped');
  });

  it('--project adds the clips to an existing project, fails clearly for an unknown one; usage errors exit 2', async () => {
    const missing = await run('clip', HARBOUR, '--project', 'Harbour', '--db', db);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no project "Harbour"');
    expect((await run('projects', 'create', 'Harbour', '--db', db)).code).toBe(0);
    const clipped = await run('clip', HARBOUR, '--project', 'harbour', '--db', db, '--json');
    expect(clipped.code, clipped.stderr).toBe(0);
    const articleId = (JSON.parse(clipped.stdout) as Array<{ articleId: number }>)[0]?.articleId;
    const shown = JSON.parse((await run('projects', 'show', 'Harbour', '--db', db, '--json')).stdout) as { items: Array<{ type: string; id: number }> };
    expect(shown.items).toEqual([expect.objectContaining({ type: 'article', id: articleId })]);
    expect((await run('clip', '--db', db)).code).toBe(2);
    expect((await run('clip', HARBOUR, HARBOUR, '--url', 'https://x.example/a', '--db', db)).code).toBe(2);
  });
});

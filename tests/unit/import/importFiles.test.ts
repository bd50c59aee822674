import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getVersionContent } from '../../../db/repositories/articles';
import { dispatch } from '../../../electron/core/dispatch';
import { getArticle } from '../../../electron/core/services/articles';
import { originalText } from '../../../electron/core/services/clip';
import { importFiles } from '../../../electron/core/services/articleImport';
import * as projects from '../../../electron/core/services/projects';
import { search } from '../../../electron/core/services/search';
import { makeTestCore } from '../../helpers/core';
import { runCli } from '../../helpers/runCli';

const FRONT_MATTER = `---
title: "Dredging: the contract nobody tendered"
source: https://www.harbourtimes.example/2025/dredging
author: [Ines Okafor, Tom Reyes]
published: 2025-03-14
---

# Dredging: the contract nobody tendered

The board approved the dredging contract without a tender.

## What the minutes say

One member said the silt would be dumped near the eel grass beds.
`;

const PLAIN = `Ferry timetable cut

Source: https://ferries.example/news/timetable
By Ana Ruiz

The evening ferry will stop running in October.
Residents were not consulted.

The operator blamed <fuel> costs & staffing.
`;

const PAGE = `<!doctype html><html><head><title>Council vote on the marina</title></head><body><article><h1>Council vote on the marina</h1>
<p>The council voted seven to two to lease the marina to a private operator, after a debate that ran past midnight.</p>
<p>Opponents said the lease price was set without an independent valuation.</p><script>window.bad = 1</script></article></body></html>`;

describe('importing folders of text and Markdown', () => {
  let core: ReturnType<typeof makeTestCore>;
  let folder: string;
  beforeEach(() => {
    core = makeTestCore(undefined, { allowPathInputs: true });
    folder = core.dir.file('archive');
    mkdirSync(`${folder}/2025`, { recursive: true });
    writeFileSync(`${folder}/2025/dredging.md`, FRONT_MATTER);
    writeFileSync(`${folder}/ferry.txt`, PLAIN);
    writeFileSync(`${folder}/marina.html`, PAGE);
    writeFileSync(`${folder}/photo.jpg`, 'not text');
    writeFileSync(`${folder}/empty.md`, '\n\n');
  });
  afterEach(() => core.close());

  it('stores each file with its metadata, text, HTML and original bytes; clips the web page; reports what failed', async () => {
    const result = await importFiles(core.ctx, [folder]);
    expect(result).toMatchObject({ created: 3, newVersions: 0, unchanged: 0 });
    expect(result.failed).toEqual([{ path: `${folder}/empty.md`, error: 'The file has no text to import.' }]);
    const [dredging, ferry, marina] = result.articleIds;

    expect(getArticle(core.ctx, dredging!)).toMatchObject({
      title: 'Dredging: the contract nobody tendered',
      byline: 'Ines Okafor, Tom Reyes',
      siteName: 'harbourtimes.example',
      canonicalUrl: 'https://www.harbourtimes.example/2025/dredging',
      publishedAt: '2025-03-14',
    });
    const dredgingVersion = getArticle(core.ctx, dredging!)!.versions[0]!;
    const content = getVersionContent(core.ctx.db, dredgingVersion.id)!;
    expect(content.text).toBe('The board approved the dredging contract without a tender.\n\nWhat the minutes say\n\nOne member said the silt would be dumped near the eel grass beds.');
    expect(content.html).toBe('<p>The board approved the dredging contract without a tender.</p>\n<h2>What the minutes say</h2>\n<p>One member said the silt would be dumped near the eel grass beds.</p>');
    expect((await originalText(core.ctx, dredgingVersion.id)).text).toBe(FRONT_MATTER);
    expect(dredgingVersion).toMatchObject({ sourceKind: 'file', sourceLocation: `${folder}/2025/dredging.md` });

    const ferryArticle = getArticle(core.ctx, ferry!)!;
    expect(ferryArticle).toMatchObject({ title: 'Ferry timetable cut', byline: 'Ana Ruiz', siteName: 'ferries.example' });
    const ferryContent = getVersionContent(core.ctx.db, ferryArticle.versions[0]!.id)!;
    expect(ferryContent.text).toBe('The evening ferry will stop running in October. Residents were not consulted.\n\nThe operator blamed <fuel> costs & staffing.');
    expect(ferryContent.html).toContain('The operator blamed &#60;fuel&#62; costs &#38; staffing.'); // text never becomes markup

    // The web page went through the clipper: extracted, sanitized.
    const marinaArticle = getArticle(core.ctx, marina!)!;
    expect(marinaArticle.title).toBe('Council vote on the marina');
    expect(getVersionContent(core.ctx.db, marinaArticle.versions[0]!.id)!.html).not.toContain('script');

    // Searchable at once, by text, byline and site.
    expect(search(core.ctx, 'eel grass').groups[0]!.hits.map((h) => h.id)).toEqual([dredging]);
    expect(search(core.ctx, 'okafor').groups[0]!.hits.map((h) => h.id)).toEqual([dredging]);
    expect(search(core.ctx, 'site:ferries').groups[0]!.hits.map((h) => h.id)).toEqual([ferry]);
    expect(search(core.ctx, 'valuation').groups[0]!.hits.map((h) => h.id)).toEqual([marina]);
  });

  it('importing again changes nothing; a changed file becomes a new version; files named outright must be supported', async () => {
    await importFiles(core.ctx, [folder]);
    expect(await importFiles(core.ctx, [folder])).toMatchObject({ created: 0, newVersions: 0, unchanged: 3 });
    writeFileSync(`${folder}/2025/dredging.md`, FRONT_MATTER.replace('without a tender', 'after a closed tender'));
    const again = await importFiles(core.ctx, [`${folder}/2025/dredging.md`, `${folder}/photo.jpg`, `${folder}/missing.txt`]);
    expect(again).toMatchObject({ created: 0, newVersions: 1, unchanged: 0 });
    expect(again.failed.map((f) => f.path)).toEqual([`${folder}/photo.jpg`, `${folder}/missing.txt`]);
    expect(search(core.ctx, '"closed tender"').total).toBe(1);
    expect(search(core.ctx, '"without a tender"').groups[0]!.count).toBe(0); // the index follows the latest version
  });

  it('adds the imported articles to a project, from the CLI; path imports are refused where paths are not allowed', async () => {
    projects.createProject(core.ctx, 'Harbour');
    const db = core.dir.file('dossier.sqlite');
    const run = await runCli('import', folder, '--project', 'Harbour', '--db', db);
    expect(run.stdout).toMatch(/3 imported, 0 new versions, 0 unchanged, 1 failed/);
    expect(run.stderr).toMatch(/empty\.md: The file has no text/);
    expect(run.code).toBe(1);
    expect(projects.listProjects(core.ctx)).toEqual([expect.objectContaining({ name: 'Harbour', articleCount: 3 })]);
    expect((await runCli('import', folder, '--project', 'Nope', '--db', db)).stderr).toMatch(/no project "Nope"/);

    const renderer = makeTestCore();
    expect(await dispatch(renderer.handlers, 'import.files', { paths: [folder] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    renderer.close();
  });
});

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleHtmlToMarkdown } from '../../../electron/core/export/articleHtmlToMarkdown';
import { FIXTURES, HAVE_FIXTURES, NO_FIXTURES_REASON, tokens } from '../../helpers/clipFixtures';
import { callOk, makeTestCore } from '../../helpers/core';

const noAssets = { assetPath: () => undefined };

/** The Markdown's words without its syntax: link/image destinations and image alt text removed, escapes and markers ignored by `tokens`. */
function markdownWords(markdown: string): string[] {
  return tokens(markdown.replace(/!\[[^\]]*\]\(<[^>]*>\)/g, ' ').replace(/\]\(<[^>]*>\)/g, ']'));
}

describe('a source exported as it was written', () => {
  it.skipIf(!HAVE_FIXTURES)(`keeps headings, lists and links of a real page, and its words in order ${HAVE_FIXTURES ? '' : NO_FIXTURES_REASON}`, async () => {
    const core = makeTestCore();
    try {
      const page = readFileSync(join(FIXTURES, 'readability/v8-blog/source.html'));
      const { results } = await callOk<{ results: Array<{ articleId: number }> }>(core, 'clip.save', {
        inputs: [{ kind: 'file', name: 'v8-blog.html', dataBase64: page.toString('base64') }],
        url: 'https://v8.dev/blog/launching-ignition-and-turbofan',
      });
      const articleId = results[0]!.articleId;
      const project = await callOk<{ id: number }>(core, 'projects.create', { name: 'Engines' });
      await callOk(core, 'projects.addItems', { projectId: project.id, items: [{ type: 'article', id: articleId }] });
      const folder = core.dir.file('out');
      await callOk(core, 'export.project', { name: 'Engines', folder, includeSources: true, overwrite: false, citationStyle: 'footnotes', obsidian: false });
      const [file] = readdirSync(join(folder, 'sources'));
      const markdown = readFileSync(join(folder, 'sources', file!), 'utf8');
      const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');

      expect(body.match(/^#{2,6} \S/gm)?.length ?? 0).toBeGreaterThanOrEqual(5);
      expect(body).toMatch(/^- +\S/m);
      const links = [...body.matchAll(/\]\(<(https?:[^>]+)>\)/g)].map((m) => m[1]);
      expect(links.length).toBeGreaterThanOrEqual(10);
      expect(body).not.toMatch(/<(a|p|div|span|h\d|table)\b/i);

      const stored = core.ctx.db.prepare('SELECT content_text FROM article_versions WHERE article_id = ?').get(articleId) as { content_text: string };
      const [, ...afterTitle] = body.trimStart().split('\n');
      // Same words in the same order as the stored clean text: only Markdown syntax was added.
      expect(markdownWords(afterTitle.join('\n'))).toEqual(tokens(stored.content_text));
    } finally {
      core.close();
    }
  });

  it('drops links that are not web or mail, and never lets text become markup', () => {
    const html = [
      '<h2>Findings</h2>',
      '<p>See <a href="javascript:alert(1)">the ledger</a> and <a href="https://ledger.example/a(1)">the filing</a>, or <a href="mailto:desk@example.org">write</a>.</p>',
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; costs *5* [1] &amp;amp; @smith</p>',
      '<p># not a heading</p><p>1. not a list</p>',
      '<blockquote><p>Quoted words.</p></blockquote>',
      '<ul><li>one</li><li>two</li></ul>',
      '<table><tr><td>a</td><td>b</td></tr></table>',
      '<p><img src="dossier-asset:' + 'a'.repeat(64) + '" alt="chart"><img src="https://tracker.example/p.png"></p>',
    ].join('');
    const { markdown, usedAssets } = articleHtmlToMarkdown(html, { assetPath: (sha) => (sha === 'a'.repeat(64) ? '../assets/x.png' : undefined) });
    expect(markdown).toContain('## Findings');
    expect(markdown).toContain('the ledger and [the filing](<https://ledger.example/a(1)>)');
    expect(markdown).toContain('[write](<mailto:desk@example.org>)');
    expect(markdown).not.toContain('javascript');
    expect(markdown).toContain('\\<script\\>alert(1)\\</script\\> costs \\*5\\* \\[1\\] \\&amp; \\@smith');
    expect(markdown).toMatch(/^\\# not a heading$/m);
    expect(markdown).toMatch(/^1\\\. not a list$/m);
    expect(markdown).toMatch(/^> Quoted words\.$/m);
    expect(markdown).toMatch(/^- +one\n- +two$/m);
    expect(markdown).toMatch(/^\| a \| b \|$/m);
    expect(markdown).not.toMatch(/<table|<td/);
    expect(markdown).toContain('![chart](<../assets/x.png>)');
    expect(markdown).not.toContain('tracker.example');
    expect([...usedAssets]).toEqual(['a'.repeat(64)]);
    expect(articleHtmlToMarkdown('', noAssets).markdown).toBe('');
  });
});

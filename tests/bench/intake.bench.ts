// `npm run bench intake`: what the intake shows for six real saved pages (#14's closing note): each page of
// ../shared/fixtures/scrapinghub named below is clipped through the real pipeline into a temp library, and the
// stored title, authors, outlet, published date and first words are printed as a Markdown table.
import { extractionPool } from '../../electron/core/clip/extractionPool';
import { openCore } from '../../electron/core/openCore';
import { clipSource } from '../../electron/core/services/clip';
import { getArticle } from '../../db/repositories/articles';
import { HAVE_FIXTURES, NO_FIXTURES_REASON, scrapinghubCases } from '../helpers/clipFixtures';
import { makeTempDir } from '../helpers/tempDir';

/** Pages chosen for the patterns #14 names: a fact check, article:published, site suffixes, linked-name hover cards. */
const PAGES: { id: string; why: string }[] = [
  { id: '9e8c9f08', why: 'fact check (ClaimReview author)' },
  { id: '04a6711c', why: 'article:published + itemprop datePublished' },
  { id: '5fa3154e', why: 'title with section and site suffix' },
  { id: '624fcd90', why: 'hover-card "MORE" text, long site suffix' },
  { id: '7dfc3e35', why: 'title with " | Fox News"' },
  { id: 'c7e39ac4', why: 'no byline on the page' },
];

const cell = (value: string | null | undefined): string => (value ? value.replace(/\|/g, '\\|').replace(/\s+/g, ' ') : '—');

export async function run(): Promise<void> {
  if (!HAVE_FIXTURES) {
    console.log(NO_FIXTURES_REASON);
    return;
  }
  const dir = makeTempDir('dossier-intake-');
  const core = openCore(dir.file('intake.sqlite'));
  const cases = scrapinghubCases();
  console.log('| page | pattern | title | authors | outlet | published | body starts |');
  console.log('|---|---|---|---|---|---|---|');
  try {
    for (const page of PAGES) {
      const found = cases.find((c) => c.id.startsWith(page.id));
      if (!found) {
        console.log(`| ${page.id} | missing from the fixtures | | | | | |`);
        continue;
      }
      const result = await clipSource(core.ctx, { kind: 'file', name: `${found.id}.html.gz`, bytes: found.bytes }, { originalUrl: found.url });
      const article = result.articleId === null ? undefined : getArticle(core.ctx.db, result.articleId);
      const host = new URL(found.url).hostname.replace(/^www\./, '');
      if (!article) {
        console.log(`| ${host} | ${cell(page.why)} | ${result.status}: ${cell(result.error)} | | | | |`);
        continue;
      }
      const text = (core.ctx.db.prepare('SELECT content_text FROM article_versions WHERE id = ?').pluck().get(result.versionId) as string) ?? '';
      const start = text.replace(/\s+/g, ' ').split(' ').slice(0, 8).join(' ');
      console.log(`| ${host} | ${cell(page.why)} | ${cell(article.title)} | ${cell(article.authors.join('; '))} | ${cell(article.siteName)} | ${cell(article.publishedAt)} | ${cell(start)}… |`);
    }
  } finally {
    core.close();
    await extractionPool().close();
    dir.cleanup();
  }
}

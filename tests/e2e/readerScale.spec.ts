import { highlightSelection } from '../../electron/core/services/passages';
import { insertArticle, type Block } from '../helpers/articles';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

// A 100k-character article of our own making with 200 highlights: the reader must draw them all
// (CSS Custom Highlight API, no DOM rewriting) and stay responsive to selection. Figures are printed.
function longArticle(): Block[] {
  const words = 'council budget vote mayor contract water audit memo report city office review meeting residents documents approval'.split(' ');
  const blocks: Block[] = [];
  let chars = 0;
  for (let p = 0; chars < 100_000; p++) {
    const sentences = Array.from({ length: 5 }, (_, s) => `Paragraph ${p} sentence ${s} mentions ${Array.from({ length: 14 }, (_, w) => words[(p * 7 + s * 3 + w) % words.length]).join(' ')}.`);
    const text = sentences.join(' ');
    const block: Block = p % 12 === 0 ? { kind: 'h2', text: `Section ${p / 12}` } : { kind: 'p', text };
    blocks.push(block);
    chars += block.text.length + 2;
  }
  return blocks;
}

test('200 highlights on a 100k-character article: all drawn, the DOM untouched, selection still instant', async ({ page, app }) => {
  const { articleId, versionId } = insertArticle(app.core.ctx.db, { title: 'Long read', blocks: longArticle() });
  const text = (app.core.ctx.db.prepare('SELECT content_text AS t FROM article_versions WHERE id = ?').get(versionId) as { t: string }).t;
  expect(text.length).toBeGreaterThan(100_000);
  const starts = [...text.matchAll(/Paragraph \d+ sentence [13] mentions/g)].map((m) => m.index).slice(0, 200);
  expect(starts).toHaveLength(200);
  starts.forEach((at, i) => highlightSelection(app.core.ctx, { versionId, start: at, end: at + 60, color: i % 2 ? 'yellow' : 'green' }));
  const reader = new ReaderPage(page);
  const started = Date.now();
  await reader.open(app.harness.url, articleId);
  await expect
    .poll(async () => (await reader.highlightTexts('dossier-hl-yellow')).length + (await reader.highlightTexts('dossier-hl-green')).length)
    .toBe(200);
  const openMs = Date.now() - started;
  expect(await reader.body.locator('mark, span[data-highlight]').count()).toBe(0);

  const scrollMs = await page.evaluate(async () => {
    const scroller = document.querySelector('.reader-scroll')!;
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) {
      scroller.scrollTop += 2500;
      await new Promise(requestAnimationFrame);
    }
    return (performance.now() - t0) / 20;
  });
  const t0 = Date.now();
  await reader.select('Paragraph 150 sentence 2 mentions');
  const selectMs = Date.now() - t0;
  console.log(`reader at scale: open + draw 200 highlights ${openMs} ms; mean frame while scrolling ${scrollMs.toFixed(1)} ms; select → menu ${selectMs} ms`);
  await reader.menuItem('Highlight').click();
  await expect.poll(async () => (await reader.highlightTexts('dossier-hl-yellow')).length).toBe(101);
});

// Search as you type in real Chromium through the browser harness, on the 10,000-article library built by
// search.bench.ts (run after it: `npm run bench search` runs both). Measures, for every keystroke while typing
// the benchmark queries, the time from the keydown to the frame that paints that keystroke's results.
// Goal (issue 5): p95 ≤ 100 ms.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { openCore } from '../../electron/core/openCore';
import { startHarness } from '../../electron/web/server';
import { asYouTypeQuery } from '../../shared/search/asYouType';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT_DB = join(ROOT, '.bench/search-run/dossier.sqlite');
const RENDERER = join(ROOT, 'dist/renderer');
const QUERIES = join(ROOT, '.bench/lib10k/queries.json');
/** Every 4th benchmark query, typed key by key (a few hundred keystrokes). */
const QUERY_STRIDE = 4;

declare global {
  interface Window {
    __searchPaint?: Record<string, number>;
  }
}

export async function run(): Promise<void> {
  if (!existsSync(BUILT_DB) || !existsSync(QUERIES)) {
    console.log('SKIPPED: run the search benchmark first (npm run bench search builds .bench/search-run/dossier.sqlite).');
    return;
  }
  if (!existsSync(join(RENDERER, 'index.html'))) {
    console.log('SKIPPED: dist/renderer is missing: run `npm run build:renderer` first.');
    return;
  }
  const dir = join(ROOT, '.bench/search-ui');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const dbPath = join(dir, 'dossier.sqlite');
  copyFileSync(BUILT_DB, dbPath);

  const core = openCore(dbPath);
  const harness = await startHarness({ handlers: core.handlers, staticDir: RENDERER });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(harness.url);
    const input = page.getByTestId('search-input');
    await input.waitFor();
    await page.evaluate(() => {
      let lastKeyDown = 0;
      window.__searchPaint = {};
      document.addEventListener('keydown', () => (lastKeyDown = performance.now()), true);
      new MutationObserver(() => {
        const shown = document.querySelector<HTMLElement>('[data-testid="search-results"]')?.dataset.query;
        if (!shown || window.__searchPaint![shown] !== undefined) return;
        const keyAt = lastKeyDown;
        window.__searchPaint![shown] = -1;
        requestAnimationFrame(() => requestAnimationFrame(() => (window.__searchPaint![shown] = performance.now() - keyAt)));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-query'] });
    });

    const queries = (JSON.parse(readFileSync(QUERIES, 'utf8')) as Array<{ q: string }>).filter((_, i) => i % QUERY_STRIDE === 0).map((q) => q.q);
    const latencies: number[] = [];
    for (const query of queries) {
      await input.fill('');
      await page.evaluate(() => (window.__searchPaint = {}));
      for (let i = 1; i <= query.length; i++) {
        const sent = asYouTypeQuery(query.slice(0, i));
        await page.keyboard.type(query[i - 1]!);
        if (sent.trim() === '') continue;
        const handle = await page.waitForFunction((q) => ((window.__searchPaint?.[q] ?? -1) >= 0 ? { ms: window.__searchPaint![q]! } : null), sent, {
          timeout: 10_000,
        });
        latencies.push(((await handle.jsonValue()) as { ms: number }).ms);
      }
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
    console.log(`keystroke → results painted, ${latencies.length} keystrokes over ${queries.length} queries (10,000 articles + 10,000 notes):`);
    console.log(`  p50 ${at(0.5).toFixed(1)} ms   p95 ${at(0.95).toFixed(1)} ms   max ${sorted.at(-1)!.toFixed(1)} ms   (goal p95 ≤ 100 ms)`);
  } finally {
    await browser.close();
    await harness.close();
    core.close();
  }
}

// The research desk's speed (issue 12), in real Chromium through the browser harness, on the built renderer
// (dist/renderer: `npm run build:renderer` first). Printed side by side with the figures the issue measured before
// the desk, with the goal:
//   - quote → visible: from the `q` keydown in the reader to the frame after the quote is in the note's DOM
//     (the note on the desk beside the reader); goal p95 ≤ 100 ms (before: 238–520 ms);
//   - chip → reader: from the click on a quote's chip to the frame after the reader marked that passage current
//     and scrolled to it; goal p95 ≤ 200 ms (before: ~400 ms), on an ordinary article and on a 75,000-word
//     article carrying 500 highlights.
// DESK_BENCH_RENDERER=dir measures another build of the renderer (e.g. an older commit's dist/renderer).
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { dispatch } from '../../electron/core/dispatch';
import { openCore, type Core } from '../../electron/core/openCore';
import { quoteIntoNote } from '../../electron/core/services/noteQuotes';
import { findPassage, highlightSelection } from '../../electron/core/services/passages';
import { startHarness } from '../../electron/web/server';
import { insertArticle, type Block } from '../helpers/articles';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = resolve(ROOT, process.env.DESK_BENCH_RENDERER ?? 'dist/renderer');
const QUOTES = 25;
const CHIPS = 20;
const BIG_WORDS = 75_000;
const BIG_HIGHLIGHTS = 500;

const WORDS = 'harbour council dredging contract berth crane tide ferry customs manifest audit memo ledger quay silt'.split(' ');

/** Sentence n of a synthetic article: distinct (its number is spelled in it), about 15 words. */
function sentence(n: number): string {
  const words = Array.from({ length: 12 }, (_, i) => WORDS[(n * 7 + i * 3) % WORDS.length]);
  return `Sentence ${n} says the ${words.join(' ')} moved.`;
}

function article(paragraphs: number, perParagraph: number): { blocks: Block[]; sentences: string[] } {
  const sentences: string[] = [];
  const blocks: Block[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const group = Array.from({ length: perParagraph }, (_, i) => sentence(p * perParagraph + i));
    sentences.push(...group);
    blocks.push({ kind: 'p', text: group.join(' ') });
  }
  return { blocks, sentences };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function hashUrl(harnessUrl: string, route: string): string {
  const url = new URL(harnessUrl);
  const token = new URLSearchParams(url.hash.slice(1)).get('token');
  url.hash = `${route}?&token=${token}`;
  return url.toString();
}

/** Selects `text` in the reader as a user would (the DOM selection, then mouseup), and focuses the reader. */
async function selectInReader(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector<HTMLElement>('[data-testid="reader-body"]')!;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.nodeValue!.indexOf(wanted);
      if (at === -1) continue;
      body.focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      body.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      return;
    }
    throw new Error(`"${wanted}" is not in the article`);
  }, text);
  await page.getByRole('menu', { name: 'Selection' }).waitFor();
}

/** Quote key → the frame after the quote landed in the note, QUOTES times. */
async function measureQuotes(page: Page, sentences: string[]): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __quoteMs: number[]; __keyAt: number };
    w.__quoteMs = [];
    window.addEventListener('keydown', (e) => (e.key === 'q' ? (w.__keyAt = e.timeStamp) : undefined), true);
    window.addEventListener('dossier:quote-shown', () => requestAnimationFrame(() => w.__quoteMs.push(performance.now() - w.__keyAt)));
  });
  for (let i = 0; i < QUOTES; i++) {
    await selectInReader(page, sentences[(i * 3) % sentences.length]!);
    await page.keyboard.press('q');
    await page.waitForFunction((n) => (window as unknown as { __quoteMs: number[] }).__quoteMs.length >= n, i + 1);
  }
  return page.evaluate(() => (window as unknown as { __quoteMs: number[] }).__quoteMs);
}

/** Click on chip i → the frame after the reader made its passage current (and scrolled to it), CHIPS times. */
async function measureChips(page: Page): Promise<number[]> {
  const chips = page.locator('[data-testid="desk-note"] .quote-chip');
  const count = await chips.count();
  if (count < 2) throw new Error(`the note on the desk shows ${count} chips`);
  const times: number[] = [];
  for (let i = 0; i < CHIPS; i++) {
    // Alternate far apart passages, so every click scrolls.
    const index = i % 2 === 0 ? (i / 2) % count : count - 1 - ((i - 1) / 2) % count;
    const chip = chips.nth(index);
    await chip.scrollIntoViewIfNeeded();
    const passageId = await chip.getAttribute('data-passage-id');
    if ((await page.getAttribute('[data-testid="reader-body"]', 'data-current-passage').catch(() => null)) === passageId) continue;
    await page.evaluate((id) => {
      const w = window as unknown as { __chipMs?: number };
      delete w.__chipMs;
      document.addEventListener(
        'click',
        (event) => {
          const started = event.timeStamp;
          const wait = (): void => {
            const body = document.querySelector('[data-testid="reader-body"]');
            if (body?.getAttribute('data-current-passage') === id) requestAnimationFrame(() => (w.__chipMs = performance.now() - started));
            else requestAnimationFrame(wait);
          };
          wait();
        },
        { capture: true, once: true },
      );
    }, passageId);
    await chip.locator('.quote-chip-source').click();
    await page.waitForFunction(() => (window as unknown as { __chipMs?: number }).__chipMs !== undefined, undefined, { timeout: 30_000 });
    times.push(await page.evaluate(() => (window as unknown as { __chipMs: number }).__chipMs));
  }
  return times;
}

/** A note of block quotes of `count` sentences spread over the article, put on the desk beside it. */
function noteQuoting(core: Core, articleId: number, sentences: string[], count: number): number {
  let noteId: number | undefined;
  for (let i = 0; i < count; i++) {
    const passage = findPassage(core.ctx, articleId, sentences[Math.floor((i * (sentences.length - 1)) / (count - 1))]!);
    noteId = quoteIntoNote(core.ctx, { passageId: passage.id, kind: 'block', ...(noteId === undefined ? {} : { noteId }) }).noteId;
  }
  return noteId!;
}

async function openDesk(page: Page, harnessUrl: string, noteId: number, articleId: number): Promise<void> {
  await page.goto(hashUrl(harnessUrl, `/notes/${noteId}`));
  await page.getByLabel('Note text').waitFor();
  await page.evaluate((route) => (window.location.hash = route), new URL(hashUrl(harnessUrl, `/articles/${articleId}`)).hash);
  await page.locator('[data-testid="reader-body"] p').first().waitFor();
  await page.getByTestId('desk-note').waitFor();
  await page.waitForTimeout(300);
}

export async function run(): Promise<void> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    console.log(`  skipped: no built renderer in ${RENDERER} (npm run build:renderer)`);
    return;
  }
  const dir = join(ROOT, '.bench/desk');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const core = openCore(join(dir, 'dossier.sqlite'));

  const small = article(12, 6);
  const smallId = insertArticle(core.ctx.db, { title: 'Harbour dredging approved', siteName: 'The Ledger', blocks: small.blocks }).articleId;
  const big = article(Math.ceil(BIG_WORDS / 15 / 8), 8);
  const bigIds = insertArticle(core.ctx.db, { title: 'The long harbour report', siteName: 'Coast Weekly', blocks: big.blocks });
  const started = performance.now();
  for (let i = 0; i < BIG_HIGHLIGHTS; i++) {
    const passage = findPassage(core.ctx, bigIds.articleId, big.sentences[Math.floor((i * big.sentences.length) / BIG_HIGHLIGHTS)]!);
    highlightSelection(core.ctx, { versionId: bigIds.versionId, start: passage.start, end: passage.end, color: 'yellow' });
  }
  console.log(`  library: a ${small.sentences.length}-sentence article, and a ${big.sentences.length * 15}-word one with ${BIG_HIGHLIGHTS} highlights (made in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const chipNoteSmall = noteQuoting(core, smallId, small.sentences, 12);
  const chipNoteBig = noteQuoting(core, bigIds.articleId, big.sentences, 12);

  const harness = await startHarness({ handlers: core.handlers, staticDir: RENDERER, subscribe: (listener) => core.events.subscribe(listener) });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  const rows: Array<{ what: string; before: string; values: number[]; goal: number }> = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Quotes go into an empty note on the desk, at its cursor.
    const created = await dispatch(core.handlers, 'notes.create', { title: 'Desk bench' });
    if (!created.ok) throw new Error(created.error.message);
    const target = created.value as { id: number };
    await openDesk(page, harness.url, target.id, smallId);
    rows.push({ what: 'quote → visible in the note', before: '238–520 ms', values: await measureQuotes(page, small.sentences), goal: 100 });
    console.log(`  quote → visible: p95 ${percentile(rows[0]!.values, 0.95).toFixed(0)} ms (goal ≤ 100 ms)`);

    await openDesk(page, harness.url, chipNoteSmall, smallId);
    rows.push({ what: 'chip → reader at the passage', before: '~400 ms', values: await measureChips(page), goal: 200 });

    await openDesk(page, harness.url, chipNoteBig, bigIds.articleId);
    rows.push({ what: `  same, ${BIG_WORDS.toLocaleString('en')} words + ${BIG_HIGHLIGHTS} highlights`, before: '—', values: await measureChips(page), goal: 200 });
  } finally {
    await browser.close();
    await harness.close();
    core.close();
  }

  console.log(`  renderer: ${RENDERER}`);
  console.log(`  ${'measure'.padEnd(44)} ${'before'.padStart(11)} ${'n'.padStart(3)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'goal p95'.padStart(9)}  met`);
  for (const row of rows) {
    const p95 = percentile(row.values, 0.95);
    console.log(
      `  ${row.what.padEnd(44)} ${row.before.padStart(11)} ${String(row.values.length).padStart(3)} ${`${percentile(row.values, 0.5).toFixed(0)} ms`.padStart(8)} ${`${p95.toFixed(0)} ms`.padStart(8)} ${`${Math.max(...row.values).toFixed(0)} ms`.padStart(8)} ${`≤ ${row.goal} ms`.padStart(9)}  ${p95 <= row.goal ? 'yes' : 'NO'}`,
    );
  }
}

// `npm run bench clip`: extraction quality on ../shared/fixtures and clipping throughput,
// each side by side with raw @mozilla/readability on jsdom (the baseline issue #3 names).
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { decodeBytes } from '../../electron/core/clip/decode';
import { extractArticle } from '../../electron/core/clip/extract';
import { clipSource } from '../../electron/core/services/clip';
import { openCore } from '../../electron/core/openCore';
import {
  authorMatches,
  dateMatches,
  HAVE_FIXTURES,
  NO_FIXTURES_REASON,
  postlightCases,
  readabilityCases,
  scrapinghubCases,
  tokenF1,
} from '../helpers/clipFixtures';
import { makeTempDir } from '../helpers/tempDir';

const quietConsole = new VirtualConsole();

function rawReadability(bytes: Uint8Array, url: string | null): ReturnType<Readability<string>['parse']> {
  const { text } = decodeBytes(bytes);
  const dom = new JSDOM(text, { ...(url ? { url } : {}), virtualConsole: quietConsole });
  return new Readability(dom.window.document).parse();
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : 0;
};
const pct = (n: number, d: number): string => `${n}/${d} (${((100 * n) / Math.max(1, d)).toFixed(1)}%)`;
const f3 = (x: number): string => x.toFixed(3);

export async function run(): Promise<void> {
  if (!HAVE_FIXTURES) {
    console.log(NO_FIXTURES_REASON);
    return;
  }
  // ── readability/ ──
  const rCases = readabilityCases();
  const rF1: number[] = [];
  const rawF1: number[] = [];
  let titleExact = 0;
  const rFails: string[] = [];
  for (const c of rCases) {
    let f1 = 0;
    try {
      const ours = extractArticle({ bytes: c.source, filename: 'source.html', url: 'http://fakehost/test/page.html' });
      f1 = tokenF1(ours.text, c.expectedText).f1;
      if (ours.metadata.title === c.expectedMeta.title) titleExact++;
      else rFails.push(`${c.name}: title "${ours.metadata.title}" ≠ "${c.expectedMeta.title}"`);
    } catch (error) {
      rFails.push(`${c.name}: ${(error as Error).message}`);
    }
    rF1.push(f1);
    if (f1 < 0.99) rFails.push(`${c.name}: F1 ${f3(f1)}`);
    const raw = rawReadability(c.source, 'http://fakehost/test/page.html');
    rawF1.push(tokenF1(raw?.textContent ?? '', c.expectedText).f1);
  }
  console.log(`readability/ (${rCases.length} cases)   Dossier: mean F1 ${f3(mean(rF1))}, median ${f3(median(rF1))}, title exact ${pct(titleExact, rCases.length)}`);
  console.log(`                          raw Readability/jsdom: mean F1 ${f3(mean(rawF1))}, median ${f3(median(rawF1))}`);
  for (const line of rFails) console.log(`    below target: ${line}`);

  // ── scrapinghub/ ──
  const sCases = scrapinghubCases();
  const sF1: number[] = [];
  const sRaw: number[] = [];
  const sWorst: { id: string; f1: number }[] = [];
  for (const c of sCases) {
    let f1 = 0;
    try {
      f1 = tokenF1(extractArticle({ bytes: c.bytes, filename: `${c.id}.html.gz`, url: c.url }).text, c.articleBody).f1;
    } catch (error) {
      console.log(`    ${c.id}: ${(error as Error).message}`);
    }
    sF1.push(f1);
    sWorst.push({ id: c.id, f1 });
    sRaw.push(tokenF1(rawReadability(c.bytes, c.url)?.textContent ?? '', c.articleBody).f1);
  }
  console.log(`scrapinghub/ (${sCases.length} pages)   Dossier: mean F1 ${f3(mean(sF1))}, median ${f3(median(sF1))}`);
  console.log(`                          raw Readability/jsdom: mean F1 ${f3(mean(sRaw))}, median ${f3(median(sRaw))}`);
  console.log(`    lowest: ${sWorst.sort((a, b) => a.f1 - b.f1).slice(0, 6).map((w) => `${w.id.slice(0, 10)} ${f3(w.f1)}`).join(', ')}`);

  // ── postlight/ metadata ──
  const pCases = postlightCases();
  let withAuthor = 0, withDate = 0, ourAuthor = 0, rawAuthor = 0, ourDate = 0, rawDate = 0, titleOk = 0;
  const pMisses: string[] = [];
  for (const c of pCases) {
    let ours: ReturnType<typeof extractArticle> | undefined;
    try {
      ours = extractArticle({ bytes: c.bytes, filename: c.fixture.split('/').pop()!, url: c.url });
    } catch (error) {
      pMisses.push(`${c.fixture}: ${(error as Error).message}`);
    }
    const raw = rawReadability(c.bytes, c.url);
    if (c.title && ours?.metadata.title === c.title) titleOk++;
    if (c.author) {
      withAuthor++;
      if (authorMatches(ours?.metadata.byline, c.author)) ourAuthor++;
      else pMisses.push(`${c.fixture}: author "${ours?.metadata.byline ?? ''}" ≠ "${c.author}"`);
      if (authorMatches(raw?.byline, c.author)) rawAuthor++;
    }
    if (c.datePublished) {
      withDate++;
      if (dateMatches(ours?.metadata.publishedAt, c.datePublished)) ourDate++;
      else pMisses.push(`${c.fixture}: date "${ours?.metadata.publishedAt ?? ''}" ≠ "${c.datePublished}"`);
      if (dateMatches(raw?.publishedTime, c.datePublished)) rawDate++;
    }
  }
  console.log(`postlight/ (${pCases.length} pages)     author match: Dossier ${pct(ourAuthor, withAuthor)} vs raw Readability ${pct(rawAuthor, withAuthor)}`);
  console.log(`                          title exact: Dossier ${pct(titleOk, pCases.filter((c) => c.title).length)}`);
  console.log(`                          date match (same UTC day): Dossier ${pct(ourDate, withDate)} vs raw Readability ${pct(rawDate, withDate)}`);
  for (const line of pMisses) console.log(`    miss: ${line}`);

  // ── throughput: end to end (decode, parse, extract, sanitize, store) vs raw Readability on jsdom ──
  const pages = [
    ...rCases.map((c) => ({ name: `${c.name}.html`, bytes: c.source, url: null as string | null })),
    ...sCases.map((c) => ({ name: `${c.id}.html.gz`, bytes: c.bytes, url: c.url as string | null })),
    ...pCases.map((c) => ({ name: c.fixture.split('/').pop()!, bytes: c.bytes, url: c.url as string | null })),
  ];
  const dir = makeTempDir('dossier-bench-');
  const core = openCore(dir.file('bench.sqlite'));
  try {
    // Warm both paths once so JIT and lazy init do not count.
    rawReadability(pages[0]!.bytes, pages[0]!.url);
    extractArticle({ bytes: pages[0]!.bytes, filename: pages[0]!.name });
    let t = performance.now();
    for (const p of pages) rawReadability(p.bytes, p.url);
    const rawMs = performance.now() - t;
    t = performance.now();
    let stored = 0;
    for (const p of pages) {
      const result = await clipSource(core.ctx, { kind: 'file', name: p.name, bytes: p.bytes }, { originalUrl: p.url });
      if (result.status === 'clipped' || result.status === 'new-version' || result.status === 'duplicate') stored++;
    }
    const oursMs = performance.now() - t;
    const rawRate = pages.length / (rawMs / 1000);
    const ourRate = pages.length / (oursMs / 1000);
    console.log(`throughput (${pages.length} pages, ${stored} stored)`);
    console.log(`    raw Readability on jsdom (parse+extract): ${rawRate.toFixed(1)} pages/s (${(rawMs / pages.length).toFixed(1)} ms/page)`);
    console.log(`    Dossier clip (decode, parse, extract, sanitize, store): ${ourRate.toFixed(1)} pages/s (${(oursMs / pages.length).toFixed(1)} ms/page)`);
    console.log(`    ratio: ${(ourRate / rawRate).toFixed(2)}× (goal ≥ 3×)`);
  } finally {
    core.close();
    dir.cleanup();
  }
}

import type { Page, Request } from '@playwright/test';
import { clipSource } from '../../electron/core/services/clip';
import type { DossierApp } from './fixtures';
import { expandVector, loadNetworkProbePage, loadXssVectors, type XssVector } from '../helpers/hostile';
import { startProbeServer, type ProbeServer } from '../helpers/probeServer';
import { expect, test } from './fixtures';
import { ReaderPage } from './pages/ReaderPage';

/**
 * The hostile corpus through the real pipeline: every vector is clipped with
 * the app's clipper (extraction + clip-time sanitizer, stored in SQLite) and
 * opened in the real reader (render-time sanitizer, app CSP) in Chromium via
 * the harness. A catch-all probe server, the page's request log, a dialog
 * listener, a CSP-violation listener and the vectors' own page mark must all
 * stay silent. hostile.spec.ts holds the positive control proving the probe
 * and the mark do catch a live vector.
 *
 * window.dossier: in Electron the preload bridge is exposed with
 * contextBridge in the main world of the app's own page, and article content
 * can only reach it by running script there. So "unreachable" is proven by
 * showing the reader inserts nothing executable: after rendering every
 * vector there is no <script>, no on* attribute, no javascript:/data:/vbscript:
 * URL, no srcdoc, iframe, object, embed, base, meta, form or SVG/MathML in the
 * reader DOM (the harness itself has no window.dossier, it talks over fetch).
 */
const vectors = loadXssVectors();
/** Each vector gets its own article, so an unclosed tag or comment in one vector cannot hide the next. */
const ARTICLE_FILLER =
  'The council published the audit of the harbour contract on Tuesday. Officials said the review found two payments for the same dredging work, and the mayor asked the city office to explain the approval in a public meeting next week.';

function vectorArticle(batch: XssVector[], probeBase: string): string {
  const name = batch.map((v) => v.id).join('+');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Hostile vector ${name}</title></head><body><article>
<h1>Hostile vector ${name}</h1>
<p>Marker vector-${name}-start. ${ARTICLE_FILLER}</p>
${batch.map((vector) => `<section>${expandVector(vector, probeBase)}</section>`).join('\n')}
<p>${ARTICLE_FILLER} Second paragraph of vector ${name}.</p>
<p>${ARTICLE_FILLER} Third paragraph, categories ${[...new Set(batch.map((v) => v.category))].join(', ')}.</p>
</article></body></html>`;
}

function batchesOf(size: number): XssVector[][] {
  const batches: XssVector[][] = [];
  for (let i = 0; i < vectors.length; i += size) batches.push(vectors.slice(i, i + size));
  return batches;
}

interface Watch {
  requests: string[];
  dialogs: string[];
  stop(): void;
}

function watch(page: Page): Watch {
  const requests: string[] = [];
  const dialogs: string[] = [];
  const onRequest = (request: Request): void => void requests.push(request.url());
  page.on('request', onRequest);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { requests, dialogs, stop: () => page.off('request', onRequest) };
}

/** Test instrumentation (injected by Playwright, not by article content): records CSP violations. */
async function recordCspViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`));
  });
}

/** Everything in the rendered reader that could execute script or navigate: must be empty. */
async function executableContentIn(reader: ReaderPage): Promise<string[]> {
  return reader.body.evaluate((body) => {
    const found: string[] = [];
    for (const el of body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (/^(script|iframe|frame|object|embed|base|meta|link|style|form|svg|math|template|noscript|video|audio|source|input|button|textarea|select)$/.test(tag)) found.push(`<${tag}>`);
      if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`${tag} in ${el.namespaceURI}`);
      for (const attr of el.attributes) {
        const name = attr.name.toLowerCase();
        // Browsers ignore whitespace and control characters in a URL's scheme (`java\tscript:`).
        const value = [...attr.value].filter((c) => c.charCodeAt(0) > 0x20).join('').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (['srcdoc', 'style', 'srcset', 'formaction', 'action', 'ping', 'background', 'poster', 'xlink:href'].includes(name)) found.push(`${tag}[${name}]`);
        if (['href', 'src', 'action', 'data', 'xlink:href'].includes(name) && /^(javascript|vbscript|data|file):/.test(value)) found.push(`${tag}[${name}=${attr.value.slice(0, 40)}]`);
      }
    }
    return found;
  });
}

function outsideApp(requests: string[], origin: string): string[] {
  return requests.filter((url) => new URL(url).origin !== origin);
}

async function clipPaste(app: DossierApp, content: string): Promise<number> {
  const result = await clipSource(app.core.ctx, { kind: 'paste', format: 'html', content });
  expect(result.status, `clip failed: ${result.error}`).toBe('clipped');
  return result.articleId!;
}

test.describe('hostile pages clipped and opened in the reader', () => {
  let probe: ProbeServer;
  test.beforeAll(async () => {
    probe = await startProbeServer();
  });
  test.afterAll(async () => {
    await probe.close();
  });

  /**
   * Every vector clipped through the real pipeline and opened in the reader. `npm test` clips them ten to
   * an article (each vector also goes through the clip sanitizer alone in tests/unit/security/sanitizer.test.ts);
   * the @soak run in `npm run test:durability` gives each vector its own article, so an unclosed tag or
   * comment in one vector cannot hide the next.
   */
  async function clipAndReadCorpus(page: Page, app: DossierApp, batchSize: number): Promise<void> {
    const origin = new URL(app.harness.url).origin;
    const batches = batchesOf(batchSize);
    const articleIds: number[] = [];
    for (const batch of batches) articleIds.push(await clipPaste(app, vectorArticle(batch, probe.base)));
    const clipHits = probe.hits.length;

    await recordCspViolations(page);
    const seen = watch(page);
    const reader = new ReaderPage(page);
    const executable: string[] = [];
    const started = Date.now();
    for (const [i, articleId] of articleIds.entries()) {
      // The first open loads the app; later ones are hash navigations inside it, so any mark set
      // by an earlier vector stays on the document and is caught at the end.
      const name = batches[i]!.map((v) => v.id).join('+');
      await reader.open(app.harness.url, articleId);
      await expect(reader.body).toContainText(`Marker vector-${name}-start`);
      await page.mouse.move(400, 300);
      await page.mouse.move(10, 10);
      executable.push(...(await executableContentIn(reader)).map((what) => `vector ${name}: ${what}`));
    }
    // Time for onload/onerror, SVG animations, autofocus, lazy images and meta refreshes to fire.
    await page.waitForTimeout(1500);
    const mark = await page.evaluate(() => document.documentElement.dataset.xss ?? null);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    seen.stop();
    const readerHits = probe.hits.slice(clipHits);
    console.log(
      `[reader xss e2e] vectors tried: ${vectors.length}; articles clipped and opened: ${articleIds.length} in ${Date.now() - started} ms; ` +
        `probe hits while clipping: ${clipHits}, while reading: ${readerHits.length}; requests seen: ${seen.requests.length} ` +
        `(outside the app's origin: ${outsideApp(seen.requests, origin).length}); dialogs: ${seen.dialogs.length}; ` +
        `CSP violations: ${violations.length}; executable nodes/attributes in the reader DOM: ${executable.length}`,
    );
    expect(probe.hits).toEqual([]);
    expect(mark, 'a vector marked the page').toBeNull();
    expect(await page.evaluate(() => 'dossier' in window)).toBe(false);
    expect(seen.dialogs).toEqual([]);
    expect(outsideApp(seen.requests, origin)).toEqual([]);
    expect(violations).toEqual([]);
    expect(executable).toEqual([]);
  }

  test(`the XSS corpus (${vectors.length} vectors, ten to an article) clipped and read: no probe fires, nothing executable reaches the reader`, async ({ page, app }) => {
    test.setTimeout(60_000);
    await clipAndReadCorpus(page, app, 10);
  });

  test(`@soak the XSS corpus (${vectors.length} vectors), each clipped as its own article and read: no probe fires, nothing executable reaches the reader`, async ({ page, app }) => {
    test.setTimeout(300_000);
    await clipAndReadCorpus(page, app, 1);
  });

  test('defence in depth: raw vectors written straight into stored HTML (as if the clip sanitizer missed them) are still inert in the reader', async ({ page, app }) => {
    // Only the reader's render-time sanitizer and the app CSP stand here. Vectors are batched ten to an
    // article to stay fast; a vector that leaves the parser in an odd state can hide the rest of its batch.
    test.setTimeout(30_000);
    const origin = new URL(app.harness.url).origin;
    const batches: XssVector[][] = [];
    for (let i = 0; i < vectors.length; i += 10) batches.push(vectors.slice(i, i + 10));
    const articleIds: number[] = [];
    for (const [b, batch] of batches.entries()) {
      const articleId = await clipPaste(app, `<article><h1>Raw batch ${b}</h1><p>Marker raw-batch-${b}. ${ARTICLE_FILLER}</p><p>${ARTICLE_FILLER}</p></article>`);
      const raw = `<p>Marker raw-batch-${b}.</p>` + batch.map((v) => `<section>${expandVector(v, probe.base)}</section>`).join('\n');
      const changed = app.core.ctx.db.prepare('UPDATE article_versions SET content_html = ? WHERE article_id = ?').run(raw, articleId).changes;
      expect(changed).toBe(1);
      articleIds.push(articleId);
    }
    const clipHits = probe.hits.length;
    await recordCspViolations(page);
    const seen = watch(page);
    const reader = new ReaderPage(page);
    const executable: string[] = [];
    for (const [b, articleId] of articleIds.entries()) {
      await reader.open(app.harness.url, articleId);
      await expect(reader.body).toContainText(`Marker raw-batch-${b}.`);
      await page.mouse.move(400, 300);
      await page.mouse.move(10, 10);
      executable.push(...(await executableContentIn(reader)).map((what) => `batch ${b}: ${what}`));
    }
    await page.waitForTimeout(1500);
    const mark = await page.evaluate(() => document.documentElement.dataset.xss ?? null);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    seen.stop();
    console.log(
      `[reader xss e2e, raw stored HTML] vectors tried: ${vectors.length} in ${articleIds.length} articles; probe hits: ${probe.hits.length - clipHits}; ` +
        `requests seen: ${seen.requests.length} (outside the app's origin: ${outsideApp(seen.requests, origin).length}); dialogs: ${seen.dialogs.length}; ` +
        `CSP violations: ${violations.length} (all inline, reported while the sanitizer parses); executable nodes/attributes in the reader DOM: ${executable.length}`,
    );
    expect(probe.hits).toEqual([]);
    expect(mark, 'a vector marked the page').toBeNull();
    expect(seen.dialogs).toEqual([]);
    expect(outsideApp(seen.requests, origin)).toEqual([]);
    // The one documented, unavoidable kind of violation: DOMPurify parses the raw markup with DOMParser,
    // and Chromium checks inline handlers/styles against the app CSP while building that inert document
    // (the source of every report is the parse, and each is blocked). No handler runs there either way;
    // the clip sanitizer keeps such markup out of stored HTML, so the clipped-corpus test sees none.
    // Any violation naming a URL (a load attempt) or eval still fails.
    const unexpected = violations.filter((v) => !/^(script-src-attr|style-src-attr|style-src-elem|script-src-elem) inline at /.test(v));
    expect(unexpected).toEqual([]);
    const parserReports = /^(Executing inline event handler|Applying inline style|Executing inline script) violates/;
    const others = app.pageProblems.filter((p) => !parserReports.test(p));
    app.pageProblems.splice(0, app.pageProblems.length, ...others);
    expect(executable).toEqual([]);
  });

  test('the network-probe page clipped and read: zero requests outside the app', async ({ page, app }) => {
    const origin = new URL(app.harness.url).origin;
    const articleId = await clipPaste(app, loadNetworkProbePage(probe.base));
    const clipHits = probe.hits.length;
    await recordCspViolations(page);
    const seen = watch(page);
    const reader = new ReaderPage(page);
    await reader.open(app.harness.url, articleId);
    await expect(reader.body).toContainText('The second contract was signed by a deputy');
    await reader.body.scrollIntoViewIfNeeded();
    await page.mouse.move(400, 300);
    await page.waitForTimeout(1500);
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    seen.stop();
    const outside = outsideApp(seen.requests, origin);
    console.log(
      `[reader network e2e] probe hits while clipping: ${clipHits}, while reading: ${probe.hits.length - clipHits}; ` +
        `requests seen: ${seen.requests.length} (outside the app's origin: ${outside.length}): ${[...new Set(seen.requests.map((u) => new URL(u).pathname))].join(' ')}; CSP violations: ${violations.length}`,
    );
    expect(probe.hits).toEqual([]);
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
    expect(await executableContentIn(reader)).toEqual([]);

    // Control: the detector does see executable content when there is some (placed by the test, never run).
    await reader.body.evaluate((body) => {
      const link = document.createElement('a');
      link.setAttribute('href', ' java\tscript:void 0');
      body.append(link, document.createElementNS('http://www.w3.org/2000/svg', 'svg'));
    });
    expect(await executableContentIn(reader)).toEqual(['a[href= java\tscript:void 0]', '<svg>', 'svg in http://www.w3.org/2000/svg']);
  });
});

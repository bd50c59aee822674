import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../../electron/core/clip/extract';
import { defaultPoolSize, ExtractionPool } from '../../../electron/core/clip/extractionPool';
import { dispatch } from '../../../electron/core/dispatch';
import { clipSource } from '../../../electron/core/services/clip';
import { REPO_ROOT } from '../../helpers/bundleForNode';
import { makeTestCore } from '../../helpers/core';

const HARBOUR = readFileSync(new URL('../../fixtures/clip/harbour-report.html', import.meta.url));
const PARAGRAPH = `<p>${'The council heard evidence about the harbour wall. '.repeat(10)}</p>`;
const small = (n = 3): Buffer => Buffer.from(`<html><head><title>Small</title></head><body><article>${PARAGRAPH.repeat(n)}</article></body></html>`);
/** A real page that takes a worker a second or more to extract (many small paragraphs: Readability and the sanitizer walk them all). */
const slowPage = (paragraphs = 6000): Buffer =>
  Buffer.from(`<html><head><title>Minutes</title></head><body><article>${'<p><span>Item noted.</span> The clerk read it.</p>'.repeat(paragraphs)}</article></body></html>`);

function counts(core: ReturnType<typeof makeTestCore>): number[] {
  return ['articles', 'article_versions', 'assets', 'article_version_assets'].map((t) => (core.ctx.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
}

// Each test starts real workers (module load and warm-up, ~1 s, several on a loaded machine): generous timeouts.
describe('the extraction pool (worker threads)', { timeout: 60_000 }, () => {
  const pools: ExtractionPool[] = [];
  const pool = (options: ConstructorParameters<typeof ExtractionPool>[0]): ExtractionPool => {
    const p = new ExtractionPool(options);
    pools.push(p);
    return p;
  };
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it('sizes itself to the spare cores: at least one worker, at most two', () => {
    expect([1, 2, 3, 4, 16].map((cores) => defaultPoolSize(cores))).toEqual([1, 1, 2, 2, 2]);
  });

  it('gives exactly what extraction in this thread gives, and reuses its worker across pages', async () => {
    const workers = pool({ size: 1 });
    const input = { bytes: HARBOUR, filename: 'harbour-report.html', url: 'https://news.example.org/x' };
    const { article } = await workers.preview(input);
    expect(article).toEqual(extractArticle(input));
    const analysis = await workers.analyze(input);
    const finished = await workers.finish(analysis, new Map());
    expect(finished.textSha256).toBe(article.textSha256);
    expect(workers.started).toBe(1);
  });

  it('errors thrown in the worker come back as the same clear DossierError', async () => {
    const workers = pool({ size: 1 });
    await expect(workers.preview({ bytes: Buffer.alloc(0), filename: 'empty.html' })).rejects.toMatchObject({ name: 'DossierError', code: 'invalid_input', message: 'The file is empty.' });
    await expect(workers.preview({ bytes: Buffer.from('{"a":1}'), filename: 'data.json' })).rejects.toMatchObject({ code: 'unsupported' });
  });

  it('a page over its time budget is stopped with a clear error; the next page gets a fresh worker', async () => {
    const workers = pool({ size: 1, timeoutMs: 1000 });
    // The worker's start-up (loading its modules, warming up) is not the page's time: a cold pool takes a small page.
    await workers.preview({ bytes: small(), filename: 'first.html' });
    const started = performance.now();
    await expect(workers.preview({ bytes: slowPage(15_000), filename: 'minutes.html' })).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/took longer than 1 s/),
    });
    expect(performance.now() - started).toBeLessThan(3_000);
    const { article } = await workers.preview({ bytes: small(), filename: 'after.html' });
    expect(article.wordCount).toBeGreaterThan(100);
    expect(workers.started).toBe(2);
  });

  it('a page that needs more than the heap cap kills only its worker; the pool answers the next page', async () => {
    // 64 MB is enough for the worker and a normal page, not for a 4 MB one.
    const workers = pool({ size: 1, maxHeapMb: 64, timeoutMs: 30_000 });
    const big = Buffer.from(`<html><body><article>${PARAGRAPH.repeat(Math.ceil(3e6 / PARAGRAPH.length))}</article></body></html>`);
    await expect(workers.preview({ bytes: big, filename: 'big.html' })).rejects.toMatchObject({ code: 'too_large', message: expect.stringMatching(/more than 64 MB of memory/) });
    const { article } = await workers.preview({ bytes: small(), filename: 'after.html' });
    expect(article.wordCount).toBeGreaterThan(100);
    expect(workers.started).toBe(2);
  });

  it('runs up to `size` pages at once and queues the rest, each with its own result', async () => {
    const workers = pool({ size: 2 });
    const page = (n: number): Buffer => Buffer.from(`<html><head><title>Page ${n}</title></head><body><article>${PARAGRAPH.repeat(3)}</article></body></html>`);
    const previews = await Promise.all([1, 2, 3, 4, 5].map((n) => workers.preview({ bytes: page(n), filename: `p${n}.html` })));
    const titles = previews.map((p) => p.article.metadata.title);
    expect(titles).toEqual(['Page 1', 'Page 2', 'Page 3', 'Page 4', 'Page 5']);
    expect(workers.started).toBe(2);
  });

  it('the Electron build ships a worker that runs on its own (dist/electron/clipWorker.cjs)', async () => {
    const build = spawnSync(process.execPath, ['electron/launch/build-electron.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/WARNING/);
    const script = `${REPO_ROOT}/dist/electron/clipWorker.cjs`;
    expect(existsSync(script)).toBe(true);
    const { article } = await pool({ size: 1, script }).preview({ bytes: HARBOUR, filename: 'harbour-report.html' });
    expect(article.metadata.title).toBe('Harbour dredging report leaves council split');
  });
});

describe('clipping through the pool: the app stays responsive, nothing half-stored', { timeout: 60_000 }, () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    core = makeTestCore();
  });
  afterEach(() => core.close());

  it('a page stopped for time stores nothing and says why', async () => {
    const workers = new ExtractionPool({ size: 1, timeoutMs: 300 });
    try {
      const result = await clipSource(core.ctx, { kind: 'file', name: 'minutes.html', bytes: slowPage() }, { pool: workers });
      expect(result).toMatchObject({ status: 'failed', articleId: null, error: expect.stringMatching(/took longer than 0\.3 s.*did not clip it/) });
      expect(counts(core)).toEqual([0, 0, 0, 0]);
    } finally {
      await workers.close();
    }
  });

  it('while a slow page is extracted, other channels (notes.list) keep answering promptly', async () => {
    const workers = new ExtractionPool({ size: 1, timeoutMs: 60_000 });
    try {
      await workers.preview({ bytes: small(), filename: 'warm.html' });
      await dispatch(core.handlers, 'notes.create', { title: 'Harbour notes' });
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      let clipping = true;
      const started = performance.now();
      const clip = clipSource(core.ctx, { kind: 'file', name: 'minutes.html', bytes: slowPage(3000) }, { pool: workers }).finally(() => (clipping = false));
      const answers: number[] = [];
      while (clipping) {
        const asked = performance.now();
        const listed = await dispatch(core.handlers, 'notes.list', {});
        expect(listed).toMatchObject({ ok: true, value: [{ title: 'Harbour notes' }] });
        if (clipping) answers.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const result = await clip;
      const clipMs = performance.now() - started;
      lag.disable();
      expect(result.status, result.error ?? '').toBe('clipped');
      const slowest = Math.max(...answers);
      console.log(
        `slow clip ${clipMs.toFixed(0)} ms; notes.list answered ${answers.length}× meanwhile, slowest ${slowest.toFixed(1)} ms; event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(1)} ms, p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, max ${(lag.max / 1e6).toFixed(1)} ms`,
      );
      // In this thread the clip would block for its whole length: no answer could arrive before it ended.
      expect(clipMs).toBeGreaterThan(500);
      expect(answers.length).toBeGreaterThan(10);
      expect(slowest).toBeLessThan(100);
    } finally {
      await workers.close();
    }
  });
});

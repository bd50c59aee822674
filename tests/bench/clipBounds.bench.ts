import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { extractionPool, PAGE_TIMEOUT_MS, WORKER_HEAP_MB } from '../../electron/core/clip/extractionPool';
import { dispatch } from '../../electron/core/dispatch';
import { clipSource } from '../../electron/core/services/clip';
import { makeTestCore } from '../helpers/core';

/**
 * Bounds on hostile pages (issue 3, "Bad input"; security note T14): each page is
 * clipped through the real extraction pool; printed per page are the wall time,
 * the outcome, the process's peak RSS (this thread plus the worker), the slowest
 * event-loop delay on this thread and the slowest notes.list answer meanwhile.
 * Target: clipped or refused within 1 GB and 10 s, with the app answering throughout.
 */
const para = `<p>${'word '.repeat(100)}</p>`;
const PAGES: [string, string, () => Buffer][] = [
  ['50 MB page', 'huge.html', () => Buffer.from(`<html><body>${para.repeat(Math.ceil(50e6 / para.length))}</body></html>`)],
  ['23 MB page (under the size cap)', 'big.html', () => Buffer.from(`<html><body><article>${para.repeat(Math.floor(23e6 / para.length))}</article></body></html>`)],
  ['1e6 elements', 'many.html', () => Buffer.from(`<html><body>${'<span>a</span>'.repeat(1e6)}</body></html>`)],
  ['190k elements (under the element cap)', 'many-under.html', () => Buffer.from(`<html><body><article>${'<p><span>a</span></p>'.repeat(63_000)}</article></body></html>`)],
  ['nesting 100k deep', 'deep.html', () => Buffer.from(`<html><body>${'<div>'.repeat(100_000)}${para}${'</div>'.repeat(100_000)}</body></html>`)],
  ['nesting 1,900 deep (under the cap)', 'deep-under.html', () => Buffer.from(`<html><body>${'<div>'.repeat(1900)}${para.repeat(20)}${'</div>'.repeat(1900)}</body></html>`)],
  ['gzip bomb (1 GB expanded)', 'bomb.html.gz', () => Buffer.concat(Array.from({ length: 100 }, () => gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20), { level: 9 })))],
];

export async function run(): Promise<void> {
  console.log(`pool: ${extractionPool().size} worker(s), ${PAGE_TIMEOUT_MS / 1000} s per page, ${WORKER_HEAP_MB} MB heap cap per worker`);
  const core = makeTestCore();
  try {
    await dispatch(core.handlers, 'notes.create', { title: 'probe' });
    // Warm the pool so start-up is not counted.
    await clipSource(core.ctx, { kind: 'paste', format: 'text', content: 'Warm up\n\nA paragraph.' });
    for (const [label, name, make] of PAGES) {
      const bytes = make();
      const lag = monitorEventLoopDelay({ resolution: 5 });
      let peakRss = process.memoryUsage().rss;
      let slowestAnswer = 0;
      let running = true;
      const probe = (async () => {
        while (running) {
          const asked = performance.now();
          await dispatch(core.handlers, 'notes.list', {});
          slowestAnswer = Math.max(slowestAnswer, performance.now() - asked);
          peakRss = Math.max(peakRss, process.memoryUsage().rss);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      })();
      lag.enable();
      const started = performance.now();
      const result = await clipSource(core.ctx, { kind: 'file', name, bytes });
      const ms = performance.now() - started;
      running = false;
      await probe;
      lag.disable();
      console.log(
        `${label.padEnd(40)} ${(bytes.length / 1e6).toFixed(1).padStart(6)} MB  ${ms.toFixed(0).padStart(6)} ms  peak RSS ${(peakRss / 1e6).toFixed(0).padStart(5)} MB  loop max ${(lag.max / 1e6).toFixed(0).padStart(4)} ms  notes.list max ${slowestAnswer.toFixed(0).padStart(4)} ms  ${result.status}${result.error ? `: ${result.error}` : ''}`,
      );
    }
  } finally {
    core.close();
    await extractionPool().close();
  }
}

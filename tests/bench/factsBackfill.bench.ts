// Facts backfill benchmark (issue #13): the standard 10,000-article library imported (no facts yet, as a
// library from before facts), then the background backfill on the extraction workers, while notes.list is
// called every 50 ms as the app would. Goal: done within 3 minutes, notes.list p95 ≤ 50 ms during it.
//   npm run bench factsBackfill
// The generated library is cached in .bench/lib10k (gitignored), shared with the search bench.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { dispatch } from '../../electron/core/dispatch';
import { openCore } from '../../electron/core/openCore';
import { backfillFinished, factsBackfillStatus, startFactsBackfill } from '../../electron/core/services/factsBackfill';
import { extractionPool } from '../../electron/core/clip/extractionPool';

const ROOT = resolve(import.meta.dirname, '../..');
const GENERATOR = resolve(ROOT, '../shared/bench/gen.mjs');
const LIBRARY = join(ROOT, '.bench/lib10k');
const RUN_DIR = join(ROOT, '.bench/facts-run');
const N = 10_000;

function ensureLibrary(): void {
  const manifest = join(LIBRARY, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { n: number; seed: number };
    if (m.n === N && m.seed === 42) return;
  }
  console.log('generating the standard library (cached in .bench/lib10k)…');
  execFileSync(process.execPath, [GENERATOR, '--n', String(N), '--out', LIBRARY, '--seed', '42'], { stdio: 'inherit' });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export async function run(): Promise<void> {
  if (!existsSync(GENERATOR)) {
    console.log(`SKIPPED: ${GENERATOR} is missing (the shared benchmark generator lives outside the repo).`);
    return;
  }
  ensureLibrary();
  rmSync(RUN_DIR, { recursive: true, force: true });
  const core = openCore(join(RUN_DIR, 'dossier.sqlite'), { host: { allowPathInputs: true } });
  const imported = await dispatch(core.handlers, 'import.files', { paths: [join(LIBRARY, 'articles')] });
  if (!imported.ok) throw new Error(imported.error.message);
  // The import stores versions without facts: exactly what a library from before facts holds.
  const pending = (core.ctx.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  console.log(`library: ${pending} articles imported; facts pending for all of them`);

  const latencies: number[] = [];
  const t0 = performance.now();
  startFactsBackfill(core.ctx);
  let running = true;
  const finished = backfillFinished(core.ctx).then((status) => {
    running = false;
    return status;
  });
  let lastReport = t0;
  while (running) {
    const s = performance.now();
    const listed = await dispatch(core.handlers, 'notes.list', {});
    latencies.push(performance.now() - s);
    if (!listed.ok) throw new Error(listed.error.message);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      const st = factsBackfillStatus(core.ctx);
      console.log(`  ${((lastReport - t0) / 1000).toFixed(0)} s: ${st.done}/${st.total}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  const status = await finished;
  const elapsed = performance.now() - t0;
  const sorted = [...latencies].sort((a, b) => a - b);
  const facts = core.ctx.db.prepare(`SELECT kind, count(*) AS n FROM facts GROUP BY kind`).all();
  const entities = (core.ctx.db.prepare(`SELECT count(*) AS n FROM fact_entities`).get() as { n: number }).n;
  console.log(`backfill: ${status.state}, ${status.done}/${status.total} versions, ${status.failed} failed, ${(elapsed / 1000).toFixed(1)} s (goal ≤ 180 s) with ${extractionPool().size} worker(s)`);
  console.log(`facts stored: ${JSON.stringify(facts)}, entities ${entities}`);
  console.log(`notes.list during it: ${latencies.length} calls, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (goal ≤ 50 ms), max ${sorted.at(-1)?.toFixed(1)} ms`);
  core.close();
  await extractionPool().close();
}

// CLI start-up benchmark (issue 15): `dossier notes list` through the installed bin, as a journalist's
// script calls it, repeated like hyperfine (warm-up runs first, then N timed runs; median and p95 of wall time).
// Both paths the bin can take: the esbuild bundle (built first if stale) and the TypeScript sources through tsx
// (DOSSIER_CLI_FROM_SOURCES=1, what every call paid before the bundle). Target: bundle median <= 300 ms, quiet machine.
//   npm run bench cli            (CLI_BENCH_RUNS=N to change the run count)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'electron/cli/dossier.mjs');

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

function timeRuns(label: string, env: NodeJS.ProcessEnv, runs: number): { label: string; median: number; p95: number; min: number } {
  const once = (): number => {
    const start = performance.now();
    const result = spawnSync(process.execPath, [BIN, 'notes', 'list', '--json'], { env, encoding: 'utf8' });
    const elapsed = performance.now() - start;
    if (result.status !== 0) throw new Error(`${label}: dossier notes list failed: ${result.stderr}`);
    return elapsed;
  };
  for (let i = 0; i < 2; i++) once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return { label, median: quantile(times, 0.5), p95: quantile(times, 0.95), min: times[0]! };
}

export async function run(): Promise<void> {
  execFileSync(process.execPath, ['electron/launch/build-cli.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-bench-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DOSSIER_DB: join(dir, 'bench.sqlite') };
    delete env.DOSSIER_CLI_FROM_SOURCES;
    for (const title of ['Cartel timeline', 'Port authority budget', 'Interview notes']) {
      execFileSync(process.execPath, [BIN, 'notes', 'create', '--title', title], { env });
    }
    const runs = Number(process.env.CLI_BENCH_RUNS ?? 20);
    const rows = [
      timeRuns('bundle (dist/cli)', env, runs),
      timeRuns('sources via tsx (before)', { ...env, DOSSIER_CLI_FROM_SOURCES: '1' }, Math.max(5, Math.round(runs / 4))),
      floor(env, runs),
    ];
    console.log(`dossier notes list, ${runs} runs after 2 warm-ups; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(['path'.padEnd(28), 'median'.padStart(9), 'p95'.padStart(9), 'min'.padStart(9)].join(''));
    for (const r of rows) console.log([r.label.padEnd(28), ...[r.median, r.p95, r.min].map((ms) => `${ms.toFixed(0)} ms`.padStart(9))].join(''));
    console.log(`target: bundle median <= 300 ms: ${rows[0]!.median <= 300 ? 'met' : 'NOT met (see the load average above)'}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node starting and exiting with nothing to do: the part of every figure no code change can remove. */
function floor(env: NodeJS.ProcessEnv, runs: number): { label: string; median: number; p95: number; min: number } {
  const times = Array.from({ length: runs }, () => {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0'], { env });
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return { label: 'bare node (floor)', median: quantile(times, 0.5), p95: quantile(times, 0.95), min: times[0]! };
}

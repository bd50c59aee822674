// Search benchmark (issue 5): the standard 10,000-article library through Dossier's own import path (the
// import.files channel that `dossier import FOLDER` calls: it reads, parses and stores every file) and search
// service, side by side with a raw single-table FTS5 baseline over the same articles and the same 200 queries.
//   npm run bench search
// The generated library is cached in .bench/lib10k (gitignored); databases are rebuilt on every run.
// Before/after (issue #14): the same queries through the search service of main (the commit this branch started
// from, or $BENCH_BEFORE_REF) and of this tree, in one run, interleaved; plus misspelt queries (did-you-mean)
// and fact queries (speaker:, entity:, type:figure|date; facts extracted for the first $BENCH_FACT_ARTICLES).
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openCore, type Core } from '../../electron/core/openCore';
import { dispatch } from '../../electron/core/dispatch';
import { search } from '../../electron/core/services/search';
import { insertNote } from '../../db/repositories/notes';
import { editorStateToPlainText, parseEditorState } from '../../shared/notes/editorState';
import { serializedQuote } from '../../shared/notes/quotesInNote';
import { createPassage } from '../../electron/core/services/passages';
import { deriveNoteQuotes } from '../../electron/core/services/noteQuoteLinks';
import { extractFacts } from '../../electron/core/facts/extract';
import { storeVersionFacts } from '../../electron/core/services/facts';
import { loadSearchAt } from './searchBefore';

const ROOT = resolve(import.meta.dirname, '../..');
const GENERATOR = resolve(ROOT, '../shared/bench/gen.mjs');
const LIBRARY = join(ROOT, '.bench/lib10k');
const RUN_DIR = join(ROOT, '.bench/search-run');
const N = 10_000;
const TOP = 20;

interface BenchQuery {
  id: number;
  type: string;
  q: string;
  df: number;
}

interface ParsedFile {
  /** The baseline's title, and the text the bench's notes quote from. */
  article: { title: string; text: string };
  /** What the baseline indexes besides the title: the rest of the file (the metadata lines Dossier indexes as byline and site, and the text). */
  body: string;
}

export async function run(): Promise<void> {
  if (!existsSync(GENERATOR)) {
    console.log(`SKIPPED: ${GENERATOR} is missing (the shared benchmark generator lives outside the repo).`);
    return;
  }
  ensureLibrary();
  const files = readdirSync(join(LIBRARY, 'articles')).filter((f) => f.endsWith('.md')).sort();
  const queries = JSON.parse(readFileSync(join(LIBRARY, 'queries.json'), 'utf8')) as BenchQuery[];
  console.log(`library: ${files.length} articles (${LIBRARY}), ${queries.length} queries`);

  rmSync(RUN_DIR, { recursive: true, force: true });

  // ── Dossier ─────────────────────────────────────────────
  const dossierPath = join(RUN_DIR, 'dossier.sqlite');
  // The CLI's host: it may read the paths it is given.
  const core = openCore(dossierPath, { host: { allowPathInputs: true } });
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const imported = await dispatch(core.handlers, 'import.files', { paths: [join(LIBRARY, 'articles')] });
  const tImported = performance.now();
  const importCpu = cpuMs(process.cpuUsage(cpu0));
  if (!imported.ok) throw new Error(`import failed: ${imported.error.message}`);
  const { created, failed, articleIds } = imported.value as { created: number; failed: unknown[]; articleIds: number[] };
  if (created !== files.length || failed.length) throw new Error(`imported ${created} of ${files.length} files; failed: ${JSON.stringify(failed.slice(0, 3))}`);
  let parsed: ParsedFile[] | undefined = files.map((f) => parseFile(join(LIBRARY, 'articles', f)));
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const articlesOnlyBytes = fileSize(dossierPath);
  const noteSeconds = addNotes(core, parsed, articleIds);
  const searchable = search(core.ctx, queries[0]!.q).total > 0;
  parsed = undefined; // the bench's copy of the library is not the core's memory

  const dossierCounts = queries.map((q) => search(core.ctx, q.q, { limit: 0 }).groups.find((g) => g.type === 'article')?.count ?? 0);
  core.ctx.db.pragma('wal_checkpoint(TRUNCATE)');
  const dossierBytes = fileSize(dossierPath);
  const breakdown = sizeBreakdown(core.ctx.db);
  const dossierIndexBytes = tableBytes(core.ctx.db, ['article_fts', 'article_trigram']);

  // ── Raw FTS5 baseline ───────────────────────────────────
  const basePath = join(RUN_DIR, 'baseline.sqlite');
  const base = new Database(basePath);
  base.pragma('journal_mode = WAL');
  base.exec(`CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = "unicode61 remove_diacritics 2")`);
  const baseParsed = files.map((f) => parseFile(join(LIBRARY, 'articles', f)));
  const b0 = performance.now();
  const bCpu0 = process.cpuUsage();
  const insert = base.prepare(`INSERT INTO docs (title, body) VALUES (?, ?)`);
  base.transaction(() => {
    for (const p of baseParsed) insert.run(p.article.title, p.body);
  })();
  const bImported = performance.now();
  const baseImportCpu = cpuMs(process.cpuUsage(bCpu0));
  baseParsed.length = 0;
  const topQuery = base.prepare(`SELECT rowid, snippet(docs, -1, '[', ']', '…', 24) AS s FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT ${TOP}`);
  const countQuery = base.prepare(`SELECT count(*) FROM docs WHERE docs MATCH ?`).pluck();
  const baseCounts = queries.map((q) => countQuery.get(q.q) as number);
  base.pragma('wal_checkpoint(TRUNCATE)');
  const baseIndexBytes = tableBytes(base, ['docs'], ['docs_content']);
  const baseBytes = fileSize(basePath);

  // ── Latency: both sides interleaved query by query, so machine load hits them alike ──
  const { dossier: dossierTimes, baseline: baseTimes, dossierCpu, baselineCpu } = timeInterleaved(
    queries,
    (q) => search(core.ctx, q, { limit: TOP }),
    (q) => topQuery.all(q),
  );
  const filtered = stats(
    queries.map((q) => {
      search(core.ctx, `${q.q} is:unread`, { limit: TOP });
      const start = performance.now();
      search(core.ctx, `${q.q} is:unread`, { limit: TOP });
      return performance.now() - start;
    }),
  );
  const beforeAfter = await compareWithBefore(core, queries);
  collectGarbage();
  const rss = process.memoryUsage().rss;
  base.close();
  core.close();
  const child = childRss(dossierPath);

  // ── Report ──────────────────────────────────────────────
  const d = stats(dossierTimes);
  const b = stats(baseTimes);
  const mismatches = queries.filter((_, i) => dossierCounts[i] !== baseCounts[i]);
  const row = (label: string, dossier: string, baseline: string, ratio: string, goal = '') =>
    console.log(`${label.padEnd(34)}${dossier.padStart(14)}${baseline.padStart(14)}${ratio.padStart(9)}  ${goal}`);
  console.log(`\nload average during the run: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 shared cores)`);
  row('', 'Dossier', 'raw FTS5', 'ratio');
  row('time until searchable (import.files)', `${ms(tImported - t0)}`, `${ms(bImported - b0)}`, ratio(tImported - t0, bImported - b0), searchable ? 'goal ≤ 10 s' : 'NOT SEARCHABLE');
  row('  of which CPU time of this process', `${ms(importCpu)}`, `${ms(baseImportCpu)}`, ratio(importCpu, baseImportCpu));
  row('+ 10,000 notes quoting 10,000 passages', `${ms(noteSeconds * 1000)}`, '', '');
  row('database size, articles only', mb(articlesOnlyBytes), mb(baseBytes), ratio(articlesOnlyBytes, baseBytes), 'goal ≤ 1.3×');
  row('  of which the articles full-text index', mb(dossierIndexBytes), mb(baseIndexBytes), ratio(dossierIndexBytes, baseIndexBytes));
  row('database size, + notes and quotes', mb(dossierBytes), '', '');
  row(`search p50 (top-${TOP} + snippets)`, `${d.p50.toFixed(2)} ms`, `${b.p50.toFixed(2)} ms`, ratio(d.p50, b.p50));
  row('search p95', `${d.p95.toFixed(2)} ms`, `${b.p95.toFixed(2)} ms`, ratio(d.p95, b.p95), 'goal ≤ 1.5×');
  row('search max', `${d.max.toFixed(2)} ms`, `${b.max.toFixed(2)} ms`, ratio(d.max, b.max));
  row('search mean', `${d.mean.toFixed(2)} ms`, `${b.mean.toFixed(2)} ms`, ratio(d.mean, b.mean));
  const dc = stats(dossierCpu);
  const bc = stats(baselineCpu);
  row('  same calls, CPU time p50', `${dc.p50.toFixed(2)} ms`, `${bc.p50.toFixed(2)} ms`, ratio(dc.p50, bc.p50));
  row('  same calls, CPU time p95', `${dc.p95.toFixed(2)} ms`, `${bc.p95.toFixed(2)} ms`, ratio(dc.p95, bc.p95));
  row('search p50 / p95, each query + is:unread', `${filtered.p50.toFixed(1)} / ${filtered.p95.toFixed(1)} ms`, '', '');
  row('core RSS, fresh core: open + 200 queries', mb(child.rss), '', '', 'goal ≤ 300 MB');
  row('RSS of this bench process (both DBs)', mb(rss), '', '');
  console.log(`\nper query type (Dossier p95 / baseline p95):`);
  for (const type of [...new Set(queries.map((q) => q.type))]) {
    const pick = (times: number[]) => stats(times.filter((_, i) => queries[i]!.type === type));
    console.log(`  ${type.padEnd(8)} ${pick(dossierTimes).p95.toFixed(2).padStart(7)} ms / ${pick(baseTimes).p95.toFixed(2).padStart(7)} ms`);
  }
  console.log(`\nDossier database by table (MB): ${breakdown}`);
  console.log(
    mismatches.length === 0
      ? `article hit counts: identical to the baseline for all ${queries.length} queries`
      : `article hit counts differ from the baseline for ${mismatches.length} queries, e.g. ${mismatches
          .slice(0, 5)
          .map((q) => `${JSON.stringify(q.q)} ${dossierCounts[queries.indexOf(q)]} vs ${baseCounts[queries.indexOf(q)]}`)
          .join('; ')}`,
  );
  console.log(`Latency: median of ${ROUNDS} interleaved rounds per query, after one warm-up round.`);
  console.log('Dossier search = the search service (parse; articles, notes and quotes; counts per type; top-20 per type with snippets).');
  beforeAfter();
}

/**
 * This tree's search against the search service of main, on the same core and library: the 200 queries, the same
 * with is:unread, and the 60 single-word queries misspelt (two middle letters swapped), which main answers with
 * nothing and this tree with a did-you-mean; then fact queries, this tree only (main has no such filters).
 * Returns the report printer, so the figures print after the main table.
 */
async function compareWithBefore(core: Core, queries: BenchQuery[]): Promise<() => void> {
  const before = await loadSearchAt(ROOT, process.env.BENCH_BEFORE_REF);
  if ('skipped' in before) return () => console.log(`\nbefore/after: SKIPPED (${before.skipped})`);
  const after = (q: string) => search(core.ctx, q, { limit: TOP });
  const main = (q: string) => before.search(core.ctx, q, { limit: TOP });
  const counts = queries.map((q) => [after(q.q).total, main(q.q).total]);
  const plain = timeInterleaved(queries, after, main);
  const unread = queries.map((q) => ({ ...q, q: `${q.q} is:unread` }));
  const filtered = timeInterleaved(unread, after, main);
  const words = queries.filter((q) => q.type === 'word' && q.q.length >= 5);
  const misspelt = words.map((q) => ({ ...q, q: misspell(q.q) }));
  const typos = timeInterleaved(misspelt, after, main);
  const suggested = misspelt.filter((q) => after(q.q).suggestion !== null).length;
  const corrected = misspelt.filter((q, i) => after(q.q).suggestion?.toLowerCase() === words[i]!.q.toLowerCase()).length;
  const example = misspelt[0] ? `${misspelt[0].q} → ${after(misspelt[0].q).suggestion}` : '';
  const facts = factQueries(core);
  const factTimes = facts.queries.map((q) => {
    after(q);
    return { q, ms: median([0, 1, 2].map(() => timed(() => after(q)))), hits: after(q).total };
  });
  return () => {
    console.log(`\nbefore/after: this tree's search service vs main's (${before.ref}), same library and core, interleaved`);
    const row = (label: string, a: string, b: string, r: string) => console.log(`${label.padEnd(40)}${a.padStart(12)}${b.padStart(12)}${r.padStart(9)}`);
    row('', 'after', 'before', 'ratio');
    const side = (label: string, times: { dossier: number[]; baseline: number[] }) => {
      const a = stats(times.dossier);
      const b = stats(times.baseline);
      row(`${label} p50`, `${a.p50.toFixed(2)} ms`, `${b.p50.toFixed(2)} ms`, ratio(a.p50, b.p50));
      row(`${label} p95`, `${a.p95.toFixed(2)} ms`, `${b.p95.toFixed(2)} ms`, ratio(a.p95, b.p95));
    };
    side(`200 queries (top-${TOP} + snippets)`, plain);
    row('  CPU time p50', `${stats(plain.dossierCpu).p50.toFixed(2)} ms`, `${stats(plain.baselineCpu).p50.toFixed(2)} ms`, ratio(stats(plain.dossierCpu).p50, stats(plain.baselineCpu).p50));
    side('same + is:unread', filtered);
    side(`${misspelt.length} misspelt words (did-you-mean)`, typos);
    const same = counts.filter(([a, b]) => a === b).length;
    console.log(`hit totals identical before and after for ${same} of ${queries.length} queries`);
    console.log(`did-you-mean: ${suggested} of ${misspelt.length} misspelt words got a suggestion, ${corrected} of them the original word (e.g. ${example})`);
    console.log(`\nfact queries (this tree only; facts of the first ${facts.articles} articles: ${facts.stored}), median of 3:`);
    for (const f of factTimes) console.log(`  ${f.q.padEnd(36)} ${f.ms.toFixed(2).padStart(8)} ms  ${f.hits} hits`);
  };
}

/** "harbour" → "habrour": two letters after the first two swapped (a common typo, and one edit away). */
function misspell(word: string): string {
  const i = Math.min(2, word.length - 2);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}

/** Extracts and stores the facts of the first articles (as the backfill would), then picks queries from what was found. */
function factQueries(core: Core): { articles: number; stored: string; queries: string[] } {
  const articles = Number(process.env.BENCH_FACT_ARTICLES ?? 1000);
  const db = core.ctx.db;
  const versions = db.prepare(`SELECT v.id, v.content_text FROM article_versions v ORDER BY v.article_id LIMIT ?`).all(articles) as Array<{ id: number; content_text: string }>;
  db.transaction(() => {
    for (const v of versions) storeVersionFacts(db, { versionId: v.id, text: v.content_text, facts: extractFacts(v.content_text, { publishedAt: null }), now: core.ctx.now() });
  })();
  const count = (kind: string) => db.prepare(`SELECT count(*) FROM facts WHERE kind = ?`).pluck().get(kind) as number;
  const speaker = (db.prepare(`SELECT speaker FROM facts WHERE kind = 'quote' AND speaker IS NOT NULL GROUP BY speaker_key ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string | undefined) ?? 'nobody';
  const entity = (db.prepare(`SELECT name FROM fact_entities GROUP BY name_key ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string | undefined) ?? 'nobody';
  const unit = (db.prepare(`SELECT unit FROM facts WHERE kind = 'figure' GROUP BY unit_key ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string | undefined) ?? 'million';
  return {
    articles: versions.length,
    stored: `${count('quote')} quotes, ${count('figure')} figures, ${count('date')} dates, ${db.prepare('SELECT count(*) FROM fact_entities').pluck().get() as number} entities`,
    queries: [`speaker:"${speaker.split(' ').at(-1)}"`, `entity:"${entity}"`, `entity:"${entity}" type:article`, 'type:figure', `type:figure ${unit.split(' ').at(-1)}`, 'type:date after:2024', 'type:attribution'],
  };
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

function median(xs: number[]): number {
  return [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
}

/** A fresh core process on the built library: opens it, runs the 200 queries twice, reports its RSS. */
function childRss(dbPath: string): { rss: number } {
  const script = join(import.meta.dirname, 'searchRss.child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, dbPath, join(LIBRARY, 'queries.json')], { encoding: 'utf8' });
  return JSON.parse(out) as { rss: number };
}

/** Bytes of FTS5 tables (their shadow tables), leaving out the named ones. */
function tableBytes(db: Database.Database, prefixes: string[], except: string[] = []): number {
  const rows = db.prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name`).all() as Array<{ name: string; bytes: number }>;
  return rows
    .filter((r) => prefixes.some((p) => r.name === p || r.name.startsWith(`${p}_`)) && !except.includes(r.name))
    .reduce((sum, r) => sum + r.bytes, 0);
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

/** A full GC before reading RSS, without needing node --expose-gc on the command line. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function ensureLibrary(): void {
  const manifest = join(LIBRARY, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { n: number; seed: number };
    if (m.n === N && m.seed === 42) return;
  }
  console.log('generating the standard library (cached in .bench/lib10k)…');
  execFileSync(process.execPath, [GENERATOR, '--n', String(N), '--out', LIBRARY, '--seed', '42'], { stdio: 'inherit' });
}

/** The generated files start with "# Title", then Source:, Clipped:, By lines, then the text (Dossier's import parses them itself). */
function parseFile(path: string): ParsedFile {
  const lines = readFileSync(path, 'utf8').split('\n');
  const title = (lines[0] ?? '').replace(/^#\s*/, '').trim();
  let i = 1;
  while (i < lines.length && i < 6 && (lines[i]!.trim() === '' || /^(Source:|Clipped:|By )/.test(lines[i]!))) i++;
  return { article: { title, text: lines.slice(i).join('\n') }, body: lines.slice(1).join('\n') };
}

/**
 * 10,000 notes built from paragraphs of the articles, each quoting one sentence of its article: the passage is
 * made by the passages service (as selecting text in the reader does) and the note stored with its quote node and
 * derived quote link (as a note save does), all in one transaction.
 */
function addNotes(core: Core, parsed: ParsedFile[], articleIds: number[]): number {
  const t0 = performance.now();
  const now = new Date().toISOString();
  const db = core.ctx.db;
  const latestVersion = db.prepare(`SELECT id, content_text FROM article_versions WHERE article_id = ? ORDER BY version_no DESC LIMIT 1`);
  db.transaction(() => {
    parsed.forEach((p, i) => {
      const paragraphs = p.article.text.split('\n\n').filter(Boolean).slice(i % 3, (i % 3) + 2);
      const version = latestVersion.get(articleIds[i]) as { id: number; content_text: string };
      const sentence = /[^.!?]{20,200}[.!?]/.exec(version.content_text.slice(version.content_text.indexOf('\n\n') + 2)) ?? /\S[\s\S]{0,80}/.exec(version.content_text)!;
      const start = version.content_text.indexOf(sentence[0]);
      const passage = createPassage(core.ctx, { versionId: version.id, start, end: start + sentence[0].length });
      const paragraph = (text: string) => ({ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }] });
      const state = parseEditorState(
        JSON.stringify({ root: { type: 'root', version: 1, children: [paragraph(paragraphs[0] ?? ''), serializedQuote('block', passage.id, passage.exact), ...paragraphs.slice(1).map(paragraph)] } }),
      );
      const noteId = insertNote(db, { title: `Notes on ${p.article.title}`, contentJson: JSON.stringify(state), contentText: editorStateToPlainText(state), now });
      deriveNoteQuotes(db, noteId, state);
    });
  })();
  return (performance.now() - t0) / 1000;
}

const ROUNDS = 3;

/** One warm-up pass each, then ROUNDS timed passes alternating which side goes first; per query, the median round. */
function timeInterleaved(queries: ReadonlyArray<{ q: string }>, dossier: (q: string) => unknown, baseline: (q: string) => unknown) {
  for (const q of queries) {
    dossier(q.q);
    baseline(q.q);
  }
  // Wall-clock time, and this process's CPU time for the same call: on shared cores a descheduled
  // process inflates wall time, CPU time shows the work each side does.
  const time = (fn: (q: string) => unknown, q: string, cpu: number[]) => {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    fn(q);
    const wall = performance.now() - start;
    cpu.push(cpuMs(process.cpuUsage(cpu0)));
    return wall;
  };
  const d: number[][] = queries.map(() => []);
  const b: number[][] = queries.map(() => []);
  const dCpu: number[][] = queries.map(() => []);
  const bCpu: number[][] = queries.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    queries.forEach((q, i) => {
      if (round % 2 === 0) {
        d[i]!.push(time(dossier, q.q, dCpu[i]!));
        b[i]!.push(time(baseline, q.q, bCpu[i]!));
      } else {
        b[i]!.push(time(baseline, q.q, bCpu[i]!));
        d[i]!.push(time(dossier, q.q, dCpu[i]!));
      }
    });
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { dossier: d.map(median), baseline: b.map(median), dossierCpu: dCpu.map(median), baselineCpu: bCpu.map(median) };
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
  return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1)!, mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

function sizeBreakdown(db: Database.Database): string {
  try {
    const rows = db
      .prepare(`SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC LIMIT 8`)
      .all() as Array<{ name: string; bytes: number }>;
    return rows.map((r) => `${r.name} ${(r.bytes / 1e6).toFixed(1)}`).join(', ');
  } catch {
    return '(dbstat not available)';
  }
}

function fileSize(path: string): number {
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

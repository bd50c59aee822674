// `npm run bench facts`: quote attribution on the 84 annotated PolNeAR articles (../shared/fixtures/attribution),
// scored by the fixture README's rule, ours vs the README's pattern baseline in the same run, overall and per
// publisher; then the extractor's cost per article. A benchmark, not a test.
import { performance } from 'node:perf_hooks';
import { extractFacts } from '../../electron/core/facts/extract';
import { HAVE_ATTRIBUTION_FIXTURES, NO_ATTRIBUTION_FIXTURES_REASON, loadAttributionCorpus, type AnnotatedArticle } from '../helpers/facts/attributionCorpus';
import { baselineAttributions } from '../helpers/facts/attributionBaseline';
import { rates, scoreArticle, sumScores, type ArticleScore, type ScoredPrediction } from '../helpers/facts/attributionScore';

const GOAL = { precision: 0.9, directRecall: 0.75, sourcedRecall: 0.4 };

function ours(article: AnnotatedArticle): ScoredPrediction[] {
  return extractFacts(article.text, { publishedAt: article.date }).quotes.map((q) => ({ text: q.text, source: q.source, speaker: q.speaker }));
}

const f = (n: number) => n.toFixed(3);

function row(label: string, mine: ArticleScore, base: ArticleScore): string {
  const a = rates(mine);
  const b = rates(base);
  return [label.padEnd(13), `${f(a.precision)} ${f(b.precision)}`, `${f(a.directRecall)} ${f(b.directRecall)}`, `${f(a.sourcedRecall)} ${f(b.sourcedRecall)}`, `${String(mine.predictions).padStart(5)} ${String(base.predictions).padStart(5)}`, `${mine.goldDirect}/${mine.goldSourced}`].join('  ');
}

export async function run(): Promise<void> {
  if (!HAVE_ATTRIBUTION_FIXTURES) {
    console.log(`skipped: ${NO_ATTRIBUTION_FIXTURES_REASON}`);
    return;
  }
  const corpus = loadAttributionCorpus();
  const results = corpus.map((article) => ({ article, mine: scoreArticle(ours(article), article.gold), base: scoreArticle(baselineAttributions(article.text), article.gold) }));
  console.log(`${corpus.length} articles. Columns: ours baseline.`);
  console.log(['publisher'.padEnd(13), 'precision  ', 'direct rec. ', 'sourced rec.', 'predictions', 'gold direct/sourced'].join('  '));
  for (const publisher of [...new Set(corpus.map((a) => a.publisher))].sort()) {
    const mine = results.filter((r) => r.article.publisher === publisher);
    console.log(row(publisher, sumScores(mine.map((r) => r.mine)), sumScores(mine.map((r) => r.base))));
  }
  const total = sumScores(results.map((r) => r.mine));
  console.log(row('ALL', total, sumScores(results.map((r) => r.base))));
  const got = rates(total);
  console.log(`goal: precision ≥ ${GOAL.precision} ${got.precision >= GOAL.precision ? 'met' : 'NOT met'}, direct recall ≥ ${GOAL.directRecall} ${got.directRecall >= GOAL.directRecall ? 'met' : 'NOT met'}, all-sourced recall ≥ ${GOAL.sourcedRecall} ${got.sourcedRecall >= GOAL.sourcedRecall ? 'met' : 'NOT met'}`);

  // Cost: every article, warm, several rounds; per article and per 1,000 characters.
  for (const article of corpus) extractFacts(article.text, { publishedAt: article.date });
  const rounds = 5;
  const times: number[] = [];
  let chars = 0;
  const cpuBefore = process.cpuUsage();
  for (let r = 0; r < rounds; r++) {
    for (const article of corpus) {
      const t = performance.now();
      extractFacts(article.text, { publishedAt: article.date });
      times.push(performance.now() - t);
      if (r === 0) chars += article.text.length;
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  // CPU time is what the extraction workers pay; wall time also counts waiting for the (shared) cores.
  console.log(`extractFacts CPU: ${((cpu.user + cpu.system) / 1000 / (rounds * corpus.length)).toFixed(2)} ms/article`);
  times.sort((x, y) => x - y);
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  console.log(`extractFacts wall: mean ${mean.toFixed(2)} ms/article (median ${times[Math.floor(times.length / 2)]!.toFixed(2)}, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)}, max ${times[times.length - 1]!.toFixed(2)}), articles average ${Math.round(chars / corpus.length)} chars`);
}

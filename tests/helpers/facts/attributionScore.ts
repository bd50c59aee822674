// The scoring rule of ../shared/fixtures/attribution/README.md, one definition for the benchmark and the unit tests.
import type { GoldAttribution } from './attributionCorpus';

export interface ScoredPrediction {
  text: string;
  source: string;
  speaker: string | null;
}

/** Tokens: lowercase Unicode letter/digit runs. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'me', 'his', 'their', 'its', 'our', 'my', 'your']);
// Function words ignored when comparing sources ("the", "a", "of", "his", "said"…).
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'for', 'by', 'with', 'from', 'and', 'or', 'but', 'as', 'that', 'this',
  'these', 'those', 'who', 'whom', 'which', 'is', 'was', 'are', 'were', 'be', 'been', 'has', 'have', 'had', 's',
  'said', 'says', 'say', 'told', 'according', 'mr', 'mrs', 'ms', 'dr', 'also', 'not', 'one', 'some',
  ...PRONOUNS,
]);

function bag(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  let n = 0;
  for (const [w, c] of a) n += Math.min(c, b.get(w) ?? 0);
  return n;
}

/** Do the prediction's source + speaker name the gold source (pronoun-only gold sources need that pronoun)? */
export function sourceMatches(prediction: ScoredPrediction, goldSource: string): boolean {
  const predicted = new Set(tokens(`${prediction.source} ${prediction.speaker ?? ''}`));
  const gold = tokens(goldSource);
  const content = gold.filter((w) => !FUNCTION_WORDS.has(w));
  if (content.length > 0) return content.some((w) => predicted.has(w));
  const pronouns = gold.filter((w) => PRONOUNS.has(w));
  return pronouns.length > 0 && pronouns.some((w) => predicted.has(w));
}

export interface ArticleScore {
  predictions: number;
  correct: number;
  goldSourced: number;
  goldSourcedRecalled: number;
  goldDirect: number;
  goldDirectRecalled: number;
}

const QUOTATION_MARK = /["“”]/;

export function isDirect(gold: GoldAttribution): boolean {
  return QUOTATION_MARK.test(gold.content);
}

/** Scores one article's predictions against its gold attributions. */
export function scoreArticle(predictions: ScoredPrediction[], gold: GoldAttribution[]): ArticleScore {
  const goldBags = gold.map((g) => ({ g, words: tokens(g.content), counts: bag(tokens(g.content)) }));
  // For each gold attribution, the union (max per word) of the tokens its correct predictions cover.
  const covered = goldBags.map(() => new Map<string, number>());
  let correct = 0;
  for (const prediction of predictions) {
    const predBag = bag(tokens(prediction.text));
    const size = [...predBag.values()].reduce((s, c) => s + c, 0);
    if (size === 0) continue;
    let best = -1;
    let bestShare = 0;
    goldBags.forEach(({ g, counts }, i) => {
      if (g.source === null) return;
      const share = overlap(predBag, counts) / size;
      if (share >= 0.6 && share > bestShare && sourceMatches(prediction, g.source)) {
        best = i;
        bestShare = share;
      }
    });
    if (best < 0) continue;
    correct++;
    const cover = covered[best]!;
    for (const [w, c] of predBag) {
      const inGold = Math.min(c, goldBags[best]!.counts.get(w) ?? 0);
      if (inGold > (cover.get(w) ?? 0)) cover.set(w, inGold);
    }
  }
  const score: ArticleScore = { predictions: predictions.length, correct, goldSourced: 0, goldSourcedRecalled: 0, goldDirect: 0, goldDirectRecalled: 0 };
  goldBags.forEach(({ g, words }, i) => {
    if (g.source === null || words.length === 0) return;
    const got = [...covered[i]!.values()].reduce((s, c) => s + c, 0);
    const recalled = got / words.length >= 0.5;
    score.goldSourced++;
    if (recalled) score.goldSourcedRecalled++;
    if (isDirect(g)) {
      score.goldDirect++;
      if (recalled) score.goldDirectRecalled++;
    }
  });
  return score;
}

export function sumScores(scores: ArticleScore[]): ArticleScore {
  const total: ArticleScore = { predictions: 0, correct: 0, goldSourced: 0, goldSourcedRecalled: 0, goldDirect: 0, goldDirectRecalled: 0 };
  for (const s of scores) for (const k of Object.keys(total) as Array<keyof ArticleScore>) total[k] += s[k];
  return total;
}

export function rates(s: ArticleScore): { precision: number; directRecall: number; sourcedRecall: number } {
  return {
    precision: s.predictions ? s.correct / s.predictions : 0,
    directRecall: s.goldDirect ? s.goldDirectRecalled / s.goldDirect : 0,
    sourcedRecall: s.goldSourced ? s.goldSourcedRecalled / s.goldSourced : 0,
  };
}

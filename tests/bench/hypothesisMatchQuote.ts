import approxSearch from 'approx-string-match';

/**
 * The baseline a user would otherwise get: a faithful copy of Hypothesis's
 * anchoring for HTML (hypothesis/client src/annotator/anchoring/match-quote.ts
 * and the position-first order of html.ts): position selector accepted if its
 * text equals `exact`; else every exact occurrence, else approx-string-match
 * over the whole text with maxErrors = min(256, len/2); candidates scored
 * (50·quote + 20·prefix + 20·suffix + 2·position)/92, best wins, no minimum
 * score. Context is Hypothesis's 32 characters. Used only by the benchmark.
 */
interface Match {
  start: number;
  end: number;
  errors: number;
}

function search(text: string, str: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(str); at !== -1; at = text.indexOf(str, at + 1)) exact.push({ start: at, end: at + str.length, errors: 0 });
  if (exact.length > 0) return exact;
  return approxSearch(text, str, maxErrors);
}

function textMatchScore(text: string, str: string): number {
  if (str.length === 0 || text.length === 0) return 0;
  const matches = search(text, str, str.length);
  return 1 - matches[0]!.errors / str.length;
}

export function hypothesisMatchQuote(text: string, quote: string, context: { prefix: string; suffix: string; hint: number }): Match | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0) return null;
  const score = (m: Match) => {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? textMatchScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? textMatchScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const posScore = 1 - Math.abs(m.start - context.hint) / text.length;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
  };
  let best = matches[0]!;
  let bestScore = -Infinity;
  for (const m of matches) {
    const s = score(m);
    if (s > bestScore) {
      best = m;
      bestScore = s;
    }
  }
  return best;
}

export function hypothesisAnchor(text: string, exact: string, prefix: string, suffix: string, position: { start: number; end: number }): Match | null {
  if (text.slice(position.start, position.end) === exact) return { start: position.start, end: position.end, errors: 0 };
  return hypothesisMatchQuote(text, exact, { prefix: prefix.slice(-32), suffix: suffix.slice(0, 32), hint: position.start });
}

// The README's pattern baseline: `"Q," said S`, `"Q," S said`, `S said: "Q"`, S a name or he/she/they.
import type { ScoredPrediction } from './attributionScore';

const NAME = String.raw`(?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}'’-]+|[Hh]e|[Ss]he|[Tt]hey`;
const QUOTE = String.raw`["“]([^"“”]+?)[,.!?]?["”]`;
const PATTERNS = [
  new RegExp(String.raw`${QUOTE},?\s+(?:said|says)\s+(${NAME})`, 'gu'),
  new RegExp(String.raw`${QUOTE},?\s+(${NAME})\s+(?:said|says)`, 'gu'),
];
const COLON = new RegExp(String.raw`(${NAME})\s+(?:said|says)[:,]\s*${QUOTE}`, 'gu');

export function baselineAttributions(text: string): ScoredPrediction[] {
  const out: ScoredPrediction[] = [];
  for (const pattern of PATTERNS) {
    for (const m of text.matchAll(pattern)) out.push({ text: m[1]!, source: m[2]!, speaker: m[2]! });
  }
  for (const m of text.matchAll(COLON)) out.push({ text: m[2]!, source: m[1]!, speaker: m[1]! });
  return out;
}

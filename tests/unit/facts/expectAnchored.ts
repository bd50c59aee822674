import { expect } from 'vitest';
import type { ExtractedFacts } from '../../../shared/domain/facts';

/** Every fact's offsets cut its own words out of the text (UTF-16, end exclusive). */
export function expectAnchored(text: string, facts: ExtractedFacts): void {
  for (const f of [...facts.quotes, ...facts.figures, ...facts.dates]) expect(text.slice(f.start, f.end)).toBe(f.text);
  for (const q of facts.quotes) if (q.sourceSpan) expect(text.slice(q.sourceSpan.start, q.sourceSpan.end)).toBe(q.source);
  for (const e of facts.entities) {
    for (const m of e.mentions) expect([e.name, ...e.aliases].some((form) => form.endsWith(text.slice(m.start, m.end)) || text.slice(m.start, m.end) === form)).toBe(true);
  }
}

import type { ExtractedFacts, FactExtractionOptions } from '../../../shared/domain/facts';
import { findAttributions } from './attribution';

/**
 * Extracts the facts of one article version's clean text. Pure and synchronous
 * (it runs on the extraction workers, beside Readability), offline, no models.
 */
export function extractFacts(text: string, options: FactExtractionOptions = {}): ExtractedFacts {
  void options;
  const quotes = findAttributions(text).map((a) => ({
    text: text.slice(a.start, a.end),
    source: a.source.text,
    speaker: a.anonymous ? null : a.source.text,
    cue: a.cue,
    anonymous: a.anonymous,
    start: a.start,
    end: a.end,
    kind: a.kind,
    sourceSpan: { start: a.source.start, end: a.source.end },
  }));
  return { quotes, entities: [], figures: [], dates: [] };
}

import type { ExtractedFacts, FactExtractionOptions } from '../../../shared/domain/facts';
import { findAttributions } from './attribution';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findEntities, toExtractedEntities } from './entities';
import { speakerResolver } from './speakers';

/**
 * Extracts the facts of one article version's clean text. Pure and synchronous
 * (it runs on the extraction workers, beside Readability), offline, no models:
 * attribution rules (attribution.ts), entities (entities.ts), speakers (speakers.ts).
 */
export function extractFacts(text: string, options: FactExtractionOptions = {}): ExtractedFacts {
  const attributions = findAttributions(text);
  const entities = findEntities(text, attributions.map((a) => a.source));
  const resolve = speakerResolver(entities, text);
  const quotes = attributions.map((a) => ({
    text: text.slice(a.start, a.end),
    source: a.source.text,
    speaker: resolve(a),
    cue: a.cue,
    anonymous: a.anonymous,
    start: a.start,
    end: a.end,
    kind: a.kind,
    sourceSpan: { start: a.source.start, end: a.source.end },
  }));
  return { quotes, entities: toExtractedEntities(entities), figures: findFigures(text), dates: findDates(text, options.publishedAt) };
}

import type { ExtractedFacts, FactExtractionOptions } from '../../../shared/domain/facts';

/**
 * Extracts the facts of one article version's clean text. Pure and synchronous
 * (it runs on the extraction workers, beside Readability). Interface fixed here
 * so storage, CLI and UI can be built against it; the extraction rules arrive
 * with issue #13's extraction work (until then it finds nothing).
 */
export function extractFacts(text: string, options: FactExtractionOptions = {}): ExtractedFacts {
  void text;
  void options;
  return { quotes: [], entities: [], figures: [], dates: [] };
}

import { citationText, flatten, formatAuthors, passageUrl } from '../citation/citationText';
import { escapeInline, linkDestination } from './escape';
import type { CitedPassage } from './types';

/** One quote's standing: everything a reader of the export must be told about it. */
export interface QuoteVerdict {
  passage: CitedPassage | undefined;
  altered: boolean;
}

/** Warnings a citation must carry so no quote is passed off as verbatim when it is not. */
export function verdictWarnings(verdict: QuoteVerdict): string[] {
  const { passage } = verdict;
  if (!passage) return ['Unverified quote: its source passage is no longer in Dossier'];
  const warnings: string[] = [];
  if (verdict.altered) warnings.push(`Quote altered in this note; the source reads: “${escapeInline(flatten(passage.exact))}”`);
  if (passage.status === 'changed') warnings.push('Source changed since clipping; quoted as clipped');
  if (passage.status === 'orphan') warnings.push('Passage no longer found in the source; quoted as clipped');
  return warnings;
}

/** Ends with a full stop unless it already ends a sentence (inside closing quotes too). */
function sentence(text: string): string {
  return /[.!?][”’"')]*$/.test(text) ? text : `${text}.`;
}

/**
 * A full note citation (the text from shared/citation/citationText.ts) followed by its warnings:
 * Dana Ruiz, “City awarded water contract,” *The Ledger*, 14 Aug 2026. <https://…#:~:text=…> (accessed 19 Aug 2026).
 */
export function fullCitation(verdict: QuoteVerdict, localCopy?: string): string {
  const { passage } = verdict;
  if (!passage) return `**${sentence(verdictWarnings(verdict).join('. '))}**`;
  let text = citationText(passage, 'markdown');
  const warnings = verdictWarnings(verdict);
  if (warnings.length > 0) text += ` **${sentence(warnings.join('. '))}**`;
  if (localCopy) text += ` ${localCopy}`;
  return text;
}

/** Short attribution for the inline-links style: ([Dana Ruiz, *The Ledger*](url); warnings). */
export function inlineAttribution(verdict: QuoteVerdict): string {
  const { passage } = verdict;
  const warnings = verdictWarnings(verdict);
  if (!passage) return `(${warnings.join('; ')})`;
  const article = passage.article;
  const label = [formatAuthors(article.authors.map(flatten)), flatten(article.outlet ?? '') || flatten(article.title) || 'source']
    .filter((p): p is string => !!p)
    .map(escapeInline)
    .join(', ');
  const url = passageUrl(passage);
  const link = url ? `[${label}](${linkDestination(url)})` : label;
  return `(${[link, ...warnings.map(lowerFirst)].join('; ')})`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

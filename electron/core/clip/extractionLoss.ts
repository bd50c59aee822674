import { countWords } from '../../../shared/clip/normalizedText';

/**
 * The extraction-loss check: the page's paragraphs are grouped by parent before
 * extraction, and the clean text is checked for the main groups afterwards, so a
 * clip that silently lost part of the article says so.
 */

const PARAGRAPH_MIN_WORDS = 12;

/** Paragraphs of the full page outside navigation, asides and comments, grouped by their parent element. */
export function paragraphGroups(document: Document): string[][] {
  const groups = new Map<unknown, string[]>();
  for (const p of Array.from(document.querySelectorAll('p'))) {
    if (
      p.closest(
        'nav, footer, aside, form, header, [role="navigation"], [role="complementary"], ' +
          '[class*="comment"], [id*="comment"]',
      )
    )
      continue;
    const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
    if (countWords(text) < PARAGRAPH_MIN_WORDS) continue;
    const list = groups.get(p.parentNode) ?? [];
    list.push(text);
    groups.set(p.parentNode, list);
  }
  return [...groups.values()];
}

/** Paragraphs of the page's main text that the clean text lost. */
export function extractionLoss(
  groups: string[][],
  cleanText: string,
): { droppedParagraphs: number; droppedWords: number; keptWords: number } {
  const haystack = cleanText.replace(/\s+/g, ' ');
  let droppedParagraphs = 0;
  let droppedWords = 0;
  let keptWords = 0;
  // The page's main text: groups (paragraphs sharing a parent) where the article kept at least one paragraph,
  // plus the biggest group.
  const biggest = groups.reduce<string[] | undefined>(
    (best, g) => (!best || countWords(g.join(' ')) > countWords(best.join(' ')) ? g : best),
    undefined,
  );
  for (const group of groups) {
    const kept = group.filter((p) => haystack.includes(p));
    if (kept.length === 0 && group !== biggest) continue;
    for (const paragraph of group) {
      if (kept.includes(paragraph)) keptWords += countWords(paragraph);
      else {
        droppedParagraphs++;
        droppedWords += countWords(paragraph);
      }
    }
  }
  return { droppedParagraphs, droppedWords, keptWords };
}

/** The warning for a clip that lost enough of the main text to matter, or null. */
export function extractionLossWarning(groups: string[][], cleanText: string): string | null {
  const loss = extractionLoss(groups, cleanText);
  if (
    loss.droppedParagraphs >= 2 &&
    loss.droppedWords >= 60 &&
    loss.droppedWords > 0.15 * (loss.keptWords + loss.droppedWords)
  ) {
    return (
      `Extraction may have lost text: ${loss.droppedParagraphs} paragraphs (about ${loss.droppedWords} words) ` +
      "of the page's main text are not in the clean text. The original page is kept; view it as text to check."
    );
  }
  return null;
}

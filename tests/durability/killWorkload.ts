import { QUOTE_BLOCK_TYPE } from '../../shared/notes/quoteNodes';

/** Notes the kill test's writer cycles through. */
export const NOTE_COUNT = 12;
export const SAVES_PER_ROUND = 1000;

/** The quoted sentence of the kill test's one article (its passage is quoted 0–2 times per save). */
export const QUOTED = 'The harbour board approved the dredging contract before the tender had closed.';

const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
const paragraph = (value: string) => ({ type: 'paragraph', version: 1, children: [text(value)] });

/** How many quotes of the passage save `index` holds: the derived note_quotes rows must always match. */
export function quoteCountFor(index: number): number {
  return index % 3;
}

/**
 * The exact content of save `index` in `round`: unique per save, every 37th
 * save is large (~24 KB) so some transactions span overflow pages, and 0–2
 * quotes of the passage, so each save also rewrites the note's quote rows
 * (and the notes full-text index) in the same transaction.
 */
export function contentFor(round: number, index: number, passageId: number): string {
  const marker = `round ${round} save ${index}`;
  const size = index % 37 === 0 ? 24_000 : 40 + ((index * 7919) % 900);
  const filler = `${marker} `.repeat(Math.ceil(size / (marker.length + 1))).slice(0, size);
  const quotes = Array.from({ length: quoteCountFor(index) }, () => ({ type: QUOTE_BLOCK_TYPE, version: 1, passageId, children: [text(QUOTED)] }));
  return JSON.stringify({ root: { type: 'root', version: 1, children: [paragraph(marker), paragraph(filler), ...quotes] } });
}

export function noteIndexFor(index: number): number {
  return index % NOTE_COUNT;
}

import { editorJson } from '../../helpers/core';

/** Notes the kill test's writer cycles through. */
export const NOTE_COUNT = 12;
export const SAVES_PER_ROUND = 1000;

/**
 * The exact content of save `index` in `round`: unique per save, and every
 * 37th save is large (~24 KB) so some transactions span overflow pages.
 */
export function contentFor(round: number, index: number): string {
  const marker = `round ${round} save ${index}`;
  const size = index % 37 === 0 ? 24_000 : 40 + ((index * 7919) % 900);
  const filler = `${marker} `.repeat(Math.ceil(size / (marker.length + 1))).slice(0, size);
  return editorJson(marker, filler);
}

export function noteIndexFor(index: number): number {
  return index % NOTE_COUNT;
}

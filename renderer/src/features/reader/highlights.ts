import type { PlacedPassage } from '../../../../shared/domain/passage';
import { rangeFor, type ArticleTextMap } from './textMap';

/**
 * Draws passages with the CSS Custom Highlight API: ranges registered in
 * CSS.highlights and styled with ::highlight(), so the article's DOM is never
 * rewritten (200 highlights cost 200 StaticRanges, nothing else).
 */
export const HIGHLIGHT_NAMES = {
  yellow: 'dossier-hl-yellow',
  green: 'dossier-hl-green',
  blue: 'dossier-hl-blue',
  pink: 'dossier-hl-pink',
  quoted: 'dossier-quoted',
  current: 'dossier-current',
  flash: 'dossier-flash',
} as const;

export interface DrawnPassage {
  passage: PlacedPassage;
  start: number;
  end: number;
  range: StaticRange;
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export function drawPassages(map: ArticleTextMap, placed: Array<{ passage: PlacedPassage; start: number; end: number }>): DrawnPassage[] {
  const drawn: DrawnPassage[] = [];
  const groups = new Map<string, StaticRange[]>();
  for (const item of placed) {
    const range = rangeFor(map, item.start, item.end);
    if (!range) continue;
    drawn.push({ ...item, range });
    const name = item.passage.highlight ? HIGHLIGHT_NAMES[item.passage.highlight] : item.passage.backlinks.length > 0 ? HIGHLIGHT_NAMES.quoted : null;
    if (!name) continue;
    const list = groups.get(name) ?? [];
    list.push(range);
    groups.set(name, list);
  }
  if (supportsHighlights()) {
    for (const [key, name] of Object.entries(HIGHLIGHT_NAMES)) {
      if (key === 'current' || key === 'flash') continue;
      const ranges = groups.get(name);
      if (ranges) CSS.highlights.set(name, new Highlight(...ranges));
      else CSS.highlights.delete(name);
    }
  }
  return drawn;
}

export function setCurrent(range: StaticRange | null): void {
  if (!supportsHighlights()) return;
  if (range) {
    const highlight = new Highlight(range);
    highlight.priority = 10;
    CSS.highlights.set(HIGHLIGHT_NAMES.current, highlight);
  } else CSS.highlights.delete(HIGHLIGHT_NAMES.current);
}

/** Toggles a brighter layer over the current passage a few times, to catch the eye. */
export function flash(range: StaticRange, times = 3): void {
  if (!supportsHighlights()) return;
  let step = 0;
  const timer = window.setInterval(() => {
    if (step % 2 === 0) {
      const highlight = new Highlight(range);
      highlight.priority = 11;
      CSS.highlights.set(HIGHLIGHT_NAMES.flash, highlight);
    } else CSS.highlights.delete(HIGHLIGHT_NAMES.flash);
    step += 1;
    if (step >= times * 2) window.clearInterval(timer);
  }, 200);
}

export function clearAll(): void {
  if (!supportsHighlights()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
}

/** Passages covering a text offset, innermost (shortest) first. */
export function passagesAt(drawn: DrawnPassage[], offset: number): DrawnPassage[] {
  return drawn.filter((d) => d.start <= offset && offset < d.end).sort((a, b) => a.end - a.start - (b.end - b.start));
}

// Figures: a number with its qualifier and what it counts ("more than thirty strikes" → 30, strikes, "more than"),
// money ("$4.2 million" → 4200000, USD) and percentages ("12%" → 12, percent).
import type { ExtractedFigure } from '../../../shared/domain/facts';

const QUALIFIERS = ['more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'approximately', 'roughly', 'up to', 'fewer than', 'less than', 'just over', 'just under', 'as many as', 'as much as', 'upwards of', 'some', 'at most', 'close to', 'under', 'an estimated'];
const SMALL: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, dozen: 12 };
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6, k: 1e3 };
const CURRENCIES: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const NOT_UNITS = new Set(`of in on at to the a an and or but for from by with as than that this these those is was were are be been has have had
  will would could percent per cent years year old times time a.m p.m am pm and more less which who what when where`.split(/\s+/));

const qualifier = QUALIFIERS.sort((a, b) => b.length - a.length).map((q) => q.replace(/ /g, '\\s+')).join('|');
const wordNumber = `(?:${Object.keys(SMALL).join('|')})(?:[-\\s](?:${Object.keys(SMALL).join('|')}))?`;
const FIGURE = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥.,])(?:(?<qual>${qualifier})\s+)?(?<cur>[$€£¥])?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|${wordNumber})(?:\s*(?<scale>thousand|million|billion|trillion|bn)\b)?(?<pct>\s*%|\s+percent\b|\s+per\s+cent\b)?(?:\s+(?<unit>[\p{Ll}][\p{Ll}-]+))?`,
  'giu',
);
const MONTHS = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$/i;

function wordValue(words: string): number | null {
  let total = 0;
  for (const w of words.toLowerCase().split(/[-\s]+/)) {
    const v = SMALL[w];
    if (v === undefined) return null;
    total = v === 100 ? Math.max(1, total) * 100 : total + v;
  }
  return total;
}

export function findFigures(text: string): ExtractedFigure[] {
  const out: ExtractedFigure[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const g = m.groups!;
    const numText = g.num!;
    const isDigits = /^\d/.test(numText);
    let value = isDigits ? Number(numText.replace(/,/g, '')) : wordValue(numText);
    if (value === null || !Number.isFinite(value)) continue;
    if (g.scale) value *= SCALES[g.scale.toLowerCase()]!;
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    // Dates, years, times and ordinals are the dates module's business.
    if (isDigits && !g.cur && !g.pct && (MONTHS.test(before) || (/^(1[89]|20)\d\d$/.test(numText) && !g.qual && !g.scale))) continue;
    if (/^\s*(a\.m|p\.m|am\b|pm\b|st\b|nd\b|rd\b|th\b)/i.test(text.slice(m.index + m[0].length - (g.unit?.length ?? 0) - (g.unit ? 1 : 0)))) continue;
    let unit: string | null = null;
    let end = m.index + m[0].length;
    if (g.cur) unit = CURRENCIES[g.cur]!;
    else if (g.pct) unit = 'percent';
    if (g.unit && (g.cur || g.pct || NOT_UNITS.has(g.unit.toLowerCase()))) {
      end -= g.unit.length;
      while (/\s/.test(text[end - 1]!)) end--;
    } else if (g.unit) unit = g.unit.toLowerCase();
    if (unit === null) continue; // a bare number says nothing checkable
    // Word numbers need a counted noun right after them ("thirty strikes"), or they are just words ("one of").
    if (!isDigits && !g.unit) continue;
    if (!isDigits && value === 1 && !g.qual) continue;
    let start = m.index;
    const figure = text.slice(start, end);
    out.push({ text: figure, value, unit, qualifier: g.qual ? g.qual.toLowerCase().replace(/\s+/g, ' ') : null, start, end });
    start = end;
  }
  return out;
}

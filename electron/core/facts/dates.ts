// Dates: explicit and relative expressions normalised to ISO at day, month or year precision, against the
// article's published date ("in October" in an article of December 2025 → 2025-10). chrono-node does the parsing.
import * as chrono from 'chrono-node';
import type { DatePrecision, ExtractedDate } from '../../../shared/domain/facts';

const pad = (n: number) => String(n).padStart(2, '0');

export function findDates(text: string, publishedAt?: string | null): ExtractedDate[] {
  const reference = publishedAt ? new Date(publishedAt) : null;
  const hasReference = reference !== null && !Number.isNaN(reference.getTime());
  const results = chrono.en.parse(text, hasReference ? { instant: reference, timezone: 'UTC' } : undefined);
  const out: ExtractedDate[] = [];
  for (const r of results) {
    const c = r.start;
    const relative = !c.isCertain('year');
    // Without a published date, a date missing its year ("in October", "Monday") cannot be placed.
    if (relative && !hasReference) continue;
    let precision: DatePrecision;
    if (c.isCertain('day') || (c.isCertain('weekday') && relative)) precision = 'day';
    else if (c.isCertain('month')) precision = 'month';
    else if (c.isCertain('year')) precision = 'year';
    else if (relative && /\b(week|yesterday|today|tomorrow|tonight|ago)\b/i.test(r.text)) precision = 'day';
    else continue; // times of day alone ("3 a.m.")
    const year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    if (year === null) continue;
    const iso = precision === 'day' ? `${year}-${pad(month ?? 1)}-${pad(day ?? 1)}` : precision === 'month' ? `${year}-${pad(month ?? 1)}` : String(year);
    out.push({ text: r.text, iso, precision, start: r.index, end: r.index + r.text.length });
  }
  return out;
}

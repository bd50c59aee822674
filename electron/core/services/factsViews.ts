import * as articles from '../../../db/repositories/articles';
import * as factsRepo from '../../../db/repositories/facts';
import { citationText, citedArticleOf, formatDate, occurrencesUpToTwo, passageUrl } from '../../../shared/citation/citationText';
import type { CitedArticle, CitedPassage } from '../../../shared/export/types';
import type { FactSource, FigureConflict, SpeakerQuotes, TimelineEntry } from '../../../shared/domain/storedFacts';
import type { CoreContext } from '../context';
import { findProject } from './projects';

/**
 * A project's facts across its sources (issue #13): who said what, the
 * timeline of dated facts, and figure conflicts. Each fact comes from the
 * latest version of an article in the project and carries its source and
 * citation (shared/citation/citationText.ts, with a text-fragment link).
 */

interface SourceInfo {
  from: FactSource;
  cited: CitedArticle;
  text: string;
}

function sourceCache(ctx: CoreContext) {
  const cache = new Map<number, SourceInfo>();
  return (row: factsRepo.ProjectFactRow): SourceInfo => {
    let info = cache.get(row.article_id);
    if (!info) {
      const article = articles.getArticle(ctx.db, row.article_id)!;
      info = {
        from: { articleId: row.article_id, versionId: row.version_id, title: article.title, siteName: article.siteName, url: article.canonicalUrl, publishedAt: article.publishedAt, byline: article.byline },
        cited: citedArticleOf(article),
        text: articles.getVersionContent(ctx.db, row.version_id)?.text ?? '',
      };
      cache.set(row.article_id, info);
    }
    return info;
  };
}

function citedPassage(row: factsRepo.FactRow, info: SourceInfo): CitedPassage {
  return { passageId: 0, exact: row.exact, prefix: row.prefix, suffix: row.suffix, status: 'ok', occurrences: occurrencesUpToTwo(info.text, row.exact), article: info.cited };
}

export function citationOf(row: factsRepo.FactRow, info: SourceInfo): string {
  return citationText(citedPassage(row, info), 'plain');
}

export function linkOf(row: factsRepo.FactRow, info: SourceInfo): string | undefined {
  return passageUrl(citedPassage(row, info));
}

/** One speaker, every quote: grouped by resolved speaker; unnamed sources together; unresolved ones by their source words. */
export function projectSpeakers(ctx: CoreContext, project: string): SpeakerQuotes[] {
  const { id } = findProject(ctx, project);
  const source = sourceCache(ctx);
  const groups = new Map<string, SpeakerQuotes>();
  for (const row of factsRepo.projectFacts(ctx.db, id, 'quote')) {
    const anonymous = row.anonymous === 1;
    const speaker = anonymous ? 'Unnamed sources' : (row.speaker ?? row.source ?? 'Unknown');
    const key = anonymous ? '\u0000anonymous' : (row.speaker_key ?? `\u0000source:${(row.source ?? '').toLowerCase()}`);
    const info = source(row);
    const group = groups.get(key) ?? { speaker, anonymous, quotes: [] };
    group.quotes.push({ factId: row.id, text: row.text, source: row.source ?? '', cue: row.cue ?? '', start: row.start_offset, end: row.end_offset, from: info.from, citation: citationOf(row, info) });
    groups.set(key, group);
  }
  // Most-quoted first; unnamed sources last among equals.
  return [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || Number(a.anonymous) - Number(b.anonymous) || a.speaker.localeCompare(b.speaker));
}

/** The sentence around offsets [start, end) of a text (bounded), so a timeline entry says what happened. */
export function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 300), start);
  const after = text.slice(end, end + 300);
  const from = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const stop = after.search(/[.?!](\s|$)|\n/);
  const sentence = `${from === -1 ? before : before.slice(from + 1)}${text.slice(start, end)}${stop === -1 ? after : after.slice(0, stop + 1)}`;
  return sentence.replace(/\s+/g, ' ').trim();
}

/** Dated facts across the project's sources, ordered by the date the event happened (coarser dates after finer ones of the same period). */
export function projectTimeline(ctx: CoreContext, project: string): TimelineEntry[] {
  const { id } = findProject(ctx, project);
  const source = sourceCache(ctx);
  const entries = factsRepo.projectFacts(ctx.db, id, 'date').map((row): TimelineEntry => {
    const info = source(row);
    return {
      factId: row.id,
      iso: row.iso!,
      precision: row.precision!,
      text: row.text,
      context: sentenceAround(info.text, row.start_offset, row.end_offset),
      start: row.start_offset,
      end: row.end_offset,
      from: info.from,
      citation: citationOf(row, info),
    };
  });
  return entries.sort((a, b) => a.iso.localeCompare(b.iso) || (a.from.publishedAt ?? '').localeCompare(b.from.publishedAt ?? '') || a.factId - b.factId);
}

/**
 * What values a figure allows, from its qualifier: "over 110" is (110, ∞),
 * "about 80" is 80 ± 10 %, "up to 5" is [0, 5], a bare number is itself.
 */
export function figureRange(value: number, qualifier: string | null): [number, number] {
  const q = (qualifier ?? '').toLowerCase().trim();
  if (/^(over|more than|above|at least|upwards of|in excess of|exceeding|greater than|no fewer than|no less than|\+)/.test(q)) return [value, Infinity];
  if (/^(under|fewer than|less than|below|up to|at most|no more than|nearly|almost|just under)/.test(q)) return [/^(nearly|almost|just under)/.test(q) ? value * 0.9 : 0, value];
  if (/^(about|around|approximately|roughly|some|an estimated|estimated|close to|nearly|about|some)/.test(q)) return [value * 0.9, value * 1.1];
  if (q !== '') return [value * 0.9, value * 1.1];
  return [value, value];
}

function disjoint(a: [number, number], b: [number, number]): boolean {
  return a[1] < b[0] || b[1] < a[0];
}

/** Units that name a measure, not what is counted ("12 percent" of what?): too vague to call two sources in conflict. */
const VAGUE_UNITS = new Set(['percent', 'per cent', '', 'time', 'year', 'month', 'day', 'week', 'hour', 'minute', 'dollar', 'usd', '$', 'euro', 'eur', '€', 'pound', '£']);

function shortDate(iso: string | null): string | undefined {
  const formatted = formatDate(iso);
  return formatted;
}

/**
 * The same thing counted differently by different sources: figures with the
 * same unit lemma in two articles of the project whose ranges (after their
 * qualifiers) do not overlap.
 */
export function projectConflicts(ctx: CoreContext, project: string): FigureConflict[] {
  const { id } = findProject(ctx, project);
  const source = sourceCache(ctx);
  const byUnit = new Map<string, factsRepo.ProjectFactRow[]>();
  for (const row of factsRepo.projectFacts(ctx.db, id, 'figure')) {
    if (VAGUE_UNITS.has(row.unit_key ?? '')) continue;
    const list = byUnit.get(row.unit_key!) ?? [];
    list.push(row);
    byUnit.set(row.unit_key!, list);
  }
  const conflicts: FigureConflict[] = [];
  for (const [unit, rows] of byUnit) {
    const clashing = new Set<factsRepo.ProjectFactRow>();
    for (let i = 0; i < rows.length; i++) {
      for (let j = i + 1; j < rows.length; j++) {
        const a = rows[i]!;
        const b = rows[j]!;
        if (a.article_id === b.article_id) continue;
        if (disjoint(figureRange(a.value!, a.qualifier), figureRange(b.value!, b.qualifier))) {
          clashing.add(a);
          clashing.add(b);
        }
      }
    }
    if (clashing.size === 0) continue;
    const figures = [...clashing]
      .sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? '') || a.id - b.id)
      .map((row) => {
        const info = source(row);
        return { factId: row.id, text: row.text, value: row.value!, qualifier: row.qualifier, start: row.start_offset, end: row.end_offset, from: info.from, citation: citationOf(row, info) };
      });
    // Named as the newest source writes it ("deaths"), compared by its lemma ("death").
    const written = [...clashing].find((row) => row.id === figures[0]!.factId)!.unit ?? unit;
    const summary = `${written}: ${figures
      .map((f) => {
        const where = [f.from.siteName ?? f.from.title, shortDate(f.from.publishedAt)].filter(Boolean).join(', ');
        return `${f.qualifier ? `${f.qualifier} ` : ''}${f.value.toLocaleString('en-US')} (${where})`;
      })
      .join(' vs ')}`;
    conflicts.push({ unit, figures, summary });
  }
  return conflicts.sort((a, b) => a.unit.localeCompare(b.unit));
}

import { escapeHeading, escapeInline } from '../../../shared/export/escape';
import type { CoreContext } from '../context';
import { projectConflicts, projectSpeakers, projectTimeline } from './factsViews';
import { findProject } from './projects';

/**
 * A project's facts as a file (issue #13): Markdown (who said what, the
 * timeline, figure conflicts) or CSV (one row per quote and dated fact), each
 * row with its citation — shared/citation/citationText.ts, whose link carries
 * the text fragment of the fact's words.
 */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A CSV cell (RFC 4180); a leading = + - @ is neutralised so a spreadsheet never runs clipped text as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function safeFileName(name: string): string {
  return name.replace(/[^\p{L}\p{N} _.-]+/gu, '-').replace(/\s+/g, ' ').trim().slice(0, 80) || 'project';
}

export function exportProjectFacts(ctx: CoreContext, project: string, format: 'markdown' | 'csv'): { filename: string; text: string } {
  const { name } = findProject(ctx, project);
  const speakers = projectSpeakers(ctx, project);
  const timeline = projectTimeline(ctx, project);
  if (format === 'csv') {
    const rows = [['type', 'speaker', 'date', 'text', 'context', 'source', 'outlet', 'published', 'citation']];
    for (const group of speakers) {
      for (const q of group.quotes) rows.push(['quote', group.speaker, '', flat(q.text), `${q.source} ${q.cue}`.trim(), q.from.title, q.from.siteName ?? '', q.from.publishedAt ?? '', q.citation]);
    }
    for (const d of timeline) rows.push(['date', '', d.iso, flat(d.text), d.context, d.from.title, d.from.siteName ?? '', d.from.publishedAt ?? '', d.citation]);
    return { filename: `${safeFileName(name)} facts.csv`, text: `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n` };
  }
  const lines = [`# ${escapeHeading(`Facts: ${name}`)}`, '', '## Who said what', ''];
  if (speakers.length === 0) lines.push('No quotes found in this project’s sources.', '');
  for (const group of speakers) {
    lines.push(`### ${escapeHeading(group.speaker)}`, '');
    for (const q of group.quotes) lines.push(`- “${escapeInline(flat(q.text))}” (${escapeInline(flat(`${q.source} ${q.cue}`))}) — ${escapeInline(q.citation)}`);
    lines.push('');
  }
  lines.push('## Timeline', '');
  if (timeline.length === 0) lines.push('No dated facts found in this project’s sources.', '');
  for (const d of timeline) lines.push(`- **${escapeInline(d.iso)}** — ${escapeInline(d.context)} — ${escapeInline(d.citation)}`);
  const conflicts = projectConflicts(ctx, project);
  if (conflicts.length > 0) {
    lines.push('', '## Figures that disagree', '');
    for (const c of conflicts) lines.push(`- ${escapeInline(c.summary)}`, ...c.figures.map((f) => `  - “${escapeInline(flat(f.text))}” — ${escapeInline(f.citation)}`));
  }
  return { filename: `${safeFileName(name)} facts.md`, text: `${lines.join('\n').trimEnd()}\n` };
}

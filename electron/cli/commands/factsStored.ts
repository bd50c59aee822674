import type { ArticleFacts } from '../../../shared/domain/storedFacts';
import type { CommandContext } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';
import { printJson } from './kit';

/**
 * `dossier facts ARTICLE_ID` and `dossier facts --project NAME --timeline|--speakers|--conflicts`
 * (issue #13): the stored facts. `dossier facts --dry-run FILE` (extraction without the
 * library) lives in its own command file; at merge the two share the `facts` path:
 * this command hands --dry-run over to it (see runStoredFacts).
 */
function articleId(raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) === 0 || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError('ARTICLE_ID must be a positive whole number (or use --project NAME)');
  }
  return Number(raw);
}

function clip(text: string, max = 70): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function printArticleFacts(ctx: CommandContext, facts: ArticleFacts): void {
  const rows: string[][] = [['KIND', 'STATUS', 'WHAT', 'DETAIL']];
  for (const q of facts.quotes) rows.push(['quote', q.anchor.status, clip(q.text), `${q.anonymous ? 'anonymous: ' : ''}${q.speaker ?? q.source} (${q.cue})`]);
  for (const f of facts.figures) rows.push(['figure', f.anchor.status, clip(f.text), `${f.qualifier ? `${f.qualifier} ` : ''}${f.value} ${f.unit}`]);
  for (const d of facts.dates) rows.push(['date', d.anchor.status, clip(d.text), d.iso]);
  for (const e of facts.entities) rows.push([e.type, '-', e.name, e.aliases.join(', ')]);
  if (facts.extractedAt === null) ctx.io.out(`No facts extracted yet for article ${facts.articleId} (version ${facts.versionId}); the background backfill will.`);
  else if (rows.length === 1) ctx.io.out(`No facts found in article ${facts.articleId} (version ${facts.versionId}).`);
  else ctx.io.out(formatTable(rows));
}

/** The stored-facts half of `dossier facts`; exported so the merged command can dispatch to it. */
export async function runStoredFacts(ctx: CommandContext, positionals: string[], values: Record<string, unknown>): Promise<number> {
  const views = (['timeline', 'speakers', 'conflicts'] as const).filter((v) => values[v] === true);
  if (values.project !== undefined) {
    if (typeof values.project !== 'string' || values.project.trim() === '') throw new UsageError('--project needs a project name');
    if (positionals.length > 0) throw new UsageError('Give either ARTICLE_ID or --project NAME, not both');
    if (views.length !== 1) throw new UsageError('With --project, choose one of --timeline, --speakers or --conflicts');
    const project = values.project;
    if (views[0] === 'timeline') {
      const entries = await ctx.call('facts.timeline', { project });
      if (ctx.json) printJson(ctx, entries);
      else if (entries.length === 0) ctx.io.out('No dated facts in this project.');
      else ctx.io.out(formatTable([['DATE', 'WHAT', 'SOURCE'], ...entries.map((e) => [e.iso, clip(e.context, 80), clip(e.from.siteName ?? e.from.title, 30)])]));
    } else if (views[0] === 'speakers') {
      const speakers = await ctx.call('facts.speakers', { project });
      if (ctx.json) printJson(ctx, speakers);
      else if (speakers.length === 0) ctx.io.out('No quotes in this project.');
      else ctx.io.out(formatTable([['SPEAKER', 'QUOTE', 'SOURCE'], ...speakers.flatMap((s) => s.quotes.map((q) => [s.speaker, clip(q.text), clip(q.from.siteName ?? q.from.title, 30)]))]));
    } else {
      const conflicts = await ctx.call('facts.conflicts', { project });
      if (ctx.json) printJson(ctx, conflicts);
      else if (conflicts.length === 0) ctx.io.out('No figures disagree across this project’s sources.');
      else ctx.io.out(conflicts.map((c) => c.summary).join('\n'));
    }
    return 0;
  }
  if (views.length > 0) throw new UsageError(`--${views[0]} needs --project NAME`);
  if (positionals.length !== 1) throw new UsageError('Usage: dossier facts ARTICLE_ID [--version VERSION_ID] [--json]');
  const input: { articleId: number; versionId?: number } = { articleId: articleId(positionals[0]) };
  if (values.version !== undefined) input.versionId = articleId(values.version);
  const facts = await ctx.call('facts.ofArticle', input);
  if (ctx.json) printJson(ctx, facts);
  else printArticleFacts(ctx, facts);
  return 0;
}


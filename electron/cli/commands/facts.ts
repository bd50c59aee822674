import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExtractedFacts } from '../../../shared/domain/facts';
import type { Command } from '../command';
import { UsageError } from '../usageError';
import { runStoredFacts } from './factsStored';
import { formatTable } from '../output';

const USAGE =
  'dossier facts --dry-run [--json] FILE|URL [--url ORIGINAL_URL] | dossier facts ARTICLE_ID [--version VERSION_ID] [--json] | ' +
  'dossier facts --project NAME --timeline|--speakers|--conflicts [--json]';

/** Exactly the fields issue #13 names for `dossier facts --dry-run --json`, in its order. */
export function dryRunJson(facts: ExtractedFacts) {
  return {
    quotes: facts.quotes.map(({ text, source, speaker, cue, anonymous, start, end }) => ({ text, source, speaker, cue, anonymous, start, end })),
    entities: facts.entities.map(({ name, type, aliases, mentions }) => ({ name, type, aliases, mentions })),
    figures: facts.figures.map(({ text, value, unit, qualifier, start, end }) => ({ text, value, unit, qualifier, start, end })),
    dates: facts.dates.map(({ text, iso, precision, start, end }) => ({ text, iso, precision, start, end })),
  };
}

function human(facts: ExtractedFacts): string {
  const sections: string[] = [];
  if (facts.quotes.length) sections.push(`Quotes\n${formatTable(facts.quotes.map((q) => [q.speaker ?? (q.anonymous ? `(unnamed) ${q.source}` : q.source), q.cue, `“${q.text}”`]))}`);
  if (facts.entities.length) sections.push(`Entities\n${formatTable(facts.entities.map((e) => [e.type, e.name, String(e.mentions.length), e.aliases.join('; ')]))}`);
  if (facts.figures.length) sections.push(`Figures\n${formatTable(facts.figures.map((f) => [String(f.value), f.unit, f.qualifier ?? '', f.text]))}`);
  if (facts.dates.length) sections.push(`Dates\n${formatTable(facts.dates.map((d) => [d.iso, d.precision, d.text]))}`);
  return sections.length ? sections.join('\n\n') : 'No facts found.';
}

/**
 * `dossier facts --dry-run FILE`: the clip pipeline's extraction (clip.preview, which stores nothing), then the
 * facts of its clean text against the page's published date. Self-contained so it ports to any CLI framework.
 */
export const FACTS_COMMANDS: Command[] = [
  {
    path: ['facts'],
    usage: USAGE,
    summary: "Quotes, people, organisations, places, figures and dates: of a page without storing it (--dry-run), of a stored article, or a project's timeline, speakers or figure conflicts",
    options: {
      url: { type: 'string' },
      'dry-run': { type: 'boolean' },
      project: { type: 'string' },
      timeline: { type: 'boolean' },
      speakers: { type: 'boolean' },
      conflicts: { type: 'boolean' },
      version: { type: 'string' },
    },
    async run(ctx, { positionals, values }) {
      // Without --dry-run: the library's stored facts of an article, or a project's views.
      if (values['dry-run'] !== true) return runStoredFacts(ctx, positionals, values);
      if (positionals.length !== 1) throw new UsageError('--dry-run takes exactly one FILE or URL');
      const target = positionals[0]!;
      const url = typeof values.url === 'string' ? values.url : undefined;
      const source = /^https?:\/\//i.test(target)
        ? ({ kind: 'url', url: target } as const)
        : ({ kind: 'file', name: basename(target), dataBase64: (await readFile(target)).toString('base64') } as const);
      const preview = await ctx.call('clip.preview', { source, ...(url ? { url } : {}) });
      // Loaded here, not at start-up: the language models (compromise, chrono) would slow every other command.
      const { extractFacts } = await import('../../core/facts/extract');
      const facts = extractFacts(preview.text, { publishedAt: preview.publishedTime });
      ctx.io.out(ctx.json ? JSON.stringify(dryRunJson(facts), null, 2) : human(facts));
      return 0;
    },
  },
];

import type { Command } from '../command';
import { displayTitle } from '../../../shared/domain/note';
import { SEARCH_LIMIT_DEFAULT, SEARCH_LIMIT_MAX, type SearchHit } from '../../../shared/domain/search';
import { factAbout, GROUP_TITLES } from '../../../shared/search/hitText';
import { UsageError } from '../usageError';
import { positiveInt, printJson, snippetText } from './kit';

export const SEARCH_COMMANDS: Command[] = [
  {
    path: ['search'],
    usage: 'dossier search QUERY [--json] [--limit N]',
    summary: 'Search articles and notes (quote the query; put -- before one starting with -)',
    options: { limit: { type: 'string' } },
    async run(ctx, { positionals, values }) {
      const query = positionals.join(' ');
      if (query.trim() === '') throw new UsageError('Give a query, e.g. dossier search \'"money laundering" tag:panama\'');
      const limit = values.limit === undefined ? SEARCH_LIMIT_DEFAULT : positiveInt(values.limit, '--limit', SEARCH_LIMIT_MAX);
      const result = await ctx.call('search.query', { query, limit });
      if (ctx.json) {
        printJson(ctx, result);
        return result.groups.length === 0 && result.message ? 1 : 0;
      }
      if (result.message) ctx.io.err(result.message);
      if (result.suggestion) ctx.io.err(`Did you mean: ${result.suggestion}`);
      if (result.groups.length === 0 && result.message) return 1; // nothing could be searched
      if (result.groups.length > 0 && result.total === 0) ctx.io.out('No matches.');
      for (const group of result.groups) {
        if (group.count === 0) continue;
        const shown = group.hits.length < group.count ? ` — best ${group.hits.length}` : '';
        ctx.io.out(`${GROUP_TITLES[group.type]} (${group.count}${shown})`);
        for (const hit of group.hits) {
          const about = aboutHit(hit);
          const title = hit.type === 'note' ? displayTitle(hit.title) : hit.type === 'article' ? hit.title : `from ${hit.title}`;
          ctx.io.out(`  ${hit.type === 'quote' ? 'passage' : hit.type}:${hit.id}  ${title}${about ? `  (${about})` : ''}`);
          const snippet = snippetText(hit.snippet).trim();
          if (snippet) ctx.io.out(`      ${snippet}`);
        }
      }
      return 0;
    },
  },
];

function aboutHit(hit: SearchHit): string {
  switch (hit.type) {
    case 'article':
      return [hit.site, hit.byline, (hit.publishedAt ?? hit.clippedAt).slice(0, 10)].filter(Boolean).join(' · ');
    case 'note':
      return `edited ${hit.updatedAt.slice(0, 10)}`;
    case 'quote':
      return [hit.site, hit.noteCount === 1 ? 'quoted in 1 note' : `quoted in ${hit.noteCount} notes`, hit.anchorStatus === 'ok' ? '' : hit.anchorStatus.replace('_', ' ')].filter(Boolean).join(' · ');
    default:
      return [factAbout(hit), hit.anchorStatus === 'ok' ? '' : hit.anchorStatus].filter(Boolean).join(' · ');
  }
}

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ClipResult } from '../../../shared/contract/domains/clip';
import type { Command } from '../command';
import { UsageError } from '../usageError';
import { formatTable } from '../output';

const USAGE = 'dossier clip FILE|URL... [--url ORIGINAL_URL] [--project NAME] [--allow-private-host HOST] [--dry-run] [--json]';

function line(result: ClipResult): string[] {
  const ids = result.articleId ? `#${result.articleId}${result.versionId ? ` v${result.versionId}` : ''}` : '';
  const detail = result.status === 'failed' || result.status === 'pending' ? (result.error ?? '') : (result.title ?? '');
  return [result.status, ids, result.input, detail];
}

/** `dossier clip`: stores clips (one line or one JSON object per input), or with --dry-run prints one extraction. */
export const CLIP_COMMANDS: Command[] = [
  {
    path: ['clip'],
    usage: USAGE,
    summary: 'Clip saved pages (.html .htm .html.gz), text (.txt .md) or URLs into the library',
    // --allow-private-host: the user confirms that HOST (on this computer or a private network) may be fetched.
    options: { url: { type: 'string' }, project: { type: 'string' }, 'allow-private-host': { type: 'string' }, 'dry-run': { type: 'boolean' } },
    async run(ctx, { positionals, values }) {
      if (positionals.length === 0) throw new UsageError('give at least one FILE or URL');
      const privateHost = typeof values['allow-private-host'] === 'string' ? { allowPrivateHost: values['allow-private-host'] } : {};
      const url = typeof values.url === 'string' ? values.url : undefined;
      if (url !== undefined && positionals.length > 1) throw new UsageError('--url names the original address of ONE page; give a single FILE with it');
      if (values['dry-run'] === true) {
        if (positionals.length !== 1) throw new UsageError('--dry-run takes exactly one FILE or URL');
        const target = positionals[0]!;
        const source = /^https?:\/\//i.test(target)
          ? ({ kind: 'url', url: target } as const)
          : ({ kind: 'file', name: basename(target), dataBase64: (await readFile(target)).toString('base64') } as const);
        const preview = await ctx.call('clip.preview', { source, ...(url ? { url } : {}), ...privateHost });
        const { title, byline, siteName, publishedTime, lang, excerpt, url: pageUrl, text, html, wordCount, warnings } = preview;
        const output = { title, byline, siteName, publishedTime, lang, excerpt, url: pageUrl, text, html, wordCount, warnings };
        if (ctx.json) ctx.io.out(JSON.stringify(output, null, 2));
        else ctx.io.out([`# ${title}`, byline ? `by ${byline}` : '', [siteName, publishedTime].filter(Boolean).join(' · '), '', text, ...warnings.map((w) => `\nwarning: ${w}`)].filter((l, i) => l !== '' || i > 2).join('\n'));
        return 0;
      }
      const project = typeof values.project === 'string' ? values.project : undefined;
      const { results } = await ctx.call('clip.files', { paths: positionals, ...(url ? { url } : {}), ...(project !== undefined ? { project } : {}), ...privateHost });
      if (ctx.json) {
        ctx.io.out(JSON.stringify(results.map(({ input, status, articleId, versionId, title, error, confirmHost }) => ({ input, status, articleId, versionId, title, error, ...(confirmHost ? { confirmHost } : {}) })), null, 2));
      } else {
        ctx.io.out(formatTable(results.map(line)));
        for (const result of results) for (const warning of result.warnings) ctx.io.err(`warning (${result.input}): ${warning}`);
        for (const host of new Set(results.flatMap((r) => (r.confirmHost ? [r.confirmHost] : [])))) ctx.io.err(`To clip from ${host} anyway, run again with --allow-private-host ${host}`);
      }
      return results.some((r) => r.status === 'failed') ? 1 : 0;
    },
  },
];

import type { ArticleRow, AssetRow, HighlightRow, VersionRow } from '../../../db/repositories/exportData';
import { escapeInline, linkDestination, protectLineStart } from '../../../shared/export/escape';
import { articleHtmlToMarkdown } from './articleHtmlToMarkdown';
import { sourceEntry, yamlBlock } from '../../../shared/export/frontmatter';
import type { CitedArticle } from '../../../shared/export/types';
import { sha256Hex } from '../../../db/sha256';

const IMAGE_EXTENSIONS: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/svg+xml': '.svg',
  'image/bmp': '.bmp',
};

/** Assets are named by content hash: one file per image however many sources share it. */
export function assetFileName(asset: Pick<AssetRow, 'sha256' | 'mime_type'>): string {
  return `${asset.sha256}${IMAGE_EXTENSIONS[asset.mime_type.toLowerCase()] ?? '.bin'}`;
}

/**
 * Where a version came from, as an export may say it: a web address as is, a
 * clipped file by its name alone. The stored location of a file is its
 * absolute path on this computer (the user's name, their folders), which an
 * export shared with an editor or a court must never reveal.
 */
function exportedLocation(v: Pick<VersionRow, 'source_kind' | 'source_location'>): { location?: string | null; file?: string } {
  if (v.source_kind !== 'file') return { location: v.source_location };
  const name = v.source_location?.split(/[\\/]/).pop();
  return name ? { file: name } : {};
}

/**
 * A clipped article as Markdown: provenance frontmatter (where and when it was
 * clipped, SHA-256 of the original bytes and of the clean text, every version),
 * then its latest version as written (headings, lists, quotes, links, images
 * from the clean HTML) and any image the body does not show, by relative path.
 * `latestHtml` is that version's clean HTML; without it (a version stored
 * without HTML) the clean text is written paragraph by paragraph. The
 * journalist's highlights follow under "Highlights", each with its label and
 * comment.
 */
export function sourceToMarkdown(
  article: CitedArticle,
  row: ArticleRow,
  versions: VersionRow[],
  assets: AssetRow[],
  assetsPath: string,
  latestHtml?: string,
  highlights: readonly HighlightRow[] = [],
): string {
  const latest = versions.at(-1);
  const front = yamlBlock({
    ...sourceEntry(article),
    lang: row.lang,
    dossier: { article: row.id },
    clipped: latest?.clipped_at ?? null,
    versions: versions.map((v) => ({
      version: v.version_no,
      clipped: v.clipped_at,
      source: v.source_kind,
      ...exportedLocation(v),
      original_sha256: v.original_sha256,
      text_sha256: v.text_sha256,
      // Recomputed now: a mismatch means the stored text no longer matches what was clipped.
      text_verified: sha256Hex(v.content_text) === v.text_sha256,
    })),
  });
  const parts = [`# ${escapeInline(article.title.trim() || 'Untitled')}`];
  const byHash = new Map(assets.map((asset) => [asset.sha256.toLowerCase(), asset]));
  let used = new Set<string>();
  if (latestHtml && latestHtml.trim() !== '') {
    const body = articleHtmlToMarkdown(latestHtml, {
      assetPath: (sha) => {
        const asset = byHash.get(sha);
        return asset && `${assetsPath}/${assetFileName(asset)}`;
      },
    });
    used = body.usedAssets;
    if (body.markdown !== '') parts.push(body.markdown);
  } else {
    for (const block of (latest?.content_text ?? '').split(/\n{2,}/)) {
      const text = block
        .split('\n')
        .map((line) => protectLineStart(escapeInline(line)))
        .join('\\\n')
        .trim();
      if (text !== '') parts.push(text);
    }
  }
  const unshown = assets.filter((asset) => !used.has(asset.sha256.toLowerCase()));
  if (unshown.length > 0) {
    parts.push('## Images');
    for (const asset of unshown) parts.push(`![](${linkDestination(`${assetsPath}/${assetFileName(asset)}`)})`);
  }
  if (highlights.length > 0) parts.push('## Highlights', highlights.map(highlightItem).join('\n'));
  return `${front}\n${parts.join('\n\n')}\n`;
}

/** One highlight as a list item: the words, its label, then its comment (every line escaped like body text). */
function highlightItem(h: HighlightRow): string {
  const words = h.exact.replace(/\s+/g, ' ').trim();
  const head = `- “${escapeInline(words)}”${h.label ? ` — **${escapeInline(h.label)}**` : ''}`;
  if (!h.comment) return head;
  const lines = h.comment.split(/\r?\n/).map((line) => protectLineStart(escapeInline(line))).filter((line) => line !== '');
  return `${head}\\\n${lines.map((line) => `  ${line}`).join('\\\n')}`;
}

import MarkdownIt from 'markdown-it';
import { isResidue } from './residue';

/**
 * Plain text and Markdown clips → article HTML (later sanitized like any page).
 *
 * Plain text: the first non-empty line is the title. The rest splits into
 * paragraphs: one per line when the text has no blank lines (the way
 * journalists paste clips), or one per blank-line-separated block (hard-wrapped
 * text, whose lines are rejoined). A short line (≤ 12 words, ≤ 100 chars)
 * without final punctuation, starting with a capital or digit, becomes an
 * <h2> section heading. Residue lines are removed.
 */
export interface TextArticle {
  title: string;
  html: string;
  removedResidue: string[];
}

const FINAL_PUNCTUATION = /[.!?:;,…"”'’)\]»-]$/u;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text.length === 0 || text.length > 100) return false;
  if (text.split(/\s+/).length > 12) return false;
  if (FINAL_PUNCTUATION.test(text)) return false;
  return /^[\p{Lu}\p{N}]/u.test(text);
}

export function textToArticle(raw: string): TextArticle {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const title = firstIndex >= 0 ? lines[firstIndex]!.trim() : '';
  const body = lines.slice(firstIndex + 1);
  while (body.length > 0 && body[body.length - 1]!.trim() === '') body.pop();
  while (body.length > 0 && body[0]!.trim() === '') body.shift();
  const hasBlankSeparators = body.some((line) => line.trim() === '');
  const multiLineBlocks = hasBlankSeparators && body.some((line, i) => line.trim() !== '' && (body[i + 1] ?? '').trim() !== '');
  const blocks: string[] = [];
  if (multiLineBlocks) {
    let current: string[] = [];
    for (const line of body) {
      if (line.trim() === '') {
        if (current.length) blocks.push(current.join(' '));
        current = [];
      } else current.push(line.trim());
    }
    if (current.length) blocks.push(current.join(' '));
  } else {
    for (const line of body) if (line.trim() !== '') blocks.push(line.trim());
  }
  const removedResidue: string[] = [];
  const html: string[] = [];
  for (const block of blocks) {
    if (isResidue(block)) {
      removedResidue.push(block);
      continue;
    }
    html.push(looksLikeHeading(block) ? `<h2>${escapeHtml(block)}</h2>` : `<p>${escapeHtml(block)}</p>`);
  }
  return { title, html: html.join('\n'), removedResidue };
}

let markdown: InstanceType<typeof MarkdownIt> | undefined;

/** Markdown: rendered by markdown-it with raw HTML disabled; the title is the first line (its # markers removed). */
export function markdownToArticle(raw: string): TextArticle {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  // YAML front matter is metadata, not body.
  const withoutFrontMatter = text.replace(/^---\n[\s\S]*?\n---\n/, '');
  const lines = withoutFrontMatter.split('\n');
  const firstIndex = lines.findIndex((line) => line.trim() !== '');
  const title = firstIndex >= 0 ? lines[firstIndex]!.replace(/^#+\s*/, '').replace(/\s*#+\s*$/, '').trim() : '';
  const removedResidue: string[] = [];
  const body = lines
    .slice(firstIndex + 1)
    .map((line) => {
      if (isResidue(line)) {
        removedResidue.push(line.trim());
        return '';
      }
      // A plain short line between blank lines is a heading, as in plain text.
      return line;
    })
    .join('\n');
  markdown ??= new MarkdownIt({ html: false, linkify: false, typographer: false });
  const blocks = body.split(/\n{2,}/).map((block) => {
    const trimmed = block.trim();
    return !trimmed.includes('\n') && looksLikeHeading(trimmed) && !/^[#>*\-+\d`|]/.test(trimmed) ? `## ${trimmed}` : block;
  });
  return { title, html: markdown.render(blocks.join('\n\n')), removedResidue };
}

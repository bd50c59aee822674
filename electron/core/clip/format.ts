/** What a clip's bytes are (web page, plain text or Markdown), from its name, its content type or its first bytes. */
export type ClipFormat = 'html' | 'text' | 'markdown';

export function formatFromName(name: string | null | undefined): ClipFormat | undefined {
  const lower = (name ?? '').toLowerCase().replace(/\.gz$/, '');
  if (/\.(html?|xhtml|shtml|mhtml?)$/.test(lower)) return 'html';
  if (/\.(txt|text)$/.test(lower)) return 'text';
  if (/\.(md|markdown|mdown)$/.test(lower)) return 'markdown';
  return undefined;
}

export function formatFromContentType(contentType: string | null | undefined): ClipFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/plain') return 'text';
  return undefined;
}

/** Sniffed from the first 64 KiB: a document or a fragment with common block tags. */
export function looksLikeHtml(text: string): boolean {
  return /<(!doctype\s+html|html|head|body|p|div|article|h1|title)[\s>]/i.test(text.slice(0, 65536));
}

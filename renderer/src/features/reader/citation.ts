import type { Article } from '../../../../shared/domain/article';

/** One line a journalist can paste under a quote: author, “title,” outlet, date, URL. */
export function citationLine(article: Article): string {
  const author = article.authors.length > 0 ? article.authors.join(', ') : article.byline;
  const parts = [author, `“${article.title}”`, article.siteName, article.publishedAt?.slice(0, 10)].filter((p): p is string => Boolean(p && p.trim()));
  return `${parts.join(', ')}.${article.canonicalUrl ? ` ${article.canonicalUrl}` : ''} (clipped ${article.clippedAt.slice(0, 10)})`;
}

export function quoteWithCitation(exact: string, article: Article): string {
  return `“${exact}”\n— ${citationLine(article)}`;
}

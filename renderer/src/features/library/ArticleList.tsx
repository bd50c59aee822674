import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { formatListDate } from '../../ui/formatDate';

export function articleDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export function ArticleList({ articles, selectedId, onSelect }: { articles: ArticleSummary[]; selectedId: number | undefined; onSelect(id: number): void }): ReactNode {
  return (
    <ul className="item-list" role="listbox" aria-label="Library" data-testid="article-list">
      {articles.map((article) => (
        <li
          key={article.id}
          role="option"
          aria-selected={article.id === selectedId}
          className={`item ${article.id === selectedId ? 'is-selected' : ''}`}
          data-article-id={article.id}
          tabIndex={article.id === selectedId ? 0 : -1}
          onClick={() => onSelect(article.id)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSelect(article.id);
          }}
        >
          <div className="item-head">
            <span className="item-title">{article.title}</span>
            <time className="item-date" dateTime={article.clippedAt} title="Clipped">
              {formatListDate(article.clippedAt)}
            </time>
          </div>
          <div className="item-excerpt article-facts">
            {[article.siteName, articleDate(article.publishedAt), `${article.wordCount.toLocaleString()} words`, article.versionCount > 1 ? `${article.versionCount} versions` : null]
              .filter(Boolean)
              .join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

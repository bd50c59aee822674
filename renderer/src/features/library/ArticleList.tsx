import type { ReactNode } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { formatListDate } from '../../ui/formatDate';

export function articleDate(value: string | null): string {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}

export interface ArticleListProps {
  articles: ArticleSummary[];
  selectedId: number | undefined;
  onSelect(id: number): void;
  onToggleStar(article: ArticleSummary): void;
}

export function ArticleList({ articles, selectedId, onSelect, onToggleStar }: ArticleListProps): ReactNode {
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
            {article.readingState === 'unread' && <span className="unread-dot" title="Unread" aria-label="Unread" />}
            <span className="item-title">{article.title}</span>
            <button
              type="button"
              className={`star-toggle ${article.starred ? 'is-starred' : ''}`}
              aria-pressed={article.starred}
              aria-label={article.starred ? 'Unstar' : 'Star'}
              title={article.starred ? 'Unstar' : 'Star'}
              data-testid="star-toggle"
              onClick={(event) => {
                event.stopPropagation();
                onToggleStar(article);
              }}
            >
              {article.starred ? '★' : '☆'}
            </button>
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

import type { ReactNode } from 'react';
import { formatArticleDate } from '../../../../shared/text/dates';
import type { Article } from '../../../../shared/domain/article';

export function ArticleHeader({ article, versionId, onVersion }: { article: Article; versionId: number; onVersion(id: number): void }): ReactNode {
  const version = article.versions.find((v) => v.id === versionId);
  const authors = article.authors.length > 0 ? article.authors.join(', ') : article.byline;
  return (
    <header className="reader-header" data-testid="reader-header">
      {article.siteName && <div className="reader-outlet">{article.siteName}</div>}
      <h1 className="reader-title">{article.title}</h1>
      <dl className="reader-meta">
        {authors && (
          <>
            <dt>By</dt>
            <dd>{authors}</dd>
          </>
        )}
        {article.publishedAt && (
          <>
            <dt>Published</dt>
            <dd>
              <time dateTime={article.publishedAt} title={article.publishedAt}>
                {formatArticleDate(article.publishedAt)}
              </time>
            </dd>
          </>
        )}
        {article.canonicalUrl && (
          <>
            <dt>URL</dt>
            <dd className="reader-url" title="Original address (not opened: Dossier reads offline)">{article.canonicalUrl}</dd>
          </>
        )}
        <dt>Clipped</dt>
        <dd>{version ? new Date(version.clippedAt).toLocaleString() : ''}</dd>
        <dt>Version</dt>
        <dd>
          {article.versions.length > 1 ? (
            <select aria-label="Version" value={versionId} onChange={(e) => onVersion(Number(e.target.value))}>
              {article.versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.versionNo} of {article.versions.length} · {v.clippedAt.slice(0, 10)}
                  {v.id === article.latestVersionId ? ' (latest)' : ''}
                </option>
              ))}
            </select>
          ) : (
            '1 (only)'
          )}
        </dd>
      </dl>
    </header>
  );
}

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Article, ArticleContent } from '../../../../shared/domain/article';
import { call } from '../../api/client';
import { articleDate } from './ArticleList';
import { openArticle } from '../../app/routes';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { sanitizeArticleHtml } from '../reader/sanitize';
import { MetadataFields } from './MetadataFields';
import { MetadataEditor } from './MetadataEditor';
import { deleteImpactText } from './deleteImpact';
import { forgetAllPassages } from '../passages/passageQueries';
import { ItemOrganizer } from '../organize/ItemOrganizer';
import { countOf } from '../../ui/plural';

/**
 * A basic reader: metadata header with found/missing marks, versions, the
 * extraction warnings with the original as text, and the sanitized body.
 * (The full reader with passages lives in features/reader.)
 */
export function ArticleView({ articleId, onError, onDeleted, onChanged }: { articleId: number; onError(message: string): void; onDeleted(id: number): void; onChanged?(): void }): ReactNode {
  const [article, setArticle] = useState<Article | undefined>(undefined);
  const [content, setContent] = useState<ArticleContent | undefined>(undefined);
  const [original, setOriginal] = useState<string | undefined>(undefined);

  useEffect(() => {
    let live = true;
    setArticle(undefined);
    setContent(undefined);
    setOriginal(undefined);
    call('articles.get', { id: articleId })
      .then(async (loaded) => {
        const body = await call('articles.content', { versionId: loaded.latestVersionId });
        if (live) {
          setArticle(loaded);
          setContent(body);
        }
      })
      .catch((error: unknown) => onError((error as Error).message));
    return () => {
      live = false;
    };
  }, [articleId, onError]);

  const bodyRef = useRef<HTMLDivElement>(null);
  const [confirmDelete, setConfirmDelete] = useState<{ quotes: number; notes: number } | undefined>(undefined);
  const [editing, setEditing] = useState(false);
  // Hostile HTML: sanitized again in the page, then inserted as nodes (never as an HTML string).
  useEffect(() => {
    if (content && bodyRef.current) bodyRef.current.replaceChildren(sanitizeArticleHtml(content.html));
  }, [content]);
  if (!article || !content) return <div className="detail-empty muted">Loading…</div>;
  const latest = article.versions[article.versions.length - 1];
  const warnings = latest?.warnings ?? [];
  const s = article.fieldStatus;

  const showOriginal = async (): Promise<void> => {
    try {
      setOriginal((await call('articles.originalText', { versionId: article.latestVersionId })).text);
    } catch (error) {
      onError((error as Error).message);
    }
  };
  const askDelete = async (): Promise<void> => {
    try {
      // The same count as a bulk delete: quotes of passages in any version of the article.
      const { quotes, notes } = await call('library.deleteImpact', { ids: [article.id] });
      setConfirmDelete({ quotes, notes });
    } catch (error) {
      onError((error as Error).message);
    }
  };
  const remove = async (): Promise<void> => {
    setConfirmDelete(undefined);
    try {
      await call('articles.delete', { id: article.id });
      forgetAllPassages(); // its quotes now say "source in trash"
      onDeleted(article.id);
    } catch (error) {
      onError((error as Error).message);
    }
  };

  return (
    <article className="article-view" data-testid="article-view">
      <header className="article-header">
        <h1 className="article-title" data-testid="article-title">{article.title}</h1>
        <button type="button" className="btn btn-primary article-open-reader" onClick={() => openArticle(article.id)} data-testid="open-reader">
          Read &amp; quote
        </button>
        <p className="article-byline">
          {[article.byline && `By ${article.byline}`, article.siteName, articleDate(article.publishedAt)].filter(Boolean).join(' · ')}
        </p>
        <ItemOrganizer item={{ type: 'article', id: article.id }} onError={onError} />
        <details className="article-meta">
          <summary>
            Details · {countOf(article.versionCount, 'version')}{latest ? ` · ${countOf(latest.wordCount, 'word')}` : ''}
          </summary>
          {editing ? (
            <MetadataEditor
              article={article}
              onSaved={(updated) => {
                setArticle(updated);
                setEditing(false);
                onChanged?.();
              }}
              onCancel={() => setEditing(false)}
            />
          ) : (
            <>
              <MetadataFields
                rows={[
                  { field: 'title', value: article.title, status: s.title },
                  { field: 'authors', value: article.authors.join(', ') || article.byline, status: s.authors },
                  { field: 'siteName', value: article.siteName, status: s.siteName },
                  { field: 'publishedAt', value: article.publishedAt, status: s.publishedAt },
                  { field: 'modifiedAt', value: article.modifiedAt, status: s.modifiedAt },
                  { field: 'canonicalUrl', value: article.canonicalUrl, status: s.canonicalUrl },
                  { field: 'lang', value: article.lang, status: s.lang },
                  { field: 'excerpt', value: article.excerpt, status: s.excerpt },
                ]}
              />
              <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-metadata">
                Edit details
              </button>
            </>
          )}
          <ol className="version-list" data-testid="article-versions">
            {article.versions.map((v) => (
              <li key={v.id}>
                Version {v.versionNo}: captured {new Date(v.clippedAt).toLocaleString()} from {v.sourceKind === 'url' ? 'the web' : v.sourceKind === 'paste' ? 'a paste' : 'a file'}
                {v.sourceLocation ? ` (${v.sourceLocation})` : ''} · SHA-256 {v.textSha256.slice(0, 12)}…
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-quiet" onClick={() => void askDelete()} data-testid="delete-article">
            Delete from library
          </button>
        </details>
        {warnings.length > 0 && (
          <div className="article-warnings" role="status" data-testid="article-warnings">
            {warnings.map((w) => (
              <p key={w}>⚠ {w}</p>
            ))}
            {original === undefined && (
              <button type="button" className="link-button" onClick={() => void showOriginal()} data-testid="view-original">
                View original as text
              </button>
            )}
          </div>
        )}
      </header>
      {original !== undefined && (
        <section className="article-original" aria-label="Original page as text">
          <button type="button" className="link-button" onClick={() => setOriginal(undefined)}>
            Hide original
          </button>
          <pre data-testid="original-text">{original}</pre>
        </section>
      )}
      <div className="article-body" data-testid="article-body" ref={bodyRef} />
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this article?"
          confirmLabel="Delete article"
          danger
          onConfirm={() => void remove()}
          onCancel={() => setConfirmDelete(undefined)}
        >
          <p>“{article.title}” and all {article.versionCount === 1 ? 'its text' : `${article.versionCount} versions`} will be removed from the library.</p>
          <p data-testid="delete-article-impact">
            {deleteImpactText(confirmDelete.quotes, confirmDelete.notes)}
          </p>
        </ConfirmDialog>
      )}
    </article>
  );
}

import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ClipPreview as Preview, ClipResult, ClipSourceInput, PendingClipInfo } from '../../../../shared/contract/domains/clip';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { call, transport } from '../../api/client';
import { ArticleList } from './ArticleList';
import { ArticleView } from './ArticleView';
import { inView, LIBRARY_VIEWS, type LibraryView } from './libraryViews';
import { clipChosenFiles, clipFiles, type ClipProgress } from './clipFiles';
import { ClipPreview } from './ClipPreview';
import { ClipResults } from './ClipResults';
import { PendingClips } from './PendingClips';
import { UrlClipForm } from './UrlClipForm';
import './library.css';

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
}

export interface LibraryWorkspaceProps {
  onError(message: string): void;
  /** Files dropped onto the window (App catches the drop anywhere and hands them here). */
  droppedFiles: File[] | undefined;
  onDropHandled(): void;
}

export function LibraryWorkspace({ onError, droppedFiles, onDropHandled }: LibraryWorkspaceProps): ReactNode {
  const [articles, setArticles] = useState<ArticleSummary[] | undefined>(undefined);
  const [view, setView] = useState<LibraryView>('all');
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [progress, setProgress] = useState<ClipProgress | undefined>(undefined);
  const [results, setResults] = useState<ClipResult[]>([]);
  const [preview, setPreview] = useState<{ source: ClipSourceInput; preview: Preview } | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PendingClipInfo[]>([]);
  // Bumped when a clip adds a version: the open article must reload to show it (its id is unchanged).
  const [clipRound, setClipRound] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const refresh = useCallback(async (select?: number) => {
    try {
      const list = await call('articles.list', {});
      setArticles(list);
      setSelectedId((current) => select ?? current ?? list[0]?.id);
    } catch (error) {
      onError((error as Error).message);
    }
  }, [onError]);

  const refreshPending = useCallback(async () => {
    try {
      setPending(await call('clip.pending', {}));
    } catch (error) {
      onError((error as Error).message);
    }
  }, [onError]);

  useEffect(() => {
    void refresh();
    void refreshPending();
  }, [refresh, refreshPending]);

  const finish = useCallback(
    async (done: ClipResult[]) => {
      setResults(done);
      if (done.some((r) => r.status === 'new-version')) setClipRound((round) => round + 1);
      const stored = done.find((r) => r.articleId !== null);
      await refresh(stored?.articleId ?? undefined);
      await refreshPending();
    },
    [refresh, refreshPending],
  );

  const addFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      setPreview(undefined);
      setResults([]);
      const done = await clipFiles(files, setProgress);
      setProgress(undefined);
      await finish(done);
    },
    [finish],
  );

  useEffect(() => {
    if (!droppedFiles) return;
    onDropHandled();
    void addFiles(droppedFiles);
  }, [droppedFiles, onDropHandled, addFiles]);

  const chooseFiles = async (): Promise<void> => {
    if (transport !== 'electron') {
      fileInput.current?.click();
      return;
    }
    // Electron: the native dialog hands paths to the main process, which also reads each page's _files folder.
    try {
      setPreview(undefined);
      setResults([]);
      const done = await clipChosenFiles(setProgress);
      setProgress(undefined);
      if (done.length) await finish(done);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setProgress(undefined);
    }
  };

  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      if (isEditable(event.target) || !event.clipboardData) return;
      const html = event.clipboardData.getData('text/html');
      const text = event.clipboardData.getData('text/plain');
      if (!html.trim() && !text.trim()) return;
      event.preventDefault();
      const source: ClipSourceInput = html.trim() ? { kind: 'paste', format: 'html', content: html } : { kind: 'paste', format: 'text', content: text };
      call('clip.preview', { source })
        .then((result) => setPreview({ source, preview: result }))
        .catch((error: unknown) => onError((error as Error).message));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onError]);

  const savePreview = async (): Promise<void> => {
    if (!preview) return;
    setSaving(true);
    try {
      const { results: done } = await call('clip.save', { inputs: [preview.source] });
      setPreview(undefined);
      await finish(done);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const toggleStar = async (article: ArticleSummary): Promise<void> => {
    try {
      await call('library.setArticleState', { ids: [article.id], starred: !article.starred });
      setArticles((list) => list?.map((a) => (a.id === article.id ? { ...a, starred: !article.starred } : a)));
    } catch (error) {
      onError((error as Error).message);
    }
  };

  return (
    <>
      <section className="pane list-pane" aria-label="Library">
        <header className="pane-header">
          <h1 className="pane-title">Library</h1>
          <span className="pane-count">{articles ? articles.length : ''}</span>
          <button type="button" className="btn btn-primary" onClick={() => void chooseFiles()} data-testid="add-clips" disabled={progress !== undefined}>
            Add…
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept=".html,.htm,.gz,.txt,.md,.markdown,.png,.jpg,.jpeg,.gif,.webp,.avif"
            data-testid="clip-file-input"
            onChange={(event) => {
              const files = Array.from(event.currentTarget.files ?? []);
              event.currentTarget.value = '';
              void addFiles(files);
            }}
          />
        </header>
        {progress && (
          <div className="clip-progress" role="status" data-testid="clip-progress">
            <progress max={Math.max(progress.total, 1)} value={progress.done} />
            <span>{progress.total ? `Clipping ${progress.done + 1} of ${progress.total}${progress.current ? `: ${progress.current}` : ''}` : 'Clipping…'}</span>
          </div>
        )}
        <UrlClipForm busy={progress !== undefined} onClipped={(done) => void finish(done)} onError={onError} />
        <PendingClips pending={pending} onFetched={(done) => void finish(done)} onError={onError} />
        {results.length > 0 && <ClipResults results={results} onDismiss={() => setResults([])} />}
        <div className="library-views" role="tablist" aria-label="Library views">
          {LIBRARY_VIEWS.map((v) => (
            <button
              key={v.id}
              type="button"
              role="tab"
              aria-selected={view === v.id}
              className={`view-tab ${view === v.id ? 'is-active' : ''}`}
              data-testid={`library-view-${v.id}`}
              onClick={() => setView(v.id)}
            >
              {v.label} <span className="muted">{(articles ?? []).filter((a) => inView(a, v.id)).length}</span>
            </button>
          ))}
        </div>
        {articles && articles.length === 0 ? (
          <div className="empty-state">
            <p>Your library is empty.</p>
            <p className="muted">Drop saved web pages (.html with their _files folder), .txt or .md files anywhere on the window, use Add…, or paste an article.</p>
          </div>
        ) : (
          <ArticleList
            articles={(articles ?? []).filter((a) => inView(a, view))}
            selectedId={selectedId}
            onSelect={(id) => {
              setPreview(undefined);
              setSelectedId(id);
            }}
            onToggleStar={(article) => void toggleStar(article)}
          />
        )}
      </section>
      <main className="pane detail-pane library-detail">
        {preview ? (
          <ClipPreview preview={preview.preview} saving={saving} onSave={() => void savePreview()} onCancel={() => setPreview(undefined)} />
        ) : selectedId !== undefined ? (
          <ArticleView
            key={`${selectedId}:${clipRound}`}
            articleId={selectedId}
            onError={onError}
            onChanged={() => void refresh()}
            onDeleted={(id) => {
              setSelectedId(undefined);
              setArticles((list) => list?.filter((a) => a.id !== id));
            }}
          />
        ) : (
          <div className="detail-empty muted">Paste an article here to preview it before saving.</div>
        )}
      </main>
    </>
  );
}

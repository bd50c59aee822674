import { memo, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ClipPreview as Preview, ClipResult, ClipSourceInput, PendingClipInfo } from '../../../../shared/contract/domains/clip';
import type { ArticleSummary } from '../../../../shared/domain/article';
import type { LibraryScope, LibrarySort } from '../../../../shared/domain/libraryList';
import { call, listen, transport } from '../../api/client';
import { refreshLibraryQueries, useCall } from '../../api/queries';
import { countOf } from '../../ui/plural';
import { openArticle } from '../../app/routes';
import { ArticleList } from './ArticleList';
import { ArticleView } from './ArticleView';
import { BulkActions } from './BulkActions';
import { clipChosenFiles, clipFiles, type ClipProgress } from './clipFiles';
import { ClipPreview, type PreviewSaveChoice } from './ClipPreview';
import { PasteReading } from './PasteReading';
import { ClipResults } from './ClipResults';
import { libraryStore, useLibraryState } from './libraryScope';
import { LIBRARY_VIEWS } from './libraryViews';
import { PendingClips } from './PendingClips';
import { scopeHoldingsText, scopeItemCount, type ScopeHoldings } from './scopeCounts';
import { ProjectQuotes, ScopeNotes } from './ScopeItems';
import { ProjectFacts } from '../facts/ProjectFacts';
import { clickRow, EMPTY_SELECTION, extendTo, keepListed, selectAll, toggleRow, type Selection } from './selection';
import { UrlClipForm } from './UrlClipForm';
import { useLibraryList } from './useLibraryList';
import './library.css';

const MemoArticleView = memo(ArticleView);

/** A quick count for the "reading" line (the preview then gives the real one). */
function roughWordCount(text: string): number {
  return text.replace(/<[^>]*>/g, ' ').split(/\s+/).filter(Boolean).length;
}

function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA');
}

const SORTS: { id: LibrarySort; label: string }[] = [
  { id: 'clipped', label: 'Clip date' },
  { id: 'published', label: 'Published' },
  { id: 'title', label: 'Title' },
  { id: 'outlet', label: 'Outlet' },
];

type Tab = 'articles' | 'notes' | 'quotes' | 'facts';

export interface LibraryWorkspaceProps {
  onError(message: string): void;
  /** Files dropped onto the window (App catches the drop anywhere and hands them here). */
  droppedFiles: File[] | undefined;
  onDropHandled(): void;
}

export function LibraryWorkspace({ onError, droppedFiles, onDropHandled }: LibraryWorkspaceProps): ReactNode {
  const library = useLibraryState();
  const { scope, sort, direction, filter } = library;
  const query = useMemo(() => ({ scope, sort, direction, filter }), [scope, sort, direction, filter]);
  const list = useLibraryList(query, onError);
  const ids = list.ids;

  const [activeId, setActiveId] = useState<number | undefined>(libraryStore.rememberedActive);
  useEffect(() => libraryStore.rememberActive(activeId), [activeId]);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  /** Plain clicks and moves select the row under the cursor; Space, x, Ctrl- or Shift-selection make the selection the user's own. */
  const [explicit, setExplicit] = useState(false);
  const [deleteRequest, setDeleteRequest] = useState(0);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<Tab>('articles');
  const projects = useCall('projects.list', {}).data ?? [];
  const tags = useCall('tags.list', {}, { enabled: scope.kind === 'tag' }).data;
  const lastActiveIndex = useRef(0);

  const [progress, setProgress] = useState<ClipProgress | undefined>(undefined);
  const [results, setResults] = useState<ClipResult[]>([]);
  // A paste shows at once: 'reading' while the core extracts it (a long article takes seconds), then the preview.
  const [preview, setPreview] = useState<{ source: ClipSourceInput; words: number; preview?: Preview } | undefined>(undefined);
  // Each paste's number: a slower earlier paste (or one cancelled) never replaces the one on screen.
  const pasteRound = useRef(0);
  const dropPreview = useCallback(() => {
    pasteRound.current += 1;
    setPreview(undefined);
  }, []);
  const [saving, setSaving] = useState(false);
  const [pending, setPending] = useState<PendingClipInfo[]>([]);
  // Bumped when a clip adds a version: the open article must reload to show it (its id is unchanged).
  const [clipRound, setClipRound] = useState(0);
  const fileInput = useRef<HTMLInputElement>(null);

  const firstScope = useRef(scope);
  useEffect(() => {
    if (scope === firstScope.current) return;
    setTab('articles');
    setSelection(EMPTY_SELECTION);
    setExplicit(false);
    setActiveId(undefined);
    lastActiveIndex.current = 0;
  }, [scope]);

  const activeIndex = ids && activeId !== undefined ? ids.indexOf(activeId) : -1;
  if (activeIndex >= 0) lastActiveIndex.current = activeIndex;

  // After a reload: keep the cursor on its row, or on the row that took its place; drop selected rows no longer listed.
  useEffect(() => {
    if (!ids) return;
    setSelection((current) => keepListed(current, ids));
    setActiveId((current) => {
      if (current !== undefined && ids.includes(current)) return current;
      const next = ids[Math.min(lastActiveIndex.current, ids.length - 1)];
      if (next !== undefined && !explicit) setSelection({ ids: new Set([next]), anchor: ids.indexOf(next) });
      return next;
    });
    // Only a new list moves the cursor (whether the cursor was placed by hand is read, not watched).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately keyed on the list alone
  }, [ids]);

  const refreshAll = useCallback(async () => {
    void refreshLibraryQueries();
    await list.reload();
  }, [list]);

  // Articles clipped, re-clipped, deleted or re-filed elsewhere (another window, the CLI): the list follows.
  useEffect(
    () =>
      listen((event) => {
        if (event.type.startsWith('article') || event.type === 'organize.changed' || event.type === 'library.changed') void list.reload();
      }),
    [list],
  );

  // Stable, so the detail pane is not re-rendered each time list rows arrive while scrolling.
  const onDetailChanged = useCallback(() => void refreshAll(), [refreshAll]);

  const refreshPending = useCallback(async () => {
    try {
      setPending(await call('clip.pending', {}));
    } catch (error) {
      onError((error as Error).message);
    }
  }, [onError]);

  useEffect(() => {
    void refreshPending();
  }, [refreshPending]);

  const finish = useCallback(
    async (done: ClipResult[]) => {
      setResults(done);
      if (done.some((r) => r.status === 'new-version')) setClipRound((round) => round + 1);
      const stored = done.find((r) => r.articleId !== null);
      await refreshAll();
      await refreshPending();
      if (stored?.articleId) {
        setActiveId(stored.articleId);
        setSelection({ ids: new Set([stored.articleId]), anchor: undefined });
        setExplicit(false);
      }
    },
    [refreshAll, refreshPending],
  );

  const addFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      dropPreview();
      setResults([]);
      const done = await clipFiles(files, setProgress);
      setProgress(undefined);
      await finish(done);
    },
    [finish, dropPreview],
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
      dropPreview();
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
      const round = ++pasteRound.current;
      setResults([]);
      setPreview({ source, words: roughWordCount(text || html) });
      call('clip.preview', { source })
        .then((result) => {
          if (round === pasteRound.current) setPreview({ source, words: result.wordCount, preview: result });
        })
        .catch((error: unknown) => {
          if (round !== pasteRound.current) return;
          dropPreview();
          onError((error as Error).message);
        });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onError, dropPreview]);

  const savePreview = async (choice: PreviewSaveChoice): Promise<void> => {
    if (!preview) return;
    setSaving(true);
    try {
      const { results: done } = await call('clip.save', { inputs: [preview.source], ...choice });
      dropPreview();
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
      list.patchRow(article.id, { starred: !article.starred });
      void refreshLibraryQueries();
      if (scope.kind === 'view' && scope.view === 'starred') await list.reload();
    } catch (error) {
      onError((error as Error).message);
    }
  };

  const order = ids ?? [];
  const moveTo = (to: number, extend: boolean): void => {
    const id = order[to];
    if (id === undefined) return;
    dropPreview();
    setActiveId(id);
    if (extend) {
      setSelection((current) => extendTo(current, order, activeIndex < 0 ? to : activeIndex, to));
      setExplicit(true);
    } else if (!explicit) setSelection({ ids: new Set([id]), anchor: to });
  };

  const scopeTitle =
    scope.kind === 'view'
      ? (LIBRARY_VIEWS.find((v) => v.id === scope.view)?.label ?? 'Library')
      : scope.kind === 'tag'
        ? `#${scope.name}`
        : (projects.find((p) => p.id === scope.projectId)?.name ?? 'Project');
  const selectedIds = order.filter((id) => selection.ids.has(id));
  const holdings = scope.kind === 'project' ? projects.find((p) => p.id === scope.projectId) : scope.kind === 'tag' ? tags?.find((t) => t.name === scope.name) : undefined;

  return (
    <>
      <section className="pane list-pane" aria-label="Library">
        <header className="pane-header">
          <h1 className="pane-title" data-testid="library-title">
            {scope.kind === 'view' && scope.view === 'all' ? 'Library' : scopeTitle}
          </h1>
          <LibraryCount scope={scope} filter={filter} articles={ids?.length} holdings={holdings} />
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
        <PendingClips pending={pending} onFetched={(done) => void finish(done)} onChanged={() => void refreshPending()} onError={onError} />
        {results.length > 0 && <ClipResults results={results} onDismiss={() => setResults([])} />}
        {scope.kind !== 'view' && (
          <div className="library-views" role="tablist" aria-label="Items">
            {(['articles', 'notes', ...(scope.kind === 'project' ? (['quotes', 'facts'] as const) : [])] as Tab[]).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} className={`view-tab ${tab === t ? 'is-active' : ''}`} data-testid={`scope-tab-${t}`} onClick={() => setTab(t)}>
                {t === 'articles' ? 'Articles' : t === 'notes' ? 'Notes' : t === 'quotes' ? 'Quotes' : 'Facts'}
              </button>
            ))}
          </div>
        )}
        {tab === 'notes' && scope.kind !== 'view' ? (
          <ScopeNotes scope={scope} onError={onError} />
        ) : tab === 'quotes' && scope.kind === 'project' ? (
          <ProjectQuotes projectId={scope.projectId} onError={onError} />
        ) : tab === 'facts' && scope.kind === 'project' ? (
          <ProjectFacts projectId={scope.projectId} onError={onError} />
        ) : (
          <>
            <div className="list-controls">
              <input
                type="search"
                className="list-filter"
                placeholder="Filter by title, author, outlet"
                aria-label="Filter the list"
                data-testid="library-filter"
                value={filter}
                onChange={(e) => libraryStore.setFilter(e.target.value)}
              />
              <select aria-label="Sort by" data-testid="library-sort" value={sort} onChange={(e) => libraryStore.setSort(e.target.value as LibrarySort)}>
                {SORTS.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="btn btn-small"
                data-testid="library-sort-direction"
                aria-label={direction === 'asc' ? 'Ascending: click for descending' : 'Descending: click for ascending'}
                title={direction === 'asc' ? 'Ascending' : 'Descending'}
                onClick={() => libraryStore.setSort(sort, direction === 'asc' ? 'desc' : 'asc')}
              >
                {direction === 'asc' ? '↑' : '↓'}
              </button>
            </div>
            {selectedIds.length > 0 && (
              <BulkActions
                ids={selectedIds}
                scope={scope}
                deleteRequest={deleteRequest}
                onError={onError}
                onDone={(message) => {
                  setNotice(message);
                  void refreshAll();
                }}
              />
            )}
            {notice && (
              <div className="bulk-notice" role="status" data-testid="bulk-notice">
                {notice}
                <button type="button" className="link-button" onClick={() => setNotice(undefined)}>
                  Dismiss
                </button>
              </div>
            )}
            {ids && ids.length === 0 ? (
              <div className="empty-state" data-testid="library-empty">
                {filter ? (
                  <p>Nothing matches “{filter}”.</p>
                ) : scope.kind === 'view' && scope.view === 'all' ? (
                  <>
                    <p>Your library is empty.</p>
                    <p className="muted">Drop saved web pages (.html with their _files folder), .txt or .md files anywhere on the window, use Add…, or paste an article.</p>
                  </>
                ) : (
                  <p className="muted">No articles here.</p>
                )}
              </div>
            ) : (
              <ArticleList
                ids={order}
                row={list.row}
                ensureRows={list.ensureRows}
                activeIndex={activeIndex}
                selected={selection.ids}
                onClickRow={(index, { shift, toggle }) => {
                  dropPreview();
                  setActiveId(order[index]);
                  setSelection((current) => clickRow(current, order, index, { shift, toggle }));
                  setExplicit(shift || toggle);
                }}
                onMove={moveTo}
                onOpen={(index) => {
                  const id = order[index];
                  if (id !== undefined) openArticle(id);
                }}
                onToggle={(index) => {
                  setSelection((current) => toggleRow(explicit ? current : EMPTY_SELECTION, order, index));
                  setExplicit(true);
                }}
                onSelectAll={() => {
                  setSelection(selectAll(order));
                  setExplicit(true);
                }}
                onClearSelection={() => {
                  setSelection(EMPTY_SELECTION);
                  setExplicit(true);
                }}
                onDelete={() => setDeleteRequest((n) => n + 1)}
                onToggleStar={(article) => void toggleStar(article)}
              />
            )}
          </>
        )}
      </section>
      <main className="pane detail-pane library-detail">
        {preview?.preview ? (
          <ClipPreview preview={preview.preview} saving={saving} onSave={(choice) => void savePreview(choice)} onCancel={dropPreview} />
        ) : preview ? (
          <PasteReading words={preview.words} onCancel={dropPreview} />
        ) : activeId !== undefined ? (
          <MemoArticleView key={`${activeId}:${clipRound}`} articleId={activeId} onError={onError} onChanged={onDetailChanged} onDeleted={onDetailChanged} />
        ) : (
          <div className="detail-empty muted">Paste an article here to preview it before saving.</div>
        )}
      </main>
    </>
  );
}

/**
 * The header's count. A view counts its articles, as the sidebar does; a
 * project or tag counts everything it holds by the sidebar's own rule
 * (scopeItemCount), with the breakdown as its description. While the list is
 * filtered, it says how many articles match.
 */
function LibraryCount({ scope, filter, articles, holdings }: { scope: LibraryScope; filter: string; articles: number | undefined; holdings: ScopeHoldings | undefined }): ReactNode {
  if (articles === undefined) return <span className="pane-count" data-testid="library-count" />;
  if (filter.trim() !== '' || scope.kind === 'view' || !holdings) {
    return (
      <span className="pane-count" data-testid="library-count" title={countOf(articles, filter.trim() !== '' ? 'matching article' : 'article')}>
        {articles.toLocaleString('en')}
      </span>
    );
  }
  return (
    <span className="pane-count" data-testid="library-count" title={scopeHoldingsText(holdings)}>
      {scopeItemCount(holdings).toLocaleString('en')}
    </span>
  );
}

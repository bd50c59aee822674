import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { formatListDate } from '../../ui/formatDate';
import { formatArticleDate } from '../../../../shared/text/dates';
import { countOf } from '../../ui/plural';

/** An article's date as the whole app shows it (shared/text/dates.ts). */
export function articleDate(value: string | null): string {
  return formatArticleDate(value);
}

/** Every row has the same height, so the list can place any of 10,000 rows without measuring them. */
export const ROW_HEIGHT = 60;

export interface ArticleListKeys {
  /** Moves the cursor; `extend` (Shift) grows the selection from its anchor. */
  onMove(to: number, extend: boolean): void;
  onOpen(index: number): void;
  onToggle(index: number): void;
  onSelectAll(): void;
  onClearSelection(): void;
  onDelete(): void;
}

export interface ArticleListProps extends ArticleListKeys {
  ids: readonly number[];
  row(id: number): ArticleSummary | undefined;
  /** The row under the cursor (shown in the detail pane), or -1. */
  activeIndex: number;
  selected: ReadonlySet<number>;
  ensureRows(start: number, end: number): void;
  onClickRow(index: number, modifiers: { shift: boolean; toggle: boolean }): void;
  onToggleStar(article: ArticleSummary): void;
}

const STEPS: Record<string, number> = { ArrowDown: 1, j: 1, ArrowUp: -1, k: -1 };

/**
 * The library list, virtualized: only the rows on screen (plus a few) are in
 * the DOM, and only their data is fetched. Keyboard: arrows or j/k move,
 * Shift extends, Space or x toggles a row, Ctrl/Cmd+A selects all, Enter
 * opens the reader, Delete asks to delete the selection, Escape clears it.
 */
export function ArticleList(props: ArticleListProps): ReactNode {
  const { ids, row, activeIndex, selected, ensureRows } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (last >= first) ensureRows(first, last);
  }, [first, last, ids, ensureRows]);

  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      props.onSelectAll();
      return;
    }
    if (mod || event.altKey) return;
    const from = Math.max(activeIndex, 0);
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    let to: number | undefined;
    if (event.key in STEPS) to = activeIndex < 0 ? 0 : from + STEPS[event.key]!;
    else if (event.key === 'Home') to = 0;
    else if (event.key === 'End') to = ids.length - 1;
    else if (event.key === 'PageDown') to = from + pageRows;
    else if (event.key === 'PageUp') to = from - pageRows;
    if (to !== undefined) {
      event.preventDefault();
      if (ids.length) props.onMove(Math.min(Math.max(to, 0), ids.length - 1), event.shiftKey);
      return;
    }
    if (event.key === 'Enter' && activeIndex >= 0) {
      event.preventDefault();
      props.onOpen(activeIndex);
    } else if ((event.key === ' ' || event.key === 'x') && activeIndex >= 0) {
      event.preventDefault();
      props.onToggle(activeIndex);
    } else if (event.key === 'Escape') {
      props.onClearSelection();
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      props.onDelete();
    }
  };

  const activeId = activeIndex >= 0 ? ids[activeIndex] : undefined;
  return (
    <div
      ref={scroller}
      className="item-list virtual-list"
      role="listbox"
      aria-label="Library"
      aria-multiselectable="true"
      aria-activedescendant={activeId !== undefined ? `article-row-${activeId}` : undefined}
      tabIndex={0}
      data-testid="article-list"
      data-count={ids.length}
      onKeyDown={onKeyDown}
    >
      <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const id = ids[item.index]!;
          const article = row(id);
          const isSelected = selected.has(id);
          const onClick = (event: MouseEvent): void => props.onClickRow(item.index, { shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
          return (
            <div
              key={id}
              id={`article-row-${id}`}
              role="option"
              aria-selected={isSelected}
              aria-posinset={item.index + 1}
              aria-setsize={ids.length}
              className={`item virtual-row${isSelected ? ' is-selected' : ''}${item.index === activeIndex ? ' is-active' : ''}`}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
              data-article-id={id}
              data-index={item.index}
              onMouseDown={(event) => {
                if (event.shiftKey) event.preventDefault(); // no text selection on Shift-click
              }}
              onClick={onClick}
            >
              {article ? <ArticleRow article={article} onToggleStar={props.onToggleStar} /> : <div className="item-head muted">…</div>}
            </div>
          );
        })}
      </div>
    </div>
  );
}

function ArticleRow({ article, onToggleStar }: { article: ArticleSummary; onToggleStar(article: ArticleSummary): void }): ReactNode {
  return (
    <>
      <div className="item-head">
        {article.readingState === 'unread' && <span className="unread-dot" title="Unread" aria-label="Unread" />}
        <span className="item-title">{article.title}</span>
        {/* A mouse shortcut only: a control inside a listbox option is not allowed (nested-interactive), so it is
            no button; the row says "Starred", and the article's own view has the star as a real button. */}
        <span
          aria-hidden="true"
          className={`star-toggle ${article.starred ? 'is-starred' : ''}`}
          title={article.starred ? 'Unstar' : 'Star'}
          data-testid="star-toggle"
          onClick={(event) => {
            event.stopPropagation();
            onToggleStar(article);
          }}
        >
          {article.starred ? '★' : '☆'}
        </span>
        <time className="item-date" dateTime={article.clippedAt} title="Clipped">
          {formatListDate(article.clippedAt)}
        </time>
      </div>
      <div className="item-excerpt article-facts">
        {[
          article.starred ? 'Starred' : null,
          article.readingState === 'archived' ? 'Archived' : null,
          article.siteName,
          articleDate(article.publishedAt),
          countOf(article.wordCount, 'word'),
          article.versionCount > 1 ? countOf(article.versionCount, 'version') : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </>
  );
}

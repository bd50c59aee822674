import type { ArticleSummary } from '../../../../shared/domain/article';

/** The library's views: archived articles leave "All" and "Unread" but keep their own view. */
export const LIBRARY_VIEWS = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
  { id: 'starred', label: 'Starred' },
  { id: 'archived', label: 'Archived' },
] as const;

export type LibraryView = (typeof LIBRARY_VIEWS)[number]['id'];

export function inView(article: ArticleSummary, view: LibraryView): boolean {
  switch (view) {
    case 'all':
      return article.readingState !== 'archived';
    case 'unread':
      return article.readingState === 'unread';
    case 'starred':
      return article.starred;
    case 'archived':
      return article.readingState === 'archived';
  }
}

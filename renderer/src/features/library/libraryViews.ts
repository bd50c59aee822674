/** The library's reading views: archived articles leave "All" and "Unread" but keep their own view. */
export const LIBRARY_VIEWS = [
  { id: 'all', label: 'All' },
  { id: 'unread', label: 'Unread' },
  { id: 'starred', label: 'Starred' },
  { id: 'archived', label: 'Archived' },
] as const;

export type LibraryView = (typeof LIBRARY_VIEWS)[number]['id'];

import { useSyncExternalStore } from 'react';
import type { LibraryScope, LibrarySort, SortDirection } from '../../../../shared/domain/libraryList';

/**
 * What the library shows (a view, a project or a tag, with its sort and
 * filter), shared by the sidebar's navigation and the list. What they list
 * and count is read through the query cache (api/queries.ts), which change
 * events keep current.
 */
export interface LibraryState {
  scope: LibraryScope;
  sort: LibrarySort;
  direction: SortDirection;
  filter: string;
}

let state: LibraryState = { scope: { kind: 'view', view: 'all' }, sort: 'clipped', direction: 'desc', filter: '' };
const listeners = new Set<() => void>();
/** The article under the cursor, so coming back from the reader lands on it again. */
let rememberedActive: number | undefined;

function set(next: Partial<LibraryState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export const libraryStore = {
  get: (): LibraryState => state,
  setScope: (scope: LibraryScope): void => set({ scope }),
  /** Choosing the current sort again flips its direction; a new sort starts in its natural direction. */
  setSort: (sort: LibrarySort, direction?: SortDirection): void =>
    set({ sort, direction: direction ?? (sort === state.sort ? (state.direction === 'asc' ? 'desc' : 'asc') : sort === 'title' || sort === 'outlet' ? 'asc' : 'desc') }),
  setFilter: (filter: string): void => set({ filter }),
  rememberActive: (id: number | undefined): void => {
    rememberedActive = id;
  },
  rememberedActive: (): number | undefined => rememberedActive,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export function useLibraryState(): LibraryState {
  return useSyncExternalStore(libraryStore.subscribe, libraryStore.get);
}

export function sameScope(a: LibraryScope, b: LibraryScope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArticleSummary } from '../../../../shared/domain/article';
import type { LibraryScope, LibrarySort, SortDirection } from '../../../../shared/domain/libraryList';
import { call } from '../../api/client';

/** Rows fetched around what is on screen, so a quick scroll finds them ready. */
const OVERSCAN_ROWS = 60;

export interface LibraryList {
  /** Every matching id in list order (undefined while the first answer is on its way). */
  ids: number[] | undefined;
  row(id: number): ArticleSummary | undefined;
  /** Called by the list with the rows it renders: fetches those not loaded (or loaded before the last reload). */
  ensureRows(start: number, end: number): void;
  /** Refetches the ids (after an archive, delete, tag...) and, lazily, the rows. */
  reload(): Promise<void>;
  patchRow(id: number, change: Partial<ArticleSummary>): void;
}

export function useLibraryList(query: { scope: LibraryScope; sort: LibrarySort; direction: SortDirection; filter: string }, onError: (message: string) => void): LibraryList {
  const [ids, setIds] = useState<number[] | undefined>(undefined);
  const [, setVersion] = useState(0);
  const cache = useRef(new Map<number, { row: ArticleSummary; generation: number }>());
  const generation = useRef(0);
  const pending = useRef(new Set<number>());
  const idsRef = useRef<number[] | undefined>(undefined);
  const latestQuery = useRef(0);
  const { scope, sort, direction, filter } = query;

  const reload = useCallback(async () => {
    const sequence = ++latestQuery.current;
    try {
      const result = await call('library.listIds', { scope, sort, direction, filter });
      if (sequence !== latestQuery.current) return; // a newer sort or filter already answered
      generation.current++;
      pending.current.clear();
      idsRef.current = result.ids;
      setIds(result.ids);
    } catch (error) {
      onError((error as Error).message);
    }
  }, [scope, sort, direction, filter, onError]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const ensureRows = useCallback(
    (start: number, end: number) => {
      const order = idsRef.current;
      if (!order) return;
      const wanted = order
        .slice(Math.max(0, start - OVERSCAN_ROWS), Math.min(order.length, end + 1 + OVERSCAN_ROWS))
        .filter((id) => !pending.current.has(id) && cache.current.get(id)?.generation !== generation.current);
      if (wanted.length === 0) return;
      const asked = generation.current;
      for (const id of wanted) pending.current.add(id);
      call('library.rows', { ids: wanted.slice(0, 500) })
        .then((rows) => {
          for (const row of rows) cache.current.set(row.id, { row, generation: asked });
          for (const id of wanted) pending.current.delete(id);
          setVersion((v) => v + 1);
        })
        .catch((error: unknown) => {
          for (const id of wanted) pending.current.delete(id);
          onError((error as Error).message);
        });
    },
    [onError],
  );

  const row = useCallback((id: number) => cache.current.get(id)?.row, []);
  const patchRow = useCallback((id: number, change: Partial<ArticleSummary>) => {
    const entry = cache.current.get(id);
    if (!entry) return;
    cache.current.set(id, { ...entry, row: { ...entry.row, ...change } });
    setVersion((v) => v + 1);
  }, []);

  return useMemo(() => ({ ids, row, ensureRows, reload, patchRow }), [ids, row, ensureRows, reload, patchRow]);
}

import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { TrashItem, TrashList } from '../../../../shared/domain/trash';
import { displayTitle } from '../../../../shared/domain/note';
import { call } from '../../api/client';
import { forgetAllPassages } from '../passages/passageQueries';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatListDate } from '../../ui/formatDate';

type Pending = { kind: 'delete'; item: TrashItem } | { kind: 'empty' };

/**
 * The Trash: deleted notes and articles, newest first, each with Restore and
 * Delete permanently, and Empty Trash. Restoring an article links its quotes
 * in notes again (they said "source in trash" meanwhile).
 */
export function TrashView({ onError }: { onError(message: string): void }): ReactNode {
  const [trash, setTrash] = useState<TrashList>();
  const [pending, setPending] = useState<Pending>();
  const [notice, setNotice] = useState('');

  const reload = useCallback(() => {
    call('trash.list', {}).then(setTrash, (e: unknown) => onError(String((e as Error).message ?? e)));
  }, [onError]);
  useEffect(reload, [reload]);

  const run = async (action: () => Promise<string>) => {
    try {
      setNotice(await action());
      // Quotes of a restored or deleted source change state: read their passages again.
      forgetAllPassages();
    } catch (e) {
      onError((e as Error).message);
    }
    setPending(undefined);
    reload();
  };

  const restore = (item: TrashItem) =>
    run(async () => {
      await call('trash.restore', { items: [{ type: item.type, id: item.id }] });
      return `Restored “${displayTitle(item.title)}”.`;
    });

  return (
    <section className="pane workspace trash-view" aria-label="Trash" data-testid="trash-view">
      <header className="trash-head">
        <h1>Trash</h1>
        {trash && <p className="muted">Deleted notes and articles stay here {trash.retentionDays} days, then are deleted for good.</p>}
        <button type="button" className="btn btn-danger" data-testid="trash-empty" disabled={!trash || trash.items.length === 0} onClick={() => setPending({ kind: 'empty' })}>
          Empty Trash
        </button>
      </header>
      <p role="status" data-testid="trash-notice">{notice}</p>
      {trash && trash.items.length === 0 && <p className="muted" data-testid="trash-empty-state">The Trash is empty.</p>}
      <ul className="trash-list">
        {trash?.items.map((item) => (
          <li key={`${item.type}:${item.id}`} data-testid="trash-item" data-type={item.type}>
            <span className="trash-kind">{item.type === 'note' ? 'Note' : 'Article'}</span>
            <span className="trash-title">{displayTitle(item.title)}</span>
            <span className="muted">deleted {formatListDate(item.trashedAt)}</span>
            <button type="button" className="btn" onClick={() => void restore(item)}>
              Restore
            </button>
            <button type="button" className="btn btn-danger" onClick={() => setPending({ kind: 'delete', item })}>
              Delete permanently
            </button>
          </li>
        ))}
      </ul>
      {pending && (
        <ConfirmDialog
          title={pending.kind === 'empty' ? 'Empty the Trash?' : `Delete “${displayTitle(pending.item.title)}” permanently?`}
          confirmLabel={pending.kind === 'empty' ? 'Empty Trash' : 'Delete permanently'}
          danger
          onCancel={() => setPending(undefined)}
          onConfirm={() =>
            void run(async () => {
              if (pending.kind === 'empty') {
                const { deleted } = await call('trash.empty', {});
                return `Deleted ${deleted} ${deleted === 1 ? 'item' : 'items'} permanently.`;
              }
              await call('trash.deletePermanently', { items: [{ type: pending.item.type, id: pending.item.id }] });
              return `Deleted “${displayTitle(pending.item.title)}” permanently.`;
            })
          }
        >
          <p>
            {pending.kind === 'empty' ? 'Everything in the Trash' : 'It'} will be removed from the library and from later backups. Quotes of a deleted article stay in
            their notes as unlinked text, flagged “source deleted”. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

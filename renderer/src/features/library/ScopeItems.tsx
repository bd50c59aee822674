import { useEffect, useState, type ReactNode } from 'react';
import type { ProjectQuote, ScopeNote } from '../../../../shared/domain/libraryList';
import { displayTitle } from '../../../../shared/domain/note';
import { call } from '../../api/client';
import { navigate, openArticle } from '../../app/routes';
import { formatListDate } from '../../ui/formatDate';
import { autosaver } from '../notes/autosave';
import { refreshLibraryQueries } from '../../api/queries';
import { countOf } from '../../ui/plural';

/** A project's or a tag's notes: opening one goes to the editor. */
export function ScopeNotes({ scope, onError }: { scope: { kind: 'project'; projectId: number } | { kind: 'tag'; name: string }; onError(message: string): void }): ReactNode {
  const [notes, setNotes] = useState<ScopeNote[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('library.scopeNotes', { scope }).then(
      (list) => live && setNotes(list),
      (error: unknown) => onError((error as Error).message),
    );
    return () => {
      live = false;
    };
  }, [scope, onError]);
  const newNote = async (): Promise<void> => {
    if (scope.kind !== 'project') return;
    try {
      await autosaver.flushAll();
      const note = await call('notes.create', {});
      await call('projects.addItems', { projectId: scope.projectId, items: [{ type: 'note', id: note.id }] });
      void refreshLibraryQueries();
      navigate({ kind: 'notes', noteId: note.id });
    } catch (error) {
      onError((error as Error).message);
    }
  };
  if (!notes) return <div className="empty-state muted">Loading…</div>;
  return (
    <>
      {scope.kind === 'project' && (
        <div className="list-controls">
          <button type="button" className="btn btn-small" data-testid="project-new-note" onClick={() => void newNote()}>
            New note in this project
          </button>
        </div>
      )}
      {notes.length === 0 ? (
        <div className="empty-state muted">No notes here yet.</div>
      ) : (
        <ul className="item-list" role="listbox" aria-label="Notes" data-testid="scope-notes">
          {notes.map((note) => (
            <li key={note.id} role="option" aria-selected={false} tabIndex={0} className="item" onClick={() => navigate({ kind: 'notes', noteId: note.id })} onKeyDown={(e) => e.key === 'Enter' && navigate({ kind: 'notes', noteId: note.id })}>
              <div className="item-head">
                <span className={`item-title ${note.title.trim() === '' ? 'is-untitled' : ''}`}>{displayTitle(note.title)}</span>
                <time className="item-date" dateTime={note.updatedAt}>
                  {formatListDate(note.updatedAt)}
                </time>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const STATUS: Record<ProjectQuote['anchorStatus'], string> = { ok: '', changed: 'source changed', orphan: 'not found in the latest version', source_deleted: 'source deleted' };

/** The quotes a project uses: opening one shows its passage in the reader. */
export function ProjectQuotes({ projectId, onError }: { projectId: number; onError(message: string): void }): ReactNode {
  const [quotes, setQuotes] = useState<ProjectQuote[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('library.projectQuotes', { projectId }).then(
      (list) => live && setQuotes(list),
      (error: unknown) => onError((error as Error).message),
    );
    return () => {
      live = false;
    };
  }, [projectId, onError]);
  if (!quotes) return <div className="empty-state muted">Loading…</div>;
  if (quotes.length === 0) return <div className="empty-state muted">No quotes yet: quote a passage of one of this project’s articles into a note.</div>;
  const open = (quote: ProjectQuote): void => {
    if (quote.articleId !== null) openArticle(quote.articleId, { passageId: quote.passageId });
  };
  return (
    <ul className="item-list" role="listbox" aria-label="Quotes" data-testid="project-quotes">
      {quotes.map((quote) => (
        <li key={quote.passageId} role="option" aria-selected={false} tabIndex={0} className="item" onClick={() => open(quote)} onKeyDown={(e) => e.key === 'Enter' && open(quote)}>
          <blockquote className="quote-text">“{quote.exact}”</blockquote>
          <div className="item-excerpt">
            {[quote.sourceTitle, `quoted in ${countOf(quote.noteCount, 'note')}`, STATUS[quote.anchorStatus] || null].filter(Boolean).join(' · ')}
          </div>
        </li>
      ))}
    </ul>
  );
}

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { DeleteImpact, LibraryScope } from '../../../../shared/domain/libraryList';
import type { Project, Tag } from '../../../../shared/domain/organize';
import { call } from '../../api/client';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { deleteImpactText } from './deleteImpact';
import { forgetAllPassages } from '../passages/passageQueries';
import { countOf } from '../../ui/plural';

type Mode = 'tag' | 'add' | 'move' | undefined;

export interface BulkActionsProps {
  ids: readonly number[];
  scope: LibraryScope;
  /** After a change: reload the list; `removed` when the articles left the list for good (deleted). */
  onDone(message: string, removed?: boolean): void;
  onError(message: string): void;
  /** Set by the list's Delete key: opens the delete confirmation. */
  deleteRequest: number;
}

const plural = (n: number, word: string): string => countOf(n, word);

/** What can be done to the selected articles at once; each action is one call, one transaction in the core. */
export function BulkActions({ ids, scope, onDone, onError, deleteRequest }: BulkActionsProps): ReactNode {
  const [mode, setMode] = useState<Mode>(undefined);
  const [tagName, setTagName] = useState('');
  const [projectId, setProjectId] = useState<number | undefined>(undefined);
  const [projects, setProjects] = useState<Project[]>([]);
  const [tags, setTags] = useState<Tag[]>([]);
  const [impact, setImpact] = useState<DeleteImpact | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const count = ids.length;
  const archivedView = scope.kind === 'view' && scope.view === 'archived';

  useEffect(() => {
    if (mode === 'tag') call('tags.list', {}).then(setTags, (e: unknown) => onError((e as Error).message));
    if (mode === 'add' || mode === 'move')
      call('projects.list', {}).then((list) => {
        const choices = list.filter((p) => !(mode === 'move' && scope.kind === 'project' && p.id === scope.projectId));
        setProjects(choices);
        setProjectId(choices[0]?.id);
      }, (e: unknown) => onError((e as Error).message));
  }, [mode, scope, onError]);

  const run = async (work: () => Promise<string>, removed = false): Promise<void> => {
    setBusy(true);
    try {
      const message = await work();
      setMode(undefined);
      onDone(message, removed);
    } catch (error) {
      onError((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const items = () => ids.map((id) => ({ type: 'article' as const, id }));

  const submitTag = (event: FormEvent): void => {
    event.preventDefault();
    if (!tagName.trim()) return;
    void run(async () => {
      const { tag, added } = await call('tags.add', { name: tagName, items: items() });
      setTagName('');
      return `Tagged ${plural(added, 'article')} #${tag.name}.`;
    });
  };
  const submitProject = (event: FormEvent): void => {
    event.preventDefault();
    if (projectId === undefined) return;
    const name = projects.find((p) => p.id === projectId)?.name ?? 'the project';
    if (mode === 'move' && scope.kind === 'project') {
      void run(async () => `Moved ${plural((await call('library.moveToProject', { ids: [...ids], fromProjectId: scope.projectId, toProjectId: projectId })).moved, 'article')} to ${name}.`, true);
    } else {
      void run(async () => `Added ${plural((await call('projects.addItems', { projectId, items: items() })).added, 'article')} to ${name}.`);
    }
  };
  const leaveScope = (): void => {
    if (scope.kind === 'project') void run(async () => `Removed ${plural((await call('projects.removeItems', { projectId: scope.projectId, items: items() })).removed, 'article')} from the project (still in the library).`, true);
    else if (scope.kind === 'tag') void run(async () => `Removed #${scope.name} from ${plural((await call('tags.remove', { name: scope.name, items: items() })).removed, 'article')}.`, true);
  };
  const archive = (): void => {
    void run(async () => {
      const { updated } = await call('library.setArticleState', { ids: [...ids], readingState: archivedView ? 'read' : 'archived' });
      return archivedView ? `Restored ${plural(updated, 'article')} from the archive.` : `Archived ${plural(updated, 'article')}.`;
    }, true);
  };
  const askDelete = async (): Promise<void> => {
    if (count === 0) return;
    try {
      setImpact(await call('library.deleteImpact', { ids: [...ids] }));
    } catch (error) {
      onError((error as Error).message);
    }
  };
  // Only a request made while this toolbar is shown opens the dialog (not one left over from an earlier selection).
  const handledRequest = useRef(deleteRequest);
  useEffect(() => {
    if (deleteRequest === handledRequest.current) return;
    handledRequest.current = deleteRequest;
    void askDelete();
  });

  const remove = (): void => {
    setImpact(undefined);
    void run(async () => {
      const { deleted } = await call('library.deleteArticles', { ids: [...ids] });
      forgetAllPassages(); // their quotes now say "source in trash"
      return `Moved ${plural(deleted, 'article')} to the Trash.`;
    }, true);
  };

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Selected articles" data-testid="bulk-actions">
      <div className="bulk-row">
        <span className="bulk-count" data-testid="selection-count">
          {plural(count, 'article')} selected
        </span>
        <button type="button" className="btn btn-small" disabled={busy} aria-pressed={mode === 'tag'} data-testid="bulk-tag" onClick={() => setMode(mode === 'tag' ? undefined : 'tag')}>
          Tag…
        </button>
        <button type="button" className="btn btn-small" disabled={busy} aria-pressed={mode === 'add'} data-testid="bulk-add-project" onClick={() => setMode(mode === 'add' ? undefined : 'add')}>
          Add to project…
        </button>
        {scope.kind === 'project' && (
          <button type="button" className="btn btn-small" disabled={busy} aria-pressed={mode === 'move'} data-testid="bulk-move-project" onClick={() => setMode(mode === 'move' ? undefined : 'move')}>
            Move to…
          </button>
        )}
        {scope.kind !== 'view' && (
          <button type="button" className="btn btn-small" disabled={busy} data-testid="bulk-leave-scope" onClick={leaveScope}>
            {scope.kind === 'project' ? 'Remove from project' : `Untag #${scope.name}`}
          </button>
        )}
        <button type="button" className="btn btn-small" disabled={busy} data-testid="bulk-archive" onClick={archive}>
          {archivedView ? 'Unarchive' : 'Archive'}
        </button>
        <button type="button" className="btn btn-small btn-quiet" disabled={busy} data-testid="bulk-delete" onClick={() => void askDelete()}>
          Delete…
        </button>
      </div>
      {mode === 'tag' && (
        <form className="bulk-form" onSubmit={submitTag}>
          <input
            autoFocus
            list="bulk-tag-names"
            aria-label="Tag name"
            placeholder="Tag name"
            maxLength={100}
            data-testid="bulk-tag-name"
            value={tagName}
            onChange={(e) => setTagName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setMode(undefined);
            }}
          />
          <datalist id="bulk-tag-names">
            {tags.map((t) => (
              <option key={t.id} value={t.name} />
            ))}
          </datalist>
          <button type="submit" className="btn btn-small btn-primary" disabled={busy || !tagName.trim()} data-testid="bulk-tag-apply">
            Tag {plural(count, 'article')}
          </button>
        </form>
      )}
      {(mode === 'add' || mode === 'move') && (
        <form className="bulk-form" onSubmit={submitProject}>
          {projects.length === 0 ? (
            <span className="muted">No {mode === 'move' ? 'other ' : ''}project yet: create one with + under Projects.</span>
          ) : (
            <>
              <select aria-label="Project" data-testid="bulk-project" value={projectId ?? ''} onChange={(e) => setProjectId(Number(e.target.value))} autoFocus>
                {projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="btn btn-small btn-primary" disabled={busy} data-testid="bulk-project-apply">
                {mode === 'move' ? 'Move' : 'Add'}
              </button>
            </>
          )}
        </form>
      )}
      {impact && (
        <ConfirmDialog title={`Delete ${plural(impact.articles, 'article')}?`} confirmLabel={`Delete ${plural(impact.articles, 'article')}`} danger onConfirm={remove} onCancel={() => setImpact(undefined)}>
          <p>{impact.articles === 1 ? 'The article and all its versions' : `These ${impact.articles.toLocaleString()} articles and all their versions`} will be removed from the library.</p>
          <p data-testid="delete-article-impact">{deleteImpactText(impact.quotes, impact.notes, impact.articles)}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}

import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { Project, Tag } from '../../../../shared/domain/organize';
import { call } from '../../api/client';
import { refreshLibraryQueries, useCall } from '../../api/queries';
import { libraryStore } from '../library/libraryScope';
import { ModalDialog } from '../../ui/ModalDialog';
import { projectDeleteImpact, projectMergeImpact, tagDeleteImpact, tagMergeImpact } from './organizeWording';
import './organize.css';

export type OrganizeKind = 'project' | 'tag';
export type OrganizeAction = 'rename' | 'merge' | 'delete';
/** What to do to which project or tag; without an id (from the palette) the dialog asks which, starting from the one the library shows. */
export interface OrganizeRequest {
  kind: OrganizeKind;
  action: OrganizeAction;
  id?: number;
}

const TITLES: Record<OrganizeAction, Record<OrganizeKind, string>> = {
  rename: { project: 'Rename project', tag: 'Rename tag' },
  merge: { project: 'Merge project', tag: 'Merge tag' },
  delete: { project: 'Delete project', tag: 'Delete tag' },
};
const SUBMIT: Record<OrganizeAction, string> = { rename: 'Rename', merge: 'Merge', delete: 'Delete' };

type Item = Project | Tag;
const label = (kind: OrganizeKind, item: Item): string => (kind === 'tag' ? `#${item.name}` : item.name);

/** The project or tag the library shows now, if any: the palette's commands act on it by default. */
function scopedId(kind: OrganizeKind, items: Item[]): number | undefined {
  const scope = libraryStore.get().scope;
  if (kind === 'project' && scope.kind === 'project') return scope.projectId;
  if (kind === 'tag' && scope.kind === 'tag') return items.find((t) => t.name.toLocaleLowerCase() === scope.name.toLocaleLowerCase())?.id;
  return undefined;
}

/**
 * Rename, merge or delete one project or tag (from the sidebar's context menu
 * and keys, and from the palette). Delete and merge say first what they
 * affect; a refusal (a name already taken) shows in the dialog, so the
 * journalist can change it. The library's current view follows: a renamed tag,
 * a merged project's target, or the whole library after a delete.
 */
export function ManageDialog({ request, onClose, onDone }: { request: OrganizeRequest; onClose(): void; onDone?(message: string): void }): ReactNode {
  const { kind, action } = request;
  const projects = useCall('projects.list', {}, { enabled: kind === 'project' });
  const tags = useCall('tags.list', {}, { enabled: kind === 'tag' });
  const items: Item[] | undefined = kind === 'project' ? projects.data : tags.data;
  const [subjectId, setSubjectId] = useState<number | undefined>(request.id);
  const [targetId, setTargetId] = useState<number | undefined>(undefined);
  // The new name as typed, for the subject it was typed for; until then the subject's own name.
  const [typed, setTyped] = useState<{ id: number; value: string } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  // Once the list is in: the subject defaults to the scoped one (or the first), the new name to its name.
  useEffect(() => {
    if (!items || subjectId !== undefined) return;
    setSubjectId(scopedId(kind, items) ?? items[0]?.id);
  }, [items, subjectId, kind]);
  const subject = items?.find((item) => item.id === subjectId);
  const name = subject && typed?.id === subject.id ? typed.value : (subject?.name ?? '');
  const others = items?.filter((item) => item.id !== subjectId) ?? [];
  const target = others.find((item) => item.id === targetId) ?? others[0];

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!subject || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const scope = libraryStore.get().scope;
      const showing = kind === 'project' ? scope.kind === 'project' && scope.projectId === subject.id : scope.kind === 'tag' && scope.name.toLocaleLowerCase() === subject.name.toLocaleLowerCase();
      let message: string;
      if (action === 'rename') {
        const renamed = kind === 'project' ? await call('projects.rename', { id: subject.id, name }) : await call('tags.rename', { id: subject.id, name });
        if (showing && kind === 'tag') libraryStore.setScope({ kind: 'tag', name: renamed.name });
        message = `Renamed ${label(kind, subject)} to ${label(kind, renamed)}.`;
      } else if (action === 'merge') {
        if (!target) throw new Error(`There is no other ${kind} to merge into.`);
        const merged = kind === 'project' ? (await call('projects.merge', { sourceId: subject.id, targetId: target.id })).project : (await call('tags.merge', { sourceId: subject.id, targetId: target.id })).tag;
        if (showing) libraryStore.setScope(kind === 'project' ? { kind: 'project', projectId: merged.id } : { kind: 'tag', name: merged.name });
        message = `Merged ${label(kind, subject)} into ${label(kind, merged)}.`;
      } else {
        if (kind === 'project') await call('projects.delete', { id: subject.id });
        else await call('tags.delete', { id: subject.id });
        if (showing) libraryStore.setScope({ kind: 'view', view: 'all' });
        message = `Deleted ${label(kind, subject)}.`;
      }
      await refreshLibraryQueries();
      onDone?.(message);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      setBusy(false);
    }
  };

  const impact =
    !subject || action === 'rename'
      ? undefined
      : action === 'delete'
        ? kind === 'project'
          ? projectDeleteImpact(subject as Project)
          : tagDeleteImpact(subject as Tag)
        : kind === 'project'
          ? projectMergeImpact(subject as Project, target as Project | undefined)
          : tagMergeImpact(subject as Tag, target as Tag | undefined);
  const fixed = request.id !== undefined;
  // Focus goes to the field that matters (or to Delete) once the subject is known. By hand, not autoFocus:
  // showModal() runs after React's autoFocus and would move focus to the first button (Cancel).
  const dialog = useRef<HTMLDialogElement>(null);
  const ready = subject !== undefined;
  useEffect(() => {
    if (ready) dialog.current?.querySelector<HTMLElement>('[data-autofocus="true"]')?.focus();
  }, [ready]);

  return (
    <ModalDialog dialogRef={dialog} className="dialog organize-dialog" aria-labelledby="organize-title" data-testid="organize-dialog" onCancel={onClose}>
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="organize-title">
          {TITLES[action][kind]}
          {fixed && subject ? ` ${label(kind, subject)}` : ''}
        </h2>
        {items && items.length === 0 && <p className="muted">{kind === 'project' ? 'There are no projects yet.' : 'There are no tags yet.'}</p>}
        {!fixed && items && items.length > 0 && (
          <label className="organize-field">
            <span>{kind === 'project' ? 'Project' : 'Tag'}</span>
            <select data-testid="organize-subject" value={subjectId ?? ''} onChange={(e) => setSubjectId(Number(e.target.value))} data-autofocus={action === 'delete' ? 'true' : undefined}>
              {items.map((item) => (
                <option key={item.id} value={item.id}>
                  {label(kind, item)}
                </option>
              ))}
            </select>
          </label>
        )}
        {action === 'rename' && subject && (
          <label className="organize-field">
            <span>New name</span>
            <input data-testid="organize-name" value={name} maxLength={kind === 'project' ? 200 : 100} data-autofocus="true" onFocus={(e) => e.currentTarget.select()} onChange={(e) => subject && setTyped({ id: subject.id, value: e.target.value })} />
          </label>
        )}
        {action === 'merge' && subject && (
          <label className="organize-field">
            <span>Into</span>
            {others.length > 0 ? (
              <select data-testid="organize-target" value={target?.id ?? ''} data-autofocus="true" onChange={(e) => setTargetId(Number(e.target.value))}>
                {others.map((item) => (
                  <option key={item.id} value={item.id}>
                    {label(kind, item)}
                  </option>
                ))}
              </select>
            ) : (
              <span className="muted">There is no other {kind} to merge into.</span>
            )}
          </label>
        )}
        {impact && (
          <p className="organize-impact" data-testid="organize-impact">
            {impact}
          </p>
        )}
        {error && (
          <p className="organize-error" role="alert" data-testid="organize-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className={`btn ${action === 'delete' ? 'btn-danger' : 'btn-primary'}`}
            data-testid="organize-submit"
            disabled={busy || !subject || (action === 'merge' && !target) || (action === 'rename' && !name.trim())}
            data-autofocus={action === 'delete' && fixed ? 'true' : undefined}
          >
            {SUBMIT[action]}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useCallback, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PROJECT_NAME_MAX, TAG_NAME_MAX, type Project } from '../../../../shared/domain/organize';
import { call } from '../../api/client';
import { refreshLibraryQueries, useCall } from '../../api/queries';
import './organize.css';

export type OrganizableItem = { type: 'article' | 'note'; id: number } | { type: 'passage'; id: number };

export interface ItemOrganizerProps {
  item: OrganizableItem;
  onError(message: string): void;
  /** Narrow places (the reader's popover and passage list): smaller chips, no hint line. */
  compact?: boolean;
}

const NOUN: Record<OrganizableItem['type'], string> = { article: 'article', note: 'note', passage: 'passage' };
const sameName = (a: string, b: string): boolean => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/**
 * The tags (and, for articles and notes, the projects) of one item, where it
 * is read: removable chips and an input that suggests existing names. Read
 * through the query cache; every change refetches what lists or counts
 * projects and tags (the sidebar, any other organizer of the same item).
 */
export function ItemOrganizer({ item, onError, compact = false }: ItemOrganizerProps): ReactNode {
  const { type, id } = item;
  const [tagSuggestions, setTagSuggestions] = useState<string[]>([]);
  const [projectSuggestions, setProjectSuggestions] = useState<Project[]>([]);
  const [tagDraft, setTagDraft] = useState('');
  const [projectDraft, setProjectDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const tagInput = useRef<HTMLInputElement>(null);
  const projectInput = useRef<HTMLInputElement>(null);
  const ids = useId();
  const noun = NOUN[type];
  const hasProjects = type !== 'passage';

  const report = useCallback((error: unknown) => onError(error instanceof Error ? error.message : String(error)), [onError]);

  const tags = useCall('tags.ofItem', { item: { type, id } }).data;
  const projects = useCall('projects.ofItem', { item: { type: type === 'passage' ? 'article' : type, id } }, { enabled: hasProjects }).data;

  /** Runs one change; on success everything showing tags or projects refetches. */
  const change = async (work: () => Promise<string>): Promise<boolean> => {
    setBusy(true);
    try {
      setStatus(await work());
      // Busy until this item's tags and projects are read again: a click meanwhile would act on the old list.
      await refreshLibraryQueries();
      return true;
    } catch (error) {
      report(error);
      return false;
    } finally {
      setBusy(false);
    }
  };

  const loadTagSuggestions = (): void => {
    call('tags.list', {}).then((all) => setTagSuggestions(all.map((t) => t.name)), report);
  };
  const loadProjectSuggestions = (): void => {
    call('projects.list', {}).then(setProjectSuggestions, report);
  };

  const addTag = async (): Promise<void> => {
    const name = tagDraft.trim();
    if (!name || busy) return;
    if (tags?.some((t) => sameName(t, name))) {
      setTagDraft('');
      setStatus(`Already tagged ${name}.`);
      return;
    }
    if (await change(async () => `Tagged ${(await call('tags.add', { name, items: [{ type, id }] })).tag.name}.`)) setTagDraft('');
  };

  const removeTag = async (name: string): Promise<void> => {
    if (busy) return;
    await change(async () => {
      await call('tags.remove', { name, items: [{ type, id }] });
      return `Removed tag ${name}.`;
    });
    tagInput.current?.focus();
  };

  /**
   * Enter (or Add) puts the item in the highlighted existing project: the one named exactly, else the first
   * whose name starts with, then contains, what was typed ("Venez" → "Venezuela strikes"). A new project is
   * made only by the explicit Create “…” choice, so a half-typed name never becomes a project.
   */
  const addToProject = async (create = false): Promise<void> => {
    const typed = projectDraft.trim();
    if (!typed || busy || type === 'passage') return;
    if (projects?.some((p) => sameName(p.name, typed))) {
      setProjectDraft('');
      setStatus(`Already in ${typed}.`);
      return;
    }
    if (!create && !projectMatch) {
      setStatus(`No project matches “${typed}”. Choose Create “${typed}” to make one.`);
      return;
    }
    const name = create ? typed : projectMatch!.name;
    const added = await change(async () => {
      // Read the list now, not the suggestions from the last focus: another window may have made the project since.
      const existing = (await call('projects.list', {})).find((p) => sameName(p.name, name));
      const project = existing ?? (await call('projects.create', { name }));
      await call('projects.addItems', { projectId: project.id, items: [{ type, id }] });
      return existing ? `Added to ${project.name}.` : `Created project ${project.name} and added this ${noun}.`;
    });
    if (added) setProjectDraft('');
  };

  const removeFromProject = async (project: Project): Promise<void> => {
    if (busy || type === 'passage') return;
    await change(async () => {
      await call('projects.removeItems', { projectId: project.id, items: [{ type, id }] });
      return `Removed from ${project.name} (still in the library).`;
    });
    projectInput.current?.focus();
  };

  const keys =
    (submit: () => Promise<void>, draft: string, removeLast: (() => Promise<void>) | undefined, clear: () => void) =>
    (event: KeyboardEvent<HTMLInputElement>): void => {
      if (event.key === 'Enter') {
        event.preventDefault();
        void submit();
      } else if (event.key === 'Backspace' && draft === '' && removeLast) {
        event.preventDefault();
        void removeLast();
      } else if (event.key === 'Escape' && draft !== '') {
        event.stopPropagation();
        clear();
      }
    };

  const lastTag = tags?.[tags.length - 1];
  const lastProject = projects?.[projects.length - 1];
  const freeTags = tagSuggestions.filter((name) => !tags?.some((t) => sameName(t, name)));
  const freeProjects = projectSuggestions.filter((p) => !projects?.some((mine) => mine.id === p.id));
  const typedProject = projectDraft.trim().toLocaleLowerCase();
  const projectMatch =
    typedProject === ''
      ? undefined
      : (freeProjects.find((p) => sameName(p.name, typedProject)) ??
        freeProjects.find((p) => p.name.toLocaleLowerCase().startsWith(typedProject)) ??
        freeProjects.find((p) => p.name.toLocaleLowerCase().includes(typedProject)));
  const projectExists = projectSuggestions.some((p) => sameName(p.name, projectDraft.trim()));

  return (
    <div className={`organizer${compact ? ' is-compact' : ''}`} role="group" aria-label={`Tags${hasProjects ? ' and projects' : ''} of this ${noun}`} data-testid="item-organizer" data-item={`${type}:${id}`} aria-busy={tags === undefined || busy}>
      <div className="organizer-row" data-testid="organizer-tags">
        <span className="organizer-label" id={`${ids}-tags`}>
          Tags
        </span>
        <ul className="organizer-chips" aria-labelledby={`${ids}-tags`}>
          {tags?.map((name) => (
            <li key={name} className="organizer-chip is-tag" data-testid="organizer-tag">
              <span className="organizer-chip-name">{name}</span>
              <button type="button" className="organizer-chip-remove" aria-label={`Remove tag ${name}`} title={`Remove tag ${name}`} disabled={busy} onClick={() => void removeTag(name)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <span className="organizer-add">
          <input
            ref={tagInput}
            className="organizer-input"
            aria-label={`Add a tag to this ${noun}`}
            aria-describedby={compact ? undefined : `${ids}-hint`}
            placeholder="Add tag…"
            list={`${ids}-tag-names`}
            maxLength={TAG_NAME_MAX}
            data-testid="organizer-tag-input"
            value={tagDraft}
            onFocus={loadTagSuggestions}
            onChange={(event) => setTagDraft(event.target.value)}
            onKeyDown={keys(addTag, tagDraft, lastTag === undefined ? undefined : () => removeTag(lastTag), () => setTagDraft(''))}
          />
          <datalist id={`${ids}-tag-names`}>
            {freeTags.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          {tagDraft.trim() !== '' && (
            <button type="button" className="btn btn-small" disabled={busy} data-testid="organizer-tag-add" onClick={() => void addTag()}>
              Add
            </button>
          )}
        </span>
      </div>
      {hasProjects && (
        <div className="organizer-row" data-testid="organizer-projects">
          <span className="organizer-label" id={`${ids}-projects`}>
            Projects
          </span>
          <ul className="organizer-chips" aria-labelledby={`${ids}-projects`}>
            {projects?.map((project) => (
              <li key={project.id} className="organizer-chip is-project" data-testid="organizer-project">
                <span className="organizer-chip-name">{project.name}</span>
                <button
                  type="button"
                  className="organizer-chip-remove"
                  aria-label={`Remove from project ${project.name}`}
                  title={`Remove from project ${project.name}`}
                  disabled={busy}
                  onClick={() => void removeFromProject(project)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <span className="organizer-add">
            <input
              ref={projectInput}
              className="organizer-input"
              aria-label={`Add this ${noun} to a project`}
              aria-describedby={compact ? undefined : `${ids}-hint`}
              placeholder="Add to project…"
              list={`${ids}-project-names`}
              maxLength={PROJECT_NAME_MAX}
              data-testid="organizer-project-input"
              value={projectDraft}
              onFocus={loadProjectSuggestions}
              onChange={(event) => setProjectDraft(event.target.value)}
              onKeyDown={keys(addToProject, projectDraft, lastProject === undefined ? undefined : () => removeFromProject(lastProject), () => setProjectDraft(''))}
            />
            <datalist id={`${ids}-project-names`}>
              {freeProjects.map((project) => (
                <option key={project.id} value={project.name} />
              ))}
            </datalist>
            {projectMatch && (
              <button type="button" className="btn btn-small is-highlighted" disabled={busy} data-testid="organizer-project-add" onClick={() => void addToProject()}>
                Add to “{projectMatch.name}”
              </button>
            )}
            {projectDraft.trim() !== '' && !projectExists && (
              <button type="button" className="btn btn-small" disabled={busy} data-testid="organizer-project-create" onClick={() => void addToProject(true)}>
                Create “{projectDraft.trim()}”
              </button>
            )}
          </span>
        </div>
      )}
      {!compact && (
        <p className="organizer-hint" id={`${ids}-hint`}>
          Enter adds to the highlighted project; Create “…” makes a new one. Backspace in an empty box removes the last one.
        </p>
      )}
      <span className="organizer-status" role="status" data-testid="organizer-status">
        {status}
      </span>
    </div>
  );
}

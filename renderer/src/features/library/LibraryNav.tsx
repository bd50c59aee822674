import { useState, type FormEvent, type ReactNode } from 'react';
import type { LibraryScope } from '../../../../shared/domain/libraryList';
import { call } from '../../api/client';
import { refreshLibraryQueries, useCall } from '../../api/queries';
import { libraryStore, sameScope, useLibraryState } from './libraryScope';
import { LIBRARY_VIEWS } from './libraryViews';
import { scopeItemCount } from './scopeCounts';

/**
 * The library half of the sidebar: the reading views with their counts, the
 * projects (and a way to start one) and the tags. Choosing one shows it in
 * the library list.
 */
export function LibraryNav({ active, onOpen, onError }: { active: boolean; onOpen(): void; onError(message: string): void }): ReactNode {
  const { scope } = useLibraryState();
  // Through the query cache: change events (any window, the CLI) and this window's changes refetch them.
  const counts = useCall('library.viewCounts', {}).data;
  const projects = useCall('projects.list', {}).data ?? [];
  const tags = useCall('tags.list', {}).data ?? [];
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const choose = (next: LibraryScope): void => {
    libraryStore.setScope(next);
    onOpen();
  };
  const isCurrent = (candidate: LibraryScope): boolean => active && sameScope(scope, candidate);

  const createProject = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return;
    try {
      const project = await call('projects.create', { name });
      setName('');
      setNaming(false);
      void refreshLibraryQueries();
      choose({ kind: 'project', projectId: project.id });
    } catch (error) {
      onError((error as Error).message);
    }
  };

  const item = (key: string, label: string, count: number | undefined, target: LibraryScope, testId: string): ReactNode => (
    <li key={key}>
      <button
        type="button"
        className={`nav-item nav-sub ${isCurrent(target) ? 'is-active' : ''}`}
        aria-current={isCurrent(target) ? 'page' : undefined}
        data-testid={testId}
        onClick={() => choose(target)}
      >
        <span className="nav-label">{label}</span>
        {count !== undefined && <span className="nav-count">{count}</span>}
      </button>
    </li>
  );

  return (
    <div className="library-nav" data-testid="library-nav">
      <ul className="nav-list" aria-label="Library views">
        {LIBRARY_VIEWS.map((v) => item(v.id, v.label, counts?.[v.id], { kind: 'view', view: v.id }, `library-view-${v.id}`))}
      </ul>
      <div className="nav-heading">
        <span>Projects</span>
        <button type="button" className="nav-add" title="New project" aria-label="New project" data-testid="new-project" onClick={() => setNaming((v) => !v)}>
          +
        </button>
      </div>
      {naming && (
        <form className="nav-new" onSubmit={(e) => void createProject(e)}>
          <input
            autoFocus
            aria-label="Project name"
            placeholder="Project name"
            data-testid="new-project-name"
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setNaming(false);
            }}
          />
        </form>
      )}
      <ul className="nav-list" aria-label="Projects" data-testid="project-list">
        {projects.map((p) => item(`p${p.id}`, p.name, scopeItemCount(p), { kind: 'project', projectId: p.id }, 'library-project'))}
        {projects.length === 0 && !naming && <li className="nav-empty">No projects yet</li>}
      </ul>
      <div className="nav-heading">
        <span>Tags</span>
      </div>
      <ul className="nav-list" aria-label="Tags" data-testid="tag-list">
        {tags.map((t) => item(`t${t.id}`, `#${t.name}`, scopeItemCount(t), { kind: 'tag', name: t.name }, 'library-tag'))}
        {tags.length === 0 && <li className="nav-empty">No tags yet</li>}
      </ul>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import type { LibraryScope } from '../../../../shared/domain/libraryList';
import { call } from '../../api/client';
import { refreshLibraryQueries, useCall } from '../../api/queries';
import { libraryStore, sameScope, useLibraryState } from './libraryScope';
import { LIBRARY_VIEWS } from './libraryViews';
import { ManageDialog, type OrganizeAction, type OrganizeKind, type OrganizeRequest } from '../organize/ManageDialog';
import { NavContextMenu } from '../organize/NavContextMenu';

interface MenuState {
  kind: OrganizeKind;
  id: number;
  name: string;
  x: number;
  y: number;
}
import { scopeItemCount } from './scopeCounts';

/**
 * The library half of the sidebar: the reading views with their counts, the
 * projects (and a way to start one) and the tags. Choosing one shows it in
 * the library list. A project or tag is renamed, merged or deleted from its
 * context menu (right click, Menu key, Shift+F10) or its keys (F2, Delete).
 */
export function LibraryNav({ active, onOpen, onError }: { active: boolean; onOpen(): void; onError(message: string): void }): ReactNode {
  const { scope } = useLibraryState();
  // Through the query cache: change events (any window, the CLI) and this window's changes refetch them.
  const counts = useCall('library.viewCounts', {}).data;
  const projectData = useCall('projects.list', {}).data;
  const tagData = useCall('tags.list', {}).data;
  const projects = projectData ?? [];
  const tags = tagData ?? [];
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [menu, setMenu] = useState<MenuState | undefined>(undefined);
  const [manage, setManage] = useState<OrganizeRequest | undefined>(undefined);
  const [status, setStatus] = useState('');
  // The sidebar entry the menu or dialog was opened from: focus goes back to it (or to its list if it is gone).
  const opener = useRef<{ element: HTMLElement | null; list: string }>({ element: null, list: '' });
  const restoreFocus = useCallback(() => {
    const { element, list } = opener.current;
    requestAnimationFrame(() => {
      if (element?.isConnected) element.focus();
      else document.querySelector<HTMLElement>(`[data-testid="${list}"] button`)?.focus();
    });
  }, []);
  // A rename or merge reorders the list when the refetched names arrive, and moving a focused button in the
  // DOM drops its focus to the page: put it back on the same entry once the lists have re-rendered.
  useEffect(() => {
    const { element } = opener.current;
    if (element?.isConnected && (document.activeElement === document.body || document.activeElement === null)) element.focus();
  }, [projectData, tagData]);
  const closeMenu = useCallback(() => {
    setMenu(undefined);
    restoreFocus();
  }, [restoreFocus]);
  const closeManage = useCallback(() => {
    setManage(undefined);
    restoreFocus();
  }, [restoreFocus]);

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

  const remember = (element: HTMLElement, kind: OrganizeKind): void => {
    opener.current = { element, list: kind === 'project' ? 'project-list' : 'tag-list' };
  };
  const act = (kind: OrganizeKind, id: number, action: OrganizeAction): void => {
    setMenu(undefined);
    setManage({ kind, action, id });
  };
  /** Context menu and keys of a project or tag entry. */
  const organizing = (kind: OrganizeKind, id: number, itemName: string) => ({
    'aria-keyshortcuts': 'F2 Delete Shift+F10',
    onContextMenu: (event: MouseEvent<HTMLButtonElement>) => {
      event.preventDefault();
      remember(event.currentTarget, kind);
      setMenu({ kind, id, name: itemName, x: event.clientX, y: event.clientY });
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      const key = event.key;
      const menuKey = key === 'ContextMenu' || (key === 'F10' && event.shiftKey);
      if (!menuKey && key !== 'F2' && key !== 'Delete') return;
      event.preventDefault();
      remember(event.currentTarget, kind);
      if (menuKey) {
        const box = event.currentTarget.getBoundingClientRect();
        setMenu({ kind, id, name: itemName, x: box.left + 12, y: box.bottom });
      } else act(kind, id, key === 'F2' ? 'rename' : 'delete');
    },
  });

  const item = (key: string, label: string, count: number | undefined, target: LibraryScope, testId: string, organize?: { kind: OrganizeKind; id: number; name: string }): ReactNode => (
    <li key={key}>
      <button
        type="button"
        className={`nav-item nav-sub ${isCurrent(target) ? 'is-active' : ''}`}
        aria-current={isCurrent(target) ? 'page' : undefined}
        data-testid={testId}
        onClick={() => choose(target)}
        {...(organize ? organizing(organize.kind, organize.id, organize.name) : {})}
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
        {projects.map((p) => item(`p${p.id}`, p.name, scopeItemCount(p), { kind: 'project', projectId: p.id }, 'library-project', { kind: 'project', id: p.id, name: p.name }))}
        {projects.length === 0 && !naming && <li className="nav-empty">No projects yet</li>}
      </ul>
      <div className="nav-heading">
        <span>Tags</span>
      </div>
      <ul className="nav-list" aria-label="Tags" data-testid="tag-list">
        {tags.map((t) => item(`t${t.id}`, `#${t.name}`, scopeItemCount(t), { kind: 'tag', name: t.name }, 'library-tag', { kind: 'tag', id: t.id, name: `#${t.name}` }))}
        {tags.length === 0 && <li className="nav-empty">No tags yet</li>}
      </ul>
      {menu && <NavContextMenu x={menu.x} y={menu.y} name={menu.name} onClose={closeMenu} onChoose={(action) => act(menu.kind, menu.id, action)} />}
      {manage && <ManageDialog request={manage} onClose={closeManage} onDone={setStatus} />}
      <p className="organizer-status" role="status" data-testid="organize-status">
        {status}
      </p>
    </div>
  );
}

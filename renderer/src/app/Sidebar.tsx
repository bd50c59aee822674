import type { ReactNode } from 'react';
import { transport } from '../api/client';
import { LibraryNav } from '../features/library/LibraryNav';

export type Section = 'notes' | 'library' | 'trash';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'notes', label: 'Notes' },
  { id: 'library', label: 'Library' },
  { id: 'trash', label: 'Trash' },
];

const ignoreError = (): void => {};

/** children: the search box (features/search), placed under the brand. Under the sections: the library's views, projects and tags. */
export function Sidebar({ section, onSelect, onError = ignoreError, children }: { section: Section; onSelect(section: Section): void; onError?(message: string): void; children?: ReactNode }): ReactNode {
  return (
    <nav className="pane sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">D</span>
        <span className="brand-name">Dossier</span>
      </div>
      {children}
      <ul className="nav-list">
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`nav-item ${section === s.id ? 'is-active' : ''}`}
              aria-current={section === s.id ? 'page' : undefined}
              data-testid={`nav-${s.id}`}
              onClick={() => onSelect(s.id)}
            >
              {s.label}
            </button>
          </li>
        ))}
      </ul>
      <LibraryNav active={section === 'library'} onOpen={() => onSelect('library')} onError={onError} />
      <div className="sidebar-foot muted" title={transport === 'web' ? 'Running in the browser harness (npm run web)' : 'Desktop app'}>
        {transport === 'web' ? 'Browser harness' : 'Offline · local library'}
      </div>
    </nav>
  );
}

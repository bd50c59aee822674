import type { ReactNode } from 'react';
import { transport } from '../api/client';

export type Section = 'notes' | 'library';

const SECTIONS: { id: Section; label: string }[] = [
  { id: 'notes', label: 'Notes' },
  { id: 'library', label: 'Library' },
];

/** children: the search box (features/search), placed under the brand. */
export function Sidebar({ section, onSelect, children }: { section: Section; onSelect(section: Section): void; children?: ReactNode }): ReactNode {
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
      <div className="sidebar-foot muted" title={transport === 'web' ? 'Running in the browser harness (npm run web)' : 'Desktop app'}>
        {transport === 'web' ? 'Browser harness' : 'Offline · local library'}
      </div>
    </nav>
  );
}

import type { ReactNode } from 'react';
import { transport } from '../api/client';

/** children: the search box (features/search), placed under the brand. */
export function Sidebar({ children }: { children?: ReactNode }): ReactNode {
  return (
    <nav className="pane sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">D</span>
        <span className="brand-name">Dossier</span>
      </div>
      {children}
      <ul className="nav-list">
        <li>
          <button type="button" className="nav-item is-active" aria-current="page">
            Notes
          </button>
        </li>
      </ul>
      <div className="sidebar-foot muted" title={transport === 'web' ? 'Running in the browser harness (npm run web)' : 'Desktop app'}>
        {transport === 'web' ? 'Browser harness' : 'Offline · local library'}
      </div>
    </nav>
  );
}

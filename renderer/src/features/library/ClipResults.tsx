import type { ReactNode } from 'react';
import type { ClipResult } from '../../../../shared/contract/domains/clip';

const LABEL: Record<ClipResult['status'], string> = {
  clipped: 'Clipped',
  'new-version': 'New version',
  duplicate: 'Already in library',
  failed: 'Failed',
  pending: 'Pending (offline)',
};

/** One line per input of the last clip batch: what happened and, for failures, why. */
export function ClipResults({ results, onDismiss }: { results: ClipResult[]; onDismiss(): void }): ReactNode {
  return (
    <div className="clip-results" data-testid="clip-results">
      <ul>
        {results.map((r, i) => (
          <li key={`${r.input}-${i}`} className={`clip-result is-${r.status}`} data-status={r.status}>
            {/* The article's title when there is one: a saved page's file name is often a 64-character hash. */}
            <strong>{LABEL[r.status]}</strong>{' '}
            <span className="clip-result-input" title={r.input}>
              {r.title?.trim() || r.input}
            </span>
            {r.error && <span className="clip-result-error"> — {r.error}</span>}
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

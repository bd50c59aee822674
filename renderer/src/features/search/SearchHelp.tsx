import type { ReactNode } from 'react';
import { FILTER_KEYS, SEARCH_SYNTAX_HELP } from '../../../../shared/search/filterKeys';

/**
 * The search syntax with examples, from the same table the parser reads
 * (shared/search/filterKeys.ts), so the help lists exactly the filters that
 * work. Choosing an example puts it in the search box.
 */
export function SearchHelp({ onExample }: { onExample(example: string): void }): ReactNode {
  const rows = [...SEARCH_SYNTAX_HELP, ...FILTER_KEYS.map((k) => k.help)];
  return (
    <section className="search-results search-help" aria-label="Search syntax" data-testid="search-help">
      <h2 className="search-group-title">Search syntax</h2>
      <dl className="search-help-list">
        {rows.map((row) => (
          <div key={row.example} className="search-help-row">
            <dt>
              <button type="button" className="search-help-example" onClick={() => onExample(row.example)}>
                <code>{row.example}</code>
              </button>
            </dt>
            <dd>{row.meaning}</dd>
          </div>
        ))}
      </dl>
      <p className="search-message">Combine them: dredging project:port -tag:draft. Put a value with spaces in quotes.</p>
    </section>
  );
}

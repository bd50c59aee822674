import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit, SearchResult, SnippetPart } from '../../../../shared/domain/search';
import { asYouTypeQuery } from '../../../../shared/search/asYouType';
import { factAbout, GROUP_TITLES } from '../../../../shared/search/hitText';
import { navigate, openArticle } from '../../app/routes';
import { revealMatch } from './revealMatch';
import { SearchHelp } from './SearchHelp';
import { useSearch } from './useSearch';
import './search.css';

/** What the box holds to show the syntax help instead of searching. */
const HELP_QUERY = '?';

/** The search box and, while it holds a query, its results grouped by type with counts. */
export function SearchPanel(): ReactNode {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const showHelp = helpOpen || query.trim() === HELP_QUERY;
  const state = useSearch(query.trim() === HELP_QUERY ? '' : asYouTypeQuery(query));
  const result: SearchResult | undefined = state.status === 'done' ? state.result : state.status === 'searching' ? state.previous : undefined;
  const hits = useMemo(() => result?.groups.flatMap((g) => g.hits) ?? [], [result]);

  const open = (hit: SearchHit | undefined): void => {
    if (!hit) return;
    if (hit.type === 'note') navigate({ kind: 'notes', noteId: hit.id });
    else if (hit.type === 'article') openArticle(hit.id);
    // A quote opens its source scrolled to the passage itself.
    else if (hit.type === 'quote') {
      if (hit.articleId !== null) openArticle(hit.articleId, { passageId: hit.id });
    }
    // A fact opens its article; revealMatch marks the fact's words.
    else openArticle(hit.articleId);
    revealMatch(hit, query);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (hits.length === 0 ? 0 : (i + step + hits.length) % hits.length));
    } else if (event.key === 'Enter') {
      open(hits[active]);
    } else if (event.key === 'Escape') {
      setQuery('');
      setHelpOpen(false);
    }
  };

  /** Puts a query in the box (a did-you-mean, a help example) and keeps typing there. */
  const replaceQuery = (next: string): void => {
    setQuery(next);
    setActive(0);
    setHelpOpen(false);
    input.current?.focus();
  };

  /** The suggestion was made for what was sent (asYouTypeQuery may have added a *): shown as the journalist would type it. */
  const typedSuggestion = (suggestion: string): string =>
    asYouTypeQuery(query) !== query && suggestion.endsWith('*') ? suggestion.slice(0, -1) : suggestion;

  return (
    <div className="search" role="search">
      <input
        ref={input}
        className="search-input"
        type="search"
        placeholder="Search… (? for syntax)"
        aria-label="Search"
        data-testid="search-input"
        value={query}
        spellCheck={false}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <button
        type="button"
        className="search-help-toggle"
        aria-label="Search syntax"
        aria-expanded={showHelp}
        data-testid="search-help-toggle"
        onClick={() => setHelpOpen((open) => !open)}
      >
        ?
      </button>
      {showHelp && <SearchHelp onExample={replaceQuery} />}
      {!showHelp && query.trim() !== '' && (
        <section
          className="search-results"
          aria-label="Search results"
          data-testid="search-results"
          data-query={result?.query}
          data-took-ms={result?.tookMs}
          aria-busy={state.status === 'searching'}
        >
          {state.status === 'failed' && <p className="search-message is-error">{state.message}</p>}
          {result?.message && <p className="search-message" data-testid="search-message">{result.message}</p>}
          {result && result.groups.length > 0 && result.total === 0 && <p className="search-message">No matches.</p>}
          {result?.suggestion && (
            <p className="search-message search-suggestion" data-testid="search-suggestion">
              Did you mean{' '}
              <button type="button" className="search-suggestion-query" onClick={() => replaceQuery(typedSuggestion(result.suggestion!))}>
                {typedSuggestion(result.suggestion)}
              </button>
              ?
            </p>
          )}
          {result?.groups
            .filter((group) => group.count > 0)
            .map((group) => (
              <div key={group.type} className="search-group" data-testid={`search-group-${group.type}`}>
                <h2 className="search-group-title">
                  {GROUP_TITLES[group.type]} <span className="search-count" data-testid="search-count">{group.count}</span>
                </h2>
                <ul className="search-hits" role="listbox" aria-label={GROUP_TITLES[group.type]}>
                  {group.hits.map((hit) => (
                    <HitRow key={`${hit.type}:${hit.id}`} hit={hit} active={hits[active] === hit} onOpen={() => open(hit)} />
                  ))}
                </ul>
              </div>
            ))}
        </section>
      )}
    </div>
  );
}

function HitRow({ hit, active, onOpen }: { hit: SearchHit; active: boolean; onOpen(): void }): ReactNode {
  const about =
    hit.type === 'article'
      ? [hit.site, hit.byline].filter(Boolean).join(' · ')
      : hit.type === 'quote'
        ? (hit.comment ?? '')
        : hit.type === 'note'
          ? ''
          : factAbout(hit);
  return (
    <li role="option" aria-selected={active} className={`search-hit${active ? ' is-active' : ''}`} onClick={onOpen}>
      <div className="search-hit-title">
        {hit.title.trim() === '' ? 'Untitled' : hit.title}
        {hit.type === 'quote' && hit.label && <span className="highlight-label" data-testid="hit-label"> {hit.label}</span>}
      </div>
      {about && <div className="search-hit-about">{about}</div>}
      <Snippet parts={hit.snippet} />
    </li>
  );
}

/** Clipped text is hostile: snippets are rendered as text nodes only, matches in <mark>. */
function Snippet({ parts }: { parts: SnippetPart[] }): ReactNode {
  if (parts.length === 0) return null;
  return (
    <div className="search-snippet">
      {parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </div>
  );
}

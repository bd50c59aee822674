import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Project } from '../../../../shared/domain/organize';
import type { SearchHit } from '../../../../shared/domain/search';
import { asYouTypeQuery } from '../../../../shared/search/asYouType';
import { call } from '../../api/client';
import { navigate, openArticle } from '../../app/routes';
import { revealMatch } from '../search/revealMatch';
import { useSearch } from '../search/useSearch';
import { matchesLabel, projectQuery } from './paletteMatch';
import { ModalDialog } from '../../ui/ModalDialog';
import { countOf } from '../../ui/plural';

export interface PaletteCommand {
  id: string;
  label: string;
  run(): void;
  /** Opens another overlay in the palette's place (which then owns returning focus). */
  replacesPalette?: boolean;
}

type Entry =
  | { kind: 'command'; key: string; label: string; command: PaletteCommand }
  | { kind: 'project'; key: string; label: string; detail: string; project: Project }
  | { kind: 'hit'; key: string; label: string; detail: string; hit: SearchHit };

const SEARCH_LIMIT = 8;

export interface CommandPaletteProps {
  commands: PaletteCommand[];
  onClose(): void;
  onError(message: string): void;
  /** Shows the project in the library (its articles, notes and quotes); without it a project opens as a search. */
  onOpenProject?(project: Project): void;
}

/**
 * Ctrl/Cmd+K: one input over commands, projects, and (through the search
 * service) notes and articles. A project opens in the library, showing its
 * articles, notes and quotes.
 */
export function CommandPalette({ commands, onClose, onError, onOpenProject }: CommandPaletteProps): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [projects, setProjects] = useState<Project[]>([]);
  const sent = asYouTypeQuery(query);
  const search = useSearch(sent, SEARCH_LIMIT);
  // Enter pressed while the results on screen answer an earlier prefix: acted on once the current text's results are in.
  const [pendingEnter, setPendingEnter] = useState(false);
  const resultsCurrent = sent.trim() === '' || search.status === 'failed' || (search.status === 'done' && search.query === sent);

  useEffect(() => {
    call('projects.list', {})
      .then(setProjects)
      .catch((error: unknown) => onError(`Could not list projects: ${error instanceof Error ? error.message : String(error)}`));
  }, [onError]);

  const result = search.status === 'done' ? search.result : search.status === 'searching' ? search.previous : undefined;
  const entries = useMemo<Entry[]>(() => {
    const list: Entry[] = [];
    for (const command of commands) if (matchesLabel(command.label, query)) list.push({ kind: 'command', key: `command:${command.id}`, label: command.label, command });
    for (const project of projects)
      if (matchesLabel(project.name, query))
        list.push({ kind: 'project', key: `project:${project.id}`, label: project.name, detail: `Project · ${countOf(project.noteCount, 'note')} · ${countOf(project.articleCount, 'article')}`, project });
    const seen = new Set<string>();
    // A title that matches what was typed ranks first, notes before articles; then the rest in the search's order.
    const hits = result?.groups.flatMap((g) => g.hits) ?? [];
    const rank = (hit: SearchHit): number => (matchesLabel(hit.title, query) ? (hit.type === 'note' ? 0 : 1) : 2);
    const ranked = hits.map((hit, index) => ({ hit, index })).sort((a, b) => rank(a.hit) - rank(b.hit) || a.index - b.index);
    for (const { hit } of ranked) {
      const key = `${hit.type}:${hit.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const about = hit.type === 'article' ? ['Article', hit.site, hit.byline].filter(Boolean).join(' · ') : hit.type === 'note' ? 'Note' : 'Quote';
      list.push({ kind: 'hit', key, label: hit.title.trim() === '' ? 'Untitled' : hit.title, detail: about, hit });
    }
    return list;
  }, [commands, projects, query, result]);

  const current = Math.min(active, Math.max(entries.length - 1, 0));
  useEffect(() => {
    dialog.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current, entries]);

  const choose = (entry: Entry | undefined): void => {
    if (!entry) return;
    if (entry.kind === 'project') {
      if (onOpenProject) {
        onClose();
        onOpenProject(entry.project);
        return;
      }
      setQuery(projectQuery(entry.project.name));
      setActive(0);
      return;
    }
    if (entry.kind === 'command') {
      if (!entry.command.replacesPalette) onClose();
      entry.command.run();
      return;
    }
    onClose();
    if (entry.hit.type === 'note') navigate({ kind: 'notes', noteId: entry.hit.id });
    else if (entry.hit.type === 'article') openArticle(entry.hit.id);
    // A quote opens its source scrolled to the passage itself.
    else if (entry.hit.articleId !== null) openArticle(entry.hit.articleId, { passageId: entry.hit.id });
    revealMatch(entry.hit, query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(entries.length === 0 ? 0 : (current + step + entries.length) % entries.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (resultsCurrent) choose(entries[current]);
      else setPendingEnter(true);
    }
  };

  // Runs after every render on purpose: an Enter pressed before the results of the shown text arrived
  // acts as soon as they do (choose and entries are rebuilt each render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!pendingEnter || !resultsCurrent) return;
    setPendingEnter(false);
    choose(entries[current]);
  });

  const activeId = entries[current] ? `palette-${entries[current].key.replace(':', '-')}` : undefined;
  return (
    <ModalDialog
      dialogRef={dialog}
      className="dialog palette"
      aria-label="Command palette"
      data-testid="command-palette"
      onCancel={onClose}
      onClick={(event) => {
        if (event.target === dialog.current) onClose(); // a click on the backdrop
      }}
    >
      <input
        className="palette-input"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={activeId}
        aria-label="Jump to a note, article or project, or run a command"
        placeholder="Jump to… or run a command"
        data-testid="palette-input"
        autoFocus
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setPendingEnter(false);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {result?.message && <p className="palette-message">{result.message}</p>}
      {search.status === 'failed' && <p className="palette-message is-error">{search.message}</p>}
      <ul className="palette-list" id="palette-list" role="listbox" aria-label="Matches" data-testid="palette-list">
        {entries.map((entry, index) => (
          <li
            key={entry.key}
            id={`palette-${entry.key.replace(':', '-')}`}
            role="option"
            aria-selected={index === current}
            className={`palette-item${index === current ? ' is-active' : ''}`}
            data-kind={entry.kind === 'hit' ? entry.hit.type : entry.kind}
            onMouseMove={() => setActive(index)}
            onClick={() => choose(entry)}
          >
            <span className="palette-label">{entry.label}</span>
            <span className="palette-detail">{entry.kind === 'command' ? 'Command' : entry.detail}</span>
          </li>
        ))}
        {entries.length === 0 && search.status !== 'searching' && <li className="palette-empty">Nothing matches.</li>}
      </ul>
    </ModalDialog>
  );
}

import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Project } from '../../../../shared/domain/organize';
import { call, transport } from '../../api/client';
import { autosaver } from '../notes/autosave';
import { useExportJob } from './useExportJob';
import { ModalDialog } from '../../ui/ModalDialog';
import { parseRoute } from '../../app/routes';
import { libraryStore } from '../library/libraryScope';
import { openNoteExport } from './exportCommands';
import { emptyProjectWarning, preferredProjectId } from './preferredProject';
import { countOf } from '../../ui/plural';

type CitationStyle = 'footnotes' | 'inline';

const CONFLICTS_SHOWN = 8;

/**
 * "Export project…": options, then the export runs in the main process while
 * a progress bar follows it. In the desktop app the folder is chosen in the
 * system's folder dialog; the browser harness has none, so there it is typed.
 * If the folder holds files Dossier did not write (or that were edited since)
 * under the names it would use, nothing is written until the user agrees to
 * replace exactly those files.
 */
export function ProjectExportDialog({ onClose }: { onClose(): void }): ReactNode {
  const [projects, setProjects] = useState<Project[] | undefined>(undefined);
  const [projectId, setProjectId] = useState<number | undefined>(undefined);
  const [folder, setFolder] = useState('');
  const [citationStyle, setCitationStyle] = useState<CitationStyle>('footnotes');
  const [obsidian, setObsidian] = useState(false);
  const [includeSources, setIncludeSources] = useState(true);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const { view, follow, reset } = useExportJob();

  // Starts on the project of what is on screen: the open note, the library's project view, or the open article.
  useEffect(() => {
    const noteId = openNoteExport()?.noteId;
    const route = parseRoute(window.location.hash);
    const scope = libraryStore.get().scope;
    const ids = (list: Project[]): number[] => list.map((p) => p.id);
    Promise.all([
      call('projects.list', {}),
      noteId !== undefined ? call('projects.ofItem', { item: { type: 'note', id: noteId } }).then(ids) : undefined,
      route.kind === 'article' ? call('projects.ofItem', { item: { type: 'article', id: route.articleId } }).then(ids) : undefined,
    ])
      .then(([list, noteProjectIds, articleProjectIds]) => {
        setProjects(list);
        const preferred = preferredProjectId(list, { noteProjectIds, articleProjectIds, scopeProjectId: scope.kind === 'project' ? scope.projectId : undefined });
        setProjectId((current) => current ?? preferred);
      })
      .catch((error: unknown) => setProblem(`Could not list projects: ${messageOf(error)}`));
  }, []);
  const emptyWarning = emptyProjectWarning(projects?.find((p) => p.id === projectId));
  const nothingToExport = projects?.find((p) => p.id === projectId && p.noteCount === 0 && p.articleCount === 0) !== undefined;

  const status = view.kind === 'job' ? view.status : undefined;
  const running = starting || status?.state === 'running';

  const start = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (projectId === undefined) return;
    setProblem(undefined);
    reset();
    setStarting(true);
    try {
      // What is exported is what the journalist sees: pending edits first.
      await autosaver.flushAll();
      const options = { name: String(projectId), citationStyle, obsidian, includeSources };
      const started = await call('export.projectStart', transport === 'web' ? { ...options, folder: folder.trim() } : options);
      if (started) follow(started.jobId, started.folder);
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setStarting(false);
    }
  };

  /** The user agreed to what the export stopped on: the main process re-runs the same job. */
  const agree = async (): Promise<void> => {
    if (!status) return;
    try {
      // The harness hands a one-time token with the question; Electron asks once more in a native dialog.
      const started = await call('export.jobProceed', status.confirmToken ? { jobId: status.jobId, confirmation: status.confirmToken } : { jobId: status.jobId });
      follow(started.jobId, started.folder);
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  // A question on screen is about the options it was asked with: changing one withdraws it.
  const changed = <T,>(set: (value: T) => void) => (value: T): void => {
    if (status?.state === 'conflict') reset();
    set(value);
  };

  const webNeedsFolder = transport === 'web' && folder.trim() === '';
  return (
    <ModalDialog
      className="dialog export-dialog"
      aria-labelledby="project-export-title"
      data-testid="project-export-dialog"
      onCancel={() => {
        // The export keeps running in the main process; closing only stops following it.
        onClose();
      }}
    >
      <h2 id="project-export-title">Export project as Markdown</h2>
      <form className="export-options" aria-label="Project export options" onSubmit={(event) => void start(event)}>
        <label>
          Project
          <select
            value={projectId ?? ''}
            onChange={(e) => changed(setProjectId)(Number(e.target.value))}
            aria-label="Project"
            disabled={running || !projects?.length}
          >
            {projects?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({countOf(p.noteCount, 'note')}, {countOf(p.articleCount, 'article')})
              </option>
            ))}
          </select>
        </label>
        {projects?.length === 0 && <p className="export-hint">There are no projects yet: add notes and articles to a project first.</p>}
        {emptyWarning && (
          <p className="export-hint is-warning" role="alert" data-testid="export-no-notes">
            ⚠ {emptyWarning}
          </p>
        )}
        {transport === 'web' && (
          <label>
            Folder
            <input value={folder} onChange={(e) => changed(setFolder)(e.target.value)} placeholder="/home/me/Exports/Harbour" aria-label="Export folder path" />
          </label>
        )}
        <label>
          Citations
          <select value={citationStyle} onChange={(e) => changed(setCitationStyle)(e.target.value as CitationStyle)} aria-label="Citation style">
            <option value="footnotes">Footnotes</option>
            <option value="inline">Inline links</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={obsidian} onChange={(e) => changed(setObsidian)(e.target.checked)} /> Obsidian-compatible (wikilinks, block ids)
        </label>
        <label className="check">
          <input type="checkbox" checked={includeSources} onChange={(e) => changed(setIncludeSources)(e.target.checked)} /> Include sources
        </label>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose}>
            {status?.state === 'done' ? 'Close' : 'Cancel'}
          </button>
          <button type="submit" className="btn btn-primary" disabled={running || projectId === undefined || webNeedsFolder || nothingToExport}>
            {running ? 'Exporting…' : emptyWarning ? (transport === 'web' ? 'Export sources only' : 'Choose folder, export sources only…') : transport === 'web' ? 'Export' : 'Choose folder and export…'}
          </button>
        </div>
      </form>

      {status?.state === 'running' && (
        <div className="export-progress" data-testid="export-progress" role="status">
          <progress value={status.done} max={Math.max(status.total, 1)} aria-label="Export progress" />
          <span>
            {status.total === 0
              ? 'Preparing…'
              : `${status.phase === 'rendering' ? 'Converting notes' : 'Writing files'} ${status.done.toLocaleString()} / ${status.total.toLocaleString()}`}
          </span>
        </div>
      )}
      {status?.state === 'conflict' && status.stoppedOn === 'folder' && (
        <div className="export-conflict" role="alertdialog" aria-labelledby="export-conflict-title" data-testid="export-conflict">
          <p id="export-conflict-title">
            <strong>{status.folder}</strong> already holds files Dossier did not create. Nothing has been written. Export here anyway? Dossier adds
            notes/, sources/, assets/ and index.md beside them and changes none of them.
          </p>
          <ul>
            {status.conflicts.slice(0, CONFLICTS_SHOWN).map((file) => (
              <li key={file}>
                <code>{file}</code>
              </li>
            ))}
            {status.conflicts.length > CONFLICTS_SHOWN && <li>and more</li>}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={reset}>
              Choose another folder
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void agree()}>
              Export here
            </button>
          </div>
        </div>
      )}
      {status?.state === 'conflict' && status.stoppedOn === 'replace' && (
        <div className="export-conflict" role="alertdialog" aria-labelledby="export-conflict-title" data-testid="export-conflict">
          <p id="export-conflict-title">
            <strong>{status.folder}</strong> already has {status.conflicts.length === 1 ? 'a file' : `${status.conflicts.length} files`} that Dossier did not
            write (or that were edited since). Nothing has been written. Replace {status.conflicts.length === 1 ? 'it' : 'them'}?
          </p>
          <ul>
            {status.conflicts.slice(0, CONFLICTS_SHOWN).map((file) => (
              <li key={file}>
                <code>{file}</code>
              </li>
            ))}
            {status.conflicts.length > CONFLICTS_SHOWN && <li>and {status.conflicts.length - CONFLICTS_SHOWN} more</li>}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={reset}>
              Keep my files
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void agree()}>
              Replace {status.conflicts.length === 1 ? 'file' : `${status.conflicts.length} files`}
            </button>
          </div>
        </div>
      )}
      {status?.state === 'done' && status.result && (
        <p className="export-status is-ok" role="status" data-testid="project-export-status">
          Exported {count(status.result.notes, 'note')} and {count(status.result.sources, 'source')} ({count(status.result.assets, 'image')}) to{' '}
          {status.result.folder}: {count(status.result.written, 'file')} written, {status.result.unchanged} unchanged.
        </p>
      )}
      {(status?.state === 'failed' || view.kind === 'error' || problem) && (
        <p className="export-status is-error" role="alert" data-testid="project-export-status">
          {problem ?? (view.kind === 'error' ? view.message : status?.error?.message)}
        </p>
      )}
    </ModalDialog>
  );
}

function count(n: number, noun: string): string {
  return countOf(n, noun);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

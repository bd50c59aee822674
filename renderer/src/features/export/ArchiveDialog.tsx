import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { ArchivePreview } from '../../../../shared/contract/domains/export';
import { DossierError } from '../../../../shared/errors';
import { call, transport } from '../../api/client';
import { autosaver } from '../notes/autosave';
import { ModalDialog } from '../../ui/ModalDialog';

type Mode = 'export' | 'import';

type Step =
  | { kind: 'choose' }
  | { kind: 'busy' }
  | { kind: 'confirm-replace'; file: string; message: string }
  | { kind: 'confirm-import'; preview: ArchivePreview }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

/** Friendly names for the tables a journalist recognizes; the rest are listed by table name. */
const TABLE_LABELS: Record<string, string> = {
  notes: 'notes',
  articles: 'articles',
  article_versions: 'article versions',
  passages: 'quoted passages',
  projects: 'projects',
  tags: 'tags',
  assets: 'images',
};

export function describeTables(tables: Record<string, number>): string[] {
  const known = Object.keys(TABLE_LABELS)
    .filter((t) => t in tables)
    .map((t) => `${tables[t]!.toLocaleString()} ${TABLE_LABELS[t]}`);
  const others = Object.entries(tables)
    .filter(([t, n]) => !(t in TABLE_LABELS) && n > 0)
    .map(([t, n]) => `${n.toLocaleString()} rows of ${t}`);
  return [...known, ...others];
}

/**
 * "Export library archive…" and "Import library archive…". The desktop app
 * picks the file in the system's dialog (which asks before replacing one);
 * the browser harness types the path and asks here. An import is always
 * previewed first: the user sees what it will add and confirms.
 */
export function ArchiveDialog({ mode, onClose }: { mode: Mode; onClose(): void }): ReactNode {
  const [path, setPath] = useState('');
  const [step, setStep] = useState<Step>(transport === 'electron' ? { kind: 'busy' } : { kind: 'choose' });
  const started = useRef(false);

  const exportTo = async (file: string | undefined, overwrite = false): Promise<void> => {
    setStep({ kind: 'busy' });
    try {
      await autosaver.flushAll();
      const summary = file === undefined ? await call('export.archiveToChosenFile', {}) : await call('export.archive', { file, overwrite });
      if (!summary) return onClose();
      setStep({ kind: 'done', text: `Archived the library (${describeTables(summary.tables).slice(0, 3).join(', ')}) to ${summary.file}` });
    } catch (error) {
      if (file !== undefined && !overwrite && error instanceof DossierError && error.code === 'forbidden') {
        setStep({ kind: 'confirm-replace', file, message: error.message });
      } else setStep({ kind: 'error', text: messageOf(error) });
    }
  };

  const preview = async (file: string | undefined): Promise<void> => {
    setStep({ kind: 'busy' });
    try {
      const result = await call('export.importArchivePreview', file === undefined ? {} : { file });
      if (!result) return onClose();
      setStep({ kind: 'confirm-import', preview: result });
    } catch (error) {
      setStep({ kind: 'error', text: messageOf(error) });
    }
  };

  const confirmImport = async (token: string): Promise<void> => {
    setStep({ kind: 'busy' });
    try {
      const summary = await call('export.importArchiveConfirm', { token });
      setStep({ kind: 'done', text: `Imported ${describeTables(summary.tables).slice(0, 3).join(', ')} from ${summary.file}. Reloading…` });
      // Every view shows the library as it was loaded: start again on the imported one.
      setTimeout(() => window.location.reload(), 600);
    } catch (error) {
      setStep({ kind: 'error', text: messageOf(error) });
    }
  };

  useEffect(() => {
    if (transport !== 'electron' || started.current) return;
    started.current = true;
    void (mode === 'export' ? exportTo(undefined) : preview(undefined));
    // Runs once: the desktop app goes straight to the system dialog (the started ref guards StrictMode's second run).
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deliberately on mount only
  }, []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void (mode === 'export' ? exportTo(path.trim()) : preview(path.trim()));
  };

  const title = mode === 'export' ? 'Export library archive' : 'Import library archive';
  return (
    <ModalDialog
      className="dialog export-dialog"
      aria-labelledby="archive-dialog-title"
      data-testid="archive-dialog"
      onCancel={() => {
        if (step.kind !== 'busy') onClose();
      }}
    >
      <h2 id="archive-dialog-title">{title}</h2>
      {step.kind === 'choose' && (
        <form className="export-options" aria-label={title} onSubmit={submit}>
          <p className="export-hint">
            {mode === 'export'
              ? 'The whole library (articles with versions and images, notes, quotes, projects, tags) in one file that Dossier can import again.'
              : 'An archive is imported into an empty library. You will see what it holds before anything is imported.'}
          </p>
          <label>
            File
            <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/dossier-library.jsonl.gz" aria-label="Archive file path" required />
          </label>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="btn btn-primary" disabled={path.trim() === ''}>
              {mode === 'export' ? 'Export' : 'Check archive'}
            </button>
          </div>
        </form>
      )}
      {step.kind === 'busy' && (
        <p className="export-status" role="status">
          {mode === 'export' ? 'Writing the archive…' : 'Reading the archive…'}
        </p>
      )}
      {step.kind === 'confirm-replace' && (
        <div role="alertdialog" aria-labelledby="archive-replace-text" data-testid="archive-confirm">
          <p id="archive-replace-text">
            <strong>{step.file}</strong> already exists. Replace it with the new archive?
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={() => setStep({ kind: 'choose' })}>
              Keep it
            </button>
            <button type="button" className="btn btn-danger" onClick={() => void exportTo(step.file, true)}>
              Replace
            </button>
          </div>
        </div>
      )}
      {step.kind === 'confirm-import' && (
        <div role="alertdialog" aria-labelledby="archive-import-text" data-testid="archive-confirm">
          <p id="archive-import-text">
            Import <strong>{step.preview.file}</strong>
            {step.preview.createdAt ? ` (archived ${step.preview.createdAt.slice(0, 10)})` : ''} into this library? It will add:
          </p>
          <ul data-testid="archive-contents">
            {describeTables(step.preview.tables).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="btn btn-primary" onClick={() => void confirmImport(step.preview.token)}>
              Import
            </button>
          </div>
        </div>
      )}
      {(step.kind === 'done' || step.kind === 'error') && (
        <>
          <p className={`export-status is-${step.kind === 'done' ? 'ok' : 'error'}`} role={step.kind === 'error' ? 'alert' : 'status'} data-testid="archive-status">
            {step.text}
          </p>
          <div className="dialog-actions">
            <button type="button" className="btn" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

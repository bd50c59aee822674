import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { DossierError } from '../../../../shared/errors';
import { call, transport } from '../../api/client';
import { autosaver } from '../notes/autosave';
import { clearOpenNoteExport, setOpenNoteExport, type NoteExportHandle } from './exportCommands';
import { writeClipboard } from './clipboard';

type CitationStyle = 'footnotes' | 'inline';

/**
 * "Copy as Markdown" and "Export…" for one note. Pending edits are saved
 * first, so what is copied or written is what the journalist sees. In the
 * desktop app the file is chosen in the system's save dialog (the renderer
 * never names a path); the browser harness has no dialog, so there it is typed.
 */
export function NoteExportActions({ noteId }: { noteId: number }): ReactNode {
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [panelOpen, setPanelOpen] = useState(false);
  const [path, setPath] = useState('');
  const [citationStyle, setCitationStyle] = useState<CitationStyle>('footnotes');
  const [obsidian, setObsidian] = useState(false);
  /** A typed path (harness) that holds a file Dossier did not write: asked about, replaced only on yes. */
  const [replaceAsk, setReplaceAsk] = useState<{ file: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async (): Promise<void> => {
    setStatus(null);
    try {
      await autosaver.flushNote(noteId);
      if (transport === 'electron') {
        // Main writes the clipboard: the page has no clipboard permission, and a menu click is no user gesture.
        await call('export.copyNoteMarkdown', { id: noteId, citationStyle, obsidian });
      } else {
        const { markdown } = await call('export.noteMarkdown', { id: noteId, citationStyle, obsidian });
        await writeClipboard(markdown);
      }
      setStatus({ kind: 'ok', text: 'Copied as Markdown' });
    } catch (error) {
      setStatus({ kind: 'error', text: messageOf(error) });
    }
  };

  // The menu's and the palette's "Export Note…" and "Copy Note as Markdown" act on the note shown here.
  const copyRef = useRef(copy);
  copyRef.current = copy;
  const panelRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const handle: NoteExportHandle = {
      noteId,
      copy: () => copyRef.current(),
      openPanel: () => {
        setPanelOpen(true);
        requestAnimationFrame(() => panelRef.current?.querySelector<HTMLElement>('input, select')?.focus());
      },
    };
    setOpenNoteExport(handle);
    return () => clearOpenNoteExport(handle);
  }, [noteId]);

  const runExport = async (overwrite: boolean): Promise<void> => {
    setBusy(true);
    setStatus(null);
    setReplaceAsk(null);
    const file = path.trim();
    try {
      await autosaver.flushNote(noteId);
      // The desktop app's save dialog asks before replacing a file itself.
      const result =
        transport === 'electron'
          ? await call('export.noteToChosenFile', { id: noteId, citationStyle, obsidian })
          : await call('export.note', { id: noteId, file, citationStyle, obsidian, overwrite });
      if (result) setStatus({ kind: 'ok', text: result.written ? `Exported to ${result.file}` : `${result.file} is already up to date` });
    } catch (error) {
      if (transport === 'web' && !overwrite && error instanceof DossierError && error.code === 'forbidden') setReplaceAsk({ file, message: error.message });
      else setStatus({ kind: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportToFile = (event: FormEvent): void => {
    event.preventDefault();
    void runExport(false);
  };

  return (
    <div className="note-export">
      <div className="note-export-buttons">
        <button type="button" className="btn" onClick={() => void copy()} data-testid="copy-markdown">
          Copy as Markdown
        </button>
        <button type="button" className="btn" aria-expanded={panelOpen} onClick={() => setPanelOpen((open) => !open)} data-testid="export-note">
          Export…
        </button>
      </div>
      {panelOpen && (
        <form ref={panelRef} className="export-panel" aria-label="Export note" onSubmit={exportToFile}>
          {transport === 'web' && (
            <label>
              File
              <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/Exports/note.md" aria-label="Export file path" required />
            </label>
          )}
          <label>
            Citations
            <select value={citationStyle} onChange={(e) => setCitationStyle(e.target.value as CitationStyle)} aria-label="Citation style">
              <option value="footnotes">Footnotes</option>
              <option value="inline">Inline links</option>
            </select>
          </label>
          <label className="check">
            <input type="checkbox" checked={obsidian} onChange={(e) => setObsidian(e.target.checked)} /> Obsidian
          </label>
          <button type="submit" className="btn btn-primary" disabled={busy || (transport === 'web' && path.trim() === '')}>
            {busy ? 'Exporting…' : transport === 'web' ? 'Export' : 'Choose file and export…'}
          </button>
        </form>
      )}
      {replaceAsk && (
        <div className="export-panel" role="alertdialog" aria-label="Replace file?" data-testid="note-export-replace">
          <span>
            {replaceAsk.file} already exists and was not written by Dossier (or was edited since). Replace it?
          </span>
          <button type="button" className="btn" onClick={() => setReplaceAsk(null)}>
            Keep it
          </button>
          <button type="button" className="btn btn-danger" onClick={() => void runExport(true)}>
            Replace
          </button>
        </div>
      )}
      {status && (
        <p className={`export-status is-${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="export-status">
          {status.text}
        </p>
      )}
    </div>
  );
}

function messageOf(error: unknown): string {
  return error instanceof DossierError || error instanceof Error ? error.message : String(error);
}

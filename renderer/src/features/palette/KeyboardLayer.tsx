import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call } from '../../api/client';
import { navigate } from '../../app/routes';
import type { Section } from '../../app/Sidebar';
import { EXPORT_COMMANDS, runExportCommand } from '../export/exportCommands';
import type { Project } from '../../../../shared/domain/organize';
import { libraryStore } from '../library/libraryScope';
import { autosaver } from '../notes/autosave';
import { CommandPalette, type PaletteCommand } from './CommandPalette';
import { ShortcutsHelp } from './ShortcutsHelp';
import { PairingDialog } from '../connector/PairingDialog';
import { isTextEntry } from './shortcuts';
import { ManageDialog, type OrganizeAction, type OrganizeKind, type OrganizeRequest } from '../organize/ManageDialog';
import './palette.css';

type Overlay = 'palette' | 'help' | 'pairing' | 'manage' | undefined;

/** Palette commands that rename, merge or delete a project or tag (the dialog asks which, starting from the one shown). */
const ORGANIZE_COMMANDS: { kind: OrganizeKind; action: OrganizeAction; label: string }[] = [
  { kind: 'project', action: 'rename', label: 'Rename project…' },
  { kind: 'project', action: 'merge', label: 'Merge project into another…' },
  { kind: 'project', action: 'delete', label: 'Delete project…' },
  { kind: 'tag', action: 'rename', label: 'Rename tag…' },
  { kind: 'tag', action: 'merge', label: 'Merge tag into another…' },
  { kind: 'tag', action: 'delete', label: 'Delete tag…' },
];

export interface KeyboardLayerProps {
  onSelectSection(section: Section): void;
  onError(message: string): void;
}

/**
 * The app-wide keys: Ctrl/Cmd+K opens the palette (even from the editor),
 * "?" the shortcuts overlay (not while typing). Closing either returns focus
 * to where it was, unless what was focused has gone (a note was opened).
 */
export function KeyboardLayer({ onSelectSection, onError }: KeyboardLayerProps): ReactNode {
  const [overlay, setOverlay] = useState<Overlay>(undefined);
  const [manage, setManage] = useState<OrganizeRequest | undefined>(undefined);
  const returnFocus = useRef<HTMLElement | null>(null);
  // The caret where focus was (the note's cursor): focus() alone puts a contenteditable's caret at its start.
  const returnCaret = useRef<Range | null>(null);

  const show = useCallback((next: Exclude<Overlay, undefined>) => {
    setOverlay((open) => {
      if (open === undefined) {
        returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        const selection = window.getSelection();
        const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
        returnCaret.current = range && returnFocus.current?.contains(range.startContainer) ? range.cloneRange() : null;
      }
      return next;
    });
  }, []);

  const close = useCallback(() => {
    setOverlay(undefined);
    const target = returnFocus.current;
    const caret = returnCaret.current;
    returnFocus.current = null;
    returnCaret.current = null;
    // After the dialog has left the DOM, or the browser puts focus back on <body>.
    requestAnimationFrame(() => {
      if (!target?.isConnected) return;
      target.focus({ preventScroll: true });
      const selection = window.getSelection();
      if (caret && caret.startContainer.isConnected && selection) {
        selection.removeAllRanges();
        selection.addRange(caret);
      }
    });
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        event.stopPropagation();
        show('palette');
      } else if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTextEntry(event.target)) {
        event.preventDefault();
        show('help');
      }
    };
    // Capture phase: the editor must not see Ctrl+K first.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [show]);

  const commands = useMemo<PaletteCommand[]>(
    () => [
      {
        id: 'new-note',
        label: 'New note',
        run: () => {
          void (async () => {
            try {
              await autosaver.flushAll();
              const note = await call('notes.create', {});
              onSelectSection('notes');
              navigate({ kind: 'notes', noteId: note.id });
            } catch (error) {
              onError(`Could not create a note: ${error instanceof Error ? error.message : String(error)}`);
            }
          })();
        },
      },
      { id: 'go-notes', label: 'Go to Notes', run: () => onSelectSection('notes') },
      { id: 'go-library', label: 'Go to Library', run: () => onSelectSection('library') },
      { id: 'shortcuts', label: 'Show keyboard shortcuts', run: () => show('help'), replacesPalette: true },
      { id: 'connect-extension', label: 'Connect browser extension…', run: () => show('pairing'), replacesPalette: true },
      ...ORGANIZE_COMMANDS.map(({ kind, action, label }) => ({
        id: `${action}-${kind}`,
        label,
        replacesPalette: true,
        run: () => {
          setManage({ kind, action });
          show('manage');
        },
      })),
      // The same actions as the File menu's export items.
      ...EXPORT_COMMANDS.map((command) => ({ id: command.id, label: command.label, run: () => runExportCommand(command.id) })),
    ],
    [onSelectSection, onError, show],
  );

  const openProject = useCallback(
    (project: Project) => {
      libraryStore.setScope({ kind: 'project', projectId: project.id });
      onSelectSection('library');
    },
    [onSelectSection],
  );

  if (overlay === 'palette') return <CommandPalette commands={commands} onClose={close} onError={onError} onOpenProject={openProject} />;
  if (overlay === 'help') return <ShortcutsHelp onClose={close} />;
  if (overlay === 'pairing') return <PairingDialog onClose={close} />;
  if (overlay === 'manage' && manage) return <ManageDialog request={manage} onClose={close} />;
  return null;
}

import { useEffect, useRef, type ReactNode } from 'react';
import { shortcutList } from './shortcuts';

/** The "?" overlay: every keyboard shortcut, in a modal <dialog> (Escape closes it). */
export function ShortcutsHelp({ onClose }: { onClose(): void }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="dialog shortcuts-help"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts-table">
        <tbody>
          {shortcutList().map((shortcut) => (
            <tr key={shortcut.action}>
              <td className="shortcut-keys">
                {shortcut.keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{shortcut.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" className="btn btn-primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}

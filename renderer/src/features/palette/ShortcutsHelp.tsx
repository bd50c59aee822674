import type { ReactNode } from 'react';
import { shortcutList } from './shortcuts';
import { ModalDialog } from '../../ui/ModalDialog';

/** The "?" overlay: every keyboard shortcut, in a modal <dialog> (Escape closes it). */
export function ShortcutsHelp({ onClose }: { onClose(): void }): ReactNode {
  return (
    <ModalDialog
      className="dialog shortcuts-help"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
      onCancel={onClose}
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
    </ModalDialog>
  );
}

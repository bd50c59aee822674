import type { ReactNode } from 'react';
import { ModalDialog } from './ModalDialog';

export interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}

/** A modal built on <dialog>, which brings focus trapping and Escape-to-cancel. */
export function ConfirmDialog(props: ConfirmDialogProps): ReactNode {
  return (
    <ModalDialog
      className="dialog"
      aria-labelledby="dialog-title"
      onCancel={props.onCancel}
    >
      <h2 id="dialog-title">{props.title}</h2>
      <div className="dialog-body">{props.children}</div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className={`btn ${props.danger ? 'btn-danger' : 'btn-primary'}`} onClick={props.onConfirm} autoFocus>
          {props.confirmLabel}
        </button>
      </div>
    </ModalDialog>
  );
}

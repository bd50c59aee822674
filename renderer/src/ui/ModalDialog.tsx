import { useEffect, useRef, type ComponentPropsWithoutRef, type ReactNode, type RefObject } from 'react';

export type ModalDialogProps = Omit<ComponentPropsWithoutRef<'dialog'>, 'onCancel' | 'open'> & {
  /** Escape (the dialog's cancel event) asks the owner to close it; the owner decides. */
  onCancel(): void;
  /** For owners that need the element itself (e.g. to tell a backdrop click from a click inside). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
};

/** A modal <dialog>, shown on mount: the browser brings focus trapping, the backdrop and Escape. */
export function ModalDialog({ onCancel, dialogRef, children, ...attributes }: ModalDialogProps): ReactNode {
  const ownRef = useRef<HTMLDialogElement>(null);
  const ref = dialogRef ?? ownRef;
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, [ref]);
  return (
    <dialog
      ref={ref}
      {...attributes}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}

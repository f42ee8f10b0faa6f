import { type FormEventHandler, type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A modal <dialog> named by its title, open for as long as it is mounted: the page renders it while its
 * own state says open, and every way out (Escape included) goes through `onClose`. Given `onSubmit`, the
 * title and content are one form.
 */
export function ModalDialog({
  title,
  onClose,
  onSubmit,
  children,
}: {
  title: ReactNode;
  onClose: () => void;
  onSubmit?: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const heading = (
    <h2 id={titleId} className="dialog__title">
      {title}
    </h2>
  );
  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      // Escape closes a modal dialog by itself; the page must learn of it to drop its state.
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      {onSubmit ? (
        <form className="stack" noValidate onSubmit={onSubmit}>
          {heading}
          {children}
        </form>
      ) : (
        <>
          {heading}
          {children}
        </>
      )}
    </dialog>
  );
}

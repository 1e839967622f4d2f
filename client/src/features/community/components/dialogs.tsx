import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { FormAlert } from '../../../forms/fields.tsx';
import { asApiError } from '../../../forms/problems.ts';
import { errorMessageKey } from '../../../i18n/index.ts';

/**
 * Native modal dialogs (the browser keeps focus inside and closes on Escape). Focus goes
 * to `initialFocus` on opening and back to the opener on closing, or to `focusAfter` when
 * what the opener belonged to is going away (a deleted comment takes its button along).
 */
export function useModal() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const handled = useRef(false);
  const fallback = () =>
    openerRef.current?.isConnected
      ? openerRef.current
      : document.querySelector<HTMLElement>('main h1');
  const open = (focus?: () => HTMLElement | null | undefined) => {
    handled.current = false;
    dialogRef.current?.showModal();
    (
      focus?.() ?? dialogRef.current?.querySelector<HTMLElement>('input, textarea, button')
    )?.focus();
  };
  /** Closes and moves focus at once: the close event may come after the opener is gone. */
  const close = (focusAfter?: HTMLElement | null) => {
    handled.current = true;
    dialogRef.current?.close();
    (focusAfter ?? fallback())?.focus();
  };
  /** Escape, or the browser closing it: back to the opener. */
  const onClose = () => {
    if (handled.current) return;
    fallback()?.focus();
  };
  return { dialogRef, openerRef, open, close, onClose };
}

/**
 * A button that asks before doing something that cannot be undone ("Delete this post?").
 * The safe choice has focus when the question opens.
 */
export function ConfirmButton({
  label,
  title,
  text,
  confirmLabel,
  cancelLabel,
  onConfirm,
  className = 'secondary small',
  messageFor,
  focusAfter,
}: {
  label: string;
  title: string;
  text: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /**
   * Does it (throwing an ApiError keeps the dialog open with the reason shown), and may
   * return what to change on the page once the dialog has closed.
   */
  onConfirm: () => Promise<(() => void) | undefined>;
  className?: string;
  messageFor?: (code: ErrorCode) => string | null;
  /** Where focus goes once done, when the button itself goes away with what it removed. */
  focusAfter?: () => HTMLElement | null;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const modal = useModal();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  const open = () => {
    setFailure(null);
    modal.open(() => cancelRef.current);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const then = await onConfirm();
      modal.close(focusAfter?.());
      then?.();
    } catch (error) {
      setFailure(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className={className} ref={modal.openerRef} onClick={open}>
        {label}
      </button>
      <dialog
        ref={modal.dialogRef}
        className="dialog"
        aria-labelledby={titleId}
        aria-describedby={textId}
        onClose={modal.onClose}
      >
        <form className="form cm-form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <h2 id={titleId}>{title}</h2>
          <div id={textId}>{text}</div>
          <FormAlert message={failure && (messageFor?.(failure) ?? t(errorMessageKey(failure)))} />
          <div className="form-actions">
            <button type="submit" className="danger" aria-disabled={busy || undefined}>
              {busy ? t('forms.busy') : confirmLabel}
            </button>
            <button
              type="button"
              className="secondary"
              ref={cancelRef}
              onClick={() => modal.close()}
            >
              {cancelLabel}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

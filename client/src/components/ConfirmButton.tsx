import { type FormEvent, type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { FormAlert, TextField } from '../forms/fields.tsx';
import { asApiError } from '../forms/problems.ts';
import { confirmationMatches } from '../forms/validation.ts';
import { errorMessageKey } from '../i18n/index.ts';
import { useModal } from './useModal.ts';

/** What to change on the page once the dialog has closed (navigate, show a notice). */
export type AfterConfirm = () => void;

export interface ConfirmButtonProps {
  /** The button that opens the question. */
  label: string;
  title: string;
  /** What will happen; a string is shown as one paragraph. */
  text: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** On the confirm button while it works ("Deleting…"); the shell's "Please wait…" by default. */
  busyLabel?: string;
  /**
   * Does it. Throwing (an ApiError) keeps the dialog open with the reason shown; it may
   * return what to change on the page once the dialog has closed.
   */
  onConfirm: () => Promise<AfterConfirm | undefined> | Promise<void>;
  /** The opener's classes: a red `danger` button unless told otherwise. */
  className?: string;
  /** A kinder word for some refusals than the shell's `errors.<CODE>`. */
  messageFor?: (code: ErrorCode) => string | null;
  /** Where focus goes once done, when the opener goes away with what it removed. */
  focusAfter?: () => HTMLElement | null;
  /** For what cannot be undone at all: the word to type first ("DELETE"), and how to ask. */
  typeToConfirm?: { word: string; label: string; mismatch: string };
}

/**
 * A button that asks before doing something that cannot be undone ("Delete this post?"),
 * in a native modal <dialog> (see useModal: focus kept inside, Escape closes, focus back on
 * the opener). The safe choice has focus when the question opens, or the field to type the
 * word in when there is one.
 */
export function ConfirmButton({
  label,
  title,
  text,
  confirmLabel,
  cancelLabel,
  busyLabel,
  onConfirm,
  className = 'danger',
  messageFor,
  focusAfter,
  typeToConfirm,
}: ConfirmButtonProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const textId = useId();
  const modal = useModal();
  const formRef = useRef<HTMLFormElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);

  const field = () => formRef.current?.querySelector<HTMLInputElement>('input');
  const open = () => {
    setFailure(null);
    setTyped('');
    setMismatch(false);
    modal.open(() => (typeToConfirm ? field() : cancelRef.current));
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (typeToConfirm) {
      const matches = confirmationMatches(typed, typeToConfirm.word);
      setMismatch(!matches);
      if (!matches) {
        field()?.focus();
        return;
      }
    }
    setBusy(true);
    try {
      const then = await onConfirm();
      modal.close(focusAfter?.());
      if (then) then();
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
        <form ref={formRef} className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <h2 id={titleId}>{title}</h2>
          <div id={textId}>{typeof text === 'string' ? <p>{text}</p> : text}</div>
          <FormAlert message={failure && (messageFor?.(failure) ?? t(errorMessageKey(failure)))} />
          {typeToConfirm && (
            <TextField
              label={typeToConfirm.label}
              error={mismatch ? typeToConfirm.mismatch : undefined}
              name="confirmation"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
            />
          )}
          <div className="form-actions">
            <button type="submit" className="danger" aria-disabled={busy || undefined}>
              {busy ? (busyLabel ?? t('forms.busy')) : confirmLabel}
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

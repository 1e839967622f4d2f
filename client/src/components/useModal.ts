import { useRef } from 'react';

/**
 * A native modal <dialog> (the browser keeps focus inside and closes it on Escape). Focus
 * goes to `focus()` on opening (else the first field or button), and on closing back to the
 * opener, or to `focusAfter` when what the opener belonged to is going away (a deleted
 * comment takes its button along); the page's `h1` when the opener has gone.
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

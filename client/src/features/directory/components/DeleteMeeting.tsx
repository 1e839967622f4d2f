import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ErrorCode } from '../../../../../shared/errors.ts';
import { FormAlert } from '../../../forms/fields.tsx';
import { errorMessageKey } from '../../../i18n/index.ts';
import { DIRECTORY_PATH, type DirectoryNote } from '../model.ts';
import { errorCodeOf, useDirectoryStore } from '../store.ts';

/**
 * "Delete meeting", confirmed in a native modal <dialog> (focus kept inside, Escape
 * closes, focus back on the opener), as the account deletion does.
 */
export function DeleteMeeting({ id, title }: { id: string; title: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const dialogTitleId = useId();
  const dialogTextId = useId();
  const [, navigate] = useLocation();
  const deleteMeeting = useDirectoryStore((s) => s.deleteMeeting);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);

  const open = () => {
    setFailure(null);
    dialogRef.current?.showModal();
    // The safe choice has focus first.
    cancelRef.current?.focus();
  };
  const close = () => dialogRef.current?.close();

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      await deleteMeeting(id);
      close();
      const directoryNote: DirectoryNote = 'deleted';
      navigate(DIRECTORY_PATH, { state: { directoryNote } });
    } catch (error) {
      setFailure(errorCodeOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel danger-zone meeting-delete" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('directory.delete.title')}</h2>
      <p>{t('directory.delete.text')}</p>
      <button type="button" className="danger" ref={openerRef} onClick={open}>
        {t('directory.delete.open')}
      </button>
      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={dialogTitleId}
        aria-describedby={dialogTextId}
        onClose={() => openerRef.current?.focus()}
      >
        <div className="form">
          <h2 id={dialogTitleId}>{t('directory.delete.dialogTitle')}</h2>
          <p id={dialogTextId}>{t('directory.delete.dialogText', { title })}</p>
          <FormAlert message={failure && t(errorMessageKey(failure))} />
          <div className="form-actions">
            <button
              type="button"
              className="danger"
              aria-disabled={busy || undefined}
              onClick={() => void confirm()}
            >
              {busy ? t('directory.delete.deleting') : t('directory.delete.confirm')}
            </button>
            <button type="button" className="secondary" ref={cancelRef} onClick={close}>
              {t('directory.delete.cancel')}
            </button>
          </div>
        </div>
      </dialog>
    </section>
  );
}

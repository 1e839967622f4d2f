import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { ErrorCode } from '../../../shared/errors.ts';
import { FormAlert, TextField } from '../forms/fields.tsx';
import { asApiError } from '../forms/problems.ts';
import { confirmationMatches } from '../forms/validation.ts';
import { errorMessageKey } from '../i18n/index.ts';
import { PATHS } from '../routes.ts';
import { useHavenStore } from '../store/index.ts';

/**
 * "Delete my account", confirmed in a native modal <dialog>: the browser keeps focus
 * inside it and closes it on Escape; we focus the confirmation field on opening and give
 * focus back to the button that opened it on closing.
 */
export function DeleteAccount() {
  const { t } = useTranslation();
  const headingId = useId();
  const dialogTitleId = useId();
  const dialogTextId = useId();
  const [, navigate] = useLocation();
  const deleteAccount = useHavenStore((s) => s.deleteAccount);
  const showFlash = useHavenStore((s) => s.showFlash);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [failure, setFailure] = useState<ErrorCode | null>(null);
  const [busy, setBusy] = useState(false);
  const word = t('account.delete.word');

  const focusField = () => formRef.current?.querySelector<HTMLInputElement>('input')?.focus();

  const open = () => {
    setTyped('');
    setMismatch(false);
    setFailure(null);
    dialogRef.current?.showModal();
    focusField();
  };
  const close = () => dialogRef.current?.close();

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    if (!confirmationMatches(typed, word)) {
      setMismatch(true);
      focusField();
      return;
    }
    setMismatch(false);
    setBusy(true);
    try {
      await deleteAccount();
      close();
      showFlash({ key: 'deleted', path: PATHS.home });
      navigate(PATHS.home);
    } catch (error) {
      const { code } = asApiError(error);
      if (code === 'UNAUTHENTICATED') {
        // Signed out meanwhile (another tab): nothing more can be done here.
        close();
        return;
      }
      setFailure(code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel account-section danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.delete.title')}</h2>
      <p>{t('account.delete.text')}</p>
      <button type="button" className="danger" ref={openerRef} onClick={open}>
        {t('account.delete.open')}
      </button>

      <dialog
        ref={dialogRef}
        className="dialog"
        aria-labelledby={dialogTitleId}
        aria-describedby={dialogTextId}
        onClose={() => openerRef.current?.focus()}
      >
        <form ref={formRef} className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <h2 id={dialogTitleId}>{t('account.delete.dialogTitle')}</h2>
          <p id={dialogTextId}>{t('account.delete.dialogText')}</p>
          <FormAlert message={failure && t(errorMessageKey(failure))} />
          <TextField
            label={t('account.delete.confirmLabel', { word })}
            error={mismatch ? t('account.delete.mismatch', { word }) : undefined}
            name="confirmation"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <div className="form-actions">
            <button type="submit" className="danger" aria-disabled={busy || undefined}>
              {busy ? t('account.delete.deleting') : t('account.delete.confirm')}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t('account.delete.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '../../../shared/errors.ts';
import { FormAlert, FormStatus } from '../forms/fields.tsx';
import { asApiError } from '../forms/problems.ts';
import { errorMessageKey } from '../i18n/index.ts';
import { useHavenStore } from '../store/index.ts';
import { exportFilename, saveJsonFile } from './download.ts';

/** "Download my data": a copy of everything Haven holds about the member, as JSON. */
export function DataSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const exportMyData = useHavenStore((s) => s.exportMyData);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<'preparing' | 'done' | null>(null);
  const [failure, setFailure] = useState<ErrorCode | null>(null);

  const download = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    setStatus('preparing');
    try {
      saveJsonFile(await exportMyData(), exportFilename());
      setStatus('done');
    } catch (error) {
      setStatus(null);
      setFailure(asApiError(error).code);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel account-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('account.data.title')}</h2>
      <p>{t('account.data.text')}</p>
      <FormAlert message={failure && t(errorMessageKey(failure))} />
      <div className="form-actions">
        <button
          type="button"
          className="secondary"
          aria-disabled={busy || undefined}
          onClick={() => void download()}
        >
          {t('account.data.download')}
        </button>
        <FormStatus message={status && t(`account.data.${status}`)} />
      </div>
    </section>
  );
}

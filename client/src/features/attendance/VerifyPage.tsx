import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearch } from 'wouter';
import type { SlipInvalidReason, SlipStatement } from '../../../../shared/api/attendance.ts';
import { ApiError } from '../../api/errors.ts';
import { Page } from '../../components/Page.tsx';
import { PUBLIC_KEY_URL, verifySlip } from './api.ts';
import { StatementDetails } from './StatementDetails.tsx';
import { slipFromAddress, slipFromPasted } from './slip.ts';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'valid'; statement: SlipStatement }
  | { state: 'invalid'; reason: SlipInvalidReason | 'input' | 'unavailable' };

/** `/attendance/verify?slip=…` or `#slip=…`: public, for a court clerk or an employer. */
export function VerifyPage() {
  const { t } = useTranslation();
  const search = useSearch();
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const [pasted, setPasted] = useState('');
  const fieldId = useId();

  const run = async (slip: string | null) => {
    if (!slip) {
      setCheck({ state: 'invalid', reason: 'input' });
      return;
    }
    setCheck({ state: 'checking' });
    try {
      const result = await verifySlip(slip);
      setCheck(
        result.valid
          ? { state: 'valid', statement: result.statement }
          : { state: 'invalid', reason: result.reason },
      );
    } catch (error) {
      const garbage = error instanceof ApiError && error.code === 'INVALID_INPUT';
      setCheck({ state: 'invalid', reason: garbage ? 'input' : 'unavailable' });
    }
  };

  // A slip in the address is checked once on arrival; `run` only sets state.
  // biome-ignore lint/correctness/useExhaustiveDependencies: run is recreated each render
  useEffect(() => {
    const fromAddress = slipFromAddress(search ? `?${search}` : '', window.location.hash);
    if (fromAddress || search.includes('slip=') || window.location.hash.length > 1)
      void run(fromAddress);
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(slipFromPasted(pasted));
  };

  // Narrowed outside the JSX, so the markup holds no string comparisons (no-literal-text).
  const checking = check.state === 'checking';
  const valid = check.state === 'valid' ? check : null;
  const invalid = check.state === 'invalid' ? check : null;

  return (
    <Page title={t('attendance.verify.title')} intro={t('attendance.verify.intro')} narrow>
      <div aria-live="polite" className="slip-result">
        {checking && <p role="status">{t('attendance.verify.checking')}</p>}
        {valid && (
          <section className="slip-valid" aria-labelledby="slip-valid-heading">
            <h2 id="slip-valid-heading">{t('attendance.verify.valid')}</h2>
            <p>{t('attendance.verify.validIntro')}</p>
            <StatementDetails statement={valid.statement} />
          </section>
        )}
        {invalid && (
          <section className="slip-invalid" role="alert" aria-labelledby="slip-invalid-heading">
            <h2 id="slip-invalid-heading">{t('attendance.verify.invalid')}</h2>
            <p>{t(`attendance.verify.reason.${invalid.reason}`)}</p>
          </section>
        )}
      </div>
      <form className="slip-paste" onSubmit={submit}>
        <label htmlFor={fieldId}>{t('attendance.verify.pasteLabel')}</label>
        <p id={`${fieldId}-hint`} className="field-hint">
          {t('attendance.verify.pasteHint')}
        </p>
        <textarea
          id={fieldId}
          aria-describedby={`${fieldId}-hint`}
          rows={4}
          value={pasted}
          onChange={(event) => setPasted(event.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
        />
        <button type="submit" disabled={checking}>
          {t('attendance.verify.check')}
        </button>
      </form>
      <p>
        <a href={PUBLIC_KEY_URL}>{t('attendance.verify.publicKey')}</a>
      </p>
    </Page>
  );
}
